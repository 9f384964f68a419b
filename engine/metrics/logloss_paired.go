package metrics

import (
	"fmt"
	"math"
)

// PairedLoss compares the log losses of two sets of probabilities for the
// same rows.
type PairedLoss struct {
	// A and B are the mean log losses over the rows (clipped as LogLoss
	// clips them, each row's multiplied by its weight), Diff = B − A, the
	// mean of the per-row differences.
	A, B, Diff float64
	// SE is the standard error of Diff (the per-row differences' sample
	// standard deviation, ddof 1, over √n) and Z = Diff/SE (0 when SE is 0).
	SE, Z float64
}

// PairedLogLossTest compares probabilities a and b of the same rows
// against 0/1 labels, row by row: the rows' losses under a and b are
// correlated, so the difference is judged against the spread of the
// per-row differences, not of either loss alone. Weights (nil: 1 each)
// multiply each row's losses, as a positive-class weight multiplies them
// in training; the means are still over the rows. It needs at least two
// rows.
func PairedLogLossTest(a, b, labels, weights []float64) (PairedLoss, error) {
	var t PairedLoss
	if err := validateProbabilities(a, labels, weights); err != nil {
		return t, err
	}
	if err := validateProbabilities(b, labels, weights); err != nil {
		return t, err
	}
	n := len(labels)
	if n < 2 {
		return t, fmt.Errorf("%w: %d rows, a paired test needs 2", ErrEmpty, n)
	}
	diff := make([]float64, n)
	for i, y := range labels {
		w := weightAt(weights, i)
		la, lb := w*rowLoss(a[i], y), w*rowLoss(b[i], y)
		t.A += la
		t.B += lb
		diff[i] = lb - la
	}
	t.A /= float64(n)
	t.B /= float64(n)
	t.Diff, t.SE, t.Z = PairedZ(diff)
	return t, nil
}

// rowLoss is one row's binary cross-entropy, p clipped as LogLoss clips it.
func rowLoss(p, y float64) float64 {
	p = min(max(p, logLossEpsilon), 1-logLossEpsilon)
	if y == 1 {
		return -math.Log(p)
	}
	return -math.Log(1 - p)
}
