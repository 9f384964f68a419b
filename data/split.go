package data

import (
	"fmt"
	"math/rand/v2"
	"slices"
)

// Split holds row indices for training, validation and testing, each sorted
// ascending.
type Split struct {
	Train      []int
	Validation []int
	Test       []int
}

// Fold is one round of k-fold cross-validation: Test is the held-out fold,
// Train the other folds. Both are sorted ascending.
type Fold struct {
	Train []int
	Test  []int
}

// NewRand returns the package's deterministic random source for a seed.
func NewRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
}

// classRows groups row indices by label (0 first, then 1) and shuffles
// each group with rng.
func classRows(y []float64, rng *rand.Rand) ([2][]int, error) {
	var groups [2][]int
	for i, v := range y {
		switch v {
		case 0, 1:
			groups[int(v)] = append(groups[int(v)], i)
		default:
			return groups, fmt.Errorf("%w: label %d is %v, want 0 or 1", ErrShape, i, v)
		}
	}
	for _, g := range groups {
		rng.Shuffle(len(g), func(i, j int) { g[i], g[j] = g[j], g[i] })
	}
	return groups, nil
}

// StratifiedSplit divides rows 0..len(y)-1 into train, validation and test
// sets holding valFrac and testFrac of each class (rounded), so every set
// keeps the positive rate. rng drives the shuffle; the same rng state and
// labels give the same split.
func StratifiedSplit(y []float64, valFrac, testFrac float64, rng *rand.Rand) (Split, error) {
	if err := checkShares(valFrac, testFrac); err != nil {
		return Split{}, err
	}
	groups, err := classRows(y, rng)
	if err != nil {
		return Split{}, err
	}
	var s Split
	for _, g := range groups {
		nTest, nVal := partCounts(len(g), valFrac, testFrac)
		s.Test = append(s.Test, g[:nTest]...)
		s.Validation = append(s.Validation, g[nTest:nTest+nVal]...)
		s.Train = append(s.Train, g[nTest+nVal:]...)
	}
	slices.Sort(s.Train)
	slices.Sort(s.Validation)
	slices.Sort(s.Test)
	return s, nil
}

// StratifiedKFold deals each class's shuffled rows round-robin into k folds,
// so every fold keeps the positive rate, and returns the k train/test pairs.
func StratifiedKFold(y []float64, k int, rng *rand.Rand) ([]Fold, error) {
	a, err := StratifiedFolds(y, k, rng)
	if err != nil {
		return nil, err
	}
	return a.Folds(), nil
}

// StratifiedFolds is StratifiedKFold's assignment of rows to folds,
// numbered 0 to k-1.
func StratifiedFolds(y []float64, k int, rng *rand.Rand) (FoldAssignment, error) {
	if k < 2 || k > len(y) {
		return FoldAssignment{}, fmt.Errorf("%w: k-fold needs 2 ≤ k ≤ %d rows, got k=%d", ErrShape, len(y), k)
	}
	groups, err := classRows(y, rng)
	if err != nil {
		return FoldAssignment{}, err
	}
	member := make([]int, len(y))
	next := 0
	for _, g := range groups {
		for _, row := range g {
			member[row] = next % k
			next++
		}
	}
	labels := make([]int, k)
	for i := range labels {
		labels[i] = i
	}
	return FoldAssignment{Fold: member, Labels: labels}, nil
}
