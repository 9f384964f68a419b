package experiment

import (
	"testing"

	"github.com/retainlab/retain/data"
)

// TestNoLevelNamedTruly: a blank or unseen categorical cell was explained
// as "Gender=(other)" although Gender has no (other) level, and a blank
// Geography as "Geography=(other)" although it was scored as no level, not
// as (other) (review 16, Medium 2). Gender (Female, Male: no catch-all)
// names a cell with no level "(blank or unseen)"; Geography (France,
// Spain and the catch-all (other), where an unseen level goes) names it
// "(blank)", as only a blank takes no level there.
func TestNoLevelNamedTruly(t *testing.T) {
	p := &data.Pipeline{Columns: []data.PipelineColumn{
		{Name: "Gender", Kind: data.Categorical, Levels: []string{"Female", "Male"}, First: 0, Width: 2},
		{Name: "Geography", Kind: data.Categorical, Levels: []string{"France", "Spain", data.OtherLevel}, Other: true, First: 2, Width: 3},
	}}
	x := &Explainer{Pipeline: p}
	row := make([]float64, 5) // every one-hot output 0: no level
	if got := x.Value(row, 0); got != "(blank or unseen)" {
		t.Errorf("Gender with no level reads %q", got)
	}
	if got := x.Value(row, 1); got != "(blank)" {
		t.Errorf("Geography with no level reads %q", got)
	}
	for _, c := range []struct {
		r    Reason
		want string
	}{
		{Reason{Column: "Gender", Value: NoLevel, Attribution: 0.0412, NoLevel: true}, "Gender (blank or unseen) (+0.0412)"},
		{Reason{Column: "Geography", Value: BlankLevel, Attribution: 0.0334, NoLevel: true}, "Geography (blank) (+0.0334)"},
		{Reason{Column: "Geography", Value: data.OtherLevel, Attribution: 0.0352}, "Geography=(other) (+0.0352)"},
	} {
		if got := FormatReason(c.r); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
	}
}
