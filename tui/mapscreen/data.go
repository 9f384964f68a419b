package mapscreen

import (
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// maxPoints bounds the users drawn on the decision map; more would only
// cover the colours.
const maxPoints = 3000

// request says which decision map to compute.
type request struct {
	run, row   int
	xcol, ycol int // pipeline columns
	cols, rows int // cells
}

// point is a user drawn on the map.
type point struct {
	col, row int
	positive bool
}

// grid is a computed decision map with the users that fall on it.
type grid struct {
	req request
	*experiment.DecisionMap
	points []point
	self   point // the selected user (col −1 when off the map)
}

// ReadyMsg carries a decision map computed off the UI goroutine; the root
// hands it to the Map screen.
type ReadyMsg struct {
	grid *grid
	// Err says why the map could not be computed.
	Err error
}

// mapCmd computes a decision map off the UI goroutine.
func mapCmd(e *experiment.Experiment, req request) tea.Cmd {
	return func() tea.Msg {
		g, err := compute(e, req)
		return ReadyMsg{grid: g, Err: err}
	}
}

// compute asks experiment for the map and places a sample of the users
// (and the selected one) on its cells.
func compute(e *experiment.Experiment, req request) (g *grid, err error) {
	defer common.Recovered(&err)
	pc := e.Pipeline.Columns
	dm, err := e.DecisionMap(e.Explainer(), req.row, pc[req.xcol].Name, pc[req.ycol].Name, req.cols, req.rows)
	if err != nil {
		return nil, err
	}
	t := e.Data.Table
	xs, ys := t.Column(dm.X).Values, t.Column(dm.Y).Values
	g = &grid{req: req, DecisionMap: dm}
	// At most one user per five cells, so the colours stay readable.
	points := max(min(maxPoints, req.cols*req.rows/5), 1)
	stride := max(t.Rows/points, 1)
	for r := 0; r < t.Rows; r += stride {
		if c, row, ok := dm.Cell(xs[r], ys[r]); ok {
			g.points = append(g.points, point{col: c, row: row, positive: t.Label.Values[r] == 1})
		}
	}
	g.self = point{col: -1}
	if c, row, ok := dm.Cell(xs[req.row], ys[req.row]); ok {
		g.self = point{col: c, row: row}
	}
	return g, nil
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
