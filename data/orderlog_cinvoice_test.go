package data

import (
	"strings"
	"testing"
)

// TestCInvoiceNeedsANegativeLine: an order id "C" + digits marks a
// cancellation only on a line of negative quantity or amount. A log whose
// every order id is "C" + digits (orders numbered C1000000, C1000001, …)
// keeps all its orders; in a log where such ids also sell, only the
// negative lines are cancelled, and the note says by which rule, with the
// first line and column. Counted by hand from the texts.
func TestCInvoiceNeedsANegativeLine(t *testing.T) {
	for _, c := range []struct {
		name, text        string
		orders, cancelled int
		note              string
	}{
		// Three sales under "C" ids: three orders, nothing left out.
		{"cids.csv", "order_id,customer_id,date,quantity,amount\nC1000000,A,2024-01-05,1,10\nC1000001,A,2024-02-05,2,20\nC1000002,B,2024-01-09,1,5\n",
			3, 0, ""},
		// Lines 2, 3 and 5 sell (one under "C7"); line 4 returns A's item
		// (quantity -1, column 4); line 6 is a negative amount (column 5)
		// under "C9" with a quantity of 1.
		{"mixed.csv", "order_id,customer_id,date,quantity,amount\nW1,A,2024-01-05,1,10\nC7,A,2024-02-05,2,20\nC8,A,2024-02-06,-1,-10\nW2,B,2024-01-09,1,5\nC9,B,2024-01-10,1,-5\n",
			3, 2, `2 cancelled (1 for a negative quantity, the first on line 4, column 4; 1 for a negative amount under an order id "C" + digits, the first on line 6, column 5)`},
		// A cancelled status (column 5) is said as its rule.
		{"status.csv", "order_id,customer_id,date,amount,status\nO1,A,2024-01-05,10,delivered\nO2,A,2024-02-05,20,canceled\nO3,B,2024-01-09,5,delivered\n",
			2, 1, "1 cancelled (1 by their order status, the first on line 3, column 5)"},
	} {
		log, err := ReadOrderLog(strings.NewReader(c.text), c.name, LogOptions{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if len(log.Orders) != c.orders || log.Cancelled != c.cancelled {
			t.Errorf("%s: %d orders, %d cancelled; want %d, %d", c.name, len(log.Orders), log.Cancelled, c.orders, c.cancelled)
		}
		if got := log.LeftOut(); got != c.note {
			t.Errorf("%s: left out\n got %q\nwant %q", c.name, got, c.note)
		}
	}
}
