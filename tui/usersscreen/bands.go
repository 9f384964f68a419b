package usersscreen

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// rebands cuts the users into bands by the target's score: the users most
// likely to have the outcome to prevent or to encourage first, ties in row
// order (experiment.CutBands on the precomputed orders, no sort here).
func (l *userList) rebands() {
	if l.users == nil {
		return
	}
	u := l.users
	l.target = common.TargetFor(l.chosen, u.label)
	order, scores := u.byProbDesc, u.scores.Probabilities
	if !l.target.OnPositive {
		order, scores = u.byProbAscFirst, l.target.Scores(scores)
	}
	l.bands = experiment.CutBands(order, scores, l.scheme)
	if l.band > len(l.bands.Bands) {
		l.band = 0
	}
}

// risk words the target in use.
func (s Model) risk() common.RiskWording { return common.NewRiskWording(s.list.target) }

// bandOf names row r's band.
func (s Model) bandOf(r int) string { return s.BandName(s.list.bands, s.list.bands.Of[r]) }

// bandFilterName names the band filter ("all" or the band shown).
func (s Model) bandFilterName() string {
	if s.list.band == 0 {
		return s.T("all", "全部")
	}
	return s.BandName(s.list.bands, s.list.band-1)
}

// planKey switches the target (p) or the band scheme (B) and tells every
// screen. A new band scheme keeps the selected row (before) when it still
// passes the filters; a new outcome reorders the table, so the selection
// moves to its first user, the most likely to have the new outcome.
func (s *Model) planKey(k tea.KeyPressMsg, km usersKeyMap, before int) tea.Cmd {
	var msg tea.Msg
	if key.Matches(k, km.Target) {
		t := s.list.target.Toggled()
		s.list.chosen, msg = &t, common.TargetMsg{Target: t}
	} else {
		s.list.scheme = common.NextBandScheme(s.list.scheme)
		msg = common.BandsMsg{Scheme: s.list.scheme}
	}
	cmd := s.replan(before)
	return tea.Batch(cmd, func() tea.Msg { return msg })
}

// planMsg follows a target or band scheme chosen on another screen.
func (s *Model) planMsg(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.TargetMsg:
		s.list.chosen = &msg.Target
	case common.BandsMsg:
		s.list.scheme = msg.Scheme
	}
	return s.replan(s.list.selected())
}

// replan rebands and refilters after a change of target or scheme, in a
// Cmd (cutting a million users into bands takes longer than a key may):
// the table keeps the previous bands and rows, marked "filtering…", until
// the FilterMsg brings both. When the order turns round the first user is
// selected, else the user selected then if still shown.
func (s *Model) replan(before int) tea.Cmd {
	l := &s.list
	if l.users == nil {
		return nil
	}
	next := *l // a copy the Cmd rebands; the slices it replaces stay shared
	if common.TargetFor(l.chosen, l.users.label).OnPositive != l.target.OnPositive && l.sort != sortRow {
		before = -1
	}
	l.gen++
	l.filtering = true
	gen, top := l.gen, before < 0
	return func() tea.Msg {
		next.rebands()
		f := next.spec()
		return FilterMsg{gen: gen, kind: f.kind, rows: f.rows(), top: top,
			plan: &plan{target: next.target, bands: next.bands, band: next.band}}
	}
}
