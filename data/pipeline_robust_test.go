package data

import (
	"math"
	"testing"
)

// TestPipelineRobustScaling checks the median and interquartile range
// against numpy with groups of one (no clipping, numpy's quantiles):
// np.percentile([1,2,3,4,100], [25,50,75]) = [2, 3, 4]; with the blank
// filled by the median 3, np.percentile([1,2,3,3,4,100], [25,50,75]) =
// [2.25, 3, 3.75]; np.percentile([0]*7+[10], [25,75]) = [0, 0], so that
// column falls back to its range, 10. Then the default group, worked by
// hand: six values give k = ⌊(6+2)/3⌋ = 2 for the range, so a
// (0,1,2,3,4,100) clips to [mean(1,2), mean(3,4)] = [1.5, 3.5], i.e.
// 1.5,1.5,2,3,3.5,3.5, whose group quantiles (k = 6, all six) are all
// 15/6 = 2.5: spread 0, so the range 3.5 − 1.5 = 2; b's five values
// (1,2,3,4,100) give k = 2 too, [2.5, 3.5], clipped 2.5,2.5,3,3.5,3.5 with
// group median 3 filling the blank: quantiles all 18/6 = 3, so centre 3
// and the range 1; c is all 0: it transforms to 0 (centre the bound,
// scale 1).
func TestPipelineRobustScaling(t *testing.T) {
	csv := "a,b,c,y\n1,1,0,no\n2,2,0,yes\n3,3,0,no\n4,4,0,yes\n100,100,0,no\n0,,0,yes\n0,0,0,no\n0,0,10,yes\n"
	tab := mustRead(t, csv, CSVOptions{Label: "y"})
	for _, c := range []struct {
		group int
		want  map[string][2]float64
	}{
		// Rows 0–5: a = 1,2,3,4,100,0 (median 2.5, q25 1.25, q75 3.75);
		// b = 1,2,3,4,100 and a blank filled with 3; c = six zeros.
		{1, map[string][2]float64{"a": {2.5, 2.5}, "b": {3, 1.5}, "c": {0, 1}}},
		{0, map[string][2]float64{"a": {2.5, 2}, "b": {3, 1}, "c": {0, 1}}},
	} {
		p, err := FitPipeline(tab, []int{0, 1, 2, 3, 4, 5}, PipelineOptions{Scale: ScaleRobust, MinGroup: c.group})
		if err != nil {
			t.Fatal(err)
		}
		for _, pc := range p.Columns {
			w := c.want[pc.Name]
			if math.Abs(pc.Center-w[0]) > 1e-12 || math.Abs(pc.Scale-w[1]) > 1e-12 {
				t.Errorf("group %d: %s: center %v, spread %v; want %v, %v", c.group, pc.Name, pc.Center, pc.Scale, w[0], w[1])
			}
		}
	}
	all := []int{0, 1, 2, 3, 4, 5, 6, 7}
	// Groups of one: the fallback is the plain range (privacy_test.go
	// checks the k-anonymous one).
	p, err := FitPipeline(tab, all, PipelineOptions{Scale: ScaleRobust, KeepDuplicates: true, MinGroup: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, pc := range p.Columns {
		if pc.Name == "c" && (pc.Center != 0 || pc.Scale != 10) {
			t.Errorf("c (quartiles both 0): center %v, spread %v; want 0 and the range 10", pc.Center, pc.Scale)
		}
	}
	// All eight rows of a: np.percentile([0,0,0,1,2,3,4,100], [25,50,75]) =
	// [0, 1.5, 3.25].
	rep := Schema(tab, p)
	for _, c := range rep.Columns {
		if c.Name == "a" && c.Action != "robust-scaled (median 1.5, spread 3.25); values clipped to [0, 100] first" {
			t.Errorf("a: action %q", c.Action)
		}
	}
}

func TestQuantileSortedMatchesNumpy(t *testing.T) {
	// np.quantile([1, 2, 4, 8], [0, 0.1, 0.25, 0.5, 0.9, 1]) =
	// [1, 1.3, 1.75, 3, 6.8, 8]
	xs := []float64{1, 2, 4, 8}
	for q, want := range map[float64]float64{0: 1, 0.1: 1.3, 0.25: 1.75, 0.5: 3, 0.9: 6.8, 1: 8} {
		if got := quantileSorted(xs, q); math.Abs(got-want) > 1e-12 {
			t.Errorf("q %v: %v, want %v", q, got, want)
		}
	}
}

// TestGroupQuantile: the mean of the k sorted values around numpy's
// position, worked by hand on 1…20 with k = 10 (position 9.5 for the
// median: window 6…15, mean 10.5; 4.75 for q25: window 1…10, 5.5; 14.25
// for q75: 11…20, 15.5; q = 1 is moved inside: 11…20); a window of equal
// values gives that value exactly (ten 0.1s sum to 0.9999999999999999);
// k = 1 is numpy's quantile.
func TestGroupQuantile(t *testing.T) {
	var xs []float64
	for v := 1; v <= 20; v++ {
		xs = append(xs, float64(v))
	}
	for q, want := range map[float64]float64{0: 5.5, 0.25: 5.5, 0.5: 10.5, 0.75: 15.5, 1: 15.5} {
		if got := groupQuantile(xs, q, 10); math.Abs(got-want) > 1e-12 {
			t.Errorf("q %v: %v, want %v", q, got, want)
		}
	}
	tenths := []float64{0, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 7}
	if got := groupQuantile(tenths, 0.5, 10); got != 0.1 {
		t.Errorf("ten 0.1s: %v, want exactly 0.1", got)
	}
	if got := groupQuantile([]float64{1, 2, 4, 8}, 0.1, 1); math.Abs(got-1.3) > 1e-12 {
		t.Errorf("k = 1: %v, want numpy's 1.3", got)
	}
	if got := groupQuantile([]float64{1, 2, 4, 8}, 0.5, 10); got != 3.75 {
		t.Errorf("fewer values than k: %v, want their mean 3.75", got)
	}
}
