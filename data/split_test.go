package data

import (
	"errors"
	"slices"
	"testing"
)

// labels returns n labels of which the first pos are 1, the rest 0.
func labels(n, pos int) []float64 {
	y := make([]float64, n)
	for i := range pos {
		y[i] = 1
	}
	return y
}

func countPositives(y []float64, rows []int) int {
	n := 0
	for _, r := range rows {
		n += int(y[r])
	}
	return n
}

func TestStratifiedSplit(t *testing.T) {
	y := labels(100, 30)
	s, err := StratifiedSplit(y, 0.2, 0.2, NewRand(7))
	if err != nil {
		t.Fatal(err)
	}
	// Per class: 70 negatives -> 14 test, 14 validation, 42 train;
	// 30 positives -> 6, 6, 18.
	for _, c := range []struct {
		name    string
		rows    []int
		n, nPos int
	}{{"train", s.Train, 60, 18}, {"validation", s.Validation, 20, 6}, {"test", s.Test, 20, 6}} {
		if len(c.rows) != c.n || countPositives(y, c.rows) != c.nPos || !slices.IsSorted(c.rows) {
			t.Errorf("%s: %d rows, %d positives, want %d and %d (sorted)", c.name, len(c.rows), countPositives(y, c.rows), c.n, c.nPos)
		}
	}
	all := slices.Concat(s.Train, s.Validation, s.Test)
	slices.Sort(all)
	for i, r := range all {
		if r != i {
			t.Fatalf("splits are not a partition of 0..99: %v", all)
		}
	}
	again, _ := StratifiedSplit(y, 0.2, 0.2, NewRand(7))
	other, _ := StratifiedSplit(y, 0.2, 0.2, NewRand(8))
	if !slices.Equal(s.Test, again.Test) || !slices.Equal(s.Train, again.Train) {
		t.Error("same seed gave a different split")
	}
	if slices.Equal(s.Test, other.Test) {
		t.Error("different seeds gave the same test set")
	}
}

func TestStratifiedSplitErrors(t *testing.T) {
	for _, c := range []struct {
		y         []float64
		val, test float64
		want      string
	}{
		{labels(10, 3), 0.5, 0.5, "inconsistent shape: validation 0.5 and test 0.5 fractions must be ≥ 0 and sum below 1"},
		{labels(10, 3), -0.1, 0.2, "inconsistent shape: validation -0.1 and test 0.2 fractions must be ≥ 0 and sum below 1"},
		{[]float64{0, 1, 2}, 0.2, 0.2, "inconsistent shape: label 2 is 2, want 0 or 1"},
	} {
		_, err := StratifiedSplit(c.y, c.val, c.test, NewRand(1))
		if err == nil || err.Error() != c.want || !errors.Is(err, ErrShape) {
			t.Errorf("err %v, want %q", err, c.want)
		}
	}
}

func TestStratifiedKFold(t *testing.T) {
	y := labels(103, 31)
	folds, err := StratifiedKFold(y, 5, NewRand(3))
	if err != nil {
		t.Fatal(err)
	}
	seen := make([]int, len(y))
	for i, f := range folds {
		if len(f.Train)+len(f.Test) != len(y) {
			t.Errorf("fold %d: %d + %d rows", i, len(f.Train), len(f.Test))
		}
		// 103 rows into 5 folds: 20 or 21 each; 31 positives: 6 or 7 each.
		if n, p := len(f.Test), countPositives(y, f.Test); n < 20 || n > 21 || p < 6 || p > 7 {
			t.Errorf("fold %d: %d rows, %d positives", i, n, p)
		}
		for _, r := range f.Test {
			seen[r]++
		}
		if slices.ContainsFunc(f.Train, func(r int) bool { return slices.Contains(f.Test, r) }) {
			t.Errorf("fold %d: train and test overlap", i)
		}
	}
	for r, n := range seen {
		if n != 1 {
			t.Fatalf("row %d is in %d test folds", r, n)
		}
	}
	again, _ := StratifiedKFold(y, 5, NewRand(3))
	if !slices.Equal(folds[2].Test, again[2].Test) {
		t.Error("same seed gave different folds")
	}
	if _, err := StratifiedKFold(y, 1, NewRand(3)); err == nil || err.Error() != "inconsistent shape: k-fold needs 2 ≤ k ≤ 103 rows, got k=1" {
		t.Errorf("k=1: %v", err)
	}
}
