package trainscreen

import (
	"github.com/retainlab/retain/experiment"
)

// validation names how the next or current run on an order log is
// validated ("" for other data): the scheme asked for before the run is
// prepared, the one in use after, with the fallback said plainly.
func (s Model) validation() string {
	if s.data == nil || s.data.Log == nil {
		return ""
	}
	if s.exp != nil && s.state != trainIdle {
		if s.exp.Fallback != nil {
			return s.T(" · random split (out of time impossible, see Data)", " · 随机划分（无法跨时间验证，见“数据”页）")
		}
		return s.validationOf(s.exp.Scheme())
	}
	return s.validationOf(s.cfg.Validation)
}

func (s Model) validationOf(v experiment.Scheme) string {
	if v == experiment.OutOfTime {
		return s.T(" · validated out of time", " · 跨时间验证")
	}
	return s.T(" · validated on a random split", " · 随机划分验证")
}
