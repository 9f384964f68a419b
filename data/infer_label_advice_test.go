package data

import (
	"errors"
	"strings"
	"testing"
)

// TestLabelNotFoundAdvice: a program's Advice stands right after the
// sentence that no label column was found, before the likeliest columns or
// the title line, and only for a label that was to be recognised; the
// ParseError's own message never holds it.
func TestLabelNotFoundAdvice(t *testing.T) {
	const notFound = "t.csv:1: no label column found (looked for churn, label, target, revenue, exited, purchased, …)"
	for _, c := range []struct {
		name, in string
		opts     CSVOptions
		want     string
	}{
		{"nothing more", "a,b\n1,2\n", CSVOptions{}, notFound + "; ADVICE"},
		{"two-valued columns", "id,sex\n1,F\n2,M\n3,F\n", CSVOptions{},
			notFound + "; ADVICE (columns with two values, the likeliest labels: sex)"},
		{"title line", "Customer report\nexported 2024-05-01\n\n1,2,yes\n2,3,no\n", CSVOptions{},
			notFound + `; ADVICE; line 1 holds one cell, "Customer report", and line 4 is the first with 3 cells: if the lines above line 4 are a title, not the header, remove them`},
		{"named", "a,b\n1,2\n", CSVOptions{Label: "churn"}, `t.csv:1: no column named "churn" for the label (columns: a, b)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := readString(c.in, c.opts)
			var lnf *LabelNotFoundError
			if !errors.As(err, &lnf) {
				t.Fatalf("err %v, want a *LabelNotFoundError", err)
			}
			before := err.Error()
			lnf.Advice = "; ADVICE"
			if got := err.Error(); got != c.want {
				t.Errorf("with advice\n got %q\nwant %q", got, c.want)
			}
			if got := lnf.ParseError.Error(); got != before || strings.Contains(got, "ADVICE") {
				t.Errorf("ParseError %q, want %q as before the advice", got, before)
			}
		})
	}
}
