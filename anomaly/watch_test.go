package anomaly

import (
	"reflect"
	"testing"
)

// TestHistogramFlaggedBaselineAbove checks the screen's helpers on scores
// small enough to count by hand.
func TestHistogramFlaggedBaselineAbove(t *testing.T) {
	res := &Result{Score: []float64{0, 1, 2, 3, 4}, Baseline: []float64{1, 1, 1, 1, 10}}
	// Two bins of width 2: [0, 2) holds 0 and 1; [2, 4] holds 2, 3 and 4.
	want := []Bin{{Low: 0, High: 2, Count: 2}, {Low: 2, High: 4, Count: 3}}
	if got := res.Histogram(2); !reflect.DeepEqual(got, want) {
		t.Errorf("Histogram(2) = %+v, want %+v", got, want)
	}
	if got := (&Result{Score: []float64{5, 5}}).Histogram(4); !reflect.DeepEqual(got, []Bin{{Low: 5, High: 5, Count: 2}}) {
		t.Errorf("equal scores: %+v", got)
	}
	// Above 1.5: rows 2, 3, 4; row 0 marked abusive, row 4 marked not.
	flag := res.Flagged(1.5, map[int]bool{0: true, 4: false})
	if want := []bool{true, false, true, true, false}; !reflect.DeepEqual(flag, want) {
		t.Errorf("Flagged = %v, want %v", flag, want)
	}
	// The baseline's fence: Q1 = Q3 = 1, so the fence is 1 and only row 4
	// (10) lies above it; its network score 4 is above 3.5, not above 4.
	if above, both := res.BaselineAbove(3.5); above != 1 || both != 1 {
		t.Errorf("BaselineAbove(3.5) = %d, %d; want 1, 1", above, both)
	}
	if above, both := res.BaselineAbove(4); above != 1 || both != 0 {
		t.Errorf("BaselineAbove(4) = %d, %d; want 1, 0", above, both)
	}
}

// TestMarkedMatchesFlagged: Marked's count agrees with Flagged's, counted
// by hand on five scores (above 1.5: rows 2, 3, 4; row 0 marked abusive
// adds one, row 4 marked not abusive takes one away, row 3 marked abusive
// changes nothing).
func TestMarkedMatchesFlagged(t *testing.T) {
	res := &Result{Score: []float64{0, 1, 2, 3, 4}}
	marks := map[int]bool{0: true, 3: true, 4: false}
	abusive, not, flagged := res.Marked(1.5, res.Above(1.5), marks)
	if abusive != 2 || not != 1 || flagged != 3 {
		t.Errorf("Marked = %d, %d, %d; want 2, 1, 3", abusive, not, flagged)
	}
	n := 0
	for _, f := range res.Flagged(1.5, marks) {
		if f {
			n++
		}
	}
	if n != flagged {
		t.Errorf("Flagged counts %d, Marked %d", n, flagged)
	}
}

// TestHistogramLeavesOutOfRangeRowsOffTheAxis: a row lifted for a value out
// of range (score 31 where the others reach 3) stretched the screen's axis
// to 31 and squeezed every other row into its first bins. The axis ends at
// the highest row in range, and the lifted row counts in the last bin.
func TestHistogramLeavesOutOfRangeRowsOffTheAxis(t *testing.T) {
	res := &Result{Score: []float64{1, 2, 3, 31}, Outside: []float64{0, 0, 0, 22.6}}
	if lo, hi := res.ScoreRange(); lo != 1 || hi != 3 {
		t.Errorf("ScoreRange = %v, %v; want 1, 3", lo, hi)
	}
	want := []Bin{{Low: 1, High: 2, Count: 1}, {Low: 2, High: 3, Count: 3}}
	if got := res.Histogram(2); !reflect.DeepEqual(got, want) {
		t.Errorf("Histogram(2) = %+v, want %+v", got, want)
	}
}
