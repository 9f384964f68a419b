package data

import (
	"math"
	"testing"
)

// TestMissingNotesFoldsIndicatorRule checks the per-fold note (a nil
// pipeline, as cross-validation gives) against MinGroup: a column with
// fewer missing cells in the whole table than MinGroup can never get a
// was-missing input in any fold, and one with more gets it only in the
// folds whose training rows hold at least MinGroup of them.
func TestMissingNotesFoldsIndicatorRule(t *testing.T) {
	col := func(name string, missing int) *Column {
		v := make([]float64, 100)
		for i := range v {
			v[i] = float64(i)
		}
		for i := range missing {
			v[i] = math.NaN()
		}
		return NewNumericColumn(name, v)
	}
	tab := &Table{Source: "t.csv", Rows: 100, IDColumn: -1,
		Columns: []*Column{col("few", MinGroup-1), col("enough", MinGroup)}}
	got := MissingNotes(tab, nil, PipelineOptions{Impute: ImputeMean, MissingIndicators: true})
	want := []string{
		`t.csv: column "few": 9 missing cells of 100, filled with the mean of each fold's training rows; ` +
			"no was-missing input (fewer than 10 cells are missing: it would single out so few customers)",
		`t.csv: column "enough": 10 missing cells of 100, filled with the mean of each fold's training rows; ` +
			"a was-missing input marks each where the fold's training rows have at least 10 missing",
	}
	if len(got) != len(want) {
		t.Fatalf("notes %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("note %d:\n got %q\nwant %q", i, got[i], want[i])
		}
	}
}
