package data

import (
	"slices"
	"testing"
)

// TestClipWarnings: a column warns when more than one scored row in ten,
// and at least MinGroup rows, lie beyond its kept range, above or below;
// exactly one in ten, or 9 rows of 50, do not.
func TestClipWarnings(t *testing.T) {
	p := &Pipeline{Columns: []PipelineColumn{
		{Name: "visits", Kind: Numeric, Min: 2, Max: 15, Clip: true},
		{Name: "spend", Kind: Numeric, Min: 0.5, Max: 99.5, Clip: true},
		{Name: "age", Kind: Numeric, Min: 18, Max: 80, Clip: true},
	}}
	beyond := map[Cell]float64{}
	for r := range 11 { // visits: 11 of 100, 6 above and 5 below
		beyond[Cell{r, 0}] = []float64{1000, -1}[r%2]
	}
	for r := range 10 { // spend: 10 of 100, exactly one in ten
		beyond[Cell{r, 1}] = 500
	}
	got := p.ClipWarnings(beyond, 100, "f.csv")
	want := []string{`f.csv: column "visits": 11 of the 100 rows scored (11.0 %) lie outside the range the model keeps [2, 15], ` +
		"scored as if at its nearer end: for that many rows the model is extrapolating on this feature, so read their scores with care"}
	if !slices.Equal(got, want) {
		t.Errorf("warnings\n%q\nwant\n%q", got, want)
	}
	few := map[Cell]float64{}
	for r := range 9 { // 9 of 50 (18 %), fewer than MinGroup
		few[Cell{r, 2}] = 90
	}
	if got := p.ClipWarnings(few, 50, "f.csv"); got != nil {
		t.Errorf("9 rows warn: %q", got)
	}
}
