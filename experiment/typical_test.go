package experiment

import (
	"math"
	"testing"

	"github.com/retainlab/retain/data"
)

// TypicalValues over a hand-made table: only the training rows count.
func TestTypicalValuesByHand(t *testing.T) {
	nan := math.NaN()
	tbl := &data.Table{Rows: 7, Columns: []*data.Column{
		// Training rows 0–5 hold 4, NaN, 1, 9, 2, 100: present 1 2 4 9 100 → 4
		// (row 6, 1000, is not a training row).
		{Name: "visits", Kind: data.Numeric, Values: []float64{4, nan, 1, 9, 2, 100, 1000}},
		// Even count: 10 20 30 40 → 25.
		{Name: "days", Kind: data.Numeric, Values: []float64{40, 10, nan, 30, 20, nan, 0}},
		// No training row has a value.
		{Name: "empty", Kind: data.Numeric, Values: []float64{nan, nan, nan, nan, nan, nan, 5}},
		// 3 of 6 rows true: not more than half, so "no".
		{Name: "member", Kind: data.Boolean, Levels: []string{"no", "yes"}, Values: []float64{1, 1, 1, 0, 0, nan, 0}},
		// 4 of 6 true: "yes".
		{Name: "mobile", Kind: data.Boolean, Levels: []string{"no", "yes"}, Values: []float64{1, 1, 1, 1, 0, 0, 0}},
		// b and c twice each: the tie goes to b; row 6's c does not count.
		{Name: "plan", Kind: data.Categorical, Levels: []string{"a", "b", "c"}, Strings: []string{"c", "b", "", "b", "a", "c", "c"}},
		{Name: "blank", Kind: data.Categorical, Strings: []string{"", "", "", "", "", "", "x"}},
	}}
	var cols []data.PipelineColumn
	for _, c := range tbl.Columns {
		cols = append(cols, data.PipelineColumn{Name: c.Name, Kind: c.Kind})
	}
	cols = append(cols, data.PipelineColumn{Name: "gone", Kind: data.Numeric})
	e := &Experiment{Data: &Data{Table: tbl}, Pipeline: &data.Pipeline{Columns: cols}, TrainRows: []int{0, 1, 2, 3, 4, 5}}

	got := e.TypicalValues()
	want := []TypicalValue{
		{Numeric: true, Median: 4},
		{Numeric: true, Median: 25},
		{Numeric: true, Median: nan},
		{Level: "no"},
		{Level: "yes"},
		{Level: "b"},
		{Level: ""},
		{Numeric: true, Median: nan},
	}
	if len(got) != len(want) {
		t.Fatalf("%d values, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		sameMedian := g.Median == w.Median || (math.IsNaN(g.Median) && math.IsNaN(w.Median))
		if g.Numeric != w.Numeric || g.Level != w.Level || (w.Numeric && !sameMedian) {
			t.Errorf("%s: %+v, want %+v", cols[i].Name, g, w)
		}
	}
}
