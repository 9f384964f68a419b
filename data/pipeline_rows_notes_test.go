package data

import (
	"slices"
	"strings"
	"testing"
)

// TestReadRowsNotes checks the notes of rows read for scoring: category
// levels the model has no input for are counted per column with the first
// and the first that differs from a model level only in case (the trial's
// "female" against "Female"), and a file without the model's id column
// says its rows are numbered. Fitted on 40 rows at the default group,
// gender has the levels Female and Male (20 each) and no catch-all; plan
// has basic, and pro, seen once, folded into the catch-all "(other)".
func TestReadRowsNotes(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,gender,plan,churn\n")
	for i := range 40 {
		plan := "basic"
		if i == 0 {
			plan = "pro"
		}
		b.WriteString(strings.Join([]string{itoa(i + 1), []string{"Female", "Male"}[i%2], plan, []string{"no", "yes"}[i%3%2]}, ",") + "\n")
	}
	tab := mustRead(t, b.String(), CSVOptions{})
	rows := make([]int, tab.Rows)
	for i := range rows {
		rows[i] = i
	}
	p, err := FitPipeline(tab, rows, PipelineOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Columns[1].Levels; !slices.Equal(got, []string{"basic", OtherLevel}) {
		t.Fatalf("plan levels %q", got)
	}
	r, err := p.ReadRows(strings.NewReader("customer,gender,plan\nc1,Other,basic\nc2,female,gold\nc3,Male,\nc4,MALE,pro\n"), "new.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`new.csv: column "gender": 3 cells hold levels the model has no input for (unseen or rare in training), scored as no level (all its inputs 0); the first is "Other" at line 2, column 2; "female" (line 3) differs from the model's "Female" only in case`,
		`new.csv: column "plan": 2 cells hold levels the model has no input for (unseen or rare in training), scored as "(other)"; the first is "gold" at line 3, column 3`,
	}
	if !slices.Equal(r.Notes, want) {
		t.Errorf("notes\n%q\nwant\n%q", r.Notes, want)
	}
	if want := `new.csv: no column "id", the model's identifier: rows are numbered 1 to 4 instead`; r.IDNote != want {
		t.Errorf("id note %q\nwant %q", r.IDNote, want)
	}
	r, err = p.ReadRows(strings.NewReader("id,gender,plan\n7,Male,basic\n"), "same.csv")
	if err != nil || r.Notes != nil || r.IDNote != "" {
		t.Errorf("known levels and the id column: notes %q, id note %q, err %v; want none", r.Notes, r.IDNote, err)
	}
}
