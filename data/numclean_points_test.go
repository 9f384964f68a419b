package data

import (
	"strings"
	"testing"
)

// TestPointGroupsNoted: a decimal-comma column that groups its thousands
// with points ("1.889,50") gets the load note that commas grouping
// thousands give ("1,889.50"), and its values are read right
// (1.889,50 = 1889.5 by hand); a column of decimal commas without points
// gets no note.
func TestPointGroupsNoted(t *testing.T) {
	var b strings.Builder
	b.WriteString("total;rate;churn\n")
	totals := []string{"1.889,50", "29,85", "108,15", "1.840,75", "151,65"}
	for i := range 40 {
		b.WriteString(totals[i%5] + ";" + []string{"29,85", "56,95", "53,85"}[i%3] + ";" + []string{"Yes", "No"}[i%2] + "\n")
	}
	tab, err := ReadCSV(strings.NewReader(b.String()), "de.csv", CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if c := tab.Column("total"); c == nil || c.Kind != Numeric || c.Values[0] != 1889.5 || c.Values[3] != 1840.75 {
		t.Fatalf("total: %+v", c)
	}
	notes := strings.Join(LoadNotes(tab), "\n")
	if want := `de.csv: column "total": numbers read without thousands separators`; !strings.Contains(notes, want) {
		t.Errorf("load notes lack %q:\n%s", want, notes)
	}
	if strings.Contains(notes, `"rate"`) {
		t.Errorf("a note on rate, which has no thousands:\n%s", notes)
	}
}
