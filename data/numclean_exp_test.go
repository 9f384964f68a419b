package data

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
)

// TestExponentWithMarks checks that a number in scientific notation is
// read with a percent sign, a currency sign or a decimal comma, as the
// plain forms are (review21 finding 3: "9.83E-05%" and "9,83E-05", as
// spreadsheets write online_shoppers' BounceRates, made the file refused).
// The values are the numbers as written, by hand.
func TestExponentWithMarks(t *testing.T) {
	cases := []struct {
		cell         string
		decimalComma bool
		want         float64
		marks        NumberMarks
		ok           bool
	}{
		{"9.83E-05%", false, 9.83e-05, markPercent, true},
		{"$1.5e3", false, 1500, markCurrency, true},
		{"9,83E-05%", true, 9.83e-05, markPercent, true},
		{"€ 2,5E+2", true, 250, markCurrency << 1, true},
		{"1.234,5E3", true, 0, 0, false}, // grouped thousands with an exponent: no number
		{"$1,234.5e3", false, 0, 0, false},
		{"1,234e3%", false, 0, 0, false},
		{"(1.5e3)", false, -1500, markParens, true},
		{"9,83E-", true, 0, 0, false},
	}
	for _, c := range cases {
		v, marks, ok := parseCleaned([]byte(c.cell), c.decimalComma)
		if ok != c.ok || marks != c.marks || (ok && math.Abs(v-c.want) > 1e-12) {
			t.Errorf("parseCleaned(%q, %v) = %v, %b, %v; want %v, %b, %v", c.cell, c.decimalComma, v, marks, ok, c.want, c.marks, c.ok)
		}
	}
	for _, c := range []struct {
		cell string
		want float64
		ok   bool
	}{{"9,83E-05", 9.83e-05, true}, {"-1,5e2", -150, true}, {"1.234,5E3", 0, false}, {"1,5e", 0, false}, {"983E-05", 0, false}} {
		v, ok := parseComma([]byte(c.cell), false)
		if ok != c.ok || ok && math.Abs(v-c.want) > 1e-12 {
			t.Errorf("parseComma(%q) = %v, %v; want %v, %v", c.cell, v, ok, c.want, c.ok)
		}
	}
}

// TestExponentCellsInFiles reads whole files: a percent column with one
// "9.83E-05%" cell, and the same numbers written the European way (";"
// and a decimal comma), where "9,83E-05" must be 9.83e-05.
func TestExponentCellsInFiles(t *testing.T) {
	var pct, eu strings.Builder
	pct.WriteString("rate,churn\n")
	eu.WriteString("rate;churn\n")
	for i := 1; i <= 40; i++ {
		r := fmt.Sprintf("%d.5", i)
		if i == 20 {
			r = "9.83E-05"
		}
		fmt.Fprintf(&pct, "%s%%,%s\n", r, []string{"no", "yes"}[i%2])
		fmt.Fprintf(&eu, "%s;%s\n", strings.Replace(r, ".", ",", 1), []string{"no", "yes"}[i%2])
	}
	tab := mustRead(t, pct.String(), CSVOptions{})
	rate := tab.Column("rate")
	if rate.Kind != Numeric || rate.Values[19] != 9.83e-05 || rate.Values[0] != 1.5 {
		t.Errorf("percent: %v %v %v", rate.Kind, rate.Values[19], rate.Values[0])
	}
	want := []string{`t.csv: column "rate": numbers read without their percent sign (kept as written: 9% is 9)`}
	if got := LoadNotes(tab); !slices.Equal(got, want) {
		t.Errorf("notes\n got %q\nwant %q", got, want)
	}
	tab = mustRead(t, eu.String(), CSVOptions{})
	rate = tab.Column("rate")
	if rate.Kind != Numeric || rate.Values[19] != 9.83e-05 || rate.Values[0] != 1.5 {
		t.Errorf("decimal comma: %v %v %v", rate.Kind, rate.Values[19], rate.Values[0])
	}
	if got := LoadNotes(tab); len(got) != 0 {
		t.Errorf("decimal comma notes: %q", got)
	}
}
