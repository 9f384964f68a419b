package datascreen

import (
	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/tui/common"
)

// eventsNote words, for the Cohort line, an event log's events that are
// not purchases — not orders, but counted by the event features — and
// the visitors with events but no purchase by the cutoff, who are not
// customers and get no score ("" for a log without events).
func (s Model) eventsNote(c *data.CohortReport) string {
	out := ""
	if c.OtherEvents > 0 {
		out += s.Tf(" · %s events that are not purchases (not orders; used as features)",
			" · %s 条非购买事件（不算订单，用作特征）", common.Thousands(c.OtherEvents))
	}
	switch {
	case c.Visitors == 1:
		out += s.T(" · 1 visitor with events but no purchase by the cutoff: not a customer, not scored",
			" · 1 位访客截止日前有事件但没有购买：不算客户，不评分")
	case c.Visitors > 1:
		out += s.Tf(" · %s visitors with events but no purchase by the cutoff: not customers, not scored",
			" · %s 位访客截止日前有事件但没有购买：不算客户，不评分", common.Thousands(c.Visitors))
	}
	return out
}
