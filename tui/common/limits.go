package common

import (
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// NetworkLimits states the limits on a network, "1,000,000 params · 256
// MiB to train", in the interface's language ("" when there are none).
func (c Common) NetworkLimits(l experiment.Limits) string {
	var parts []string
	if l.MaxParams > 0 {
		parts = append(parts, c.Tf("%s params", "%s 个参数", Thousands(l.MaxParams)))
	}
	if l.MaxTrainMemory > 0 {
		parts = append(parts, c.Tf("%s to train", "训练内存 %s", data.Bytes(float64(l.MaxTrainMemory))))
	}
	return strings.Join(parts, " · ")
}
