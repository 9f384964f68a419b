package mapscreen

import (
	"errors"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// Sizes of the decision map's frame: the y tick labels and the axis line
// beside the plot; the title, the legend, the note on the background and
// the y name above it (headLines), and the x axis, its labels and name
// below.
const (
	yLabelW = 9
	footH   = 3
)

// minRedraw is the least time between two maps of a training run: one a
// training run's epoch ends is asked for no sooner, nor while the last is
// still being computed, so a fast run redraws a few times a second and
// never queues maps.
const minRedraw = 250 * time.Millisecond

// mapKeyMap holds the decision map's keys.
type mapKeyMap struct {
	NextX, PrevX key.Binding
	NextY, PrevY key.Binding
	Swap         key.Binding
	Shading      key.Binding
	// NextNeuron, PrevNeuron and Layer choose what is shaded: the output
	// or one hidden neuron's activation.
	NextNeuron, PrevNeuron key.Binding
	Layer                  key.Binding
}

func defaultMapKeyMap(c common.Common) mapKeyMap {
	return mapKeyMap{
		NextX:      key.NewBinding(key.WithKeys("x"), key.WithHelp("x/X", c.T("x axis", "x 轴"))),
		PrevX:      key.NewBinding(key.WithKeys("X"), key.WithHelp("X", c.T("previous x feature", "上一个 x 轴特征"))),
		NextY:      key.NewBinding(key.WithKeys("y"), key.WithHelp("y/Y", c.T("y axis", "y 轴"))),
		PrevY:      key.NewBinding(key.WithKeys("Y"), key.WithHelp("Y", c.T("previous y feature", "上一个 y 轴特征"))),
		Swap:       key.NewBinding(key.WithKeys("s"), key.WithHelp("s", c.T("swap axes", "交换两轴"))),
		Shading:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", c.T("shade 0–1 / range shown", "深浅：0–1 / 图中范围"))),
		NextNeuron: key.NewBinding(key.WithKeys("n"), key.WithHelp("n/N", c.T("neuron", "神经元"))),
		PrevNeuron: key.NewBinding(key.WithKeys("N"), key.WithHelp("N", c.T("previous neuron", "上一个神经元"))),
		Layer:      key.NewBinding(key.WithKeys("l"), key.WithHelp("l", c.T("layer", "下一层"))),
	}
}

// Model is the decision map: the probability over two numeric features,
// the other features held at the selected user's values, of the analysed
// run or of the run that trains now.
type Model struct {
	common.Common
	keys mapKeyMap

	exp       *experiment.Experiment
	analysing int   // the run being analysed, until its map is asked for (0: none)
	features  []int // numeric pipeline columns
	xi, yi    int   // indices into features
	want      request
	grid      *grid
	err       error
	view      string
	// relative shades the range shown instead of 0…1.
	relative bool
	// layer is what is shaded: 0 the output, k the activation of neuron
	// (counted from 0) of hidden layer k.
	layer, neuron int
	// threshold is the decision threshold the Evaluate screen shares
	// (common.ThresholdMsg) and thresholdRun the run it belongs to.
	threshold    float64
	thresholdRun int
	// inflight counts the maps asked for and not yet answered; asked is
	// when the last was asked for, now the clock (tests set a fake one).
	inflight int
	asked    time.Time
	now      func() time.Time
}

// New returns the Map screen, empty until Want gives it a run and a user.
func New(com common.Common) Model {
	return Model{Common: com, keys: defaultMapKeyMap(com), yi: 1, now: time.Now}
}

// SetClock sets the clock the screen paces a training run's maps by
// (minRedraw); tests give a fake one.
func (s *Model) SetClock(now func() time.Time) { s.now = now }

// setExp makes exp the experiment whose columns the axes choose from,
// keeping the chosen axes when its pipeline is the one shown; it reports
// whether two numeric features are there to plot.
func (s *Model) setExp(exp *experiment.Experiment) bool {
	if exp != s.exp {
		if s.exp == nil || exp.Pipeline != s.exp.Pipeline {
			s.features = numericColumns(exp.Pipeline)
			s.xi, s.yi = 0, min(1, max(len(s.features)-1, 0))
		}
		s.exp = exp
		s.clampNeuron()
	}
	if len(s.features) < 2 {
		s.err = errors.New(s.Tf("the decision map needs two numeric features; this data has %d",
			"决策图需要两个数值特征；这份数据只有 %d 个", len(s.features)))
		s.render()
		return false
	}
	return true
}

// base is the request for row with the chosen features at the screen's
// size; ok is false when the screen is too small for a map.
func (s *Model) base(run, row int) (request, bool) {
	cols, rows := plotSize(s.Width, s.Height, s.layer > 0)
	req := request{run: run, row: row, xcol: s.features[s.xi], ycol: s.features[s.yi], cols: cols, rows: rows,
		layer: s.layer, neuron: s.neuron, diagram: diagramWidth(s.Width) > 0}
	return req, cols >= 4 && rows >= 2
}

// Want asks for the map of row of an ended run, unless it is shown or
// being computed; the Cmd's ReadyMsg goes back to Update.
func (s *Model) Want(run common.Run, row int) tea.Cmd {
	if run.Exp == nil || row < 0 || !s.setExp(run.Exp) {
		return nil
	}
	req, ok := s.base(run.Number, row)
	if !ok {
		return nil
	}
	req.weights, req.listed = ended, true
	if tr := run.Exp.Trainer; tr != nil {
		req.at, req.state, req.kept = len(tr.History()), tr.State(), tr.RestoredEpoch()
	}
	exp := run.Exp
	return s.ask(req, func() (*experiment.Experiment, bool) { return exp, true })
}

// WantTraining asks for the map of table row of the run numbered run that
// trains now, on exp: a paused run's weights as they are (held, after step
// batches; experiment.Experiment.Paused), else the weights of its latest
// ended epoch (experiment.Experiment.AtEpoch), throttled: not before the
// first epoch ends, not again for the same epoch, not while a map is being
// computed, nor sooner than minRedraw after the last, unless the axes, the
// user or the size changed. listed says row is the user selected on Users
// (else the first training row). It reports false when no epoch has ended
// and the run is not held, so the root can show the last ended run.
func (s *Model) WantTraining(exp *experiment.Experiment, run int, held bool, step, row int, listed bool) (tea.Cmd, bool) {
	if exp == nil || row < 0 {
		return nil, false
	}
	var get func() (*experiment.Experiment, bool)
	var req request
	if held {
		req.weights, req.at, get = atPause, step, exp.Paused
	} else {
		p, epoch, ok := exp.AtEpoch()
		if !ok {
			return nil, false
		}
		req.weights, req.at = atEpoch, epoch
		get = func() (*experiment.Experiment, bool) { return p, true }
	}
	if !s.setExp(exp) {
		return nil, true
	}
	b, ok := s.base(run, row)
	if !ok {
		return nil, true
	}
	b.weights, b.at, b.listed = req.weights, req.at, listed
	if b == s.want {
		return nil, true
	}
	// Only the epoch moved: wait for the last map and for minRedraw.
	moved := s.want
	moved.at = b.at
	if !held && moved == b && (s.inflight > 0 || s.now().Sub(s.asked) < minRedraw) {
		return nil, true
	}
	return s.ask(b, get), true
}

// ask records req as the map wanted and returns the Cmd computing it.
func (s *Model) ask(req request, get func() (*experiment.Experiment, bool)) tea.Cmd {
	if req == s.want {
		return nil
	}
	s.want, s.err = req, nil
	s.inflight++
	s.asked = s.now()
	s.render()
	return mapCmd(get, req)
}

// Analysing tells the screen that run number run is being analysed:
// until its map is asked for (Want), the screen says so instead of
// asking for a trained model.
func (s *Model) Analysing(run int) {
	s.analysing = run
	s.render()
}

// headLines is the number of lines above the plot at width w: the title,
// the legend and the note on the background (on five lines when narrow,
// two when wide), and the y name; and when a neuron is shaded and the
// network diagram does not fit beside the map, the line of its strongest
// weights.
func headLines(w int, neuron bool) int {
	n := 7
	if w >= wideHead {
		n = 4
	}
	if neuron && w < wideDiagram {
		n++
	}
	return n
}

// wideHead is the width from which the legend and the note fit a line
// each.
const wideHead = 150

// plotSize is the number of cells of the map at a screen size.
func plotSize(w, h int, neuron bool) (int, int) {
	return max(w-yLabelW-1-diagramWidth(w), 0), max(h-headLines(w, neuron)-footH, 0)
}

// SetSize sets the screen's size (the root asks for a new grid).
func (s *Model) SetSize(w, h int) {
	s.Width, s.Height = w, h
	s.render()
}

// Update implements common.Screen.
func (s Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) { return s.step(msg) }

// Resize implements common.Screen.
func (s Model) Resize(w, h int) common.Screen { return common.Resized(s, w, h) }

// Editing implements common.Screen: the Map screen has no text field.
func (s Model) Editing() bool { return false }

// Shown reports whether a map is drawn.
func (s Model) Shown() bool { return s.grid != nil }

// Axes names the shown map's x and y features ("" before a map).
func (s Model) Axes() (x, y string) {
	if s.grid == nil {
		return "", ""
	}
	pc := s.exp.Pipeline.Columns
	return pc[s.grid.req.xcol].Name, pc[s.grid.req.ycol].Name
}

// step handles keys and computed maps. Changing a feature only records
// the choice; the root then asks for the new map with Want.
func (s Model) step(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case common.TrainingMsg:
		if s.SetTraining(msg) {
			s.render()
		}
	case common.ThresholdMsg:
		s.threshold, s.thresholdRun = msg.Threshold, msg.Run
		s.render()
	case ReadyMsg:
		s.inflight = max(s.inflight-1, 0)
		req := msg.req
		if msg.grid != nil {
			req = msg.grid.req
		}
		switch {
		case msg.notHeld:
			if req == s.want {
				s.want = request{} // the run's next hold asks again
			}
		case req != s.want:
			// Another map is wanted now.
		case msg.Err != nil:
			s.err = msg.Err
		default:
			s.grid = msg.grid
		}
		s.render()
	case tea.KeyPressMsg:
		if key.Matches(msg, s.keys.Shading) && s.grid != nil && s.layer == 0 {
			s.relative = !s.relative
			s.render()
			return s, nil
		}
		n := len(s.features)
		if n < 2 {
			return s, nil
		}
		switch {
		case key.Matches(msg, s.keys.NextX):
			s.xi = s.nextFeature(s.xi, s.yi, 1)
		case key.Matches(msg, s.keys.PrevX):
			s.xi = s.nextFeature(s.xi, s.yi, -1)
		case key.Matches(msg, s.keys.NextY):
			s.yi = s.nextFeature(s.yi, s.xi, 1)
		case key.Matches(msg, s.keys.PrevY):
			s.yi = s.nextFeature(s.yi, s.xi, -1)
		case key.Matches(msg, s.keys.Swap):
			s.xi, s.yi = s.yi, s.xi
		case key.Matches(msg, s.keys.NextNeuron):
			s.stepNeuron(1)
		case key.Matches(msg, s.keys.PrevNeuron):
			s.stepNeuron(-1)
		case key.Matches(msg, s.keys.Layer):
			s.nextLayer()
		default:
			return s, nil
		}
		s.render()
	}
	return s, nil
}

// nextFeature steps a feature index, skipping the other axis's feature.
func (s Model) nextFeature(i, other, dir int) int {
	n := len(s.features)
	for range n {
		i = (i + dir + n) % n
		if i != other {
			return i
		}
	}
	return i
}

// HelpGroups implements common.Screen.
func (s Model) HelpGroups() [][]key.Binding {
	k := s.keys
	on := len(s.features) >= 2
	for _, b := range []*key.Binding{&k.NextX, &k.PrevX, &k.NextY, &k.PrevY, &k.Swap} {
		b.SetEnabled(on)
	}
	k.Shading.SetEnabled(s.grid != nil && s.layer == 0)
	hidden := len(s.hiddenSizes()) > 0 && on
	for _, b := range []*key.Binding{&k.NextNeuron, &k.PrevNeuron, &k.Layer} {
		b.SetEnabled(hidden)
	}
	// NextX's and NextY's help name X and Y too: listing PrevX and PrevY
	// as well showed each of those keys twice (NextNeuron names N too).
	// The footer shows these in this order until one does not fit: short
	// words keep x, y, n, l and s within 80 columns in either language,
	// and the shading key, the least needed, gives way to "…" first.
	return [][]key.Binding{{k.NextX, k.NextY, k.NextNeuron, k.Layer, k.Swap, k.Shading}}
}
