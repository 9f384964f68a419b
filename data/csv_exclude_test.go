package data

import (
	"fmt"
	"strings"
	"testing"
)

func TestExcludedColumnIsNotParsed(t *testing.T) {
	// "avg" is numeric in the sample and "n/k" after it: an error unless
	// the column is excluded, when it is kept as text.
	var b strings.Builder
	b.WriteString("x,avg,churn\n")
	for i := 1; i <= 1100; i++ {
		avg := fmt.Sprint(i % 17)
		if i == 1050 {
			avg = "n/k"
		}
		fmt.Fprintf(&b, "%d,%s,%s\n", i%5, avg, []string{"no", "yes"}[i%2])
	}
	_, err := readString(b.String(), CSVOptions{})
	want := `t.csv:1051:2: column "avg": expected a finite number (the column's first rows are numeric), got "n/k"; correct such cells (a missing value may be left blank), or leave the column out with --exclude avg`
	if err == nil || err.Error() != want {
		t.Fatalf("not excluded: got %v\nwant %s", err, want)
	}
	tab := mustRead(t, b.String(), CSVOptions{Exclude: []string{"AVG"}})
	if err := ExcludeColumns(tab, []string{"AVG"}); err != nil {
		t.Fatal(err)
	}
	c := tab.Column("avg")
	if c.Kind != Categorical || !c.Excluded || c.Strings[1049] != "n/k" {
		t.Errorf("excluded column: %v %v %q", c.Kind, c.Excluded, c.Strings[1049])
	}
}
