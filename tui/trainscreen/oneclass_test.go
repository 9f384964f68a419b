package trainscreen

import (
	"testing"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// endedThenOneClass is TestGoldenEnded's screen (run 2 finished) given an
// order log whose label has one class, with space pressed.
func endedThenOneClass(t *testing.T, c common.Common) (before, after Model, cmd bool) {
	t.Helper()
	s := goldenScreen(t, c)
	s.runCfg = s.cfg
	s = syntheticRun(s, 14)
	s.runs, s.state = 2, trainEnded
	s.latest.State = engine.Finished
	s.outcome = common.Plain("finished")
	s.SetInputs(screentest.LoadOneOrderEach(t), s.cfg, experiment.Limits{})
	after, c2 := s.step(screentest.Press("space"))
	return s, after, c2 != nil
}

// TestOneClassLogIsRefusedWithItsReason: Train on an order log whose
// label has one class starts nothing (it used to train, and the Evaluate
// screen then showed an internal metrics error), says why and what to
// try (the Data screen's l, which reads the log again with another
// customer column, where it named --log-columns), and keeps the last run
// as it was.
func TestOneClassLogIsRefusedWithItsReason(t *testing.T) {
	c := screentest.Common("en", 100, 27)
	before, s, cmd := endedThenOneClass(t, c)
	if cmd || s.cur != nil || s.state != trainEnded || s.runs != 2 || len(s.history) != len(before.history) {
		t.Fatalf("cmd %v, worker %v, state %d, run %d, %d epochs: want nothing started and run 2 kept",
			cmd, s.cur != nil, s.state, s.runs, len(s.history))
	}
	want := `No customer orders again within the 10-day horizon: 0 of the 25 customers at the cutoff 2024-02-18, so the label has one class and a model needs both. ` +
		`Every customer of orders.csv has exactly one order: the customer column "customer_id" may name orders, not customers. ` +
		"To try another, press l on the Data screen (1) and choose the customer id column: the log is read again with it."
	if !s.failed || s.refusal.In(s.Common) != want {
		t.Errorf("failed %v, refusal %q\nwant %q", s.failed, s.refusal.In(s.Common), want)
	}
	// New data clears the refusal.
	s.SetInputs(goldenScreen(t, c).data, s.cfg, s.limits)
	if s.refusal.In(s.Common) != "" {
		t.Errorf("refusal %q kept for other data", s.refusal.In(s.Common))
	}
}

func TestGoldenOneClassRefused(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		_, s, _ := endedThenOneClass(t, c)
		screentest.Golden(t, s, c.Width, c.Height)
	})
}
