package data

import (
	"strings"
	"testing"
)

// TestNegativeAmountsCounted: lines cancelled only for a negative amount
// are counted with the first's line and column, and the customers left
// with no order; a negative quantity, a "C" invoice and a discount netted
// into a kept order are not such lines. By hand: in the first log lines
// 3, 4 and 6 (B's -20, A's -5, C's -7) are, C has no other line; in the
// second, line 3 is a coupon of kept order I1 (a discount), line 4 a
// negative quantity, line 5 a "C" invoice, and line 6 a negative amount
// under order I9, which has no sale: the only one, at column 4 (the
// amount), of customer D, who has no order; the note says the other two
// by their rules (CancelRules).
func TestNegativeAmountsCounted(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       NegativeAmounts
		note       string
	}{
		{"neg.csv", "customer,date,amount\nA,2024-01-05,10\nB,2024-01-07,-20\nA,2024-02-10,-5\nB,2024-03-01,30\nC,2024-03-02,-7\n",
			NegativeAmounts{Lines: 3, Line: 3, Col: 3, Customers: 1},
			"3 cancelled (3 only for a negative amount, the first on line 3, column 3; 1 customer had no other line)"},
		{"mixed.csv", "order,customer,date,amount,qty\nI1,A,2024-01-05,10,1\nI1,A,2024-01-05,-2,1\nI2,A,2024-01-06,-3,-1\nC3,B,2024-01-07,-4,1\nI9,D,2024-01-08,-5,1\nI4,B,2024-01-09,6,1\n",
			NegativeAmounts{Lines: 1, Line: 6, Col: 4, Customers: 1},
			"3 cancelled (1 for a negative quantity, the first on line 4, column 5; " +
				`1 for a negative amount under an order id "C" + digits, the first on line 5, column 4; ` +
				"1 only for a negative amount, the first on line 6, column 4; 1 customer had no other line)"},
		{"none.csv", "customer,date,amount\nA,2024-01-05,10\nA,2024-01-06,12\n", NegativeAmounts{}, ""},
	} {
		log, err := ReadOrderLog(strings.NewReader(c.text), c.name, LogOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if log.NegativeAmounts != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, log.NegativeAmounts, c.want)
		}
		if got := log.LeftOut(); got != c.note {
			t.Errorf("%s: left out %q, want %q", c.name, got, c.note)
		}
	}
}
