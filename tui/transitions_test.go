package tui

import (
	"errors"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/evalscreen"
	"github.com/retainlab/retain/tui/mapscreen"
	"github.com/retainlab/retain/tui/screentest"
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
	eval := m.evalScr.RunNumber()
	m, _ = update(t, m, evalscreen.ReadyMsg{Run: 99})
	m, _ = update(t, m, walktab.ReadyMsg{Run: 99, Row: 0})
	if m.evalScr.RunNumber() != eval || walkShown(m) {
		t.Fatal("an answer about an unknown run replaced the current one")
	}
}

func TestAnalysisScreensWaitAndFail(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 100, 30)
	run := trainRun(t, m, 1)
	m.trainScr.AddFinished(run)
	m.analyse(run) // its Cmds are not run: the screens wait
	screentest.MustContain(t, screen(pressAll(t, m, "4")), "Evaluating run 1…")
	screentest.MustContain(t, screen(pressAll(t, m, "5")), "Scoring every user with run 1…")
	m, _ = update(t, m, evalscreen.ReadyMsg{Run: 1, Err: errors.New("only one class present: no positive labels")})
	screentest.MustContain(t, screen(pressAll(t, m, "4")), "The evaluation failed: only one class present: no positive labels")
}

// TestAnalysisCmdsRunConcurrently runs every analysis Cmd of one run at
// the same time, as the program does; under -race it checks they share
// the experiment safely.
func TestAnalysisCmdsRunConcurrently(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 100, 30)
	run := trainRun(t, m, 1)
	w := walktab.New(common.New("en"))
	mp := mapscreen.New(common.New("en"))
	mp.SetSize(40, 14)
	users := usersscreen.New(common.New("en"))
	cmds := []tea.Cmd{evalscreen.Cmd(run), users.SetRun(run), evalscreen.ImportanceCmd(run),
		mp.Want(run, 3),
		w.Want(run, 3, "U000004")}
	done := make(chan tea.Msg, len(cmds))
	for _, c := range cmds {
		go func() { done <- c() }()
	}
	for range cmds {
		switch msg := (<-done).(type) {
		case evalscreen.ReadyMsg:
			if msg.Err != nil {
				t.Error(msg.Err)
			}
		case usersscreen.ReadyMsg:
			if msg.Err() != nil {
				t.Error(msg.Err())
			}
		case evalscreen.ImportanceMsg:
			if msg.Err != nil {
				t.Error(msg.Err)
			}
		case mapscreen.ReadyMsg:
			if msg.Err != nil {
				t.Error(msg.Err)
			}
		case walktab.ReadyMsg:
			if msg.Err != nil {
				t.Error(msg.Err)
			}
		}
	}
}
