package experiment

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/retainlab/retain/data"
)

// blankPipeline has a numeric column without a was-missing input (its
// blanks are read as the fill 29, which a user may hold too) and one with
// such an input.
func blankPipeline() *data.Pipeline {
	return &data.Pipeline{Columns: []data.PipelineColumn{
		{Name: "tenure", Kind: data.Numeric, Fill: 29, Center: 30, Scale: 10, Width: 1, First: 0},
		{Name: "spend", Kind: data.Numeric, Fill: 50, Center: 50, Scale: 20, Width: 2, First: 1, Indicator: true},
	}}
}

// A blank cell read as the fill is marked Blank from the user's own
// values (a table's NaN), and its reason says it; a user who holds the
// fill, and a blank of a column whose was-missing input makes its value
// "missing", are not marked.
func TestSetOwnMarksABlankCellTheModelFilled(t *testing.T) {
	p := blankPipeline()
	nan := math.NaN()
	tab := &data.Table{Columns: []*data.Column{
		{Name: "tenure", Kind: data.Numeric, Values: []float64{nan, 29}},
		{Name: "spend", Kind: data.Numeric, Values: []float64{nan, 10}},
	}}
	x := &Explainer{Pipeline: p}
	for row, c := range []struct {
		tenure, spend bool
		text          string
	}{
		{true, false, "tenure (blank, read as 29) (+0.0312)"},
		{false, false, "tenure=29 (+0.0312)"},
	} {
		reasons := []Reason{{Column: "tenure", Value: "29", Attribution: 0.0312}, {Column: "spend", Value: "missing"}}
		x.SetOwn(reasons, func(ci int) float64 { return OwnValue(tab, row, &p.Columns[ci]) })
		if reasons[0].Blank != c.tenure || reasons[1].Blank != c.spend || FormatReason(reasons[0]) != c.text {
			t.Errorf("row %d: blank %v, %v, %q; want %v, %v, %q", row, reasons[0].Blank, reasons[1].Blank,
				FormatReason(reasons[0]), c.tenure, c.spend, c.text)
		}
	}
}

// Scored.Own gives NaN for exactly the cells the file left blank and the
// value the model took for the others, so that predict and the API mark
// the blank cell only; a cell holding the fill reads as the fill.
func TestScoredOwnIsNaNForBlankCellsOnly(t *testing.T) {
	p := blankPipeline()
	tenure := &p.Columns[0]
	// Row 0: tenure blank (read as the fill); row 1: tenure 29 written.
	x := mat.NewDense(2, 3, []float64{tenure.Transformed(29), 0, 0, tenure.Transformed(29), 0, 0})
	s := &Scored{X: x, Beyond: map[data.Cell]float64{}, Blank: map[data.Cell]bool{{Row: 0, Column: 0}: true}, pipeline: p}
	if v := s.Own(0)(0); !math.IsNaN(v) {
		t.Errorf("row 0's blank tenure: own %v, want NaN", v)
	}
	if v := s.Own(1)(0); math.Abs(v-29) > 1e-12 {
		t.Errorf("row 1's tenure 29: own %v, want 29", v)
	}
	if s.Blank = nil; math.IsNaN(s.Own(0)(0)) {
		t.Error("without Blank, row 0's tenure reads as blank")
	}
	if s.Beyond = nil; s.Own(0) != nil {
		t.Error("without Beyond (raw values not known), Own is not nil")
	}
}
