package data

import (
	"strings"
	"testing"
)

// TestKeptCInvoicesNoted: lines whose order id is "C" + digits that are
// kept as orders are said so, with why, in a log without quantities or
// amounts and in one whose "C" lines are not negative (review35 #2: such
// a log lost no line, but said nothing of the rule); a negative "C" line
// is a cancellation and is not counted. Lines as written below: the header
// is line 1.
func TestKeptCInvoicesNoted(t *testing.T) {
	cases := []struct {
		text, want string
	}{
		{"order,customer,date\nC100,a,2024-01-02\nC101,b,2024-01-03\nC102,a,2024-02-03\n",
			`3 lines under an order id "C" + digits, the first on line 2, column 1, kept as orders: the log has no quantity or amount that could show them negative (only a negative "C" line is read as a cancellation, as in the UCI Online Retail logs)`},
		{"customer,order,date,amount\na,W100,2024-01-02,5\nb,C101,2024-01-03,6\na,C102,2024-02-03,-6\na,W103,2024-02-04,7\n",
			`1 line under an order id "C" + digits, the first on line 3, column 2, kept as orders: it is not negative (only a negative "C" line is read as a cancellation, as in the UCI Online Retail logs)`},
		{"customer,order,date,amount\na,W100,2024-01-02,5\na,C102,2024-02-03,-6\n", ""},
	}
	for _, c := range cases {
		log, err := ReadOrderLog(strings.NewReader(c.text), "o.csv", LogOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if got := log.KeptCNote(); got != c.want {
			t.Errorf("note %q\nwant %q", got, c.want)
		}
	}
}
