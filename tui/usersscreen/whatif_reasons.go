package usersscreen

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// WhatIfExplainMsg carries the explanation of a what-if's values.
type WhatIfExplainMsg struct {
	run, row int
	today    bool      // of the current customers (Model.showToday)
	x        []float64 // the what-if input explained
	expl     experiment.Explanation
	err      error
}

// whatIfChanged reports whether a what-if is on with values other than
// the user's own: its reasons are then the what-if's, not the user's.
func (w whatIf) whatIfChanged() bool { return w.active && !slices.Equal(w.cur, w.base) }

// explainWhatIfCmd asks the explainer (experiment.Explainer.Explain) for
// the reasons of the what-if's current values; nil when they are the
// user's own, whose explanation holds.
func (s *Model) explainWhatIfCmd() tea.Cmd {
	w := &s.whatIf
	w.explErr = nil
	if !w.whatIfChanged() || s.list.users == nil {
		return nil
	}
	ex, run, row, today, x := s.explainer(), s.list.users.run, w.row, s.showToday, slices.Clone(w.cur)
	return func() tea.Msg {
		expl, err := explainInput(ex, x)
		return WhatIfExplainMsg{run: run, row: row, today: today, x: x, expl: expl, err: err}
	}
}

func explainInput(x *experiment.Explainer, row []float64) (ex experiment.Explanation, err error) {
	defer common.Recovered(&err)
	return x.Explain(row)
}

// whatIfExplained keeps a what-if's explanation if it is of the values
// the what-if holds now, and shows its reasons.
func (s *Model) whatIfExplained(msg WhatIfExplainMsg) {
	w := &s.whatIf
	if !w.active || s.list.users == nil || msg.run != s.list.users.run || msg.row != w.row || msg.today != s.showToday || !slices.Equal(msg.x, w.cur) {
		return
	}
	if msg.err != nil {
		w.explErr = msg.err
		return
	}
	w.expl, w.explFor = msg.expl, msg.x
	s.showReasons(msg.expl)
}

// shownExplanation is the explanation the reasons describe: during a
// what-if with values changed, the what-if's (ok once it is computed for
// the values held now), otherwise the user's own; whatIf says which.
func (s Model) shownExplanation(row int) (ex experiment.Explanation, ok, whatIf bool) {
	if w := s.whatIf; w.whatIfChanged() {
		return w.expl, w.explFor != nil && slices.Equal(w.explFor, w.cur), true
	}
	ex, ok = s.explained[row]
	return ex, ok, false
}

// ownValue reports whether pipeline column pc holds the user's own value:
// not when a what-if changed it. Only the user's own value is told as
// clipped or filled in for a blank.
func (s Model) ownValue(pc data.PipelineColumn) bool {
	return !s.whatIf.active || !s.whatIf.edited(pc)
}

// restoreReasons puts the user's own reasons back into the bars, as a
// what-if ends or goes back to the user's values.
func (s *Model) restoreReasons() {
	if ex, ok := s.explained[s.list.selected()]; ok && s.list.users != nil {
		s.showReasons(ex)
	}
}
