package walktab

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// heldRun starts training the textbook data with one batch allowed, and
// returns the experiment once its trainer holds paused after that batch,
// with a function that steps one more batch and waits for the next hold.
func heldRun(t *testing.T) (*experiment.Experiment, func()) {
	t.Helper()
	d, err := experiment.Load(experiment.Source{Kind: "textbook"}, screentest.Open)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 2
	exp, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	paused := make(chan struct{}, 8)
	exp.Trainer.SetSink(engine.SinkFunc(func(p engine.Progress) {
		if p.State == engine.Paused {
			paused <- struct{}{}
		}
	}))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	exp.Trainer.StepBatch()
	go func() { done <- exp.Trainer.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	<-paused
	return exp, func() { exp.Trainer.StepBatch(); <-paused }
}

// A paused run is walked through on its weights of now: after one batch
// the update shown is Adam's t = 2, after the next batch t = 3, on the
// same step; the line above names the pause and the key that steps.
func TestPausedRunIsWalkedThroughBatchByBatch(t *testing.T) {
	exp, step := heldRun(t)
	c := common.New("en")
	c.Width, c.Height = 120, 40
	w := New(c)
	w.SetSize(c.Width, c.Height)
	row := exp.TrainRows[0]
	show := func(batches int) {
		t.Helper()
		cmd := w.WantPaused(exp, 4, batches, row, "U9", false)
		if cmd == nil {
			t.Fatal("WantPaused returned no Cmd")
		}
		msg := cmd().(ReadyMsg)
		if msg.Err != nil || msg.notHeld {
			t.Fatalf("building gave %#v", msg)
		}
		w, _ = w.step(msg)
	}
	show(1)
	w = toStep(t, w, 13) // Adam's update of one weight
	head := strings.SplitN(ansi.Strip(w.View()), "\n", 2)[0]
	want := "Run 4 paused after 1 batch · n: train one batch, then look again · user U9, the first training row"
	if strings.TrimRight(head, " ") != want {
		t.Errorf("head %q, want %q", head, want)
	}
	if v := ansi.Strip(w.View()); !strings.Contains(v, "This is update number t = 2.") {
		t.Errorf("after one batch the update is not t = 2:\n%s", v)
	}
	if !w.StepKey().Enabled() {
		t.Error("n is not offered on a paused run")
	}
	step()
	show(2)
	if cur, _ := w.Walkthrough().Step(); cur != 13 {
		t.Errorf("the next batch's walkthrough moved to step %d, want 13", cur)
	}
	if v := ansi.Strip(w.View()); !strings.Contains(v, "This is update number t = 3.") || !strings.Contains(v, "Run 4 paused after 2 batches") {
		t.Errorf("after two batches:\n%s", v)
	}
	w.DropPaused()
	if _, has := w.Shown(); has || w.StepKey().Enabled() {
		t.Error("a resumed run's walkthrough is still shown")
	}
}

// A paused run's update step, headed by the pause and the key that steps
// it, with n first in the footer's keys.
func TestGoldenPausedUpdateStep(t *testing.T) {
	exp, _ := heldRun(t)
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		w := New(c)
		w.SetSize(c.Width, c.Height)
		msg := w.WantPaused(exp, 2, 1, exp.TrainRows[0], "U000001", false)().(ReadyMsg)
		if msg.Err != nil || msg.notHeld {
			t.Fatalf("building gave %#v", msg)
		}
		w, _ = w.step(msg)
		_, total := w.Walkthrough().Step()
		screentest.Golden(t, toStep(t, w, total-2), c.Width, c.Height)
	})
}

// pausedShown is the tab showing the walkthrough of the held run exp
// after one batch, built as the program builds it, on step i.
func pausedShown(t *testing.T, c common.Common, exp *experiment.Experiment, i int) Model {
	t.Helper()
	w := New(c)
	w.SetSize(c.Width, c.Height)
	msg := w.WantPaused(exp, 2, 1, exp.TrainRows[0], "U000001", false)().(ReadyMsg)
	if msg.Err != nil || msg.notHeld {
		t.Fatalf("building gave %#v", msg)
	}
	w, _ = w.step(msg)
	return toStep(t, w, i)
}

// A paused run's loss page: the batch the run trains next, every row of
// it (the default batch of 32).
func TestGoldenPausedLossStep(t *testing.T) {
	exp, _ := heldRun(t)
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, pausedShown(t, c, exp, 8), c.Width, c.Height)
	})
}

// A paused run's closing page: the step n takes, and a model not
// finished yet.
func TestGoldenPausedClosingStep(t *testing.T) {
	exp, _ := heldRun(t)
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, pausedShown(t, c, exp, 14), c.Width, c.Height)
	})
}
