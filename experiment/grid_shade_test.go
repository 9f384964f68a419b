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

// Absolute bands put one probability in one shade on every map: the
// low-probability map above lies wholly in the lowest of five bands of
// 0…1 (each 0.2 wide), and 0.55 and 0.95 in the third and fifth.
func TestDecisionMapAbsoluteBands(t *testing.T) {
	m := &DecisionMap{Prob: [][]float64{{0.01, 0.04, 0.06}, {0.08, 0.10, 0.11}, {0.55, 0.95, 1}}}
	got := m.BandsIn(0, 1, 5)
	want := [][]int{{0, 0, 0}, {0, 0, 0}, {2, 4, 4}}
	for r := range want {
		if !slices.Equal(got[r], want[r]) {
			t.Fatalf("absolute bands %v, want %v", got, want)
		}
	}
}

// The boundary at 0.5 of a map whose right-hand half lies above it is the
// column just right of the crossing; a map wholly below has none.
func TestDecisionMapBoundary(t *testing.T) {
	m := &DecisionMap{Prob: [][]float64{
		{0.1, 0.4, 0.6, 0.9},
		{0.1, 0.3, 0.5, 0.8},
		{0.1, 0.2, 0.4, 0.7},
	}}
	got := m.Boundary(0.5)
	want := [][]bool{
		{false, false, true, false},
		{false, false, true, false}, // 0.8's neighbours are 0.5 and up
		{false, false, false, true},
	}
	for r := range want {
		if !slices.Equal(got[r], want[r]) {
			t.Fatalf("boundary %v, want %v", got, want)
		}
	}
	if below, above := m.Sides(0.5); below != 7 || above != 5 {
		t.Fatalf("sides %d below, %d above; want 7, 5", below, above)
	}
	low := &DecisionMap{Prob: [][]float64{{0.1, 0.2}, {0.3, 0.4}}}
	for _, row := range low.Boundary(0.5) {
		if slices.Contains(row, true) {
			t.Fatalf("a boundary on a map wholly below 0.5: %v", low.Boundary(0.5))
		}
	}
	if below, above := low.Sides(0.5); below != 4 || above != 0 {
		t.Fatalf("sides %d, %d; want 4, 0", below, above)
	}
}
