package data

import (
	"errors"
	"slices"
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

// TestNamedLabelMissingOffersTwoValuedColumnsFirst: a label named with no
// column of that name (--label Foo) kept its columns in file order only,
// so a program asking which is the label offered an id first and the
// churn flag last. The message still lists the header as it is; the
// two-valued columns are Likeliest, and Offered puts them first.
func TestNamedLabelMissingOffersTwoValuedColumnsFirst(t *testing.T) {
	in := "customerID,gender,tenure,Churn\nA1,F,1,Yes\nA2,M,30,No\nA3,F,12,No\nA4,M,5,Yes\n"
	_, err := readString(in, CSVOptions{Label: "Foo"})
	var lnf *LabelNotFoundError
	if !errors.As(err, &lnf) {
		t.Fatalf("err %v, want a *LabelNotFoundError", err)
	}
	if want := `t.csv:1: no column named "Foo" for the label (columns: customerID, gender, tenure, Churn)`; err.Error() != want {
		t.Errorf("message\n got %s\nwant %s", err, want)
	}
	header := []string{"customerID", "gender", "tenure", "Churn"}
	if !slices.Equal(lnf.Columns, header) || !slices.Equal(lnf.Likeliest, []string{"gender", "Churn"}) || lnf.Named != "Foo" {
		t.Errorf("Columns %q, Likeliest %q, Named %q", lnf.Columns, lnf.Likeliest, lnf.Named)
	}
	if got, want := lnf.Offered(nil), []string{"gender", "Churn", "customerID", "tenure"}; !slices.Equal(got, want) {
		t.Errorf("Offered %q, want %q", got, want)
	}
}
