package tui

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/walktab"
)

// walkShown reports whether the walkthrough tab shows a walkthrough.
func walkShown(m Model) bool {
	_, has := m.walkScr.Shown()
	return has
}

func TestLateAnswersAboutAnotherRunAreDropped(t *testing.T) {
	m := analysedModel(t, textbookOptions(), 100, 30, 2)
	users, eval := m.usersScr.list.users, m.evalScr.data
	m, _ = update(t, m, usersReadyMsg{run: 99, users: syntheticUsers(10)})
	m, _ = update(t, m, evalReadyMsg{run: 99, data: &evalData{run: 99}})
	m, _ = update(t, m, explainMsg{run: 99, row: 0, expl: experiment.Explanation{Prob: 0.5}})
	m, _ = update(t, m, walktab.ReadyMsg{Run: 99, Row: 0})
	m, _ = update(t, m, mapReadyMsg{grid: &decisionGrid{req: mapRequest{run: 99}}})
	if m.usersScr.list.users != users || m.evalScr.data != eval || walkShown(m) || m.mapScr.grid != nil {
		t.Fatal("an answer about an unknown run replaced the current one")
	}
	if _, ok := m.usersScr.explained[0]; ok && users.run != 99 {
		t.Fatal("an explanation of another run was cached")
	}
}

func TestAnalysisScreensWaitAndFail(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 100, 30)
	run := trainRun(t, m, 1)
	m.trainScr.AddFinished(run)
	m.analyse(run) // its Cmds are not run: the screens wait
	mustContain(t, screen(pressAll(t, m, "4")), "Evaluating run 1…")
	mustContain(t, screen(pressAll(t, m, "5")), "Scoring every user with run 1…")
	m, _ = update(t, m, evalReadyMsg{run: 1, err: errors.New("metrics: only one class")})
	m, _ = update(t, m, usersReadyMsg{run: 1, err: errors.New("scoring broke")})
	mustContain(t, screen(pressAll(t, m, "4")), "The evaluation failed: metrics: only one class")
	mustContain(t, screen(pressAll(t, m, "5")), "Scoring the users failed: scoring broke")
}

func TestUsersDetailAndExportTransitions(t *testing.T) {
	m := analysedModel(t, textbookOptions(), 80, 24, 2)
	m = pressAll(t, m, "5")
	if m.usersScr.detail || m.usersScr.usesSplit() {
		t.Fatal("an 80-column window starts with the table alone")
	}
	m = pressAll(t, m, "enter")
	if !m.usersScr.detail {
		t.Fatal("enter did not open the details")
	}
	mustContain(t, screen(m), "integrated gradients")
	m = pressAll(t, m, "pgdown")
	if m.usersScr.detailScroll == 0 {
		t.Fatal("pgdn did not scroll the details")
	}
	mustContain(t, screen(m), "Feature")
	m = pressAll(t, m, "pgup", "down")
	if m.usersScr.detailScroll != 0 {
		t.Fatal("moving to another user did not scroll the details back to the top")
	}
	m = pressAll(t, m, "esc")
	if m.usersScr.detail {
		t.Fatal("esc did not close the details")
	}
	// An export with no name is refused in place; an unwritable one fails
	// with the reason.
	m = pressAll(t, m, "x")
	for range len("retain-users.csv") {
		m = pressAll(t, m, "backspace")
	}
	m = pressAll(t, m, "enter")
	mustContain(t, screen(m), "✗ no file name given")
	bad := filepath.Join(t.TempDir(), "missing-dir", "u.csv")
	m = pressAll(t, m, "x")
	for range len("retain-users.csv") {
		m = pressAll(t, m, "backspace")
	}
	m = typeText(m, bad).(Model)
	m = pressAll(t, m, "enter")
	if !strings.Contains(m.usersScr.status, "✗ export failed: ") || !strings.Contains(m.usersScr.status, "missing-dir") {
		t.Fatalf("status after a failed export: %q", m.usersScr.status)
	}
}

func TestWhatIfRefusesABadValueInPlace(t *testing.T) {
	m := analysedModel(t, textbookOptions(), 120, 40, 2)
	m = pressAll(t, m, "5", "w", "enter")
	for range 12 {
		m = pressAll(t, m, "backspace")
	}
	m = typeText(m, "lots").(Model)
	m = pressAll(t, m, "enter")
	if !strings.HasPrefix(m.usersScr.status, "✗ ") || m.usersScr.whatIf.prob != m.usersScr.whatIf.prob0 {
		t.Fatalf("a non-number was applied: status %q", m.usersScr.status)
	}
	// Categorical and numeric stepping both land on valid values.
	before := m.usersScr.whatIf.cur[0]
	m = pressAll(t, m, "left")
	if m.usersScr.whatIf.cur[0] == before && m.usersScr.status == "" {
		t.Fatal("← did not change the first feature")
	}
}

// TestAnalysisCmdsRunConcurrently runs every analysis Cmd of one run at
// the same time, as the program does; under -race it checks they share
// the experiment safely.
func TestAnalysisCmdsRunConcurrently(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 100, 30)
	run := trainRun(t, m, 1)
	w := walktab.New(common.New("en"))
	cmds := []tea.Cmd{evalCmd(run), usersCmd(run), importanceCmd(run),
		func() tea.Msg {
			ex, err := explainRow(run.Exp, run.Exp.Explainer(), 3)
			return explainMsg{run: 1, row: 3, expl: ex, err: err}
		},
		mapCmd(run.Exp, mapRequest{run: 1, row: 3, xcol: 0, ycol: 1, cols: 30, rows: 10}),
		w.Want(run, 3, "U000004")}
	done := make(chan tea.Msg, len(cmds))
	for _, c := range cmds {
		go func() { done <- c() }()
	}
	for range cmds {
		switch msg := (<-done).(type) {
		case evalReadyMsg:
			if msg.err != nil {
				t.Error(msg.err)
			}
		case usersReadyMsg:
			if msg.err != nil {
				t.Error(msg.err)
			}
		case importanceMsg:
			if msg.err != nil {
				t.Error(msg.err)
			}
		case mapReadyMsg:
			if msg.err != nil {
				t.Error(msg.err)
			}
		case walktab.ReadyMsg:
			if msg.Err != nil {
				t.Error(msg.Err)
			}
		case explainMsg:
			if msg.err != nil {
				t.Error(msg.err)
			}
		}
	}
}
