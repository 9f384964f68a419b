package experiment

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/pseudonym"
)

// TestDecimalCommaCategoryWarnsOnLoad: a column of a comma-separated file
// whose numbers are written with a decimal comma, with few enough values
// to be a category, is read as one with a warning that says so (it used
// to be re-typed without a word); an excluded one is not warned about.
// Price takes three values and churn two, row by row (i%3, i%2), so each
// price has as many of each class and no leak warning comes with it.
func TestDecimalCommaCategoryWarnsOnLoad(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,price,weight,visits,churn\n")
	for i := range 24 {
		fmt.Fprintf(&b, "u%02d,\"%s\",\"%d,5\",%d,%s\n", i, []string{"1,25", "2,5", "3,75"}[i%3], i%4, i%7, []string{"no", "yes"}[i%2])
	}
	src := Source{Kind: "csv", Path: "u.csv", Exclude: []string{"weight"}}
	d, err := LoadAt(src, stringOpener(b.String()), time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Warnings) != 1 {
		t.Fatalf("warnings %q, want the price's alone", d.Notes())
	}
	w, ok := d.Warnings[0].(*DecimalCommaWarning)
	if !ok || *w != (DecimalCommaWarning{Path: "u.csv", Column: "price", Cells: [2]string{"1,25", "2,5"}}) {
		t.Fatalf("warning %#v", d.Warnings[0])
	}
	line := `warning: u.csv: column "price" is read as a category: it looks like numbers written with a decimal comma ("1,25", "2,5"), ` +
		"which only a semicolon-separated file reads as numbers: separate the fields with semicolons, or write the numbers with a decimal point"
	if notes := d.Notes(); notes[0] != line {
		t.Errorf("first note %q\nwant %q", notes[0], line)
	}
}

// TestPseudonymiseDecimalCommaQuotesNoCell: under pseudonyms, a column
// Pseudonymise replaces still quoted its cells as numbers written with a
// decimal comma: an identifier ("10,01", "10,02": account numbers, say) in
// its note, and text that names people (20 values in 24 rows) in the load
// warning. Both now say it without quoting a cell; a category of three
// prices, not pseudonymised, keeps its numeric examples.
func TestPseudonymiseDecimalCommaQuotesNoCell(t *testing.T) {
	key, _ := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	var b strings.Builder
	b.WriteString("id,acct,fee,price,visits,churn\n")
	for i := range 24 {
		fmt.Fprintf(&b, "u%02d,\"10,%02d\",\"%d,5\",\"%s\",%d,%s\n", i, i+1, i%20, []string{"1,25", "2,5", "3,75"}[i%3], i%7, []string{"no", "yes"}[i%2])
	}
	d, err := LoadAt(Source{Kind: "csv", Path: "u.csv"}, stringOpener(b.String()), time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	before := slices.Clone(d.Warnings)
	if acct := d.Table.Column("acct"); acct.Kind != data.ID || acct.Why.DecimalComma != [2]string{"10,01", "10,02"} {
		t.Fatalf("acct: %v, %+v: the test no longer tests what it says", acct.Kind, acct.Why)
	}
	d.Pseudonymise(key)
	advice := "which only a semicolon-separated file reads as numbers: separate the fields with semicolons, or write the numbers with a decimal point"
	acct := d.Table.Column("acct")
	if want := "it looks like numbers written with a decimal comma, " + advice; acct.Note != want {
		t.Errorf("acct's note\n%q\nwant\n%q", acct.Note, want)
	}
	if acct.Why.DecimalComma != [2]string{key.ID("10,01"), key.ID("10,02")} || !acct.Why.DecimalCommaHidden || acct.NamesRows() {
		t.Errorf("acct's reason %+v, names rows %v", acct.Why, acct.NamesRows())
	}
	want := []string{
		`warning: u.csv: column "fee" is not read as numbers: it looks like numbers written with a decimal comma, ` + advice,
		`warning: u.csv: column "price" is read as a category: it looks like numbers written with a decimal comma ("1,25", "2,5"), ` + advice,
	}
	notes := d.Notes()
	if !slices.Equal(notes[:min(2, len(notes))], want) {
		t.Errorf("notes\n%q\nwant first\n%q", notes, want)
	}
	if w := d.Warnings[0].(*DecimalCommaWarning); !w.Pseudonymised || w.Cells != [2]string{key.ID("0,5"), key.ID("1,5")} || w.Shown() != nil {
		t.Errorf("fee's warning %+v", w)
	}
	for _, n := range notes {
		for _, cell := range []string{"10,01", "10,02", `"0,5"`, `"1,5"`} {
			if strings.Contains(n, cell) {
				t.Errorf("%q quotes %s", n, cell)
			}
		}
	}
	if w := before[0].(*DecimalCommaWarning); w.Pseudonymised || w.Cells[0] != "0,5" {
		t.Errorf("the warning loaded was written: %+v", w)
	}
}
