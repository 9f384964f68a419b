package usersscreen

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/charmbracelet/x/ansi"
	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// maxCachedExplanations bounds the explanations kept while scrolling.
const maxCachedExplanations = 512

// explainCache keeps the explanations of users already looked at, so
// moving back and forth through the table asks for each only once.
type explainCache struct {
	explained  map[int]experiment.Explanation
	explainErr error
}

func newExplainCache() explainCache {
	return explainCache{explained: map[int]experiment.Explanation{}}
}

// ExplainMsg carries one user's explanation.
type ExplainMsg struct {
	run, row int
	today    bool // of the current customers (Model.showToday)
	expl     experiment.Explanation
	err      error
}

// explainSelected asks for the selected user's explanation.
func (s *Model) explainSelected() tea.Cmd {
	row, e := s.list.selected(), s.Exp()
	if row < 0 || e == nil {
		return nil
	}
	if ex, ok := s.explained[row]; ok {
		s.showReasons(ex)
		return nil
	}
	run, x, today := s.list.users.run, s.list.users.explainer, s.showToday
	return func() tea.Msg {
		ex, err := explainRow(e, x, row)
		return ExplainMsg{run: run, row: row, today: today, expl: ex, err: err}
	}
}

func explainRow(e *experiment.Experiment, x *experiment.Explainer, row int) (ex experiment.Explanation, err error) {
	defer common.Recovered(&err)
	return e.ExplainRow(x, row)
}

// explainer returns the users' explainer (nil before any users).
func (s Model) explainer() *experiment.Explainer {
	if s.list.users == nil {
		return nil
	}
	return s.list.users.explainer
}

// storeExplanation stores an explanation and shows it if its user is selected.
func (s *Model) storeExplanation(msg ExplainMsg) tea.Cmd {
	if s.list.users == nil || msg.run != s.list.users.run || msg.today != s.showToday {
		return nil
	}
	s.explainErr = msg.err
	if msg.err != nil {
		return nil
	}
	if len(s.explained) >= maxCachedExplanations {
		s.explained = map[int]experiment.Explanation{}
	}
	s.explained[msg.row] = msg.expl
	if msg.row == s.list.selected() {
		s.showReasons(msg.expl)
	}
	return nil
}

// showReasons puts an explanation's attributions into the bar chart.
func (s *Model) showReasons(ex experiment.Explanation) {
	bars := make([]widget.Bar, 0, len(ex.Reasons))
	e, row := s.Exp(), s.list.selected()
	third := usersLayout(s.Width, s.Height, true).detailW / 3
	for _, r := range ex.Reasons {
		v := s.display(r.Column, r.Value)
		if e != nil {
			if ci := slices.IndexFunc(e.Pipeline.Columns, func(pc data.PipelineColumn) bool { return pc.Name == r.Column }); ci >= 0 && s.ownValue(e.Pipeline.Columns[ci]) {
				if texts := s.blank(e, row, ci, v); texts != nil {
					// The fill without how it was chosen, as precise as
					// leaves the name (up to) twelve cells beside it.
					v = fitting(texts[min(1, len(texts)-1):], third-len(" = ")-min(ansi.StringWidth(r.Column), 12))
				}
			}
		}
		value := " " + r.Op() + " " + v
		// The bars give their labels a third of the pane: the name gives
		// way in its middle, so similar names stay apart.
		room := max(third-ansi.StringWidth(value), 8)
		bars = append(bars, widget.Bar{Label: middleTruncate(r.Column, room) + value, Value: r.Attribution})
	}
	s.bars.SetBars(bars)
}

// whatIf is an edited copy of the selected user.
type whatIf struct {
	active bool
	row    int
	base   []float64 // the user's transformed input
	cur    []float64 // the edited input
	col    int       // the chosen pipeline column
	prob0  float64   // the user's own probability
	prob   float64   // the edited input's probability
	gen    int       // counts edits, to drop stale sweeps
	sweep  []experiment.SweepPoint
	// expl is the explanation of the values explFor, the what-if's last
	// explained (whatif_reasons.go); explErr why it failed.
	expl    experiment.Explanation
	explFor []float64
	explErr error
}

// edited reports whether pipeline column ci differs from the user's own.
func (w whatIf) edited(pc data.PipelineColumn) bool {
	return !slices.Equal(w.base[pc.First:pc.First+pc.Width], w.cur[pc.First:pc.First+pc.Width])
}

// startWhatIf starts editing the selected user.
func (s *Model) startWhatIf() {
	row, e := s.list.selected(), s.Exp()
	if row < 0 || e == nil {
		return
	}
	x, err := e.Row(row)
	if err != nil {
		s.status = s.say(func(s Model) string { return err.Error() })
		return
	}
	p := s.explainer().Predict(x)
	s.whatIf = whatIf{active: true, row: row, base: x, cur: slices.Clone(x), prob0: p, prob: p}
	s.status = common.Said{}
}

// whatIfKey handles keys while what-if has the keyboard.
func (s *Model) whatIfKey(k tea.KeyPressMsg) tea.Cmd {
	km := s.keyMap()
	cols := s.Exp().Pipeline.Columns
	w := &s.whatIf
	switch {
	case key.Matches(k, km.Leave):
		s.whatIf = whatIf{}
		s.status = common.Said{}
		s.restoreReasons()
		return nil
	case key.Matches(k, km.Up):
		w.col = (w.col + len(cols) - 1) % len(cols)
		return s.sweepCmd()
	case key.Matches(k, km.Down):
		w.col = (w.col + 1) % len(cols)
		return s.sweepCmd()
	case key.Matches(k, km.Less):
		return s.stepWhatIf(-1)
	case key.Matches(k, km.More):
		return s.stepWhatIf(1)
	case key.Matches(k, km.Type):
		v := s.explainer().Value(w.cur, w.col)
		if pc := cols[w.col]; pc.Kind != data.Categorical && pc.Indicator && v == "missing" {
			v = "" // the word is no value the field takes back, and English only
		}
		return s.openPrompt(usersValuePrompt, v)
	case key.Matches(k, km.Reset):
		w.cur = slices.Clone(w.base)
		w.prob = w.prob0
		s.status = s.say(func(s Model) string {
			return s.T("restored the user's own values", "已恢复该用户自己的取值")
		})
		s.restoreReasons()
		return s.sweepCmd()
	}
	return nil
}

// setWhatIfValue sets the chosen feature to a typed value and
// recomputes the probability: one forward pass, done here so the number
// follows every key press. A typed value outside a clipped column's range
// gets a note (clipNote).
func (s *Model) setWhatIfValue(text string) tea.Cmd {
	cmd, ok := s.applyWhatIf(text)
	if ok {
		s.status = s.status.Then(s.say(func(s Model) string { return s.clipNote(s.Exp().Pipeline.Columns[s.whatIf.col], text) }))
	}
	return cmd
}

// applyWhatIf sets the chosen feature to text, recomputes the probability
// and puts the new value in the status; ok is false when the value is
// refused (the status then says why).
func (s *Model) applyWhatIf(text string) (cmd tea.Cmd, ok bool) {
	e := s.Exp()
	w := &s.whatIf
	name := e.Pipeline.Columns[w.col].Name
	next, err := s.explainer().Set(w.cur, name, text)
	if err != nil {
		// Wrapped in full by statusLines; a long value is quoted short.
		s.status = s.say(func(s Model) string { return "✗ " + common.ShortIn(s.ErrorText(err), text, strings.TrimSpace(text)) })
		return nil, false
	}
	w.cur = next
	w.prob = s.explainer().Predict(next)
	s.status = s.say(func(s Model) string { return name + " = " + s.display(name, s.explainer().Value(next, w.col)) })
	if !w.whatIfChanged() {
		s.restoreReasons() // back at the user's own values
	}
	return tea.Batch(s.sweepCmd(), s.explainWhatIfCmd()), true
}

// SweepMsg carries a what-if sweep.
type SweepMsg struct {
	run, row, col, gen int
	today              bool // of the current customers (Model.showToday)
	points             []experiment.SweepPoint
	err                error
}

// sweepPoints is how many values a numeric sweep tries.
const sweepPoints = 41

// sweepCmd sweeps the chosen feature over its training range with the
// other features at their current what-if values.
func (s *Model) sweepCmd() tea.Cmd {
	w := &s.whatIf
	if !w.active {
		return nil
	}
	w.gen++
	e, ex, run, row, col, gen, today := s.Exp(), s.explainer(), s.list.users.run, w.row, w.col, w.gen, s.showToday
	x := slices.Clone(w.cur)
	return func() (msg tea.Msg) {
		var err error
		defer func() {
			if err != nil {
				msg = SweepMsg{run: run, row: row, col: col, gen: gen, today: today, err: err}
			}
		}()
		defer common.Recovered(&err)
		pts, err := ex.Sweep(x, e.Pipeline.Columns[col].Name, sweepPoints)
		return SweepMsg{run: run, row: row, col: col, gen: gen, today: today, points: pts, err: err}
	}
}

// swept shows a sweep if it still belongs to the current what-if.
func (s *Model) swept(msg SweepMsg) {
	w := &s.whatIf
	if !w.active || s.list.users == nil || msg.run != s.list.users.run || msg.row != w.row || msg.gen != w.gen || msg.today != s.showToday {
		return
	}
	if msg.err != nil {
		s.status = s.say(func(s Model) string { return "✗ " + msg.err.Error() })
		return
	}
	w.sweep = msg.points
	s.fillSweep()
}

// fillSweep draws the sweep: a curve and the current value for a numeric
// feature, one bar per level for a categorical or boolean one.
func (s *Model) fillSweep() {
	w := s.whatIf
	s.sweep.Reset()
	s.levels.SetBars(nil)
	if len(w.sweep) == 0 {
		s.sweep.Redraw()
		return
	}
	e := s.Exp()
	pc := e.Pipeline.Columns[w.col]
	if pc.Kind != data.Numeric {
		s.levelBars()
		return
	}
	for _, p := range w.sweep {
		s.sweep.Push(0, p.X, p.Prob)
	}
	cur := s.explainer().Value(w.cur, w.col)
	for _, p := range w.sweep {
		if p.Value == cur {
			s.sweep.Push(1, p.X, p.Prob)
		}
	}
	if pc.Kind == data.Numeric {
		if v, err := strconv.ParseFloat(cur, 64); err == nil {
			s.sweep.Push(1, v, w.prob)
		}
	}
	s.sweep.SetXRange(w.sweep[0].X, w.sweep[len(w.sweep)-1].X)
	s.sweep.SetXCaption(middleTruncate(pc.Name, 24))
	s.sweep.SetXUngrouped(s.list.users.years[pc.Name])
	s.sweep.SetMarker(1, widget.MarkerDots)
	s.sweep.Redraw()
}

// levelBars puts a categorical sweep into the bars, one per level, the
// level now set marked "◂ now": when the bars' labels (a third of the
// chart's width) cannot hold the whole level and the mark, the level is
// cut and the mark kept, which a long level ("Electronic check ◂ now")
// lost at 80 columns.
func (s *Model) levelBars() {
	w := s.whatIf
	if !w.active || len(w.sweep) == 0 {
		return
	}
	cur := s.explainer().Value(w.cur, w.col)
	room := max(6, max(s.sweep.Width()-1, 0)/3) // the bars are one cell narrower than the sweep, and give their labels a third
	bars := make([]widget.Bar, len(w.sweep))
	for i, p := range w.sweep {
		bars[i] = widget.Bar{Label: p.Value, Value: p.Prob}
		if p.Value != cur {
			continue
		}
		mark := s.T(" ◂ now", " ◂")
		if ansi.StringWidth(p.Value+mark) > room {
			mark = " ◂"
		}
		bars[i].Label = common.TruncateCell(p.Value, max(room-ansi.StringWidth(mark), 1)) + mark
	}
	s.levels.SetBars(bars)
}

// sweepView is the sweep as drawn: the chart for a numeric feature, the
// bars for a categorical one (with a title line).
func (s Model) sweepView() string {
	wi := s.whatIf
	if !wi.active || len(wi.sweep) == 0 || s.Exp() == nil || s.Exp().Pipeline.Columns[wi.col].Kind == data.Numeric {
		return s.sweep.View()
	}
	pc := s.Exp().Pipeline.Columns[wi.col]
	return s.Styles.Title.Render(s.sweepTitle(pc.Name, s.sweep.Width())) + "\n" + s.levels.View()
}

// sweepTitle is the title over a categorical feature's bars in w cells:
// "P(Churn = Yes) by level of PaymentMethod", or with P alone when that
// is too wide (as the title's "sorted by P"), the feature's name kept,
// cut at its end only when even that does not fit: cut between words,
// the title lost the name ("by level of …").
func (s Model) sweepTitle(name string, w int) string {
	title := s.Tf("%s by level of %s", "%s：按 %s 取值", s.risk().ProbName(), name)
	if ansi.StringWidth(title) <= w {
		return title
	}
	return common.TruncateCell(s.Tf("%s by level of %s", "%s：按 %s 取值", "P", name), w)
}
