package tui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/datascreen"
	"github.com/retainlab/retain/tui/screentest"
	"github.com/retainlab/retain/tui/trainscreen"
)

func TestInitLoadsTheStartingData(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 100, 30)
	if m.data.Table.Rows != 100 {
		t.Fatalf("rows = %d, want the textbook's 100", m.data.Table.Rows)
	}
	if m.loading != "" || m.err != nil {
		t.Fatalf("after loading: loading %q, err %v", m.loading, m.err)
	}
	// 90 % train, the default's 10 % validation of 100 rows; the pipeline's ten inputs.
	if m.dataScr.Info().Train+m.dataScr.Info().Val != 100 || m.dataScr.Info().Val != 10 || m.dataScr.Info().Inputs != 10 {
		t.Fatalf("split %d/%d, inputs %d", m.dataScr.Info().Train, m.dataScr.Info().Val, m.dataScr.Info().Inputs)
	}
	screentest.MustContain(t, screen(m), "textbook shop (100 users)", "purchases_next_30d")
}

func TestTabsSwitchWithKeys(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 100, 30)
	steps := []struct {
		key  string
		want tab
	}{{"tab", tabModel}, {"tab", tabTrain}, {"shift+tab", tabModel}, {"shift+tab", tabData}, {"shift+tab", tabCount - 1}, {"tab", tabData}, {"2", tabModel}, {"1", tabData}, {"3", tabTrain}, {"4", tabEvaluate}, {"5", tabUsers}}
	for _, s := range steps {
		m, _ = update(t, m, screentest.Press(s.key))
		if m.active != s.want {
			t.Fatalf("after %s: tab %d, want %d", s.key, m.active, s.want)
		}
	}
}

func TestHelpTogglesFullHelp(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 120, 40)
	short := screen(m)
	if strings.Contains(short, "previous screen") {
		t.Fatal("short help already shows the full key list")
	}
	m, _ = update(t, m, screentest.Press("?"))
	screentest.MustContain(t, screen(m), "previous screen", "built-in data", "open order log")
	m, _ = update(t, m, screentest.Press("?"))
	if m.help.ShowAll {
		t.Fatal("? did not close the full help")
	}
}

// TestQuitWithoutTrainingQuitsAtOnce: q quits (exit 0); ctrl+c
// interrupts (Run returns tea.ErrInterrupted: exit 130, as README's exit
// codes say of Ctrl-C in the TUI), except in a served session, which it
// ends as q does.
func TestQuitWithoutTrainingQuitsAtOnce(t *testing.T) {
	for _, c := range []struct {
		key    string
		served bool
		want   tea.Msg
	}{
		{"q", false, tea.QuitMsg{}},
		{"ctrl+c", false, tea.InterruptMsg{}},
		{"q", true, tea.QuitMsg{}},
		{"ctrl+c", true, tea.QuitMsg{}},
	} {
		opts := textbookOptions()
		opts.Served = c.served
		m := loadedModel(t, opts, 100, 30)
		_, cmd := update(t, m, screentest.Press(c.key))
		if cmd == nil {
			t.Fatalf("%s returned no command", c.key)
		}
		if got := cmd(); got != c.want {
			t.Errorf("%s (served %v) ends with %T, want %T", c.key, c.served, got, c.want)
		}
	}
}

func TestQuitWhileTrainingStopsTheWorkerFirst(t *testing.T) {
	opts := Options{Source: experiment.Source{Kind: "builtin"}, Config: experiment.DefaultConfig(), Open: screentest.Open}
	opts.Config.Train.Epochs = 100000
	opts.Config.Train.EarlyStop.Patience = 0
	m := loadedModel(t, opts, 100, 30)
	m, _ = update(t, m, screentest.Press("3"))
	m, cmd := update(t, m, screentest.Press("space"))
	m, _ = update(t, m, startedMsg(t, cmd))
	if !m.trainScr.Alive() {
		t.Fatal("the run did not start")
	}

	// q asks first (a run would be lost); y confirms.
	m, cmd = update(t, m, screentest.Press("q"))
	if m.quitting || cmd != nil || !m.confirmQuit {
		t.Fatalf("q while training: quitting %v, cmd %v, asking %v; want the question", m.quitting, cmd, m.confirmQuit)
	}
	m, cmd = update(t, m, screentest.Press("y"))
	if !m.quitting || cmd == nil {
		t.Fatalf("y to the question while training: quitting %v, cmd %v", m.quitting, cmd)
	}
	done, ok := cmd().(trainscreen.DoneMsg) // waits for the worker
	if !ok {
		t.Fatal("the quit command did not wait for the worker")
	}
	// With nine tabs the status goes into the rule below the tab bar.
	if !strings.Contains(m.tabBar()+m.rule(), "stopping training") {
		t.Fatalf("tab bar and rule while quitting: %q", m.tabBar()+m.rule())
	}
	m, cmd = update(t, m, done)
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("the program did not quit once the worker had ended")
	}
	runs := m.trainScr.Finished()
	if len(runs) != 1 || !errors.Is(runs[0].Err, contextCanceled) {
		t.Fatalf("ended runs %+v, want one cancelled run", runs)
	}
}

func TestQuitDuringARestartDoesNotStartAnotherRun(t *testing.T) {
	opts := Options{Source: experiment.Source{Kind: "builtin"}, Config: experiment.DefaultConfig(), Open: screentest.Open}
	opts.Config.Train.Epochs = 100000
	m := loadedModel(t, opts, 100, 30)
	m, _ = update(t, m, screentest.Press("3"))
	m, cmd := update(t, m, screentest.Press("space"))
	m, _ = update(t, m, startedMsg(t, cmd))
	m, _ = update(t, m, screentest.Press("r"))
	m, _ = update(t, m, screentest.Press("q"))
	m, cmd = update(t, m, screentest.Press("q")) // q again confirms
	m, cmd = update(t, m, cmd())
	if m.trainScr.Runs() != 1 || m.trainScr.Alive() {
		t.Fatal("quitting during a restart started another run")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("the program did not quit after the worker ended")
	}
}

// startedMsg runs the Cmds a start key returned, each in its own
// goroutine as the program would, and returns the Train screen's
// StartedMsg; the frame tick and the wait for the worker are left running.
func startedMsg(t *testing.T, cmd tea.Cmd) tea.Msg {
	t.Helper()
	batch, ok := cmd().(tea.BatchMsg)
	if !ok {
		t.Fatal("the start key did not return a batch of Cmds")
	}
	msgs := make(chan tea.Msg, len(batch))
	for _, c := range batch {
		go func() { msgs <- c() }()
	}
	for msg := range msgs {
		if s, ok := msg.(trainscreen.StartedMsg); ok {
			return s
		}
	}
	return nil
}

func TestTypingInAPromptDoesNotTriggerGlobalKeys(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 100, 30)
	m, _ = update(t, m, screentest.Press("o"))
	if !m.editing() {
		t.Fatal("o did not open the path prompt")
	}
	tm := typeText(m, "q2?")
	m = tm.(Model)
	if m.active != tabData || m.help.ShowAll || m.quitting {
		t.Fatalf("keys typed into the prompt acted globally: tab %d help %v", m.active, m.help.ShowAll)
	}
	if got := m.dataScr.PromptValue(); got != "q2?" {
		t.Fatalf("prompt holds %q, want q2?", got)
	}
	m, _ = update(t, m, screentest.Press("esc"))
	if m.editing() {
		t.Fatal("esc did not close the prompt")
	}
}

func TestFailedOpenKeepsThePreviousDataAndShowsTheError(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 100, 30)
	before := m.data
	missing := filepath.Join(t.TempDir(), "nope.csv")
	m, cmd := update(t, m, datascreen.OpenMsg{Src: experiment.Source{Kind: "csv", Path: missing}})
	m, _ = update(t, m, cmd())
	if m.data != before {
		t.Fatal("a failed load replaced the data")
	}
	if !errors.Is(m.err, os.ErrNotExist) {
		t.Fatalf("error = %v, want not-exist", m.err)
	}
	screentest.MustContain(t, screen(m), "Error", "nope.csv", "textbook shop (100 users)", "esc dismiss")
	m, _ = update(t, m, screentest.Press("esc"))
	if m.err != nil {
		t.Fatal("esc did not dismiss the error")
	}
}

func TestStaleLoadResultsAreDropped(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 100, 30)
	old := m.gen
	m, _ = update(t, m, datascreen.OpenMsg{Src: experiment.Source{Kind: "builtin"}})
	m, _ = update(t, m, loadedMsg{gen: old, err: errors.New("stale")})
	if m.err != nil || m.loading == "" {
		t.Fatalf("a stale result was applied: err %v loading %q", m.err, m.loading)
	}
}

func TestSeedChangeOnModelScreenResplits(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 100, 30)
	m, _ = update(t, m, screentest.Press("2"))
	for i := 0; m.modelScr.Selected() != "Seed"; i++ {
		if i == 30 {
			t.Fatal("no Seed field")
		}
		m, _ = update(t, m, screentest.Press("down"))
	}
	m, cmd := update(t, m, screentest.Press("right"))
	if m.modelScr.Config().Seed != 2 || cmd == nil {
		t.Fatalf("seed %d, cmd %v", m.modelScr.Config().Seed, cmd)
	}
	m, _ = update(t, m, cmd())
	if m.dataScr.Info().Seed != 2 {
		t.Fatalf("data screen shows seed %d after the re-split, want 2", m.dataScr.Info().Seed)
	}
}
