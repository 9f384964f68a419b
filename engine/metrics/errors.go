package metrics

import (
	"errors"
	"fmt"
	"math"
)

// Sentinel errors. Functions wrap them with the offending position or value,
// so callers test with errors.Is and users read a specific message. Like
// every error this package returns, their text has no "metrics: " prefix:
// it reaches the user as it is, on the command line and in the TUI. Only
// panics (programming errors) name the package.
var (
	// ErrEmpty reports that there are no rows to evaluate.
	ErrEmpty = errors.New("empty input")
	// ErrLengthMismatch reports scores, labels and weights of different lengths.
	ErrLengthMismatch = errors.New("length mismatch")
	// ErrOneClass reports that a metric needing both classes got only one.
	ErrOneClass = errors.New("only one class present")
	// ErrNonFinite reports a NaN or infinite score.
	ErrNonFinite = errors.New("non-finite score")
	// ErrLabel reports a label other than 0 or 1.
	ErrLabel = errors.New("label not 0 or 1")
	// ErrProbability reports a probability outside [0, 1] where a metric
	// reads scores as probabilities (log loss, Brier score, calibration).
	ErrProbability = errors.New("probability outside [0, 1]")
	// ErrWeight reports a negative or non-finite weight, or weights that are
	// all zero.
	ErrWeight = errors.New("invalid sample weight")
	// ErrArgument reports an out-of-range parameter such as a target recall
	// or a number of bins.
	ErrArgument = errors.New("invalid argument")
)

// validate checks the common preconditions of every metric: non-empty,
// equal lengths, finite scores, 0/1 labels and sane weights (nil allowed).
// Checking everything up front is what lets the metric loops stay branch-free
// and guarantees no NaN ever leaks out.
func validate(scores, labels, weights []float64) error {
	if len(scores) != len(labels) {
		return fmt.Errorf("%w: %d scores, %d labels", ErrLengthMismatch, len(scores), len(labels))
	}
	if weights != nil && len(weights) != len(scores) {
		return fmt.Errorf("%w: %d scores, %d weights", ErrLengthMismatch, len(scores), len(weights))
	}
	if len(scores) == 0 {
		return ErrEmpty
	}
	for i, s := range scores {
		if math.IsNaN(s) || math.IsInf(s, 0) {
			return fmt.Errorf("%w at index %d: %v", ErrNonFinite, i, s)
		}
	}
	for i, y := range labels {
		if y != 0 && y != 1 {
			return fmt.Errorf("%w at index %d: %v", ErrLabel, i, y)
		}
	}
	if weights == nil {
		return nil
	}
	total := 0.0
	for i, w := range weights {
		if !(w >= 0) || math.IsInf(w, 0) {
			return fmt.Errorf("%w at index %d: %v (must be finite and >= 0)", ErrWeight, i, w)
		}
		total += w
	}
	if total == 0 {
		return fmt.Errorf("%w: all weights are zero", ErrWeight)
	}
	return nil
}

// validateProbabilities is validate plus the [0, 1] range check for metrics
// that read scores as probabilities.
func validateProbabilities(probs, labels, weights []float64) error {
	if err := validate(probs, labels, weights); err != nil {
		return err
	}
	for i, p := range probs {
		if p < 0 || p > 1 {
			return fmt.Errorf("%w at index %d: %v", ErrProbability, i, p)
		}
	}
	return nil
}

// weightAt returns the weight of row i, 1 when weights is nil.
func weightAt(weights []float64, i int) float64 {
	if weights == nil {
		return 1
	}
	return weights[i]
}
