package experiment

import (
	"fmt"
	"math"
	"slices"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
)

// Grid is a rectangle of two numeric columns cut into Cols × Rows cells.
type Grid struct {
	// X and Y name the numeric columns on the horizontal and vertical axes.
	X, Y string
	// XLo…XHi and YLo…YHi are the ranges shown, in original units.
	XLo, XHi, YLo, YHi float64
	Cols, Rows         int
}

// CellX returns the value at the centre of column c, in original units.
func (g Grid) CellX(c int) float64 {
	return g.XLo + (float64(c)+0.5)/float64(g.Cols)*(g.XHi-g.XLo)
}

// CellY returns the value at the centre of row r; row 0 is the top, the
// highest y.
func (g Grid) CellY(r int) float64 {
	return g.YHi - (float64(r)+0.5)/float64(g.Rows)*(g.YHi-g.YLo)
}

// Cell returns the cell a pair of values falls in, and false when it lies
// off the grid (or a value is NaN).
func (g Grid) Cell(xv, yv float64) (col, row int, ok bool) {
	if math.IsNaN(xv) || math.IsNaN(yv) || xv < g.XLo || xv > g.XHi || yv < g.YLo || yv > g.YHi {
		return 0, 0, false
	}
	col = min(int((xv-g.XLo)/(g.XHi-g.XLo)*float64(g.Cols)), g.Cols-1)
	row = min(int((g.YHi-yv)/(g.YHi-g.YLo)*float64(g.Rows)), g.Rows-1)
	return col, row, true
}

// ProbabilityGrid returns the probability at the centre of every cell of
// g, [row][col] with row 0 the top, for the prepared input row with the
// grid's two numeric columns set to the cell's values and every other
// column held at row's values (a "was missing" indicator of X or Y is
// cleared). Each grid row is one batched forward pass.
func (x *Explainer) ProbabilityGrid(row []float64, g Grid) ([][]float64, error) {
	pred := engine.NewPredictor(x.Net)
	return x.gridOf(row, g, func(out, batch []float64, n int) error {
		pred.PredictFlat(out, nil, batch, n)
		x.Calibration.ApplyAll(out)
		return nil
	})
}

// ActivationGrid is ProbabilityGrid for the activation of hidden neuron n
// instead of the probability: each grid row is one forward pass through
// the layers up to n's.
func (x *Explainer) ActivationGrid(row []float64, g Grid, n Neuron) ([][]float64, error) {
	return x.gridOf(row, g, func(out, batch []float64, cols int) error {
		return x.Net.NeuronActivations(out, batch, cols, n.Layer, n.Index)
	})
}

// gridOf fills a grid's cells by eval, which is given one grid row's
// prepared inputs (cols rows of inputs) at a time.
func (x *Explainer) gridOf(row []float64, g Grid, eval func(out, batch []float64, cols int) error) ([][]float64, error) {
	if g.Cols < 1 || g.Rows < 1 || !(g.XHi > g.XLo) || !(g.YHi > g.YLo) {
		return nil, fmt.Errorf("grid of %d×%d cells over [%v, %v]×[%v, %v]: want at least one cell and ranges that are not empty",
			g.Cols, g.Rows, g.XLo, g.XHi, g.YLo, g.YHi)
	}
	xc, err := x.numericColumn(g.X)
	if err != nil {
		return nil, err
	}
	yc, err := x.numericColumn(g.Y)
	if err != nil {
		return nil, err
	}
	width := len(row)
	if width != x.Net.Arch.Inputs {
		return nil, fmt.Errorf("the row has %d inputs, the network takes %d", width, x.Net.Arch.Inputs)
	}
	batch := make([]float64, g.Cols*width)
	out := make([][]float64, g.Rows)
	for r := range g.Rows {
		yv := yc.Transformed(g.CellY(r))
		for c := range g.Cols {
			in := batch[c*width : (c+1)*width]
			copy(in, row)
			setInput(in, yc, yv)
			setInput(in, xc, xc.Transformed(g.CellX(c)))
		}
		out[r] = make([]float64, g.Cols)
		if err := eval(out[r], batch, g.Cols); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// setInput puts a numeric column's transformed value into a prepared row
// and clears its "was missing" indicator.
func setInput(in []float64, pc *data.PipelineColumn, v float64) {
	in[pc.First] = v
	if pc.Indicator {
		in[pc.First+1] = 0
	}
}

// numericColumn finds a numeric pipeline column by name.
func (x *Explainer) numericColumn(name string) (*data.PipelineColumn, error) {
	ci, err := x.column(name)
	if err != nil {
		return nil, err
	}
	pc := &x.Pipeline.Columns[ci]
	if pc.Kind != data.Numeric {
		return nil, fmt.Errorf("%s is not a numeric column; a map axis needs one", pc.Name)
	}
	return pc, nil
}

// AxisRange returns the 1st to 99th percentile of a numeric table column
// over the training rows, so one extreme user does not squeeze a map into a
// corner; the full range when those are equal, and 0…1 without values.
func (e *Experiment) AxisRange(column string) (lo, hi float64, err error) {
	d, rows := e.trainedData()
	c := d.Table.Column(column)
	if c == nil {
		return 0, 0, fmt.Errorf("%w: %q", ErrUnknownColumn, column)
	}
	lo, hi = percentileRange(c.Values, rows)
	return lo, hi, nil
}

// percentileRange is AxisRange on values at rows.
func percentileRange(values []float64, rows []int) (float64, float64) {
	vals := make([]float64, 0, len(rows))
	for _, r := range rows {
		if v := values[r]; !math.IsNaN(v) && !math.IsInf(v, 0) {
			vals = append(vals, v)
		}
	}
	if len(vals) == 0 {
		return 0, 1
	}
	slices.Sort(vals)
	lo, hi := vals[len(vals)/100], vals[len(vals)-1-len(vals)/100]
	if hi <= lo {
		lo, hi = vals[0], vals[len(vals)-1]
	}
	if hi <= lo {
		hi = lo + 1
	}
	return lo, hi
}

// DecisionMap is the probability over two numeric columns, the others held
// at one user's values.
type DecisionMap struct {
	Grid
	// Prob is [row][col], row 0 the top (see ProbabilityGrid): the
	// probability, or Neuron's activation when Neuron is not nil.
	Prob [][]float64
	// Neuron is the hidden neuron shaded (NeuronMap); nil for the output.
	Neuron *Neuron
}

// DecisionMap computes the map of table row tableRow over the numeric
// columns xcol and ycol, each axis spanning AxisRange, cut into cols × rows
// cells.
func (e *Experiment) DecisionMap(x *Explainer, tableRow int, xcol, ycol string, cols, rows int) (*DecisionMap, error) {
	return e.shadedMap(x, tableRow, xcol, ycol, cols, rows, nil)
}

// NeuronMap is DecisionMap with hidden neuron n's activation in Prob
// instead of the probability (nil n: the probability).
func (e *Experiment) NeuronMap(x *Explainer, tableRow int, xcol, ycol string, cols, rows int, n *Neuron) (*DecisionMap, error) {
	return e.shadedMap(x, tableRow, xcol, ycol, cols, rows, n)
}

// shadedMap is DecisionMap and NeuronMap.
func (e *Experiment) shadedMap(x *Explainer, tableRow int, xcol, ycol string, cols, rows int, n *Neuron) (*DecisionMap, error) {
	m := &DecisionMap{Grid: Grid{X: xcol, Y: ycol, Cols: cols, Rows: rows}, Neuron: n}
	var err error
	if m.XLo, m.XHi, err = e.AxisRange(xcol); err != nil {
		return nil, err
	}
	if m.YLo, m.YHi, err = e.AxisRange(ycol); err != nil {
		return nil, err
	}
	user, err := e.Row(tableRow)
	if err != nil {
		return nil, err
	}
	if n == nil {
		m.Prob, err = x.ProbabilityGrid(user, m.Grid)
	} else {
		m.Prob, err = x.ActivationGrid(user, m.Grid, *n)
	}
	if err != nil {
		return nil, err
	}
	return m, nil
}
