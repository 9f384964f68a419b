package metrics

import (
	"fmt"
	"slices"
)

// AUCScratch holds the buffer AUC sorts in, so that a caller scoring the
// same validation set every epoch allocates only on the first call. The zero
// value is ready to use. An AUCScratch must not be used by two goroutines at
// once.
type AUCScratch struct {
	pairs []pair
}

// AUC returns the area under the ROC curve of scores against labels, with
// optional sample weights (nil means all 1). It is exact: tied scores are
// handled by the trapezoid between distinct thresholds, which equals the
// Mann–Whitney statistic with half credit for tied positive–negative pairs,
// and agrees with scikit-learn's roc_auc_score. It costs one O(n log n) sort
// in the scratch buffer and allocates only when the buffer must grow.
//
// It returns ErrOneClass when the (non-zero-weight) rows hold only one class.
func (s *AUCScratch) AUC(scores, labels, weights []float64) (float64, error) {
	if err := validate(scores, labels, weights); err != nil {
		return 0, err
	}
	// Grow once to the exact size rather than by repeated doubling.
	s.pairs = appendPairs(slices.Grow(s.pairs[:0], len(scores)), scores, labels, weights)
	sortDescending(s.pairs)
	return aucSorted(s.pairs)
}

// AUC returns the area under the ROC curve; see AUCScratch.AUC, which it
// calls with a fresh buffer. Use an AUCScratch when calling repeatedly.
func AUC(scores, labels, weights []float64) (float64, error) {
	var s AUCScratch
	return s.AUC(scores, labels, weights)
}

// aucSorted sweeps the thresholds from the highest score down. Each
// negative is credited with the positive weight ranked strictly above it
// plus half of the positive weight tied with it.
func aucSorted(pairs []pair) (float64, error) {
	var area, posAbove, negTotal float64
	for i := 0; i < len(pairs); {
		var g group
		g, i = nextGroup(pairs, i)
		area += g.neg * (posAbove + g.pos/2)
		posAbove += g.pos
		negTotal += g.neg
	}
	if posAbove == 0 || negTotal == 0 {
		return 0, oneClassError(posAbove, negTotal)
	}
	return area / (posAbove * negTotal), nil
}

// oneClassError names which class is missing.
func oneClassError(pos, neg float64) error {
	if pos == 0 {
		return fmt.Errorf("%w: no positive labels", ErrOneClass)
	}
	return fmt.Errorf("%w: no negative labels", ErrOneClass)
}
