package data

import (
	"fmt"
	"strings"
	"testing"
)

// TestLongIdentifierRules: 120 distinct 9-digit numbers within a factor of
// ten are an identifier; fewer rows, a repeat, a small smallest value, a
// spread over ten times, or values that read as dates are not. Ranges by
// hand: 708082083 + 119·1000003 = 827082440 < 7080820830.
func TestLongIdentifierRules(t *testing.T) {
	seq := func(n int, f func(i int) float64) []float64 {
		v := make([]float64, n)
		for i := range v {
			v[i] = f(i)
		}
		return v
	}
	account := func(i int) float64 { return float64(708082083 + i*1000003) }
	repeated := seq(120, account)
	repeated[7] = repeated[3]
	tests := []struct {
		name   string
		values []float64
		want   bool
	}{
		{"accounts", seq(120, account), true},
		{"too few", seq(99, account), false},
		{"a repeat", repeated, false},
		{"small values", seq(120, func(i int) float64 { return float64(99000 + i*7) }), false},
		// 100000 + 119²·100 = 1516100 ≥ 10·100000: an amount's spread.
		{"wide spread", seq(120, func(i int) float64 { return float64(100000 + i*i*100) }), false},
		// 20000101 … 20091201: every value a YYYYMMDD day.
		{"yyyymmdd", seq(120, func(i int) float64 { return float64(20000101 + i/12*10000 + i%12*100) }), false},
		{"unix seconds", seq(120, func(i int) float64 { return float64(1600000000 + i*86401) }), false},
		{"unix millis", seq(120, func(i int) float64 { return float64(1600000000000 + i*86401000) }), false},
	}
	for _, tc := range tests {
		lo, hi := tc.values[0], tc.values[0]
		for _, v := range tc.values {
			lo, hi = min(lo, v), max(hi, v)
		}
		if got := longIdentifier(tc.values, lo, hi); got != tc.want {
			t.Errorf("%s: identifier %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestLongIdentifierNote: a column of 120 distinct 9-digit numbers named
// neither like an id nor like a measure ("ref") is read as an
// identifier, and the note says why; the same numbers named like a measure
// (annual_revenue) stay numeric, and named CLIENTNUM they are an id by
// their name.
func TestLongIdentifierNote(t *testing.T) {
	var b strings.Builder
	b.WriteString("ref,annual_revenue,CLIENTNUM,age,Attrition_Flag\n")
	for i := range 120 {
		v := 708082083 + i*1000003
		fmt.Fprintf(&b, "%d,%d,%d,%d,%d\n", v, v, v, 20+i%50, i%3%2)
	}
	tab, err := ReadCSV(strings.NewReader(b.String()), "bc.csv", CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c := tab.Column("ref")
	if c == nil || c.Kind != ID || c.Strings[0] != "708082083" {
		t.Fatalf("ref: %+v", c)
	}
	if c := tab.Column("annual_revenue"); c == nil || c.Kind != Numeric {
		t.Errorf("annual_revenue: %+v, want numeric", c)
	}
	if c := tab.Column("CLIENTNUM"); c == nil || c.Kind != ID || c.Why.Kind != ReasonUniqueIntegers {
		t.Errorf("CLIENTNUM: %+v, want an identifier by its name", c)
	}
	if tab.Label.Name != "Attrition_Flag" {
		t.Errorf("label %q, want Attrition_Flag", tab.Label.Name)
	}
	line := `bc.csv: column "ref" is not a feature: an identifier (120 unique whole numbers of 9 digits or more within a factor of ten, as account numbers are)`
	if notes := strings.Join(LoadNotes(tab), "\n"); !strings.Contains(notes, line) {
		t.Errorf("load notes lack %q:\n%s", line, notes)
	}
}
