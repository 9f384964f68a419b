package screentest

import (
	"context"
	"errors"
	"io"
	"math"
	"os"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// Open opens a file for experiment.Load, as the program does.
func Open(p string) (io.ReadCloser, error) { return os.Open(p) }

// Train loads the data source of kind ("textbook", "builtin", …), trains
// it for epochs epochs with the default configuration (fixed seed) as
// change alters it (change may be nil), and returns the run as the root
// hands an ended run to a screen: number 1, its history, and the
// trainer's error in Err (a *engine.DivergedError when it blew up). It
// fails the test when the data cannot be loaded or the configuration is
// refused.
func Train(t testing.TB, kind string, epochs int, change func(*experiment.Config)) common.Run {
	t.Helper()
	run, err := train(kind, epochs, change)
	if err != nil {
		t.Fatal(err)
	}
	return run
}

func train(kind string, epochs int, change func(*experiment.Config)) (common.Run, error) {
	d, err := experiment.Load(experiment.Source{Kind: kind}, Open)
	if err != nil {
		return common.Run{}, err
	}
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = epochs
	if change != nil {
		change(&cfg)
	}
	e, err := experiment.New(d, cfg)
	if err != nil {
		return common.Run{}, err
	}
	runErr := e.Run(context.Background())
	return common.Run{Number: 1, Exp: e, History: e.Trainer.History(), Err: runErr}, nil
}

var (
	textbookOnce sync.Once
	textbookRun  common.Run
	textbookErr  error
)

// TextbookRun is run 1: the 100-user textbook data trained for two epochs
// with the default configuration (fixed seed). It is trained once per test
// binary and shared, so a test must only read it. A failed load or run
// fails the test.
func TextbookRun(t testing.TB) common.Run {
	t.Helper()
	textbookOnce.Do(func() {
		textbookRun, textbookErr = train("textbook", 2, nil)
		if textbookErr == nil {
			textbookErr = textbookRun.Err
		}
	})
	if textbookErr != nil {
		t.Fatal(textbookErr)
	}
	return textbookRun
}

// Press returns the message a key press sends, for a key name as Bubble
// Tea spells it: "space", "enter", "esc", "tab", "shift+tab", "left",
// "right", "up", "down", "backspace", "ctrl+c", or a single character
// such as "q" or "+".
func Press(k string) tea.KeyPressMsg {
	switch k {
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	return tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
}

// MustContain stops the test when view lacks any of parts, showing the
// view.
func MustContain(t testing.TB, view string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(view, p) {
			t.Fatalf("view lacks %q:\n%s", p, view)
		}
	}
}

// Stopped is run 1 on the built-in data kind, stopped by the user as the
// Train screen's x stops it: one batch into epoch epochs+1, its weights
// then those the trainer keeps after a stop (engine.Trainer.KeepAfterStop).
// change edits the default configuration (100 epochs, so that the stop
// comes first).
func Stopped(t testing.TB, kind string, epochs int, change func(*experiment.Config)) common.Run {
	t.Helper()
	d, err := experiment.Load(experiment.Source{Kind: kind}, Open)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 100
	if change != nil {
		change(&cfg)
	}
	e, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	e.Trainer.SetSink(engine.SinkFunc(func(p engine.Progress) {
		switch {
		case p.EpochEnd && p.Epoch == epochs:
			e.Trainer.StepBatch()
		case p.State == engine.Paused:
			cancel()
		}
	}))
	runErr := e.Trainer.Run(ctx)
	if !errors.Is(runErr, context.Canceled) {
		t.Fatalf("the run was not stopped: %v", runErr)
	}
	e.Trainer.SetSink(nil)
	e.Trainer.KeepAfterStop()
	return common.Run{Number: 1, Exp: e, History: e.Trainer.History(), Err: runErr}
}

// FirstLowestValLoss is the epoch early stopping calls best in history,
// worked out from the history alone to check the trainer against: the
// first epoch with the lowest validation loss (MinDelta 0); 0 for none.
func FirstLowestValLoss(history []engine.EpochStats) int {
	best, loss := 0, math.Inf(1)
	for _, e := range history {
		if e.ValLoss < loss {
			best, loss = e.Epoch, e.ValLoss
		}
	}
	return best
}
