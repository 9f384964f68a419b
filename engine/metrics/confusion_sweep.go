package metrics

import (
	"fmt"
	"math"
	"slices"
	"sort"
)

// ConfusionSweep answers ConfusionAt for any threshold after sorting the
// scores once, so a threshold moved live (a slider, a key press) costs one
// binary search instead of a pass over every row.
type ConfusionSweep struct {
	// sorted holds the scores ascending; posBelow[k] and negBelow[k] are
	// the positive and negative weight of the first k of them.
	sorted             []float64
	posBelow, negBelow []float64
}

// NewConfusionSweep validates scores, labels and optional weights as
// ConfusionAt does and prepares the sweep.
func NewConfusionSweep(scores, labels, weights []float64) (*ConfusionSweep, error) {
	if err := validate(scores, labels, weights); err != nil {
		return nil, err
	}
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		switch {
		case scores[a] < scores[b]:
			return -1
		case scores[a] > scores[b]:
			return 1
		}
		return 0
	})
	s := &ConfusionSweep{
		sorted:   make([]float64, len(scores)),
		posBelow: make([]float64, len(scores)+1),
		negBelow: make([]float64, len(scores)+1),
	}
	for k, i := range idx {
		s.sorted[k] = scores[i]
		s.posBelow[k+1], s.negBelow[k+1] = s.posBelow[k], s.negBelow[k]
		if labels[i] == 1 {
			s.posBelow[k+1] += weightAt(weights, i)
		} else {
			s.negBelow[k+1] += weightAt(weights, i)
		}
	}
	return s, nil
}

// At returns the confusion matrix when every row with score >= threshold
// is predicted positive. Without weights it equals ConfusionAt exactly (the
// entries are counts); with weights the sums are taken in score order, so
// they can differ from ConfusionAt's in the last bits. A NaN threshold is
// an ErrArgument.
func (s *ConfusionSweep) At(threshold float64) (Confusion, error) {
	if math.IsNaN(threshold) {
		return Confusion{}, fmt.Errorf("%w: threshold is NaN", ErrArgument)
	}
	n := len(s.sorted)
	k := sort.SearchFloat64s(s.sorted, threshold) // rows below k are predicted negative
	return Confusion{
		TN: s.negBelow[k],
		FP: s.negBelow[n] - s.negBelow[k],
		FN: s.posBelow[k],
		TP: s.posBelow[n] - s.posBelow[k],
	}, nil
}

// Rows returns the number of rows the sweep was built from.
func (s *ConfusionSweep) Rows() int { return len(s.sorted) }
