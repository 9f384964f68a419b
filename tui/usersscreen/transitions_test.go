package usersscreen

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

func TestLateAnswersAboutAnotherRunAreDropped(t *testing.T) {
	s := analysed(t, "en", 100, 30)
	users := s.list.users
	s, _ = s.step(ReadyMsg{run: 99, users: syntheticUsers(10)})
	s, _ = s.step(ExplainMsg{run: 99, row: 0, expl: experiment.Explanation{Prob: 0.5}})
	if s.list.users != users {
		t.Fatal("an answer about an unknown run replaced the current one")
	}
	if _, ok := s.explained[0]; ok && users.run != 99 {
		t.Fatal("an explanation of another run was cached")
	}
}

func TestScoringWaitsAndFails(t *testing.T) {
	s := New(screentest.Common("en", 100, 30))
	s.SetSize(100, 30)
	if s.SetRun(screentest.TextbookRun(t)) == nil {
		t.Fatal("no scoring Cmd")
	}
	screentest.MustContain(t, view(s), "Scoring every user with run 1…")
	s, _ = s.step(ReadyMsg{run: 1, err: errors.New("scoring broke")})
	screentest.MustContain(t, view(s), "Scoring the users failed: scoring broke")
}

func TestUsersDetailAndExportTransitions(t *testing.T) {
	s := analysed(t, "en", 80, 24)
	if s.detail || s.usesSplit() {
		t.Fatal("an 80-column window starts with the table alone")
	}
	s = pressAll(t, s, "enter")
	if !s.detail {
		t.Fatal("enter did not open the details")
	}
	screentest.MustContain(t, view(s), "integrated gradients")
	// The pane is cut at 80×24: its last line says so and how to scroll.
	lines := strings.Split(view(s), "\n")
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "lines 1–") || !strings.HasSuffix(strings.TrimSpace(last), "· pgup/pgdn scroll") {
		t.Errorf("the cut detail pane's last line is %q", last)
	}
	s = pressAll(t, s, "pgdown")
	if s.detailScroll == 0 {
		t.Fatal("pgdn did not scroll the details")
	}
	screentest.MustContain(t, view(s), "Feature")
	s = pressAll(t, s, "pgup", "down")
	if s.detailScroll != 0 {
		t.Fatal("moving to another user did not scroll the details back to the top")
	}
	s = pressAll(t, s, "esc")
	if s.detail {
		t.Fatal("esc did not close the details")
	}
	// An export with no name is refused in place; an unwritable one fails
	// with the reason.
	s = pressAll(t, s, "x")
	s = clear(t, s, len("retain-users.csv"))
	s = pressAll(t, s, "enter")
	screentest.MustContain(t, view(s), "✗ no file name given")
	bad := filepath.Join(t.TempDir(), "missing-dir", "u.csv")
	s = pressAll(t, s, "x")
	s = clear(t, s, len("retain-users.csv"))
	s = typeText(t, s, bad)
	s = pressAll(t, s, "enter")
	if !strings.Contains(s.status.In(s.Common), "✗ export failed: ") || !strings.Contains(s.status.In(s.Common), "missing-dir") {
		t.Fatalf("status after a failed export: %q", s.status.In(s.Common))
	}
}

func TestWhatIfRefusesABadValueInPlace(t *testing.T) {
	s := analysed(t, "en", 120, 40)
	s = pressAll(t, s, "w", "enter")
	s = clear(t, s, 12)
	s = typeText(t, s, "lots")
	s = pressAll(t, s, "enter")
	if !strings.HasPrefix(s.status.In(s.Common), "✗ ") || s.whatIf.prob != s.whatIf.prob0 {
		t.Fatalf("a non-number was applied: status %q", s.status.In(s.Common))
	}
	// Categorical and numeric stepping both land on valid values.
	before := s.whatIf.cur[0]
	s = pressAll(t, s, "left")
	if s.whatIf.cur[0] == before && s.status.In(s.Common) == "" {
		t.Fatal("← did not change the first feature")
	}
}
