package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// TestServePseudonymNoteNamesTheColumns: serve said "ids pseudonymised in
// every session" even when the only id column was one the loader did not
// recognise; it now names every column it pseudonymises, and says when
// there is none.
func TestServePseudonymNoteNamesTheColumns(t *testing.T) {
	var b strings.Builder
	b.WriteString("subscriber,email,plan,churn\n")
	for i := range 200 {
		sub := fmt.Sprintf("S%03d", i)
		if i == 1 {
			sub = "S000"
		}
		fmt.Fprintf(&b, "%s,u%d@example.com,%s,%d\n", sub, i, []string{"a", "b"}[i%2], i%2)
	}
	tab, err := data.ReadCSV(strings.NewReader(b.String()), "sub.csv", data.CSVOptions{Label: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	note, found := pseudonymNote(&experiment.Data{Table: tab})
	if want := `pseudonymised in every session: "subscriber", "email"`; note != want || !found {
		t.Errorf("note %q, %v; want %q, true", note, found, want)
	}
	plain, err := data.ReadCSV(strings.NewReader("plan,churn\na,0\nb,1\na,1\n"), "plain.csv", data.CSVOptions{Label: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	note, found = pseudonymNote(&experiment.Data{Table: plain})
	if want := "no identifier column to pseudonymise"; note != want || found {
		t.Errorf("note %q, %v; want %q, false", note, found, want)
	}
}
