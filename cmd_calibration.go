package main

import (
	"fmt"
	"io"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// thresholdRecall is the recall whose threshold train reports beside the
// best F1.
const thresholdRecall = 0.8

// calibRowsNote is ", N calibration" for the training line, or "".
func calibRowsNote(e *experiment.Experiment) string {
	if e.Calib.Rows == 0 {
		return ""
	}
	return ", " + data.Thousands(e.Calib.Rows) + " calibration"
}

// calibrationOf measures part before and after calibration and chooses the
// thresholds (on the calibration part when there is one).
func calibrationOf(e *experiment.Experiment, part experiment.Part) (*experiment.CalibrationCheck, *experiment.Thresholds, error) {
	check, err := e.CheckCalibration(part)
	if err != nil {
		return nil, nil, err
	}
	th, err := e.ChooseThresholds(thresholdRecall)
	if err != nil {
		return check, nil, nil // one class on the threshold part: nothing to choose
	}
	return check, &th, nil
}

// fittedOn says which rows the calibration map was fitted on.
func fittedOn(c *experiment.CalibrationCheck) string {
	switch c.FitPart {
	case experiment.CalibPart:
		return data.Thousands(c.CalibRows) + " calibration rows early stopping never saw"
	case experiment.ValPart:
		if c.Part == c.FitPart {
			return "these " + data.Thousands(c.CalibRows) + " validation rows"
		}
		return "the " + data.Thousands(c.CalibRows) + " validation rows"
	}
	return data.Thousands(c.CalibRows) + " rows"
}

// printCalibration writes the calibration's effect and the thresholds.
func printCalibration(w io.Writer, c *experiment.CalibrationCheck, th *experiment.Thresholds) {
	if c != nil {
		fmt.Fprintf(w, "  expected_calibration_error  %.4f → %.4f  (%s, fitted on %s; %d equal-width bins, weighted by count)\n",
			c.ECEBefore, c.ECEAfter, c.Method, fittedOn(c), len(c.After))
		fmt.Fprintf(w, "  log_loss before → after calibration  %.4f → %.4f\n", c.LogLossBefore, c.LogLossAfter)
		if c.TrueECEBefore != nil {
			fmt.Fprintf(w, "  against the true probabilities  %.4f → %.4f\n", *c.TrueECEBefore, *c.TrueECEAfter)
		}
	}
	if th != nil {
		fmt.Fprintf(w, "  thresholds chosen on the %s part (%s rows): best F1 %.4f at %.4f; recall %.0f%% at %.4f\n",
			th.Part, data.Thousands(th.Rows), th.BestF1.F1, th.BestF1.Threshold, 100*th.TargetRecall, th.Recall.Threshold)
	}
}

// noteCalibrationNone says on w, prefixed by where (e.g. "fold 2: "), that
// the calibration asked for is not applied, and why; nothing for nil.
func noteCalibrationNone(w io.Writer, where string, d *experiment.CalibrationDropped) {
	if d != nil {
		fmt.Fprintf(w, "note: %scalibration: none — %s\n", where, d.Why())
	}
}
