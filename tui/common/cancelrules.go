package common

import (
	"strings"

	"github.com/retainlab/retain/data"
)

// CancelRulesText words the rules by which an order log left lines out as
// cancellations (data.CancelRules, then data.NegativeAmounts without its
// customers), each with its count and its first line and column, joined by
// "; " ("" when no line is counted): said after the cancelled lines.
func (c Common) CancelRulesText(r data.CancelRules, n data.NegativeAmounts) string {
	var parts []string
	add := func(rule data.CancelRule, en, zh string) {
		if rule.Lines > 0 {
			parts = append(parts, c.Tf(en+", the first on line %d, column %d", zh+"，第一条在第 %d 行第 %d 列",
				Thousands(rule.Lines), rule.Line, rule.Col))
		}
	}
	add(r.Status, "%s by their order status", "%s 条因订单状态")
	add(r.NegativeQuantity, "%s for a negative quantity", "%s 条因数量为负")
	add(r.CInvoice, `%s for a negative amount under an order id "C" + digits`, "%s 条因金额为负且订单号为“C”加数字")
	add(data.CancelRule{Lines: n.Lines, Line: n.Line, Col: n.Col}, "%s only for a negative amount", "%s 条仅因金额为负")
	return strings.Join(parts, c.T("; ", "；"))
}
