package data

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// An id column with a blank cell, its ids written as whole-valued floats
// (50001.0, as pandas writes an integer column after a NaN): still an
// identifier, judged on its present values, the blank counted in the note;
// its ids are written back as whole numbers and the blank stays blank.
// A dense column of ids not named like one (at least 100 distinct in a
// range under four times their number) with two blanks is one too; 1..20
// with five blanks numbers no rows, so it stays numeric.
func TestIdentifierWithBlankCells(t *testing.T) {
	var b strings.Builder
	b.WriteString("CustomerID,ref,tenure,churn\n")
	for i := range 120 {
		id, ref := fmt.Sprintf("%d.0", 50001+i), fmt.Sprint(700+3*i)
		if i == 5 {
			id = ""
		}
		if i == 9 || i == 90 {
			ref = ""
		}
		fmt.Fprintf(&b, "%s,%s,%d,%s\n", id, ref, i%7, []string{"no", "yes"}[i%2])
	}
	tab := mustRead(t, b.String(), CSVOptions{})
	c := tab.Column("CustomerID")
	if c.Kind != ID {
		t.Fatalf("CustomerID: kind %v (%s)", c.Kind, c.Note)
	}
	if c.Strings[0] != "50001" || c.Strings[5] != "" || c.Strings[119] != "50120" {
		t.Errorf("CustomerID: ids %q … %q", c.Strings[:6], c.Strings[119])
	}
	if c := tab.Column("ref"); c.Kind != ID || c.Strings[9] != "" || c.Strings[10] != "730" {
		t.Fatalf("ref: kind %v", c.Kind)
	}
	notes := LoadNotes(tab)
	for _, note := range []string{
		`t.csv: column "CustomerID" is not a feature: an identifier (unique integers; 1 blank id)`,
		`t.csv: column "ref" is not a feature: an identifier (unique integers; 2 blank ids)`,
	} {
		if !slices.Contains(notes, note) {
			t.Errorf("notes %q lack %q", notes, note)
		}
	}
	if got := tab.Column("tenure").Kind; got != Numeric {
		t.Errorf("tenure: %v", got)
	}

	b.Reset()
	b.WriteString("step,churn\n")
	for i := 1; i <= 25; i++ {
		cell := ""
		if i > 5 {
			cell = fmt.Sprint(i - 5)
		}
		fmt.Fprintf(&b, "%s,%s\n", cell, []string{"no", "yes"}[i%2])
	}
	if c := mustRead(t, b.String(), CSVOptions{}).Column("step"); c.Kind != Numeric {
		t.Errorf("step 1..20 with 5 blanks: %v, want numeric", c.Kind)
	}
}

// A column of text ids with a blank is an identifier whose note counts the
// blank id, as a column of numbers is.
func TestTextIdentifierWithBlankCell(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,x,churn\n")
	for i := range 30 {
		id := fmt.Sprintf("c%d", i)
		if i == 3 {
			id = ""
		}
		fmt.Fprintf(&b, "%s,%d,%s\n", id, i%4, []string{"no", "yes"}[i%2])
	}
	tab := mustRead(t, b.String(), CSVOptions{})
	note := `t.csv: column "id" is not a feature: an identifier (every value is unique; 1 blank id)`
	if notes := LoadNotes(tab); !slices.Contains(notes, note) {
		t.Errorf("notes %q lack %q", notes, note)
	}
}
