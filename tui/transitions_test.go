package tui

import (
	"errors"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/usersscreen"
	"github.com/retainlab/retain/tui/walktab"
)

// walkShown reports whether the walkthrough tab shows a walkthrough.
func walkShown(m Model) bool {
	_, has := m.walkScr.Shown()
	return has
}

func TestLateAnswersAboutAnotherRunAreDropped(t *testing.T) {
	m := analysedModel(t, textbookOptions(), 100, 30, 2)
	eval := m.evalScr.data
	m, _ = update(t, m, evalReadyMsg{run: 99, data: &evalData{run: 99}})
	m, _ = update(t, m, walktab.ReadyMsg{Run: 99, Row: 0})
	m, _ = update(t, m, mapReadyMsg{grid: &decisionGrid{req: mapRequest{run: 99}}})
	if m.evalScr.data != eval || walkShown(m) || m.mapScr.grid != nil {
		t.Fatal("an answer about an unknown run replaced the current one")
	}
}

func TestAnalysisScreensWaitAndFail(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 100, 30)
	run := trainRun(t, m, 1)
	m.trainScr.finished = []common.Run{run}
	m.analyse(run) // its Cmds are not run: the screens wait
	mustContain(t, screen(pressAll(t, m, "4")), "Evaluating run 1…")
	mustContain(t, screen(pressAll(t, m, "5")), "Scoring every user with run 1…")
	m, _ = update(t, m, evalReadyMsg{run: 1, err: errors.New("metrics: only one class")})
	mustContain(t, screen(pressAll(t, m, "4")), "The evaluation failed: metrics: only one class")
}

// TestAnalysisCmdsRunConcurrently runs every analysis Cmd of one run at
// the same time, as the program does; under -race it checks they share
// the experiment safely.
func TestAnalysisCmdsRunConcurrently(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 100, 30)
	run := trainRun(t, m, 1)
	w := walktab.New(common.New("en"))
	users := usersscreen.New(common.New("en"))
	cmds := []tea.Cmd{evalCmd(run), users.SetRun(run), importanceCmd(run),
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
		case usersscreen.ReadyMsg:
			if msg.Err() != nil {
				t.Error(msg.Err())
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
		}
	}
}
