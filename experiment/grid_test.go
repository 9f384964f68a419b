package experiment

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/retainlab/retain/data"
)

// numericPair returns the names of the first two numeric pipeline columns.
func numericPair(t *testing.T, e *Experiment) (string, string) {
	t.Helper()
	var names []string
	for _, pc := range e.Pipeline.Columns {
		if pc.Kind == data.Numeric {
			names = append(names, pc.Name)
		}
	}
	if len(names) < 2 {
		t.Fatalf("numeric columns %v: want two", names)
	}
	return names[0], names[1]
}

// TestDecisionMapMatchesTheNetworkCellByCell checks every cell against the
// network run on the user's row with the two columns set through
// Explainer.Set (to rounding: one row at a time sums in another order), and
// bit for bit against the Map screen's former loop (one PredictBatch per
// grid row of inputs built with Explainer.Set).
func TestDecisionMapMatchesTheNetworkCellByCell(t *testing.T) {
	e := untrained(t, 500)
	xname, yname := numericPair(t, e)
	x := e.Explainer()
	const cols, rows, user = 7, 5, 42
	m, err := e.DecisionMap(x, user, xname, yname, cols, rows)
	if err != nil {
		t.Fatal(err)
	}
	xlo, xhi, _ := e.AxisRange(xname)
	if m.XLo != xlo || m.XHi != xhi || m.Cols != cols || m.Rows != rows || len(m.Prob) != rows {
		t.Fatalf("grid %+v, want x over [%v, %v] in %d×%d cells", m.Grid, xlo, xhi, cols, rows)
	}
	in, err := e.Row(user)
	if err != nil {
		t.Fatal(err)
	}
	for r := range rows {
		yv := m.YHi - (float64(r)+0.5)/rows*(m.YHi-m.YLo)
		at, err := x.Set(in, yname, strconv.FormatFloat(yv, 'g', -1, 64))
		if err != nil {
			t.Fatal(err)
		}
		batch := make([]float64, 0, cols*len(in))
		for c := range cols {
			xv := m.XLo + (float64(c)+0.5)/cols*(m.XHi-m.XLo)
			cell, err := x.Set(at, xname, strconv.FormatFloat(xv, 'g', -1, 64))
			if err != nil {
				t.Fatal(err)
			}
			if want := e.Net.Predict(cell)[0]; math.Abs(m.Prob[r][c]-want) > 1e-12 {
				t.Errorf("cell %d,%d: %v, the network on that input %v", r, c, m.Prob[r][c], want)
			}
			batch = append(batch, cell...)
		}
		out, err := e.Net.PredictBatch(mat.NewDense(cols, len(in), batch))
		if err != nil {
			t.Fatal(err)
		}
		for c := range cols {
			if math.Float64bits(m.Prob[r][c]) != math.Float64bits(out.At(c, 0)) {
				t.Errorf("cell %d,%d: %v, the Map screen's loop %v", r, c, m.Prob[r][c], out.At(c, 0))
			}
		}
	}
}

func TestAxisRangeIsThe1stTo99thPercentileOfTrainingRows(t *testing.T) {
	e := untrained(t, 500)
	xname, _ := numericPair(t, e)
	lo, hi, err := e.AxisRange(xname)
	if err != nil {
		t.Fatal(err)
	}
	var vals []float64
	for _, r := range e.TrainRows {
		if v := e.Data.Table.Column(xname).Values[r]; !math.IsNaN(v) {
			vals = append(vals, v)
		}
	}
	slices.Sort(vals)
	k := len(vals) / 100
	if lo != vals[k] || hi != vals[len(vals)-1-k] {
		t.Errorf("AxisRange = %v…%v, want %v…%v", lo, hi, vals[k], vals[len(vals)-1-k])
	}
	if lo, hi := percentileRange([]float64{3, 3, math.NaN()}, []int{0, 1, 2}); lo != 3 || hi != 4 {
		t.Errorf("constant column: %v…%v, want 3…4", lo, hi)
	}
	if lo, hi := percentileRange([]float64{math.NaN()}, []int{0}); lo != 0 || hi != 1 {
		t.Errorf("no values: %v…%v, want 0…1", lo, hi)
	}
	if _, _, err := e.AxisRange("nope"); !errors.Is(err, ErrUnknownColumn) {
		t.Errorf("unknown column: %v", err)
	}
}

func TestGridCells(t *testing.T) {
	g := Grid{XLo: 0, XHi: 10, YLo: 0, YHi: 4, Cols: 5, Rows: 4}
	for _, tc := range []struct {
		x, y     float64
		col, row int
		ok       bool
	}{
		{0, 4, 0, 0, true}, {10, 0, 4, 3, true}, {4.5, 2.5, 2, 1, true},
		{-0.1, 2, 0, 0, false}, {5, 4.1, 0, 0, false}, {math.NaN(), 1, 0, 0, false},
	} {
		col, row, ok := g.Cell(tc.x, tc.y)
		if col != tc.col || row != tc.row || ok != tc.ok {
			t.Errorf("Cell(%v, %v) = %d, %d, %v; want %d, %d, %v", tc.x, tc.y, col, row, ok, tc.col, tc.row, tc.ok)
		}
	}
	if g.CellX(0) != 1 || g.CellY(0) != 3.5 {
		t.Errorf("centres of cell 0: x %v, y %v; want 1 and 3.5", g.CellX(0), g.CellY(0))
	}
}

func TestProbabilityGridRefusals(t *testing.T) {
	e := untrained(t, 200)
	x := e.Explainer()
	xname, yname := numericPair(t, e)
	in, _ := e.Row(0)
	// The built-in data is all numeric: a pipeline with a categorical
	// column, refused before the network is used.
	plan := &Explainer{Net: x.Net, Pipeline: &data.Pipeline{Columns: []data.PipelineColumn{
		{Name: "visits", Kind: data.Numeric, Scale: 1, Width: 1},
		{Name: "plan", Kind: data.Categorical, Levels: []string{"basic", "pro"}, First: 1, Width: 2}}}}
	for _, tc := range []struct {
		g    Grid
		want string
	}{
		{Grid{X: xname, Y: yname, XHi: 1, YHi: 1, Cols: 0, Rows: 3},
			"grid of 0×3 cells over [0, 1]×[0, 1]: want at least one cell and ranges that are not empty"},
		{Grid{X: xname, Y: yname, XLo: 1, XHi: 1, YHi: 1, Cols: 2, Rows: 3},
			"grid of 2×3 cells over [1, 1]×[0, 1]: want at least one cell and ranges that are not empty"},
		{Grid{X: "nope", Y: yname, XHi: 1, YHi: 1, Cols: 2, Rows: 2}, `unknown column: "nope"`},
		{Grid{X: xname, Y: yname, XHi: 1, YHi: 1, Cols: 2, Rows: 2},
			"the row has 3 inputs, the network takes " + strconv.Itoa(x.Net.Arch.Inputs)},
	} {
		row := in
		if tc.g.Cols == 2 && tc.g.X == xname {
			row = []float64{0, 0, 0}
		}
		if _, err := x.ProbabilityGrid(row, tc.g); err == nil || err.Error() != tc.want {
			t.Errorf("%+v: got %v\nwant %s", tc.g, err, tc.want)
		}
	}
	g := Grid{X: "visits", Y: "plan", XHi: 1, YHi: 1, Cols: 2, Rows: 2}
	if _, err := plan.ProbabilityGrid(in, g); err == nil || err.Error() != "plan is not a numeric column; a map axis needs one" {
		t.Errorf("categorical axis: %v", err)
	}
}
