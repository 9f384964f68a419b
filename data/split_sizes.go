package data

import (
	"fmt"
	"math"
)

// PartSize is how many rows, and of them how many positives (label 1), a
// part of a split holds.
type PartSize struct {
	Rows, Positives int
}

// SplitSizes is the size of each part of a StratifiedSplit.
type SplitSizes struct {
	Train, Validation, Test PartSize
}

// ClassCounts returns how many labels of y are 0 and how many are 1, or
// StratifiedSplit's error for a label that is neither.
func ClassCounts(y []float64) (negatives, positives int, err error) {
	for i, v := range y {
		switch v {
		case 0:
			negatives++
		case 1:
			positives++
		default:
			return 0, 0, fmt.Errorf("%w: label %d is %v, want 0 or 1", ErrShape, i, v)
		}
	}
	return negatives, positives, nil
}

// StratifiedSizes returns the sizes of the parts StratifiedSplit makes of
// labels holding negatives 0s and positives 1s, with its error for
// shares it refuses. The sizes depend on the class counts only, not on
// the shuffle: computing them reads no row.
func StratifiedSizes(negatives, positives int, valFrac, testFrac float64) (SplitSizes, error) {
	if err := checkShares(valFrac, testFrac); err != nil {
		return SplitSizes{}, err
	}
	var s SplitSizes
	for class, n := range [2]int{negatives, positives} {
		nTest, nVal := partCounts(n, valFrac, testFrac)
		parts := [3]int{n - nTest - nVal, nVal, nTest}
		for i, p := range []*PartSize{&s.Train, &s.Validation, &s.Test} {
			p.Rows += parts[i]
			if class == 1 {
				p.Positives += parts[i]
			}
		}
	}
	return s, nil
}

// checkShares refuses validation and test shares that are negative, NaN
// or leave no training rows.
func checkShares(valFrac, testFrac float64) error {
	if valFrac < 0 || testFrac < 0 || valFrac+testFrac >= 1 || math.IsNaN(valFrac+testFrac) {
		return fmt.Errorf("%w: validation %v and test %v fractions must be ≥ 0 and sum below 1", ErrShape, valFrac, testFrac)
	}
	return nil
}

// partCounts returns how many of a class's n rows go to the test and the
// validation part (the rest trains).
func partCounts(n int, valFrac, testFrac float64) (nTest, nVal int) {
	nTest = int(math.Round(testFrac * float64(n)))
	nVal = int(math.Round(valFrac * float64(n)))
	if nTest+nVal > n {
		nVal = n - nTest
	}
	return nTest, nVal
}
