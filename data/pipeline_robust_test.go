package data

import (
	"math"
	"testing"
)

// TestPipelineRobustScaling checks the median and interquartile range
// against numpy: np.percentile([1,2,3,4,100], [25,50,75]) = [2, 3, 4];
// with the blank filled by the median 3, np.percentile([1,2,3,3,4,100],
// [25,50,75]) = [2.25, 3, 3.75]; np.percentile([0]*7+[10], [25,75]) = [0, 0],
// so that column falls back to its range, 10.
func TestPipelineRobustScaling(t *testing.T) {
	csv := "a,b,c,y\n1,1,0,no\n2,2,0,yes\n3,3,0,no\n4,4,0,yes\n100,100,0,no\n0,,0,yes\n0,0,0,no\n0,0,10,yes\n"
	tab := mustRead(t, csv, CSVOptions{Label: "y"})
	p, err := FitPipeline(tab, []int{0, 1, 2, 3, 4, 5}, PipelineOptions{Scale: ScaleRobust})
	if err != nil {
		t.Fatal(err)
	}
	// Rows 0–5: a = 1,2,3,4,100,0 (median 2.5, q25 1.25, q75 3.75);
	// b = 1,2,3,4,100 and a blank filled with 3; c = six zeros.
	want := map[string][2]float64{"a": {2.5, 2.5}, "b": {3, 1.5}, "c": {0, 1}}
	for _, pc := range p.Columns {
		w := want[pc.Name]
		if math.Abs(pc.Center-w[0]) > 1e-12 || math.Abs(pc.Scale-w[1]) > 1e-12 {
			t.Errorf("%s: center %v, spread %v; want %v, %v", pc.Name, pc.Center, pc.Scale, w[0], w[1])
		}
	}
	all := []int{0, 1, 2, 3, 4, 5, 6, 7}
	// Groups of one: the fallback is the plain range (privacy_test.go
	// checks the k-anonymous one).
	p, err = FitPipeline(tab, all, PipelineOptions{Scale: ScaleRobust, KeepDuplicates: true, MinGroup: 1})
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
		if c.Name == "a" && c.Action != "robust-scaled (median 1.5, spread 3.25)" {
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
