package main

import (
	"fmt"

	"github.com/retainlab/retain/data"
)

// singleOrdersWhy says why every customer of an order log has one order,
// after "every customer has one order": when lines were left out as
// cancellations only for a negative amount (data.NegativeAmounts), those
// first, as they may be the customers' other orders; then whether the
// customer column is a per-order key.
func singleOrdersWhy(log *data.OrderLog, column string) string {
	key := fmt.Sprintf("is the customer column %q a per-order key? name the customer column with --log-columns customer=COL", column)
	if log == nil || log.NegativeAmounts.Lines == 0 {
		return key
	}
	n := log.NegativeAmounts
	lines := data.Count(n.Lines, "line", "lines") + " with a negative amount are"
	if n.Lines == 1 {
		lines = "1 line with a negative amount is"
	}
	return fmt.Sprintf("once %s left out as cancellations (the first on line %d, column %d): "+
		"if they are orders, their amounts must not be negative; otherwise %s", lines, n.Line, n.Col, key)
}
