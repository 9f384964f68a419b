package mapscreen

import (
	"errors"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// Sizes of the decision map's frame.
const (
	yLabelW = 9 // y tick labels and the axis line
	frameH  = 6 // title, legend, y name, x axis, x labels, x name
)

// mapKeyMap holds the decision map's keys.
type mapKeyMap struct {
	NextX, PrevX key.Binding
	NextY, PrevY key.Binding
	Swap         key.Binding
}

func defaultMapKeyMap(c common.Common) mapKeyMap {
	return mapKeyMap{
		NextX: key.NewBinding(key.WithKeys("x"), key.WithHelp("x/X", c.T("x feature", "x 轴特征"))),
		PrevX: key.NewBinding(key.WithKeys("X"), key.WithHelp("X", c.T("previous x feature", "上一个 x 轴特征"))),
		NextY: key.NewBinding(key.WithKeys("y"), key.WithHelp("y/Y", c.T("y feature", "y 轴特征"))),
		PrevY: key.NewBinding(key.WithKeys("Y"), key.WithHelp("Y", c.T("previous y feature", "上一个 y 轴特征"))),
		Swap:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", c.T("swap axes", "交换两轴"))),
	}
}

// Model is the decision map: the probability over two numeric features,
// the other features held at the selected user's values.
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
}

// New returns the Map screen, empty until Want gives it a run and a user.
func New(com common.Common) Model {
	return Model{Common: com, keys: defaultMapKeyMap(com), yi: 1}
}

// Want asks for the map of row of run with the chosen features, unless it
// is shown or being computed; the Cmd's ReadyMsg goes back to Update.
func (s *Model) Want(run common.Run, row int) tea.Cmd {
	if run.Exp == nil || row < 0 {
		return nil
	}
	if run.Exp != s.exp {
		s.exp = run.Exp
		s.features = numericColumns(run.Exp.Pipeline)
		s.xi, s.yi = 0, min(1, max(len(s.features)-1, 0))
	}
	if len(s.features) < 2 {
		s.err = errors.New(s.Tf("the decision map needs two numeric features; this data has %d",
			"决策图需要两个数值特征；这份数据只有 %d 个", len(s.features)))
		s.render()
		return nil
	}
	cols, rows := plotSize(s.Width, s.Height)
	req := request{run: run.Number, row: row, xcol: s.features[s.xi], ycol: s.features[s.yi], cols: cols, rows: rows}
	if req == s.want || cols < 4 || rows < 2 {
		return nil
	}
	s.want, s.err = req, nil
	s.render()
	return mapCmd(run.Exp, req)
}

// Analysing tells the screen that run number run is being analysed:
// until its map is asked for (Want), the screen says so instead of
// asking for a trained model.
func (s *Model) Analysing(run int) {
	s.analysing = run
	s.render()
}

// mapPlotSize is the number of cells of the map at a screen size.
func plotSize(w, h int) (int, int) {
	return max(w-yLabelW-1, 0), max(h-frameH, 0)
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
	case ReadyMsg:
		if msg.Err != nil {
			s.err = msg.Err
		} else if msg.grid.req == s.want {
			s.grid = msg.grid
		}
		s.render()
	case tea.KeyPressMsg:
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
	// NextX's and NextY's help name X and Y too: listing PrevX and PrevY
	// as well showed each of those keys twice.
	return [][]key.Binding{{k.NextX, k.NextY, k.Swap}}
}
