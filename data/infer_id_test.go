package data

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// idTestCSV builds 200 rows: a banking-style CustomerId (8-digit ids drawn
// without repeats from a range 250 times wider than the rows, as in public
// churn tables), a RowNumber 1..200 in row order, a user_id of shuffled
// ids, genuine counts (Poisson-like, repeating) and an amount column whose
// whole-number values happen to be distinct but are spread thinly over
// their range and not named like an id.
func idTestCSV() string {
	r := rand.New(rand.NewPCG(7, 7))
	perm := r.Perm(200)
	seen := map[int]bool{}
	var b strings.Builder
	b.WriteString("RowNumber,CustomerId,user_id,orders,amount_paid,Exited\n")
	for i := range 200 {
		id := 15565701 + r.IntN(250000)
		for seen[id] {
			id = 15565701 + r.IntN(250000)
		}
		seen[id] = true
		fmt.Fprintf(&b, "%d,%d,%d,%d,%d,%d\n", i+1, id, 1000+perm[i], r.IntN(6), i*997+r.IntN(900), i%3%2)
	}
	return b.String()
}

func TestIdentifiersDetected(t *testing.T) {
	tab, err := ReadCSV(strings.NewReader(idTestCSV()), "bank.csv", CSVOptions{Label: "Exited"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Kind{"RowNumber": ID, "CustomerId": ID, "user_id": ID, "orders": Numeric, "amount_paid": Numeric}
	for name, kind := range want {
		if c := tab.Column(name); c == nil || c.Kind != kind {
			t.Errorf("%s: kind %v, want %v", name, c.Kind, kind)
		}
	}
	notes := strings.Join(LoadNotes(tab), "\n")
	for _, name := range []string{"RowNumber", "CustomerId", "user_id"} {
		line := fmt.Sprintf("bank.csv: column %q is not a feature: an identifier (unique integers)", name)
		if !strings.Contains(notes, line) {
			t.Errorf("load notes lack %q:\n%s", line, notes)
		}
	}
}

func TestIntegerIdentifierRules(t *testing.T) {
	seq := func(n, start, step int) []float64 {
		v := make([]float64, n)
		for i := range v {
			v[i] = float64(start + i*step)
		}
		return v
	}
	tests := []struct {
		name   string
		values []float64
		want   bool
	}{
		{"CustomerId", []float64{15634602, 15647311, 15619304}, true},                                    // named: any range
		{"account_number", []float64{10, 900000, 55}, true},                                              // named: any range
		{"RowNumber", seq(20, 1, 1), true},                                                               // numbers the rows
		{"n", seq(100, 100, 3), true},                                                                    // 100 distinct, dense range
		{"visits", seq(99, 100, 3), false},                                                               // dense but too few to tell
		{"amount", seq(60, 0, 997), false},                                                               // distinct but sparse
		{"orders", []float64{1, 2, 2, 3, 0, 1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17}, false}, // repeats
		{"user_id", []float64{4, 9, 4}, false},                                                           // named but repeating
		{"paid", []float64{15, 2500, 310}, false},                                                        // a word ending in "id"
		{"用户编号", []float64{10, 900000, 55}, true},                                                        // "user number": named
		{"会员号码", []float64{1388, 20, 7}, true},                                                           // "member number": named
	}
	for _, tc := range tests {
		lo, hi := tc.values[0], tc.values[0]
		for _, v := range tc.values {
			lo, hi = min(lo, v), max(hi, v)
		}
		if got := integerIdentifier(tc.name, tc.values, lo, hi, true); got != tc.want {
			t.Errorf("%s %v: identifier %v, want %v", tc.name, tc.values, got, tc.want)
		}
	}
}

// TestNamedIntegerIdsWithRepeats: a whole-number column named like an id
// whose values repeat on a few rows (duplicated rows of a marketing table)
// is an identifier, as a text id column is; one that mostly repeats is
// not, and a count that repeats is numeric. Counts by hand: ID has 8
// distinct values in 10 rows (8 ≥ ¾ of 10), store_id 3 in 10.
func TestNamedIntegerIdsWithRepeats(t *testing.T) {
	csv := "ID,store_id,visits,Response\n" +
		"5524,1,3,1\n2174,2,1,0\n4141,3,4,0\n6182,1,1,0\n5324,2,5,1\n" +
		"7446,3,9,0\n965,1,2,0\n6177,2,6,1\n5524,3,3,1\n2174,1,1,0\n"
	tab, err := ReadCSV(strings.NewReader(csv), "mc.csv", CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for name, kind := range map[string]Kind{"ID": ID, "store_id": Numeric, "visits": Numeric} {
		if c := tab.Column(name); c == nil || c.Kind != kind {
			t.Errorf("%s: kind %v, want %v", name, c.Kind, kind)
		}
	}
	if c := tab.Column("ID"); c.Strings[0] != "5524" || c.Why != (Reason{Kind: ReasonIDName, Distinct: 8, Rows: 10}) {
		t.Errorf("ID: first %q, why %+v", c.Strings[0], c.Why)
	}
	line := `mc.csv: column "ID" is not a feature: an identifier (named like an identifier, 8 distinct values in 10 rows)`
	if notes := strings.Join(LoadNotes(tab), "\n"); !strings.Contains(notes, line) {
		t.Errorf("load notes lack %q:\n%s", line, notes)
	}
}
