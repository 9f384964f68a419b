package mapscreen

import (
	"math"
	"slices"
	"strconv"

	tea "charm.land/bubbletea/v2"
	"gonum.org/v1/gonum/mat"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// maxMapPoints bounds the users drawn on the decision map; more would
// only cover the colours.
const maxMapPoints = 3000

// mapRequest says which decision map to compute.
type mapRequest struct {
	run, row   int
	xcol, ycol int // pipeline columns
	cols, rows int // cells
}

// gridPoint is a user drawn on the map.
type gridPoint struct {
	col, row int
	positive bool
}

// decisionGrid is the probability over a grid of two features, the
// other features held at one user's values, with users as points.
type decisionGrid struct {
	req      mapRequest
	xlo, xhi float64
	ylo, yhi float64
	prob     [][]float64 // [row][col]; row 0 is the highest y
	points   []gridPoint
	self     gridPoint // the selected user (col −1 when off the map)
}

// ReadyMsg carries a decision map computed off the UI goroutine; the root
// hands it to the Map screen.
type ReadyMsg struct {
	grid *decisionGrid
	// Err says why the map could not be computed.
	Err error
}

// mapCmd computes a decision map off the UI goroutine.
func mapCmd(e *experiment.Experiment, req mapRequest) tea.Cmd {
	return func() tea.Msg {
		g, err := computeGrid(e, req)
		return ReadyMsg{grid: g, Err: err}
	}
}

func computeGrid(e *experiment.Experiment, req mapRequest) (g *decisionGrid, err error) {
	defer common.Recovered(&err)
	t := e.Data.Table
	xc, yc := e.Pipeline.Columns[req.xcol], e.Pipeline.Columns[req.ycol]
	xs, ys := t.Column(xc.Name), t.Column(yc.Name)
	if xs == nil || ys == nil {
		return nil, experiment.ErrUnknownColumn
	}
	g = &decisionGrid{req: req}
	g.xlo, g.xhi = axisRange(xs.Values, e.TrainRows)
	g.ylo, g.yhi = axisRange(ys.Values, e.TrainRows)
	user, err := e.Row(req.row)
	if err != nil {
		return nil, err
	}
	x := e.Explainer()
	width := len(user)
	g.prob = make([][]float64, req.rows)
	batch := make([]float64, req.cols*width)
	for r := range req.rows {
		yv := g.yhi - (float64(r)+0.5)/float64(req.rows)*(g.yhi-g.ylo)
		at, err := x.Set(user, yc.Name, strconv.FormatFloat(yv, 'g', -1, 64))
		if err != nil {
			return nil, err
		}
		for c := range req.cols {
			xv := g.xlo + (float64(c)+0.5)/float64(req.cols)*(g.xhi-g.xlo)
			in := batch[c*width : (c+1)*width]
			copy(in, at)
			if err := setNumeric(x, in, xc, xv); err != nil {
				return nil, err
			}
		}
		// One batched forward pass per grid row.
		out, err := e.Net.PredictBatch(mat.NewDense(req.cols, width, batch))
		if err != nil {
			return nil, err
		}
		g.prob[r] = make([]float64, req.cols)
		for c := range req.cols {
			g.prob[r][c] = out.At(c, 0)
		}
	}
	// At most one user per five cells, so the colours stay readable.
	points := max(min(maxMapPoints, req.cols*req.rows/5), 1)
	stride := max(t.Rows/points, 1)
	for r := 0; r < t.Rows; r += stride {
		if p, ok := g.cell(xs.Values[r], ys.Values[r]); ok {
			p.positive = t.Label.Values[r] == 1
			g.points = append(g.points, p)
		}
	}
	g.self = gridPoint{col: -1}
	if p, ok := g.cell(xs.Values[req.row], ys.Values[req.row]); ok {
		g.self = p
	}
	return g, nil
}

// setNumeric sets a numeric column of a transformed row in place: directly
// when the column is one scaled output, through the explainer (which also
// clears a missing-value indicator) otherwise.
func setNumeric(x *experiment.Explainer, in []float64, pc data.PipelineColumn, v float64) error {
	if pc.Width == 1 && !pc.Indicator {
		in[pc.First] = pc.Transformed(v)
		return nil
	}
	out, err := x.Set(in, pc.Name, strconv.FormatFloat(v, 'g', -1, 64))
	if err != nil {
		return err
	}
	copy(in, out)
	return nil
}

// cell returns the cell of a value pair, if it lies on the map.
func (g *decisionGrid) cell(xv, yv float64) (gridPoint, bool) {
	if math.IsNaN(xv) || math.IsNaN(yv) || xv < g.xlo || xv > g.xhi || yv < g.ylo || yv > g.yhi {
		return gridPoint{}, false
	}
	c := min(int((xv-g.xlo)/(g.xhi-g.xlo)*float64(g.req.cols)), g.req.cols-1)
	r := min(int((g.yhi-yv)/(g.yhi-g.ylo)*float64(g.req.rows)), g.req.rows-1)
	return gridPoint{col: c, row: r}, true
}

// axisRange is the 1st to 99th percentile of a feature over the training
// rows, so one extreme user does not squeeze the map into a corner.
func axisRange(values []float64, rows []int) (float64, float64) {
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

// numericColumns lists the pipeline columns a map axis can use.
func numericColumns(p *data.Pipeline) []int {
	var out []int
	for i, c := range p.Columns {
		if c.Kind == data.Numeric {
			out = append(out, i)
		}
	}
	return out
}
