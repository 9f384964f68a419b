package runsscreen

import (
	"context"
	"errors"
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

func defaultRunsKeyMap(c common.Common) runsKeyMap {
	return runsKeyMap{
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", c.T("choose run", "选择训练"))),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", c.T("next run", "下一次训练"))),
		Mark:    key.NewBinding(key.WithKeys("space", "m"), key.WithHelp(c.T("space", "空格"), c.T("mark to compare", "标记以比较"))),
		Analyse: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.T("analyse this run", "分析这次训练"))),
	}
}

// Model lists every ended run with its configuration and the validation
// figures of the epoch whose weights it kept, and compares two of them.
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

// New returns the Runs screen with no run yet.
func New(com common.Common) Model {
	s := Model{Common: com, keys: defaultRunsKeyMap(com)}
	s.fillChart()
	return s
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
	s.render()
}

// step handles keys.
func (s Model) step(msg tea.Msg) (Model, tea.Cmd) {
	if t, ok := msg.(common.TrainingMsg); ok {
		if s.SetTraining(t) {
			s.render()
		}
		return s, nil
	}
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

// byNumber returns the index of the run with number n, or -1.
func (s Model) byNumber(n int) int {
	for i, r := range s.runs {
		if r.Number == n {
			return i
		}
	}
	return -1
}

// compared returns the indexes of the two runs to compare, and why these
// two: the two marked runs; else the marked one and the selected one (or
// the selected one's neighbour when it is the marked one); else the
// selected run and the one before it (after it, for the first). With one
// run there is nothing to compare.
func (s Model) compared() (a, b int, why string) {
	if len(s.runs) < 2 {
		return -1, -1, s.T("Train another run to compare two.", "再训练一次，就能比较两次训练。")
	}
	neighbour := func(i int) int {
		if i > 0 {
			return i - 1
		}
		return i + 1
	}
	var marked []int
	for _, n := range s.marked {
		if i := s.byNumber(n); i >= 0 {
			marked = append(marked, i)
		}
	}
	switch len(marked) {
	case 2:
		return marked[0], marked[1], s.T("the two runs marked ●", "两次标记 ● 的训练")
	case 1:
		m := marked[0]
		if m != s.cursor {
			return m, s.cursor, s.T("the marked run against the selected one; space marks a second", "标记的训练对比选中的训练；按空格再标记一次")
		}
		return neighbour(m), m, s.T("the marked run against its neighbour; choose another run to change", "标记的训练对比相邻的训练；选择其他训练即可更换")
	}
	other := neighbour(s.cursor)
	if other > s.cursor {
		return s.cursor, other, s.T("the selected run against the next one; space marks runs to compare", "选中的训练对比下一次；按空格标记要比较的训练")
	}
	return other, s.cursor, s.T("the selected run against the one before; space marks runs to compare", "选中的训练对比上一次；按空格标记要比较的训练")
}

// fillChart draws the compared runs' validation log loss, every row
// weighing 1 whatever the run's positive weight, so the two curves are
// alike (training loss when a run had no validation part), over every
// epoch. The legend names the
// runs without a value: the figures in the table and beside the chart are
// those of the epoch each run kept, not of its last epoch.
func (s *Model) fillChart() {
	a, b, _ := s.compared()
	var runs []common.Run
	switch {
	case a >= 0:
		runs = []common.Run{s.runs[a], s.runs[b]}
	case len(s.runs) == 1:
		runs = s.runs
	}
	names := make([]string, 0, 2)
	for _, r := range runs {
		names = append(names, s.Tf("run %d", "训练 %d", r.Number))
	}
	c := widget.NewSeriesChart(s.T("Validation log loss", "验证对数损失"), s.Styles.Widget, names...)
	c.SetXCaption(s.T("epoch", "轮"))
	c.SetXWhole(true)
	c.SetLegendValues(false)
	c.SetYLimits(0, math.Inf(1))
	// Every epoch's figure is in range: a run's first epochs are part of
	// the comparison, not spikes to leave off the top.
	c.SetYFull(true)
	maxEpochs := 1
	for i, r := range runs {
		for _, e := range r.History {
			c.Push(i, float64(e.Epoch), logLoss(e))
			maxEpochs = max(maxEpochs, e.Epoch)
		}
	}
	c.SetXRange(0, float64(maxEpochs))
	s.chart = c
}

// logLoss is an epoch's validation log loss, or its training loss when
// the run had no validation part.
func logLoss(e engine.EpochStats) float64 {
	if e.HasVal {
		return e.ValLogLoss
	}
	return e.TrainLoss
}

// kept returns the figures of the epoch whose weights a run kept, as its
// trainer says (engine.Trainer.KeptEpoch): the last epoch's, or with early
// stopping the best epoch's, which the trainer restores at the end and
// when the user stops the run; false when no epoch's weights were kept
// (stopped before the first epoch ended).
func kept(r common.Run) (engine.EpochStats, bool) {
	if len(r.History) == 0 {
		return engine.EpochStats{}, false
	}
	last := r.History[len(r.History)-1]
	if r.Exp == nil {
		return last, true
	}
	if r.Exp.Trainer == nil {
		return keptByRule(r)
	}
	e := r.Exp.Trainer.KeptEpoch()
	for _, h := range r.History {
		if h.Epoch == e {
			return h, true
		}
	}
	if ending(r) == endStopped {
		return engine.EpochStats{}, false
	}
	return last, true
}

// keptByRule is kept for a run without its trainer (drawn without
// training): the last epoch, or after early stopping (triggered or with
// all epochs run) the best epoch by the trainer's own rule.
func keptByRule(r common.Run) (engine.EpochStats, bool) {
	last := r.History[len(r.History)-1]
	end := ending(r)
	if r.Exp.Config.Train.EarlyStop.Patience <= 0 || (end != endEarlyStop && end != endFinished) {
		return last, true
	}
	if best, ok := engine.BestEpoch(r.History, r.Exp.Config.Train.EarlyStop); ok {
		return best, true
	}
	return last, true
}

// How a run ended.
const (
	endFinished = iota
	endEarlyStop
	endStopped
	endDiverged
	endFailed
)

// ending tells how a run ended.
func ending(r common.Run) int {
	var div *engine.DivergedError
	switch {
	case errors.As(r.Err, &div):
		return endDiverged
	case errors.Is(r.Err, context.Canceled):
		return endStopped
	case r.Err != nil:
		return endFailed
	case r.Exp != nil && len(r.History) < r.Exp.Config.Train.Epochs:
		return endEarlyStop
	}
	return endFinished
}

// endingName names how a run ended, in the screen's language.
func (s Model) endingName(r common.Run) string {
	switch ending(r) {
	case endEarlyStop:
		return s.T("early stop", "提前停止")
	case endStopped:
		return s.T("stopped", "已停止")
	case endDiverged:
		return s.T("diverged", "发散")
	case endFailed:
		return s.T("failed", "失败")
	}
	return s.T("finished", "完成")
}

func (s Model) keyMap() runsKeyMap {
	k := s.keys
	has := len(s.runs) > 0
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.Mark, &k.Analyse} {
		b.SetEnabled(has)
	}
	return k
}

// HelpGroups implements common.Screen.
func (s Model) HelpGroups() [][]key.Binding {
	k := s.keyMap()
	return [][]key.Binding{{k.Up, k.Mark, k.Analyse}}
}

// View returns the view drawn in the last Update.
func (s Model) View() string { return s.view }

// Update implements common.Screen.
func (s Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) { return s.step(msg) }

// Resize implements common.Screen.
func (s Model) Resize(w, h int) common.Screen { return common.Resized(s, w, h) }

// Editing implements common.Screen: the Runs screen has no text field.
func (s Model) Editing() bool { return false }

// Runs returns the runs the screen lists.
func (s Model) Runs() []common.Run { return s.runs }

// Cursor returns the index of the chosen run.
func (s Model) Cursor() int { return s.cursor }

// Marked returns the numbers of the runs marked to compare.
func (s Model) Marked() []int { return s.marked }
