package datascreen

import (
	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/tui/common"
)

// leftOut words the other lines of an order log left out of the orders:
// those without a customer id and stock adjustments, the discount lines
// netted into their orders, then the rules that left the cancelled lines
// out ("" when none).
func (s Model) leftOut(c *data.CohortReport) string {
	out := ""
	if c.MissingCustomer > 0 {
		out += s.Tf(" · %s without a customer id", " · %s 条无客户编号", common.Thousands(c.MissingCustomer))
	}
	if c.Adjustments > 0 {
		out += s.Tf(" · %s stock adjustments", " · %s 条库存调整", common.Thousands(c.Adjustments))
	}
	if c.Discounts > 0 {
		out += s.Tf(" · %s discount lines netted into their orders", " · %s 条折扣行已计入其订单金额", common.Thousands(c.Discounts))
	}
	out += s.eventsNote(c)
	if rules := s.CancelRulesText(c.CancelRules, c.NegativeAmounts); rules != "" {
		// Said last, so that the counts before it stay in view on a
		// narrow screen: by which rules the cancelled lines were left
		// out, where the first of each is, and the customers that lines
		// cancelled only for a negative amount leave with no order.
		out += s.Tf(" · cancelled: %s", " · 取消行：%s", rules)
		if n := c.NegativeAmounts.Customers; n > 0 {
			out += s.Tf(" · %s customers with no other line", " · %s 位客户再无其他行", common.Thousands(n))
		}
	}
	if k := c.KeptCInvoices; k.Lines > 0 {
		// Kept, not left out; said after the cancellations (which stay
		// in view first), so that a log of "C" ids learns why none was
		// cancelled.
		out += s.Tf(` · kept as orders: %s under an order id "C" + digits, not negative (first on line %d, column %d)`,
			" · 保留为订单：%s 条订单号为“C”加数字的行，金额和数量都不为负（第一条在第 %d 行第 %d 列）", common.Thousands(k.Lines), k.Line, k.Col)
	}
	return out
}
