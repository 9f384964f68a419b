package data

import (
	"slices"
	"testing"
)

// TestClipWarnings: an end of a column's kept range warns when more than
// one scored row in ten, and at least 20, lie beyond it (more than the 18
// training values an end, the mean of the 10th to 19th most extreme, can
// leave beyond it); exactly one in ten, 19 rows, or rows split between the
// two ends do not.
func TestClipWarnings(t *testing.T) {
	p := &Pipeline{Columns: []PipelineColumn{
		{Name: "visits", Kind: Numeric, Min: 2, Max: 15, Clip: true},
		{Name: "spend", Kind: Numeric, Min: 0.5, Max: 99.5, Clip: true},
		{Name: "age", Kind: Numeric, Min: 18, Max: 80, Clip: true},
		{Name: "tenure", Kind: Numeric, Min: 1, Max: 72, Clip: true},
	}}
	beyond := map[Cell]float64{}
	for r := range 21 { // visits: 21 of 200 (10.5 %) below
		beyond[Cell{r, 0}] = -1
	}
	for r := range 20 { // spend: 20 of 200, exactly one in ten, above
		beyond[Cell{r, 1}] = 500
	}
	for r := range 30 { // tenure: 15 above and 15 below, 30 in all
		beyond[Cell{r, 3}] = []float64{100, 0}[r%2]
	}
	got := p.ClipWarnings(beyond, 200, "f.csv")
	want := []string{`f.csv: column "visits": 21 of the 200 rows scored (10.5 %) lie below the range the model keeps [2, 15] and were scored as 2: ` +
		"for that many rows the model is extrapolating on this feature, so read their scores with care"}
	if !slices.Equal(got, want) {
		t.Errorf("warnings\n%q\nwant\n%q", got, want)
	}
	few := map[Cell]float64{}
	for r := range 19 { // 19 of 50 (38 %), fewer than 20
		few[Cell{r, 2}] = 90
	}
	if got := p.ClipWarnings(few, 50, "f.csv"); got != nil {
		t.Errorf("19 rows warn: %q", got)
	}
}
