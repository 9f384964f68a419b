package cohortscreen

import (
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// earlyLines say, as cohorts does ("Left out: …"), how many orders the
// table leaves out as dated far before the rest of the log (a mistyped
// year: data.OrderLog.EarlyDated), how many customers go with them (those
// with no later order, in no cohort), where the earliest is, and where
// the table starts instead (none when there are no such orders). The
// Data screen's warning names them too; this screen's figures are the
// ones the table was counted without.
func (s Model) earlyLines(r *data.Retention, w int) []string {
	e := s.log.EarlyDated()
	if e == nil || r.EarlyOrders == 0 {
		return nil
	}
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	// English counts with the noun, Chinese with the number alone.
	orders := s.Tf("%[1]s dated far before the rest of the log", "%[2]s 笔日期远早于日志其余部分的订单",
		common.Plural(r.EarlyOrders, "order", "orders"), common.Thousands(r.EarlyOrders))
	if r.EarlyCustomers > 0 {
		orders += s.Tf(" (%[1]s with no later order, so in no cohort)", "（%[2]s 位客户此后再无订单，因而不属于任何同期群）",
			common.Plural(r.EarlyCustomers, "customer", "customers"), common.Thousands(r.EarlyCustomers))
	}
	text := "⚠ " + s.Tf("Left out: %s; the earliest, line %d, column %d, is dated %s: a mistyped year? The table starts on %s.",
		"未计入：%s；最早的一行在第 %d 行第 %d 列，日期为 %s：年份写错了？表从 %s 开始。",
		orders, e.Line, e.Col, day(e.Day), day(r.First))
	var lines []string
	for _, l := range widget.WrapUnmarked(text, max(w, 1)) {
		lines = append(lines, s.Styles.Warning.Render(l))
	}
	return lines
}
