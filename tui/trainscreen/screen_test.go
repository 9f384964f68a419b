package trainscreen

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// trainFixture is a Train screen with loaded data, sized and ready.
func trainFixture(t *testing.T, src experiment.Source, cfg experiment.Config, size ...int) Model {
	t.Helper()
	return trainFixtureIn(t, "en", src, cfg, size...)
}

// trainFixtureIn is trainFixture in language lang.
func trainFixtureIn(t *testing.T, lang string, src experiment.Source, cfg experiment.Config, size ...int) Model {
	t.Helper()
	d, err := experiment.Load(src, screentest.Open)
	if err != nil {
		t.Fatal(err)
	}
	w, h := 100, 27
	if len(size) == 2 {
		w, h = size[0], size[1]
	}
	s := New(screentest.Common(lang, w, h))
	s.SetHidden(false)
	s.SetSize(w, h)
	s.SetInputs(d, cfg, experiment.Limits{})
	return s
}

// started runs the start Cmd synchronously and delivers its message.
func started(t *testing.T, s Model) Model {
	t.Helper()
	if s.state != trainStarting || s.cur == nil {
		t.Fatalf("state %d, want starting", s.state)
	}
	s, _ = s.step(startCmd(s.cur, s.data, s.cfg, s.mode, nil)())
	return s
}

// ended waits for the worker and delivers the done message.
func ended(t *testing.T, s Model) Model {
	t.Helper()
	<-s.cur.done
	s, _ = s.step(DoneMsg{id: s.cur.id})
	if s.state != trainEnded {
		t.Fatalf("state %d after the done message, want ended", s.state)
	}
	return s
}

func longConfig() experiment.Config {
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 100000
	cfg.Train.EarlyStop.Patience = 0
	return cfg
}

func TestTrainStartPauseResumeStepStop(t *testing.T) {
	s := trainFixture(t, experiment.Source{Kind: "builtin"}, longConfig())
	if s.state != trainIdle {
		t.Fatalf("initial state %d", s.state)
	}
	s, cmd := s.step(screentest.Press("space"))
	if cmd == nil || s.state != trainStarting || s.runs != 1 {
		t.Fatalf("space from idle: state %d runs %d cmd %v", s.state, s.runs, cmd)
	}
	s = started(t, s)
	if s.state != trainRunning || s.exp == nil {
		t.Fatalf("after start: state %d", s.state)
	}
	waitProgress(t, s.cur, func(p engine.Progress) bool { return p.Step > 0 })

	s, _ = s.step(screentest.Press("space"))
	if s.state != trainPaused || !s.exp.Trainer.IsPaused() {
		t.Fatal("space while running did not pause the trainer")
	}
	held := waitProgress(t, s.cur, func(p engine.Progress) bool { return p.State == engine.Paused })

	s, _ = s.step(screentest.Press("n"))
	stepped := waitProgress(t, s.cur, func(p engine.Progress) bool { return p.State == engine.Paused && p.Step > held.Latest.Step })
	if stepped.Latest.Step != held.Latest.Step+1 {
		t.Fatalf("step batch moved from step %d to %d, want one batch", held.Latest.Step, stepped.Latest.Step)
	}
	if s.state != trainPaused {
		t.Fatalf("after a step: state %d, want paused", s.state)
	}

	s, _ = s.step(screentest.Press("e"))
	before := stepped.Latest.Last.Epoch
	epoch := waitProgress(t, s.cur, func(p engine.Progress) bool { return p.State == engine.Paused && p.Last.Epoch > before })
	if epoch.Latest.Last.Epoch != before+1 {
		t.Fatalf("step epoch went from finished epoch %d to %d, want one epoch", before, epoch.Latest.Last.Epoch)
	}

	s, _ = s.step(screentest.Press("space"))
	if s.state != trainRunning || s.exp.Trainer.IsPaused() {
		t.Fatal("space while paused did not resume")
	}

	s, _ = s.step(screentest.Press("x"))
	if s.state != trainStopping {
		t.Fatalf("x: state %d, want stopping", s.state)
	}
	s = ended(t, s)
	if !strings.Contains(s.outcome.In(s.Common), "Stopped by you") || s.failed {
		t.Fatalf("outcome %q (failed %v)", s.outcome.In(s.Common), s.failed)
	}
	if s.Alive() {
		t.Fatal("an ended run is still alive")
	}
}

func TestTrainRestartKeepsThePreviousRun(t *testing.T) {
	s := trainFixture(t, experiment.Source{Kind: "builtin"}, longConfig())
	s, _ = s.step(screentest.Press("space"))
	s = started(t, s)
	s = tickUntil(t, s, func(s Model) bool { return len(s.history) > 0 })
	first := s.cur
	s, cmd := s.step(screentest.Press("r"))
	if !s.restart || s.state != trainStopping || cmd != nil {
		t.Fatalf("r while running: restart %v state %d", s.restart, s.state)
	}
	<-first.done
	s, cmd = s.step(DoneMsg{id: first.id})
	if cmd == nil || s.state != trainStarting || s.runs != 2 || s.cur == first {
		t.Fatalf("after the first run ended: state %d runs %d", s.state, s.runs)
	}
	if len(s.prev) == 0 || len(s.history) != 0 {
		t.Fatalf("previous run %d epochs, current %d", len(s.prev), len(s.history))
	}
	s = started(t, s)
	s, _ = s.step(screentest.Press("x"))
	s = ended(t, s)
	screentest.MustContain(t, stripped(s.View()), "Previous run (dimmed)")
}

func TestTrainStepFromIdleStartsHeld(t *testing.T) {
	s := trainFixture(t, experiment.Source{Kind: "textbook"}, experiment.DefaultConfig())
	s, _ = s.step(screentest.Press("n"))
	if s.mode != startStepBatch {
		t.Fatalf("mode %d", s.mode)
	}
	s = started(t, s)
	if s.state != trainPaused {
		t.Fatalf("state %d, want paused after starting with a step", s.state)
	}
	got := waitProgress(t, s.cur, func(p engine.Progress) bool { return p.State == engine.Paused && p.Step == 1 })
	if got.Latest.Step != 1 {
		t.Fatalf("step %d", got.Latest.Step)
	}
	s, _ = s.step(screentest.Press("x"))
	ended(t, s)
}

func TestTrainRunsToTheEndAndSaysSo(t *testing.T) {
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 3
	cfg.L2PriorAlt = 0 // the sentence about the stop alone; the decay check's below
	s := trainFixture(t, experiment.Source{Kind: "textbook"}, cfg)
	s, _ = s.step(screentest.Press("space"))
	s = started(t, s)
	s = ended(t, s)
	if s.outcome.In(s.Common) != "✓ Finished all 3 epochs. Best validation loss "+common.FmtMetric(mustBest(t, s.history).Monitored())+
		" at epoch "+itoa(mustBest(t, s.history).Epoch)+"."+textbookWide {
		t.Fatalf("outcome %q", s.outcome.In(s.Common))
	}
	if len(s.history) != 3 || s.loss.Len(1) != 3 || s.metric.Len(1) != 3 {
		t.Fatalf("history %d, val points %d, AUC points %d", len(s.history), s.loss.Len(1), s.metric.Len(1))
	}
}

func TestTrainEarlyStopIsSaidPlainly(t *testing.T) {
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 2000
	cfg.Train.EarlyStop.Patience = 2
	cfg.L2PriorAlt = 0
	s := trainFixture(t, experiment.Source{Kind: "textbook"}, cfg)
	s, _ = s.step(screentest.Press("space"))
	s = started(t, s)
	s = ended(t, s)
	if s.exp.Trainer.State() != engine.StoppedEarly {
		t.Fatalf("state %v, want stopped early", s.exp.Trainer.State())
	}
	want := "✓ Stopped early at epoch " + itoa(len(s.history)) + ": the validation loss had not improved for 2 epochs; kept the weights of epoch " + itoa(s.exp.Trainer.BestEpoch()) + "." + textbookWide
	if s.outcome.In(s.Common) != want {
		t.Fatalf("outcome %q, want %q", s.outcome.In(s.Common), want)
	}
}

// TestTrainSaysWhatTheDecayCheckKept: with the default's decay check, the
// outcome goes on to say what the check measured and which network it
// kept, and the run recorded carries the kept network's history.
func TestTrainSaysWhatTheDecayCheckKept(t *testing.T) {
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 3
	s := trainFixture(t, experiment.Source{Kind: "textbook"}, cfg)
	s, _ = s.step(screentest.Press("space"))
	s = started(t, s)
	s = ended(t, s)
	d := s.exp.Decay
	if d == nil {
		t.Fatal("no decay check ran")
	}
	// 3 epochs on 90 rows: the weaker decay has moved further and wins.
	if !d.Switched || d.Prior != 20 || d.AltPrior != 2 || d.Rows != s.exp.Val.Rows {
		t.Fatalf("decay check %+v", *d)
	}
	want := fmt.Sprintf("✓ The decay check kept the 2/rows network (z %+.2f): %d epochs, weights of epoch %d. The curves show the 222.2/rows run.", // 20 raised: 20 · 100 · 10 inputs / 90 rows
		d.Z, len(s.exp.Trainer.History()), s.exp.Trainer.BestEpoch()) + textbookWide
	if s.outcome.In(s.Common) != want {
		t.Fatalf("outcome %q, want %q", s.outcome.In(s.Common), want)
	}
	if s.exp.Config.L2Prior != 2 || s.exp.Config.L2PriorAlt != 0 {
		t.Fatalf("config after the switch: prior %g, alternative %g", s.exp.Config.L2Prior, s.exp.Config.L2PriorAlt)
	}
	panel := strings.Join(s.numberLines(40, 100), "\n")
	// The rule in words (review 12, finding 3: the last line read "z +0.33 < -1.5").
	// 222.2/rows: the prior 20 raised on 90 rows for 10 inputs, 20 · 100 · 10 / 90.
	for _, line := range []string{"Decay check (val loss)", "222.2/rows    " + common.FmtMetric(d.Loss), "2/rows        " + common.FmtMetric(d.AltLoss) + "     kept",
		common.Pad("z", 11) + common.PadLeft(common.Signed(d.Z, 2), 9), "2/rows is taken only if z < −1.5"} {
		if !strings.Contains(panel, line) {
			t.Errorf("numbers panel lacks %q:\n%s", line, panel)
		}
	}
	if short := strings.Join(s.numberLines(40, 18), "\n"); strings.Contains(short, "Decay check") {
		t.Errorf("18 rows hold no whole decay box, yet it shows:\n%s", short)
	}
	run := s.finished[len(s.finished)-1]
	if &run.History[0] != &s.exp.Trainer.History()[0] {
		t.Fatal("the run recorded does not carry the kept network's history")
	}
}

// fiveEpochsOfTheShop is a finished 5-epoch default run on a 2,000-user
// built-in shop, whose decay check keeps the first network.
func fiveEpochsOfTheShop(t *testing.T) Model {
	t.Helper()
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 5
	s := trainFixture(t, experiment.Source{Kind: "builtin", Users: 2000}, cfg)
	s, _ = s.step(screentest.Press("space"))
	s = started(t, s)
	return ended(t, s)
}

// TestTrainSaysTheDecayCheckKeptTheFirstNetwork: when the check keeps the
// first network, the outcome is the stop's sentence followed by the check's.
func TestTrainSaysTheDecayCheckKeptTheFirstNetwork(t *testing.T) {
	s := fiveEpochsOfTheShop(t)
	d := s.exp.Decay
	if d == nil || d.Switched {
		t.Fatalf("decay check %+v: want it to keep the first network", d)
	}
	want := fmt.Sprintf("✓ Finished all 5 epochs. Best validation loss %s at epoch %d. Decay check: kept 20/rows (z %+.2f).",
		common.FmtMetric(mustBest(t, s.history).Monitored()), mustBest(t, s.history).Epoch, d.Z)
	if s.outcome.In(s.Common) != want {
		t.Fatalf("outcome %q, want %q", s.outcome.In(s.Common), want)
	}
}

// TestTheDecayCheckCannotBePaused: once the run's own training has ended
// and the decay check trains its second network, space, n and e do
// nothing (the check cannot be paused or stepped) and the help leaves them
// out; the status says what is training. The run here is stepped through
// its only epoch, so it is paused when the check starts.
func TestTheDecayCheckCannotBePaused(t *testing.T) {
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 1
	s := trainFixture(t, experiment.Source{Kind: "textbook"}, cfg)
	s, _ = s.step(screentest.Press("e"))
	s = started(t, s)
	// The worker has trained both networks; the screen has not yet been
	// told the run is done, as in the frames while the check trains.
	<-s.cur.done
	s, _ = s.step(TickMsg{id: s.cur.id})
	if s.latest.State != engine.Finished || !s.checkingDecay() {
		t.Fatalf("trainer state %v, screen state %d: want the check under way", s.latest.State, s.state)
	}
	before := s.state
	for _, k := range []string{"space", "n", "e"} {
		s, _ = s.step(screentest.Press(k))
		if s.state != before {
			t.Fatalf("%s during the check changed the state from %d to %d", k, before, s.state)
		}
	}
	for _, b := range s.HelpGroups()[0] {
		if b.Enabled() && (b.Help().Key == "space" || b.Help().Key == "n" || b.Help().Key == "e") {
			t.Errorf("help offers %q during the check", b.Help().Key)
		}
	}
	if line := s.statusLine(); !strings.Contains(line, "checking the decay — training again at 2 / rows instead of 222.2") {
		t.Errorf("status %q does not say the check is training", line)
	}
	s, _ = s.step(DoneMsg{id: s.cur.id})
	if s.state != trainEnded || s.exp.Decay == nil {
		t.Fatalf("state %d, decay %+v after the done message", s.state, s.exp.Decay)
	}
}

// TestStoppingTheDecayCheckKeepsTheFirstNetwork: a stop while the check
// trains its second network says how the first ended and that it is kept,
// not "stopped after N epochs" as if the first had been cut short.
func TestStoppingTheDecayCheckKeepsTheFirstNetwork(t *testing.T) {
	s := fiveEpochsOfTheShop(t)
	if !s.exp.Trainer.Done() || s.exp.Decay == nil || s.exp.Decay.Switched {
		t.Fatal("the fixture must end its training and keep the first network")
	}
	// A stopped check gives no outcome: the experiment is as before it.
	s.exp.Decay = nil
	best := mustBest(t, s.history)
	want := fmt.Sprintf("✓ Finished all 5 epochs. Best validation loss %s at epoch %d. Decay check stopped by you: kept 20/rows.",
		common.FmtMetric(best.Monitored()), best.Epoch)
	if got, failed := describeOutcome(s.Common, s.exp, s.latest, context.Canceled); got != want || failed {
		t.Errorf("outcome %q (failed %v), want %q", got, failed, want)
	}
}

func TestTrainDivergenceIsSaidPlainly(t *testing.T) {
	cfg := experiment.DefaultConfig()
	cfg.Train.Optimizer = engine.OptimizerConfig{Kind: "sgd", LR: 1e6}
	s := trainFixture(t, experiment.Source{Kind: "textbook"}, cfg)
	s, _ = s.step(screentest.Press("space"))
	s = started(t, s)
	s = ended(t, s)
	_, err := s.cur.outcome()
	var de *engine.DivergedError
	if !errors.As(err, &de) {
		t.Fatalf("run error %v, want divergence", err)
	}
	want := "✗ Diverged at epoch " + itoa(de.Epoch) + ", batch " + itoa(de.Batch) + " (" + de.Reason + ") — lower the learning rate and start again."
	if s.outcome.In(s.Common) != want || !s.failed {
		t.Fatalf("outcome %q, want %q", s.outcome.In(s.Common), want)
	}
	screentest.MustContain(t, stripped(s.View()), "Diverged at epoch")
}

func TestDescribeOutcomeNamesEpochAndBatch(t *testing.T) {
	msg, failed := describeOutcome(screentest.Common("en", 80, 24), nil, engine.Progress{}, &engine.DivergedError{Epoch: 3, Batch: 17, Cause: engine.CauseLossNaN, Reason: "loss NaN"})
	if msg != "✗ Diverged at epoch 3, batch 17 (loss NaN) — lower the learning rate and start again." || !failed {
		t.Fatalf("%q %v", msg, failed)
	}
	msg, failed = describeOutcome(screentest.Common("en", 80, 24), nil, engine.Progress{}, context.Canceled)
	if msg != "■ Stopped before training began." || failed {
		t.Fatalf("%q %v", msg, failed)
	}
}

func TestStopWhileStartingAbandonsTheRun(t *testing.T) {
	s := trainFixture(t, experiment.Source{Kind: "textbook"}, experiment.DefaultConfig())
	s, _ = s.step(screentest.Press("space"))
	w := s.cur
	s, _ = s.step(screentest.Press("x"))
	<-w.done // stop finishes a run that never launched
	msg := startCmd(w, s.data, s.cfg, startRunning, nil)()
	if sm := msg.(StartedMsg); !errors.Is(sm.err, context.Canceled) {
		t.Fatalf("the start Cmd after a stop returned %v", sm.err)
	}
	s, _ = s.step(DoneMsg{id: w.id})
	if s.state != trainEnded || s.outcome.In(s.Common) != "■ Stopped before training began." {
		t.Fatalf("state %d outcome %q", s.state, s.outcome.In(s.Common))
	}
}

func TestKeysFollowTheState(t *testing.T) {
	s := trainFixture(t, experiment.Source{Kind: "textbook"}, experiment.DefaultConfig())
	help := func() string {
		var parts []string
		for _, b := range s.HelpGroups()[0] {
			if b.Enabled() {
				parts = append(parts, b.Help().Key+" "+b.Help().Desc)
			}
		}
		return strings.Join(parts, ", ")
	}
	if got := help(); got != "space start, n one batch, e one epoch, +/- pace" {
		t.Fatalf("idle keys: %s", got)
	}
	s, _ = s.step(screentest.Press("n"))
	if got := help(); got != "x/esc stop, r restart, +/- pace" {
		t.Fatalf("starting keys: %s", got)
	}
	s = started(t, s)
	if got := help(); got != "space resume, n one batch, e one epoch, x/esc stop, r restart, +/- pace" {
		t.Fatalf("paused keys: %s", got)
	}
	s, _ = s.step(screentest.Press("space"))
	if got := help(); got != "space pause, n one batch, e one epoch, x/esc stop, r restart, +/- pace" {
		t.Fatalf("running keys: %s", got)
	}
	s, _ = s.step(screentest.Press("x"))
	if got := help(); got != "r restart, +/- pace" {
		t.Fatalf("stopping keys: %s", got)
	}
	s = ended(t, s)
	if got := help(); got != "space new run, n one batch, e one epoch, r restart, +/- pace" {
		t.Fatalf("ended keys: %s", got)
	}
}

func mustBest(t *testing.T, h []engine.EpochStats) engine.EpochStats {
	t.Helper()
	b, ok := engine.BestEpoch(h, engine.EarlyStopConfig{})
	if !ok {
		t.Fatal("no best epoch")
	}
	return b
}

// tickUntil delivers frame ticks, each after the coalescer signals news,
// until ok holds or a deadline passes.
func tickUntil(t *testing.T, s Model, ok func(Model) bool) Model {
	t.Helper()
	deadline := time.After(20 * time.Second)
	for !ok(s) {
		select {
		case <-s.cur.coal.Notify():
		case <-deadline:
			t.Fatal("condition not reached within the deadline")
		}
		var cmd tea.Cmd
		s, cmd = s.step(TickMsg{id: s.cur.id})
		if cmd == nil && !ok(s) {
			t.Fatal("the tick loop stopped before the condition held")
		}
	}
	return s
}

func TestStartBeyondTheLimitIsRefused(t *testing.T) {
	d, err := experiment.Load(experiment.Source{Kind: "builtin"}, screentest.Open)
	if err != nil {
		t.Fatal(err)
	}
	s := New(screentest.Common("en", 100, 27))
	s.SetInputs(d, experiment.DefaultConfig(), experiment.Limits{MaxRows: 1000})
	s, cmd := s.step(screentest.Press("space"))
	want := "built-in shop (5,000 users, seed 0) has 5,000 rows; this session allows training on at most 1,000"
	if cmd != nil || s.state != trainIdle || s.outcome.In(s.Common) != want {
		t.Fatalf("start beyond the limit: state %d, outcome %q", s.state, s.outcome.In(s.Common))
	}
}

func TestStartOfANetworkBeyondTheLimitIsRefused(t *testing.T) {
	d, err := experiment.Load(experiment.Source{Kind: "builtin"}, screentest.Open)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Hidden = []engine.LayerSpec{{Units: 4096, Activation: engine.ReLU}, {Units: 4096, Activation: engine.ReLU}}
	for _, c := range []struct {
		lang, want string
	}{
		// (21·4096) + (4097·4096) + 4097 = 16,871,425.
		{"en", "the network would have 16,871,425 parameters; this session allows at most 1,000,000"},
		{"zh", "网络将有 16,871,425 个参数；本会话最多允许 1,000,000 个"},
	} {
		s := New(screentest.Common(c.lang, 100, 27))
		s.SetInputs(d, cfg, experiment.Limits{MaxParams: 1_000_000})
		s.SetShape(experiment.Shape{Inputs: 20, TrainRows: 3500})
		s, cmd := s.step(screentest.Press("space"))
		if cmd != nil || s.state != trainIdle || s.cur != nil || s.outcome.In(s.Common) != c.want {
			t.Errorf("%s: start beyond the limit: state %d, outcome %q; want idle and %q", c.lang, s.state, s.outcome.In(s.Common), c.want)
		}
	}
}
