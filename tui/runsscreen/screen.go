package runsscreen

import (
	"context"
	"errors"
	"fmt"
	"math"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// runsKeyMap holds the Runs screen's keys.
type runsKeyMap struct {
	Up, Down key.Binding
	Mark     key.Binding
	Analyse  key.Binding
}

func defaultRunsKeyMap() runsKeyMap {
	return runsKeyMap{
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "choose run")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", "next run")),
		Mark:    key.NewBinding(key.WithKeys("space", "m"), key.WithHelp("space", "mark to compare")),
		Analyse: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "analyse this run")),
	}
}

// Model lists every ended run with its configuration and final
// validation figures, and compares two of them.
type Model struct {
	common.Common
	keys runsKeyMap

	runs     []common.Run
	analysed int   // the analysed run's number
	cursor   int   // index into runs
	marked   []int // up to two run numbers, oldest mark first

	chart widget.SeriesChart
	view  string
}

func New(com common.Common) Model {
	c := widget.NewSeriesChart("Validation loss", com.Styles.Widget, "run", "run")
	c.SetYLimits(0, math.Inf(1))
	return Model{Common: com, keys: defaultRunsKeyMap(), chart: c}
}

// SetRuns gives the screen the ended runs and the analysed one.
func (s *Model) SetRuns(runs []common.Run, analysed int) {
	grew := len(runs) != len(s.runs)
	s.runs, s.analysed = runs, analysed
	if grew && len(runs) > 0 {
		s.cursor = len(runs) - 1
	}
	s.cursor = min(s.cursor, max(len(runs)-1, 0))
	s.fillChart()
	s.render()
}

// SetSize sets the screen's size.
func (s *Model) SetSize(w, h int) {
	s.Width, s.Height = w, h
	s.chart.SetSize(max(w-runsSideW-2, 0), max(h-len(s.runs)-4, 0))
	s.chart.Redraw()
	s.render()
}

// runsSideW is the width of the side-by-side figures beside the chart.
const runsSideW = 40

// step handles keys.
func (s Model) step(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || len(s.runs) == 0 {
		return s, nil
	}
	var cmd tea.Cmd
	switch {
	case key.Matches(k, s.keys.Up):
		s.cursor = max(s.cursor-1, 0)
	case key.Matches(k, s.keys.Down):
		s.cursor = min(s.cursor+1, len(s.runs)-1)
	case key.Matches(k, s.keys.Mark):
		s.toggleMark(s.runs[s.cursor].Number)
	case key.Matches(k, s.keys.Analyse):
		number := s.runs[s.cursor].Number
		cmd = func() tea.Msg { return common.AnalyseRunMsg{Number: number} }
	default:
		return s, nil
	}
	s.fillChart()
	s.render()
	return s, cmd
}

// toggleMark marks or unmarks a run; a third mark replaces the oldest.
func (s *Model) toggleMark(number int) {
	for i, n := range s.marked {
		if n == number {
			s.marked = append(s.marked[:i:i], s.marked[i+1:]...)
			return
		}
	}
	s.marked = append(s.marked, number)
	if len(s.marked) > 2 {
		s.marked = s.marked[len(s.marked)-2:]
	}
}

// compared returns the two runs to compare: the marked ones, or the
// selected run and the one before it.
func (s Model) compared() []common.Run {
	var out []common.Run
	if len(s.marked) == 2 {
		for _, n := range s.marked {
			for _, r := range s.runs {
				if r.Number == n {
					out = append(out, r)
				}
			}
		}
		return out
	}
	if len(s.runs) == 0 {
		return nil
	}
	if s.cursor > 0 {
		out = append(out, s.runs[s.cursor-1])
	}
	return append(out, s.runs[s.cursor])
}

// fillChart draws the compared runs' validation loss (training loss when
// a run had no validation part).
func (s *Model) fillChart() {
	runs := s.compared()
	names := make([]string, 0, 2)
	for _, r := range runs {
		names = append(names, fmt.Sprintf("run %d", r.Number))
	}
	c := widget.NewSeriesChart("Validation loss by epoch", s.Styles.Widget, names...)
	c.SetYLimits(0, math.Inf(1))
	c.SetSize(s.chart.Width(), s.chart.Height())
	maxEpochs := 1
	for i, r := range runs {
		for _, e := range r.History {
			y := e.ValLoss
			if !e.HasVal {
				y = e.TrainLoss
			}
			c.Push(i, float64(e.Epoch), y)
			maxEpochs = max(maxEpochs, e.Epoch)
		}
	}
	c.SetXRange(0, float64(maxEpochs))
	c.Redraw()
	s.chart = c
}

// lastEpoch returns the figures of the weights a run kept: the last
// epoch's, or after early stopping the best epoch's (the trainer restores
// its weights).
func lastEpoch(r common.Run) (engine.EpochStats, bool) {
	if len(r.History) == 0 {
		return engine.EpochStats{}, false
	}
	last := r.History[len(r.History)-1]
	if r.Exp == nil || runEnding(r) != "early stop" {
		return last, true
	}
	best := last
	for _, e := range r.History {
		if e.Monitored() < best.Monitored() {
			best = e
		}
	}
	return best, true
}

// runEnding names how a run ended.
func runEnding(r common.Run) string {
	var div *engine.DivergedError
	switch {
	case errors.As(r.Err, &div):
		return "diverged"
	case errors.Is(r.Err, context.Canceled):
		return "stopped"
	case r.Err != nil:
		return "failed"
	case len(r.History) < r.Exp.Config.Train.Epochs:
		return "early stop"
	}
	return "finished"
}

func (s Model) keyMap() runsKeyMap {
	k := s.keys
	has := len(s.runs) > 0
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.Mark, &k.Analyse} {
		b.SetEnabled(has)
	}
	return k
}

func (s Model) HelpGroups() [][]key.Binding {
	k := s.keyMap()
	return [][]key.Binding{{k.Up, k.Mark, k.Analyse}}
}

// View returns the view drawn in the last Update.
func (s Model) View() string { return s.view }

// Update implements common.Screen.
func (s Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	n, cmd := s.step(msg)
	return n, cmd
}

// Resize implements common.Screen.
func (s Model) Resize(w, h int) common.Screen {
	s.SetSize(w, h)
	return s
}

// Editing implements common.Screen: the Runs screen has no text field.
func (s Model) Editing() bool { return false }

// Runs returns the runs the screen lists.
func (s Model) Runs() []common.Run { return s.runs }

// Cursor returns the index of the chosen run.
func (s Model) Cursor() int { return s.cursor }

// Marked returns the numbers of the runs marked to compare.
func (s Model) Marked() []int { return s.marked }
