package data

import (
	"fmt"
	"testing"
)

// partSize counts, from the rows a real StratifiedSplit put in a part,
// how many there are and how many have label 1: the reference the sizes
// computed from class counts alone are checked against.
func partSize(y []float64, rows []int) PartSize {
	s := PartSize{Rows: len(rows)}
	for _, r := range rows {
		if y[r] == 1 {
			s.Positives++
		}
	}
	return s
}

// TestStratifiedSizesAreTheSplits: for class counts from empty to a few
// hundred, shares that round up, down and to a half, and a shuffled
// label order, the sizes StratifiedSizes computes without a shuffle are
// the sizes of the parts a real StratifiedSplit draws.
func TestStratifiedSizesAreTheSplits(t *testing.T) {
	shares := [][2]float64{{0.1, 0}, {0.2, 0.1}, {0.15, 0.15}, {0, 0.25}, {0.5, 0.45}, {0.05, 0.05}, {0.35, 0.3}}
	counts := [][2]int{{0, 0}, {1, 1}, {2, 2}, {3, 0}, {0, 5}, {7, 3}, {9, 1}, {25, 15}, {400, 37}, {5, 211}}
	rng := NewRand(3)
	for _, c := range counts {
		y := make([]float64, 0, c[0]+c[1])
		for range c[0] {
			y = append(y, 0)
		}
		for range c[1] {
			y = append(y, 1)
		}
		rng.Shuffle(len(y), func(i, j int) { y[i], y[j] = y[j], y[i] })
		for _, sh := range shares {
			name := fmt.Sprintf("%d neg %d pos val %v test %v", c[0], c[1], sh[0], sh[1])
			split, err := StratifiedSplit(y, sh[0], sh[1], NewRand(11))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			want := SplitSizes{Train: partSize(y, split.Train), Validation: partSize(y, split.Validation), Test: partSize(y, split.Test)}
			neg, pos, err := ClassCounts(y)
			if err != nil || neg != c[0] || pos != c[1] {
				t.Fatalf("%s: ClassCounts = %d, %d, %v", name, neg, pos, err)
			}
			got, err := StratifiedSizes(neg, pos, sh[0], sh[1])
			if err != nil || got != want {
				t.Errorf("%s: StratifiedSizes = %+v, %v; the split's parts are %+v", name, got, err, want)
			}
		}
	}
}

// TestStratifiedSizesRefuseAsTheSplitDoes: shares the split refuses and a
// label that is neither 0 nor 1 get the split's own error, word for word.
func TestStratifiedSizesRefuseAsTheSplitDoes(t *testing.T) {
	y := []float64{0, 1, 0, 2, 1}
	if _, err := StratifiedSplit(y, 0.2, 0, NewRand(1)); err == nil || err.Error() != "inconsistent shape: label 3 is 2, want 0 or 1" {
		t.Fatalf("the split's label error changed: %v", err)
	}
	if _, _, err := ClassCounts(y); err == nil || err.Error() != "inconsistent shape: label 3 is 2, want 0 or 1" {
		t.Errorf("ClassCounts: %v", err)
	}
	for _, sh := range [][2]float64{{0.6, 0.4}, {-0.1, 0}, {0.1, -0.2}} {
		_, want := StratifiedSplit([]float64{0, 1}, sh[0], sh[1], NewRand(1))
		_, got := StratifiedSizes(1, 1, sh[0], sh[1])
		if want == nil || got == nil || got.Error() != want.Error() {
			t.Errorf("shares %v: StratifiedSizes %v, split %v", sh, got, want)
		}
	}
}
