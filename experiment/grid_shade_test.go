package experiment

import (
	"math"
	"slices"
	"testing"
)

func TestDecisionMapBandsSpanTheRangeShown(t *testing.T) {
	// A low-probability user: everything below 0.2.
	m := &DecisionMap{Prob: [][]float64{{0.01, 0.04, 0.06}, {0.08, 0.10, 0.11}}}
	lo, hi := m.Range()
	if lo != 0.01 || hi != 0.11 {
		t.Fatalf("range %v–%v, want 0.01–0.11", lo, hi)
	}
	got := m.Bands(5)
	want := [][]int{{0, 1, 2}, {3, 4, 4}}
	for r := range want {
		if !slices.Equal(got[r], want[r]) {
			t.Fatalf("bands %v, want %v", got, want)
		}
	}
	flat := &DecisionMap{Prob: [][]float64{{0.3, 0.3}}}
	if b := flat.Bands(5); !slices.Equal(b[0], []int{2, 2}) {
		t.Fatalf("a flat map's bands %v, want the middle one", b)
	}
	if lo, hi := (&DecisionMap{}).Range(); !math.IsNaN(lo) || !math.IsNaN(hi) {
		t.Fatalf("empty map range %v–%v, want NaN", lo, hi)
	}
}
