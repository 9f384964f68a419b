package trainscreen

import (
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/engine/fakeclock"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// bestRe reads the epoch named in a "Best epoch" box.
var bestRe = regexp.MustCompile(`Best epoch[^\n]*\n[^\n]*?epoch (\d+)`)

// The finished run's "Best epoch" box describes that run with its own
// early-stopping rule, not with the settings of the next run (issue 11:
// after patience 0 on Model the box said epoch 33 under a banner that kept
// epoch 27).
func TestBestEpochBoxUsesTheFinishedRunsConfig(t *testing.T) {
	run := experiment.DefaultConfig() // patience 5, min delta 1e-4
	s := trainFixture(t, experiment.Source{Kind: "textbook"}, run)
	s.runs, s.state, s.runCfg = 1, trainEnded, run
	s.history = []engine.EpochStats{
		{Epoch: 1, ValLoss: 0.5, HasVal: true},
		{Epoch: 2, ValLoss: 0.45, HasVal: true},
		{Epoch: 3, ValLoss: 0.44995, HasVal: true}, // better by 5e-5 only
	}
	next := run
	next.Train.EarlyStop.Patience = 0 // the next run: no early stopping
	s.SetInputs(s.data, next, s.limits)
	s.render()
	got := bestRe.FindStringSubmatch(stripped(s.View()))
	if got == nil || got[1] != "2" {
		t.Fatalf("best epoch box %q, want epoch 2 (the one early stopping kept):\n%s", got, stripped(s.View()))
	}
}

// The dimmed previous run is only drawn when it trained on the same data:
// another data set's curve would stretch the axes and compare nothing
// (issue 11: telco's curve over online_shoppers').
func TestPreviousRunOnlyFromTheSameData(t *testing.T) {
	s := trainFixture(t, experiment.Source{Kind: "textbook"}, longConfig())
	s = syntheticRun(s, 7)
	s.state, s.runSource = trainEnded, s.data.Source.Describe()
	other, err := experiment.Load(experiment.Source{Kind: "builtin"}, screentest.Open)
	if err != nil {
		t.Fatal(err)
	}
	s.SetInputs(other, longConfig(), s.limits)
	s, _ = s.step(screentest.Press("space"))
	if len(s.prev) != 0 {
		t.Fatalf("a run on %s kept %d epochs of a run on textbook data as its previous run", other.Source.Describe(), len(s.prev))
	}
	s.redrawCharts()
	s.render()
	if v := stripped(s.View()); strings.Contains(v, "Previous run") || strings.Contains(v, "previous run") {
		t.Fatalf("the view still shows the other data's run:\n%s", v)
	}
	s, _ = s.step(screentest.Press("x"))
	ended(t, s)
}

// At the slowest pace the chart gains one point per batch as the clock
// moves: the test's fake clock is the only time there is, so every tick of
// the screen sees exactly the batch the trainer ran since the last one.
func TestSlowPaceChartGrowsAsTimePasses(t *testing.T) {
	s := trainFixture(t, experiment.Source{Kind: "textbook"}, longConfig())
	clk := fakeclock.New(time.Unix(0, 0))
	s.clock = clk
	s, _ = s.step(screentest.Press("-"))
	s, _ = s.step(screentest.Press("_"))
	if want := experiment.Paces()[2]; s.pace != want {
		t.Fatalf("pace %v after two slower, want %v", s.pace, want)
	}
	screentest.MustContain(t, stripped(s.View()), "pace: 1 batch / 0.1 s")
	s, _ = s.step(screentest.Press("space"))
	s = started(t, s)
	d, ok := clk.WaitForSleeper(s.cur.done)
	for i := 1; i <= 8; i++ {
		if !ok || d != 100*time.Millisecond {
			t.Fatalf("tick %d: the trainer waits %v for its pace (sleeping %v), want 100ms", i, d, ok)
		}
		var cmd tea.Cmd
		s, cmd = s.step(TickMsg{id: s.cur.id})
		if cmd == nil {
			t.Fatalf("tick %d: the frame loop stopped", i)
		}
		if got := s.loss.Len(0); got != i {
			t.Fatalf("tick %d: the loss chart holds %d points, want %d", i, got, i)
		}
		clk.Advance(d)
		d, ok = clk.WaitForSleeper(s.cur.done)
	}
	s, _ = s.step(screentest.Press("+"))
	if s.pace != experiment.Paces()[1] || s.cur.exp.Trainer.Pace() != s.pace {
		t.Fatalf("after +: screen pace %v, trainer pace %v", s.pace, s.cur.exp.Trainer.Pace())
	}
	s, _ = s.step(screentest.Press("x"))
	ended(t, s)
}

// A finished run keeps showing how long it trained (issue 11: "elapsed"
// read 0:00 after "✓ Finished"; the engine's last report now counts the
// run's time, and the screen shows that report).
func TestFinishedRunShowsItsElapsedTime(t *testing.T) {
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 3
	s := trainFixture(t, experiment.Source{Kind: "textbook"}, cfg)
	clk := fakeclock.New(time.Unix(0, 0))
	clk.SetTick(time.Second) // every reading of the clock takes a second
	s.clock = clk
	s, _ = s.step(screentest.Press("space"))
	s = started(t, s)
	s = ended(t, s)
	el := s.Progress().Training
	if s.Progress().State != engine.Finished || el < time.Second {
		t.Fatalf("state %v, training time %v after the run finished", s.Progress().State, el)
	}
	if !regexp.MustCompile(`trained for\s+` + regexp.QuoteMeta(clock(el)) + `\b`).MatchString(stripped(s.View())) {
		t.Fatalf("the view does not show trained for %s:\n%s", clock(el), stripped(s.View()))
	}
}
