package experiment

import (
	"fmt"
	"strings"
	"testing"
	"time"
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
