package datascreen

import (
	"fmt"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// warning words a load warning in the interface's language: English is
// experiment's own wording (but for an order log's, whose advice is a
// key here), Chinese is worded here from its fields.
func (s Model) warning(w experiment.LoadWarning) string {
	if o, ok := w.(*experiment.OrderLogWarning); ok {
		// The command line's --log is a key here, in both languages.
		return s.LogLookWarning(o.Path, o.Look)
	}
	if l, ok := w.(*experiment.LeakWarning); ok && s.Lang != "zh" {
		// The command line's --exclude is a key here.
		return fmt.Sprintf("%s: column %q alone separates the label (ROC AUC %.4f on its own): it may be the label under another name "+
			"or known only after the outcome; leave it out with x on its row of the Schema", l.Path, l.Column, l.AUC)
	}
	if s.Lang != "zh" {
		return w.String()
	}
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	switch w := w.(type) {
	case *experiment.FutureWarning:
		return s.FutureWarningText(w)
	case *experiment.EarlyWarning:
		return fmt.Sprintf("%s：%s 行中有 %s 行的日期远早于日志的其余部分（最早一处：第 %d 行第 %d 列，%s；其余日期为 %s .. %s）："+
			"年份写错了？请更正或删除这些行：同期群、特征和图表都从最早的日期算起",
			w.Name, data.Thousands(w.Lines), data.Thousands(w.Early), w.Line, w.Col, day(w.Day), day(w.RestFirst), day(w.Last))
	case *experiment.WindowWarning:
		last := "日志的最后日期"
		if w.UpToToday {
			last = "日志今天及以前的最后日期"
		}
		s := fmt.Sprintf("%s：标签窗口 %s .. %s 超出了%s %s：之后的订单看不到，"+
			"所以部分会再次下单的客户被标为 %q", w.Path, day(w.Cutoff), day(w.End), last, day(w.Last), w.Negative)
		if w.NoCutoffFits() {
			return s + fmt.Sprintf("；没有合适的截止日：日志只跨 %d 天（%s .. %s），而观察期为 %d 天；请选择不超过 %d 天的观察期",
				w.SpanDays(), day(w.First), day(w.Last), w.HorizonDays(), w.SpanDays())
		}
		return s + fmt.Sprintf("；请选择不晚于 %s 的截止日", day(w.Latest))
	case *experiment.DateOrderWarning:
		return dateOrderWarningZh(w)
	case *experiment.HistoryWarning:
		return fmt.Sprintf("%s：到截止日 %s 为止的历史只有 %d 天（从 %s 起），短于 %d 天的特征窗口："+
			"每位客户的 orders_90d、tenure_days、recency_days 和下单间隔都被截短",
			w.Path, day(w.Cutoff), w.Days, day(w.First), w.WindowDays)
	case *experiment.BlankWarning:
		cell := common.LogRoleZh(w.Role) + "为空"
		if w.Cell != "" {
			cell = common.LogRoleZh(w.Role) + " " + common.QuoteCut(w.Cell)
		}
		return fmt.Sprintf("%s：%s 条保留的行没有金额、单价或数量（第一处：第 %d 行第 %d 列，%s）："+
			"这些订单照常计入，缺少的数按 0 读，所以消费额和件数的合计不含这些行",
			w.Path, common.Thousands(w.Lines), w.Line, w.Column, cell)
	case *experiment.DecimalCommaWarning:
		if w.Pseudonymised {
			return fmt.Sprintf("%s：列 %q 未按数字读取：%s", w.Path, w.Column, common.DecimalCommaZh(nil))
		}
		return fmt.Sprintf("%s：列 %q 按类别读取：%s", w.Path, w.Column, common.DecimalCommaZh(w.Shown()))
	case *experiment.LeakWarning:
		return fmt.Sprintf("%s：列 %q 单独就能区分标签（单列 ROC AUC %.4f）：它可能是换了名字的标签，或只有在结果发生后才知道；"+
			"请在“结构”中选中该列的行，按 x 将其排除", w.Path, w.Column, w.AUC)
	}
	return w.String()
}
