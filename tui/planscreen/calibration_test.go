package planscreen

import (
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// TestGoldenNotCalibrated: on a run whose Platt scaling was not applied
// (the built-in textbook table's 10 validation rows are too few, as
// `retain plan` says of a model file's calibration_not_applied) the Plan
// screen says under the headline that the probabilities it adds up are the
// network's own, and why, in English and Chinese. The golden's figures:
// 30 validation rows (0.3 of the table's 100), 8 of them positive; Platt's
// 301 rows are 1.96² · p(1 − p) / 0.05² at p = 8/30 (300.5), rounded up.
func TestGoldenNotCalibrated(t *testing.T) {
	run := screentest.Train(t, "textbook", 2, func(c *experiment.Config) {
		c.Calibration, c.CalibFrac, c.ValFrac = experiment.CalibPlatt, 0, 0.3
	})
	if d, err := run.Exp.CalibrationDropped(); err != nil || d == nil {
		t.Fatalf("the run's calibration was applied (%v, %v): the test needs one dropped", d, err)
	}
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := planned(t, c, run)
		if s.Report() == nil {
			t.Fatal("no plan")
		}
		screentest.Golden(t, s, c.Width, c.Height)
	})
}
