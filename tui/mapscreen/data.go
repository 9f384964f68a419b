package mapscreen

import (
	"math"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// maxPoints bounds the users drawn on the decision map; more would only
// cover the colours.
const maxPoints = 3000

// weights says which weights of a run a map is drawn with.
type weights int

const (
	ended   weights = iota // an ended run's kept weights (calibrated as its scores are)
	atEpoch                // a training run's, at the end of its latest epoch
	atPause                // a paused run's, as its next batch finds them
)

// request says which decision map to compute, and names its run as the
// title does.
type request struct {
	run, row   int
	xcol, ycol int // pipeline columns
	cols, rows int // cells
	weights    weights
	// at is the epoch (atEpoch), the batches trained (atPause) or the
	// epochs trained (ended).
	at int
	// state and kept are an ended run's end and the epoch whose weights
	// it kept (0: its last).
	state engine.State
	kept  int
	// listed says row is the user selected on Users; else the first
	// training row of a run that trains on other rows than Users lists.
	listed bool
	// layer and neuron are what is shaded: layer 0 the output, else
	// neuron (from 0) of hidden layer layer (from 1).
	layer, neuron int
	// diagram says the network diagram is drawn beside the map.
	diagram bool
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
	// self is the selected user (col −1 when a value is blank); outside
	// says a value lies beyond an axis, and self is then the edge cell
	// nearest to it.
	self    point
	outside bool
	// calibrated says the probabilities are calibrated ones.
	calibrated bool
	// net describes the network the map is drawn with, for the diagram
	// and a neuron's legend.
	net netInfo
}

// netInfo is what the Map screen shows of a network besides the map: its
// hidden layers' widths and activations, the neurons that are dead over
// the training rows, and the strongest weights into the neuron shaded
// (into the output when the output is), named.
type netInfo struct {
	// inputs and outputs are the network's input and output widths.
	inputs, outputs int
	sizes           []int
	acts            []engine.Activation
	dead            [][]bool
	incoming        []experiment.Incoming
	// from names incoming's From: the network's inputs, or the neurons
	// of the layer before (nil: name them by number).
	from []string
}

// ReadyMsg carries a decision map computed off the UI goroutine; the root
// hands it to the Map screen.
type ReadyMsg struct {
	grid *grid
	req  request
	// notHeld says a paused run trained on before its weights were read.
	notHeld bool
	// Err says why the map could not be computed.
	Err error
}

// mapCmd computes a decision map off the UI goroutine, on the experiment
// get returns (ok false: a paused run no longer held).
func mapCmd(get func() (*experiment.Experiment, bool), req request) tea.Cmd {
	return func() tea.Msg {
		e, ok := get()
		if !ok {
			return ReadyMsg{req: req, notHeld: true}
		}
		g, err := compute(e, req)
		return ReadyMsg{grid: g, req: req, Err: err}
	}
}

// compute asks experiment for the map and places a sample of the users
// (and the selected one) on its cells.
func compute(e *experiment.Experiment, req request) (g *grid, err error) {
	defer common.Recovered(&err)
	pc := e.Pipeline.Columns
	x := e.Explainer()
	var n *experiment.Neuron
	if req.layer > 0 {
		n = &experiment.Neuron{Layer: req.layer - 1, Index: req.neuron}
	}
	dm, err := e.NeuronMap(x, req.row, pc[req.xcol].Name, pc[req.ycol].Name, req.cols, req.rows, n)
	if err != nil {
		return nil, err
	}
	t := e.Data.Table
	xs, ys := t.Column(dm.X).Values, t.Column(dm.Y).Values
	g = &grid{req: req, DecisionMap: dm, calibrated: x.Calibration != nil, net: describe(e, n, n != nil || req.diagram)}
	// At most one user per five cells, so the colours stay readable.
	points := max(min(maxPoints, req.cols*req.rows/5), 1)
	stride := max(t.Rows/points, 1)
	for r := 0; r < t.Rows; r += stride {
		if c, row, ok := dm.Cell(xs[r], ys[r]); ok {
			g.points = append(g.points, point{col: c, row: row, positive: t.Label.Values[r] == 1})
		}
	}
	g.self = point{col: -1}
	xv, yv := xs[req.row], ys[req.row]
	if math.IsNaN(xv) || math.IsNaN(yv) {
		return g, nil
	}
	cx, cy := min(max(xv, dm.XLo), dm.XHi), min(max(yv, dm.YLo), dm.YHi)
	g.outside = cx != xv || cy != yv
	if c, row, ok := dm.Cell(cx, cy); ok {
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

// describe gathers the network's netInfo for the neuron shaded (nil: the
// output); only its widths unless full (the dead neurons take a forward
// pass over the training rows).
func describe(e *experiment.Experiment, n *experiment.Neuron, full bool) netInfo {
	var info netInfo
	if e.Net == nil {
		return info
	}
	layers := e.Net.Layers
	info.inputs, info.outputs = e.Net.Arch.Inputs, e.Net.Arch.Outputs
	for _, l := range layers[:len(layers)-1] {
		info.sizes = append(info.sizes, l.Out)
		info.acts = append(info.acts, l.Activation)
	}
	if !full {
		return info
	}
	info.dead = e.DeadNeuronMask()
	into := experiment.Neuron{Layer: len(layers) - 1}
	if n != nil {
		into = *n
	}
	info.incoming = experiment.StrongestIncoming(e.Net, into, 3)
	if into.Layer == 0 {
		info.from = e.Pipeline.FeatureNames()
	}
	return info
}
