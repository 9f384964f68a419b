package datascreen

import (
	"fmt"
	"time"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// warning words a load warning in the interface's language: English is
// experiment's own wording, Chinese is worded here from its fields.
func (s Model) warning(w experiment.LoadWarning) string {
	if s.Lang != "zh" {
		return w.String()
	}
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	switch w := w.(type) {
	case *experiment.FutureWarning:
		return s.FutureWarningText(w)
	case *experiment.WindowWarning:
		return fmt.Sprintf("%s：标签窗口 %s .. %s 超出了日志的最后日期 %s：之后的订单看不到，"+
			"所以部分会再次下单的客户被标为 %q；请选择不晚于 %s 的截止日",
			w.Path, day(w.Cutoff), day(w.End), day(w.Last), w.Negative, day(w.Latest))
	case *experiment.BlankWarning:
		cell := common.LogRoleZh(w.Role) + "为空"
		if w.Cell != "" {
			cell = common.LogRoleZh(w.Role) + " " + common.QuoteCut(w.Cell)
		}
		return fmt.Sprintf("%s：%s 条保留的行没有金额、单价或数量（第一处：第 %d 行第 %d 列，%s）："+
			"这些订单照常计入，缺少的数按 0 读，所以消费额和件数的合计不含这些行",
			w.Path, common.Thousands(w.Lines), w.Line, w.Column, cell)
	case *experiment.LeakWarning:
		return fmt.Sprintf("%s：列 %q 单独就能区分标签（单列 ROC AUC %.4f）：它可能是换了名字的标签，或只有在结果发生后才知道；"+
			"请用 --exclude %s 将其排除", w.Path, w.Column, w.AUC, experiment.ShellWord(w.Column))
	}
	return w.String()
}
