package data

import (
	"slices"
	"strings"
	"testing"
)

// Levels of a category that differ only in case stay apart (as predict and
// the SQL export match a cell to its level exactly), with a note grouping
// them; spaces around a cell are trimmed, so " Female " is "Female".
func TestCaseLevelsNote(t *testing.T) {
	rows := []string{"Male", "male", "MALE", "Female", " Female ", "female", "Other"}
	var b strings.Builder
	b.WriteString("gender,plan,churn\n")
	for i, g := range rows {
		b.WriteString(g + ",basic," + []string{"no", "yes"}[i%2] + "\n")
		b.WriteString(g + ",pro," + []string{"yes", "no"}[i%2] + "\n")
	}
	tab := mustRead(t, b.String(), CSVOptions{})
	if got, want := tab.Column("gender").Levels, []string{"Female", "MALE", "Male", "Other", "female", "male"}; !slices.Equal(got, want) {
		t.Errorf("levels %q, want %q", got, want)
	}
	notes := LoadNotes(tab)
	want := `t.csv: column "gender": levels that differ only in case are kept apart, each an input of its own: "Female" and "female"; "MALE", "Male" and "male"`
	if !slices.Contains(notes, want) {
		t.Errorf("notes %q lack %q", notes, want)
	}
	for _, n := range notes {
		if strings.Contains(n, `"plan"`) {
			t.Errorf("a note on plan: %q", n)
		}
	}
}
