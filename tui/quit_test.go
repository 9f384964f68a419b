package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// trainingModel is the built-in shop at w×h in lang with run 1 training
// (on and on: no early stop), on the Train screen.
func trainingModel(t *testing.T, lang string, w, h int) Model {
	t.Helper()
	opts := Options{Source: experiment.Source{Kind: "builtin"}, Config: experiment.DefaultConfig(), Open: screentest.Open, Lang: lang}
	opts.Config.Train.Epochs = 100000
	opts.Config.Train.EarlyStop.Patience = 0
	m := loadedModel(t, opts, w, h)
	m, _ = update(t, m, screentest.Press("3"))
	m, cmd := update(t, m, screentest.Press("space"))
	m, _ = update(t, m, startedMsg(t, cmd))
	if !m.trainScr.Alive() {
		t.Fatal("the run did not start")
	}
	return m
}

// stopAndQuit stops m's training as the program does at exit, for the
// tests that leave a run training.
func stopAndQuit(t *testing.T, m Model) {
	t.Helper()
	m.trainScr.Close()
	m.trainScr.Wait()
}

// TestQuitWhileTrainingAsksFirst: q while a run trains asks before
// quitting (review22 #15: it quit at once, and the run was gone); any
// other key keeps the program and the run going, and the question goes.
func TestQuitWhileTrainingAsksFirst(t *testing.T) {
	m := trainingModel(t, "en", 80, 24)
	defer stopAndQuit(t, m)
	m, cmd := update(t, m, screentest.Press("q"))
	if cmd != nil || m.quitting || !m.confirmQuit {
		t.Fatalf("q while training: cmd %v, quitting %v, asking %v; want a question and nothing else", cmd != nil, m.quitting, m.confirmQuit)
	}
	screentest.MustContain(t, words(screen(m)),
		"Quit retain? You would lose run 1 (still training): the TUI keeps no model file",
		"q or y quits · any other key stays · ctrl+c quits at once")
	m, cmd = update(t, m, screentest.Press("n"))
	if cmd != nil || m.quitting || m.confirmQuit || !m.trainScr.Alive() {
		t.Fatalf("n to the question: cmd %v, quitting %v, asking %v, training %v", cmd != nil, m.quitting, m.confirmQuit, m.trainScr.Alive())
	}
	if strings.Contains(screen(m), "Quit retain?") {
		t.Fatal("the question is still shown after it was answered no")
	}
	// "n" answered the question: it did not also step a batch.
	if m.trainScr.Paused() {
		t.Fatal("the key that answered the question reached the Train screen")
	}
}

// TestQuitAfterRunsAsksAndQAgainQuits: with ended runs and nothing
// training, q asks, naming them; q again quits.
func TestQuitAfterRunsAsksAndQAgainQuits(t *testing.T) {
	for _, again := range []string{"q", "y"} {
		m := loadedModel(t, textbookOptions(), 80, 24)
		m.trainScr.AddFinished(trainRun(t, m, 1))
		m.trainScr.AddFinished(trainRun(t, m, 1))
		m, cmd := update(t, m, screentest.Press("q"))
		if cmd != nil || !m.confirmQuit {
			t.Fatalf("q after two runs: cmd %v, asking %v", cmd != nil, m.confirmQuit)
		}
		screentest.MustContain(t, words(screen(m)), "You would lose 2 ended runs:")
		m, cmd = update(t, m, screentest.Press(again))
		if cmd == nil {
			t.Fatalf("%s to the question returned no command", again)
		}
		if got := cmd(); got != (tea.QuitMsg{}) {
			t.Errorf("%s to the question ends with %T, want tea.QuitMsg", again, got)
		}
	}
}

// TestCtrlCQuitsAtOnceEvenWhenAsked: ctrl+c does not ask, and ends a
// question already asked at once, as an interrupt.
func TestCtrlCQuitsAtOnceEvenWhenAsked(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 80, 24)
	m.trainScr.AddFinished(trainRun(t, m, 1))
	_, cmd := update(t, m, screentest.Press("ctrl+c"))
	if cmd == nil || cmd() != (tea.InterruptMsg{}) {
		t.Fatal("ctrl+c with an ended run did not interrupt at once")
	}
	m, _ = update(t, m, screentest.Press("q"))
	_, cmd = update(t, m, screentest.Press("ctrl+c"))
	if cmd == nil || cmd() != (tea.InterruptMsg{}) {
		t.Fatal("ctrl+c to the question did not interrupt at once")
	}
}

// TestQuitQuestionView is the question as drawn at 80×24 and 160×48
// while run 1 trains, in English and Chinese (goldens).
func TestQuitQuestionView(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		for _, size := range [][2]int{{80, 24}, {160, 48}} {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, size[0], size[1]), func(t *testing.T) {
				m := trainingModel(t, lang, size[0], size[1])
				defer stopAndQuit(t, m)
				m, _ = update(t, m, screentest.Press("7")) // a screen that does not move while the run trains
				m, _ = update(t, m, screentest.Press("q"))
				view := screen(m)
				if i := strings.Index(view, "╭"); i >= 0 {
					view = view[i:] // the question and the footer; the status above moves with the run
				}
				golden.RequireEqual(t, []byte(view))
			})
		}
	}
}

// words is view with its box sides taken out and its wrapped lines joined
// by single spaces, so that a sentence reads whole.
func words(view string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(view, "│", " ")), " ")
}
