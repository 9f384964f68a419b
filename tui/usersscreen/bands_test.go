package usersscreen

import (
	tea "charm.land/bubbletea/v2"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// The bands follow the target: preventing churn = yes puts the highest
// P(churn = yes) in the top band; encouraging churn = no (staying) the
// lowest. The key p switches and tells every screen; B steps the scheme.
func TestBandsFollowTheTargetAndTheScheme(t *testing.T) {
	s := New(screentest.Common("en", 120, 30))
	u := syntheticUsers(1000)
	s.list.setUsers(u)
	top := func() (lo, hi float64) {
		lo, hi = 2, -1
		for r, b := range s.list.bands.Of {
			if b == 0 {
				lo, hi = min(lo, u.prob(r)), max(hi, u.prob(r))
			}
		}
		return lo, hi
	}
	if got := s.list.target.String(); got != `prevent "churn = yes"` {
		t.Fatalf("default target %s", got)
	}
	if lo, _ := top(); lo < u.prob(int(u.byProbDesc[50])) || s.list.bands.Bands[0].Users() != 50 {
		t.Errorf("prevent: the top 5 %% starts at %v, below the 51st highest probability", lo)
	}
	s, sent := pressPlan(t, s, "p")
	if len(sent) != 1 {
		t.Fatalf("p sent %#v", sent)
	}
	msg, ok := sent[0].(common.TargetMsg)
	if !ok || msg.Target.String() != `encourage "churn = no"` {
		t.Fatalf("p sent %#v", sent)
	}
	if _, hi := top(); hi > u.prob(int(u.byProbAsc[50])) {
		t.Errorf("encourage churn = no: the top 5 %% reaches %v, above the 51st lowest probability", hi)
	}
	screentest.MustContain(t, s.View(), "plan: encourage churn = no (p)")
	s, sent = pressPlan(t, s, "B")
	if len(sent) != 1 || sent[0] != (common.BandsMsg{Scheme: experiment.BandScheme{Capacity: 100}}) {
		t.Fatalf("B sent %#v", sent)
	}
	if n := len(s.list.bands.Bands); n != 2 || s.list.bands.Bands[0].Users() != 100 {
		t.Errorf("capacity 100: %d bands, top %d users", n, s.list.bands.Bands[0].Users())
	}
	// Another screen's choice arrives as messages.
	s = deliver(t, s, common.TargetMsg{Target: experiment.NewTarget(u.label, experiment.Prevent)})
	s = deliver(t, s, common.BandsMsg{})
	if s.list.target.String() != `prevent "churn = yes"` || len(s.list.bands.Bands) != 5 {
		t.Errorf("after the messages: %s, %d bands", s.list.target, len(s.list.bands.Bands))
	}
}

// The table follows the target too: preventing churn = yes lists the
// highest P(churn = yes) first; encouraging churn = no (staying), the
// highest P(churn = no) = 1 − P(churn = yes), so the lowest P(churn = yes)
// first; s reverses it (least likely first). A new outcome selects the
// first user of the new order. The title says which
// probability the table is sorted by. Checked against a sort of the
// synthetic probabilities done here.
func TestTableFollowsTheTarget(t *testing.T) {
	s := New(screentest.Common("en", 120, 30))
	u := syntheticUsers(1000)
	s.list.setUsers(u)
	ordered := func(desc bool, score func(r int) float64) {
		t.Helper()
		for i := 1; i < len(s.list.shown); i++ {
			a, b := score(int(s.list.shown[i-1])), score(int(s.list.shown[i]))
			if desc && a < b || !desc && a > b {
				t.Fatalf("rows %d and %d out of order: %v then %v", i-1, i, a, b)
			}
		}
	}
	has := func(want string) {
		t.Helper()
		if !strings.HasSuffix(s.describe(200), want) {
			t.Errorf("title %q, want it to end with %q", s.describe(200), want)
		}
	}
	pChurn := func(r int) float64 { return u.prob(r) }
	pStay := func(r int) float64 { return 1 - u.prob(r) }
	ordered(true, pChurn)
	has("sorted by P(churn = yes) ↓")
	s.list.move(10) // a user selected down the list
	s, _ = pressPlan(t, s, "p")
	ordered(true, pStay)
	if s.list.cursor != 0 {
		t.Errorf("after the new outcome the cursor is at %d, want the first user", s.list.cursor)
	}
	has("sorted by P(churn = no) ↓")
	if first := int(s.list.shown[0]); u.prob(first) != u.prob(int(u.byProbAsc[0])) {
		t.Errorf("encourage churn = no: first user has P(churn = yes) %v, lowest is %v", u.prob(first), u.prob(int(u.byProbAsc[0])))
	}
	// The P column is the probability the table is sorted by.
	lines := s.tableLines(120, 3)
	top := int(s.list.visible()[0])
	if !strings.Contains(ansi.Strip(lines[0]), "P(no)") || !strings.Contains(ansi.Strip(lines[1]), fmt.Sprintf(" %.3f ", 1-u.prob(top))) {
		t.Errorf("table %q, want P(no) = %.3f first", lines[:2], 1-u.prob(top))
	}
	s = pressAll(t, s, "s")
	ordered(false, pStay)
	has("sorted by P(churn = no) ↑")
	s = deliver(t, s, common.TargetMsg{Target: experiment.NewTarget(u.label, experiment.Prevent)})
	ordered(false, pChurn)
	has("sorted by P(churn = yes) ↑")
}

// pressPlan presses k, runs the screen's own Cmds (the replan's filter)
// and returns what it sent to the other screens.
func pressPlan(t *testing.T, s Model, k string) (Model, []tea.Msg) {
	t.Helper()
	var cmd tea.Cmd
	s, cmd = s.step(screentest.Press(k))
	var sent []tea.Msg
	screentest.Drain(cmd, func(msg tea.Msg) (tea.Cmd, bool) {
		switch msg.(type) {
		case FilterMsg, FindMsg, ExplainMsg, SweepMsg, WhatIfExplainMsg:
			var next tea.Cmd
			s, next = s.step(msg)
			return next, true
		}
		sent = append(sent, msg)
		return nil, false
	})
	return s, sent
}

// deliver hands the screen a message from elsewhere and runs what follows.
func deliver(t *testing.T, s Model, msg tea.Msg) Model {
	t.Helper()
	var cmd tea.Cmd
	s, cmd = s.step(msg)
	return runCmds(t, s, cmd)
}
