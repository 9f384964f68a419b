package evalscreen

import (
	"context"
	"math"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// Page is one page of the Evaluate screen when it does not fit on one.
type Page int

// The pages, in the order v turns them.
const (
	PageSummary    Page = iota // metrics table and confusion matrix
	PageCurves                 // ROC and calibration charts
	PageGains                  // gains and lift by decile
	PageImportance             // permutation importance per column
	evalPages
)

// pageName names a page in the interface's language.
func (s Model) pageName(p Page) string {
	switch p {
	case PageSummary:
		return s.T("summary", "概览")
	case PageCurves:
		return s.T("curves", "曲线")
	case PageGains:
		return s.T("gains", "收益")
	}
	return s.T("importance", "重要性")
}

// evalKeyMap holds the Evaluate screen's keys.
type evalKeyMap struct {
	Lower, Higher         key.Binding // the threshold by 0.01
	LowerMore, HigherMore key.Binding // the threshold by 0.1
	BestF1                key.Binding
	Reset                 key.Binding
	Page                  key.Binding
	StopCompare           key.Binding
	Target                key.Binding // prevent ⇄ encourage
	Bands                 key.Binding // bands by share or capacity
	// Scroll moves a page taller than the window (scroll.go).
	Scroll common.ScrollKeys
}

func defaultEvalKeyMap(c common.Common) evalKeyMap {
	return evalKeyMap{
		Lower:       key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/→", c.T("threshold ∓0.01", "阈值 ∓0.01"))),
		Higher:      key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→", c.T("threshold +0.01", "阈值 +0.01"))),
		LowerMore:   key.NewBinding(key.WithKeys("shift+left", "H"), key.WithHelp("H/L", c.T("threshold ∓0.1", "阈值 ∓0.1"))),
		HigherMore:  key.NewBinding(key.WithKeys("shift+right", "L"), key.WithHelp("L", c.T("threshold +0.1", "阈值 +0.1"))),
		BestF1:      key.NewBinding(key.WithKeys("f"), key.WithHelp("f", c.T("best F1", "最佳 F1"))),
		Reset:       key.NewBinding(key.WithKeys("r"), key.WithHelp("r", c.T("reset threshold", "恢复阈值"))),
		Page:        key.NewBinding(key.WithKeys("v"), key.WithHelp("v", c.T("next page", "下一页"))),
		StopCompare: key.NewBinding(key.WithKeys("x", "esc"), key.WithHelp("x/esc", c.T("stop the comparison", "停止对比"))),
		Target:      c.TargetKey(),
		Bands:       c.BandsKey(),
		Scroll:      common.NewScrollKeys(c),
	}
}

// Model judges the analysed run: metrics on the training and validation
// parts, the confusion matrix at a threshold the user moves, ROC and
// calibration charts and the gains table.
type Model struct {
	common.Common
	keys evalKeyMap

	data      *evalData
	onePage   bool  // allOnOne, as the last render measured it
	waiting   int   // the run being evaluated (0: none)
	err       error // why the evaluation failed
	threshold float64
	// refused is why the threshold last asked for was refused (nil: it
	// was not), shown until the next key.
	refused error
	page    Page
	config  experiment.Config // the analysed run's configuration

	roc, calib widget.SeriesChart
	// scroll is the first body line shown of a page taller than the
	// window, maxScroll the largest (0: the page fits).
	scroll, maxScroll int
	importance
	plan planView
	view string

	// The comparison of validation schemes on an order log (compare.go):
	// pending is the run being evaluated, loaded the data its run was
	// prepared from.
	parent  context.Context
	cmp     *comparison
	cmpRuns int
	pending common.Run
	loaded  *experiment.Data
}

// New returns the Evaluate screen, empty until SetRun.
func New(com common.Common) Model {
	roc := newROC(com, false)
	return Model{Common: com, keys: defaultEvalKeyMap(com), roc: roc, calib: newCalibChart(com, nil), threshold: 0.5,
		importance: newImportance(com)}
}

// SetRun starts evaluating a run and returns the Cmd that does it.
func (s *Model) SetRun(run common.Run) tea.Cmd {
	if run.Exp == nil || (s.data != nil && s.data.run == run.Number) {
		return nil
	}
	s.waiting, s.err, s.config = run.Number, nil, run.Exp.Config
	s.pending, s.loaded = run, run.Exp.Loaded()
	s.importance.reset(run.Number)
	s.render()
	return tea.Batch(Cmd(run), ImportanceCmd(run))
}

// SetSize sets the screen's size.
func (s *Model) SetSize(w, h int) {
	s.Width, s.Height = w, h
	s.render()
}

// step handles keys, the evaluation's result and the shared threshold.
func (s Model) step(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case ImportanceMsg:
		s.importance.set(msg)
		s.render()
	case ReadyMsg:
		if msg.Run != s.waiting {
			return s, nil
		}
		s.waiting, s.err = 0, msg.Err
		if msg.Err != nil {
			s.render()
			return s, nil
		}
		if (msg.data.bgnbd != nil) != (s.data != nil && s.data.bgnbd != nil) {
			// BG/NBD's curve joins the ROC chart, or leaves it.
			s.roc = newROC(s.Common, msg.data.bgnbd != nil)
		}
		if (msg.data.check != nil) != (s.data != nil && s.data.check != nil) || msg.data.check != nil {
			// The curve before calibration joins the chart, or leaves it.
			s.calib = newCalibChart(s.Common, msg.data.check)
		}
		s.data = msg.data
		s.threshold = msg.data.threshold
		s.retarget()
		s.fillCharts()
		s.render()
		var compare tea.Cmd
		if s.pending.Number == msg.Run {
			compare = s.startComparison(s.pending)
			s.render()
		}
		return s, tea.Batch(s.announce(), compare)
	case CompareTickMsg, CompareDoneMsg:
		return s, s.compareStep(msg)
	case common.TrainingMsg:
		if s.SetTraining(msg) {
			s.render()
		}
	case common.TargetMsg:
		s.plan.chosen = &msg.Target
		s.retarget()
		s.render()
	case common.BandsMsg:
		s.plan.scheme = msg.Scheme
		s.retarget()
		s.render()
	case common.ThresholdMsg:
		if s.data == nil || msg.Run != s.data.run || msg.Threshold == s.threshold {
			return s, nil
		}
		s.threshold = msg.Threshold
		s.fillCharts()
		s.render()
	case tea.KeyPressMsg:
		if s.data == nil {
			return s, nil
		}
		before, refused := s.threshold, s.refused
		s.refused = nil
		km := s.keyMap()
		switch {
		case key.Matches(msg, km.Lower):
			s.moveThreshold(-0.01)
		case key.Matches(msg, km.Higher):
			s.moveThreshold(0.01)
		case key.Matches(msg, km.LowerMore):
			s.moveThreshold(-0.1)
		case key.Matches(msg, km.HigherMore):
			s.moveThreshold(0.1)
		case key.Matches(msg, km.BestF1):
			s.setThreshold(s.data.bestF1.Threshold)
		case key.Matches(msg, km.Reset):
			s.setThreshold(s.data.threshold)
		case key.Matches(msg, km.Page):
			s.page, s.scroll = s.nextPage(), 0
		case key.Matches(msg, km.Target):
			t := s.plan.target.Toggled()
			s.plan.chosen = &t
			s.retarget()
			s.render()
			return s, func() tea.Msg { return common.TargetMsg{Target: t} }
		case key.Matches(msg, km.Bands):
			s.plan.scheme = common.NextBandScheme(s.plan.scheme)
			s.retarget()
			s.render()
			msg := common.BandsMsg{Scheme: s.plan.scheme}
			return s, func() tea.Msg { return msg }
		case key.Matches(msg, km.StopCompare):
			if s.stopComparison() {
				s.render()
			}
			return s, nil
		default:
			if s.scrollKey(msg) || refused != nil {
				s.render()
			}
			return s, nil
		}
		s.fillCharts()
		s.render()
		if s.threshold != before {
			return s, s.announce()
		}
	}
	return s, nil
}

// announce tells every screen the threshold shown, so they all classify
// users with the one the user chose here.
func (s Model) announce() tea.Cmd {
	msg := common.ThresholdMsg{Run: s.data.run, Threshold: s.threshold}
	return func() tea.Msg { return msg }
}

// nextPage is the page v turns to: every page in turn, or, when all but
// the importance fit on one, the overview and the importance.
func (s Model) nextPage() Page {
	if s.allOnOne() {
		if s.page == PageImportance {
			return PageSummary
		}
		return PageImportance
	}
	return (s.page + 1) % evalPages
}

// moveThreshold steps the threshold, landing on whole hundredths so the
// numbers read cleanly after a best-F1 jump (setThreshold).
func (s *Model) moveThreshold(step float64) {
	s.setThreshold(math.Round((s.threshold+step)*100) / 100)
}

// setThreshold moves the threshold to t, or, when t is outside (0, 1),
// keeps it and says why as train says it (experiment.CheckThreshold):
// at 0 every user would be flagged, at 1 none.
func (s *Model) setThreshold(t float64) {
	if err := experiment.CheckThreshold(t); err != nil {
		s.refused = err
		return
	}
	s.threshold = t
}

// keyMap returns the keys enabled for the current state.
func (s Model) keyMap() evalKeyMap {
	k := s.keys
	ready := s.data != nil
	for _, b := range []*key.Binding{&k.Lower, &k.Higher, &k.LowerMore, &k.HigherMore, &k.BestF1, &k.Reset} {
		b.SetEnabled(ready)
	}
	k.Page.SetEnabled(ready)
	k.Target.SetEnabled(ready)
	k.Bands.SetEnabled(ready)
	k.StopCompare.SetEnabled(s.cmp != nil && !s.cmp.ended && !s.cmp.stopped)
	if s.allOnOne() {
		k.Page.SetHelp("v", s.T("importance/overview", "重要性/总览"))
	}
	return k
}

// HelpGroups implements common.Screen.
func (s Model) HelpGroups() [][]key.Binding {
	k := s.keyMap()
	group := []key.Binding{k.Lower, k.LowerMore, k.BestF1, k.Reset, k.Page, k.Target, k.Bands, k.StopCompare}
	if s.maxScroll > 0 {
		group = append(group, k.Scroll.Up, k.Scroll.PageUp, k.Scroll.Top)
	}
	return [][]key.Binding{group}
}

// fillCharts puts the run's curves into the charts (render lays them out
// and draws them).
func (s *Model) fillCharts() {
	ev := s.data.main()
	s.roc.Reset()
	x, y := downsampleCurve(ev.ROC.FPR, ev.ROC.TPR, 400)
	for i := range x {
		s.roc.Push(0, x[i], y[i])
	}
	s.roc.Push(1, 0, 0)
	s.roc.Push(1, 1, 1)
	// The operating point of the chosen threshold, moving with it (the
	// part has both classes, or its evaluation would have failed).
	c := s.data.confusionAt(s.threshold)
	s.roc.Push(2, c.FalsePositiveRate(), c.TruePositiveRate())
	s.pushBaseline()
	s.calib.Reset()
	for _, b := range ev.Report.Calibration {
		if b.Count > 0 {
			s.calib.Push(0, b.MeanPredicted, b.ObservedRate)
		}
	}
	s.calib.Push(1, 0, 0)
	s.calib.Push(1, 1, 1)
	if ch := s.data.check; ch != nil {
		for _, b := range ch.Before {
			if b.Count > 0 {
				s.calib.Push(2, b.MeanPredicted, b.ObservedRate)
			}
		}
	}
}

// View returns the view drawn in the last Update.
func (s Model) View() string { return s.view }

// Update implements common.Screen.
func (s Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) { return s.step(msg) }

// Resize implements common.Screen.
func (s Model) Resize(w, h int) common.Screen { return common.Resized(s, w, h) }

// Editing implements common.Screen: the Evaluate screen has no text field.
func (s Model) Editing() bool { return false }
