package experiment

import (
	"fmt"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
)

// PartTooSmallError reports that the part of the split a run's final
// figures are measured on (FinalPart) holds no row of one class, or no
// row at all: no ROC AUC, recall or calibration can be measured there.
// It matches ErrTooFewRows.
type PartTooSmallError struct {
	Part            Part
	Rows, Positives int
}

// Error says which part and what it holds, in the command line's words.
func (e *PartTooSmallError) Error() string {
	return fmt.Sprintf("the %s part has %d rows and %d positives: too few to measure a model", e.Part, e.Rows, e.Positives)
}

// Unwrap returns ErrTooFewRows.
func (e *PartTooSmallError) Unwrap() error { return ErrTooFewRows }

// CheckPart refuses the part p whose rows have the labels y (1 for the
// positive class) when they do not hold both classes: a
// *PartTooSmallError.
func CheckPart(p Part, y []float64) error {
	var pos int
	for _, v := range y {
		if v == 1 {
			pos++
		}
	}
	if pos == 0 || pos == len(y) {
		return &PartTooSmallError{Part: p, Rows: len(y), Positives: pos}
	}
	return nil
}

// CheckPart is CheckPart on part p of e as it was built (its training
// part after duplicates and any calibration rows were taken out).
func (e *Experiment) CheckPart(p Part) error {
	d := map[Part]engine.Dataset{TrainPart: e.Train, ValPart: e.Val, TestPart: e.Test}[p]
	return CheckPart(p, d.Y)
}

// CheckSplit is CheckPart on the final part (FinalPart) of the split New
// draws from d with cfg's seed and shares, before anything is built: a
// program can refuse data too small to measure a model on while its
// previous run stays as it was. Its training part is the split's, before
// duplicates and calibration rows are taken out (Experiment.CheckPart on
// the built experiment sees those). An order log validated out of time is
// split another way (Prepare): it is not checked here (nil).
func CheckSplit(d *Data, cfg Config) error {
	if cfg.Validation == OutOfTime && d.Log != nil && d.Cohort != nil {
		return nil
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	// The sizes of the split New draws (data.StratifiedSizes): they
	// depend on the class counts only, so no row is shuffled or sorted
	// here, in a program's UI goroutine, for the worker to split again.
	// StratifiedSplit refuses the shares before it reads a label.
	if _, err := data.StratifiedSizes(0, 0, cfg.ValFrac, cfg.TestFrac); err != nil {
		return err
	}
	neg, pos, err := data.ClassCounts(d.Table.Label.Values)
	if err != nil {
		return err
	}
	sizes, err := data.StratifiedSizes(neg, pos, cfg.ValFrac, cfg.TestFrac)
	if err != nil {
		return err
	}
	p := FinalPart(cfg)
	part := map[Part]data.PartSize{TrainPart: sizes.Train, ValPart: sizes.Validation, TestPart: sizes.Test}[p]
	if part.Positives == 0 || part.Positives == part.Rows {
		return &PartTooSmallError{Part: p, Rows: part.Rows, Positives: part.Positives}
	}
	return nil
}

// ThresholdError reports a decision threshold outside (0, 1): at 0 every
// user is flagged, at 1 none is, and neither is a decision. It is
// reported wrapped in engine.ErrConfig (CheckThreshold).
type ThresholdError struct{ Threshold float64 }

// Error says what the threshold must be and what it was.
func (e *ThresholdError) Error() string {
	return fmt.Sprintf("threshold must be in (0, 1), got %g", e.Threshold)
}

// CheckThreshold refuses a decision threshold outside (0, 1) (NaN
// included): an engine.ErrConfig that holds a *ThresholdError, the
// command line's "invalid configuration: threshold must be in (0, 1),
// got 1".
func CheckThreshold(t float64) error {
	if t > 0 && t < 1 {
		return nil
	}
	return fmt.Errorf("%w: %w", engine.ErrConfig, &ThresholdError{Threshold: t})
}
