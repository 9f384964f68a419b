package experiment

import (
	"math"
	"slices"
	"testing"
)

// RankByScore: highest score first, NaN last, ties (and NaNs) in the
// list's order, whatever it is (by hand: 0.5 at users 1 and 3, listed
// 3 before 1; NaN at users 0 and 4, listed 4 before 0).
func TestRankByScore(t *testing.T) {
	scores := []float64{math.NaN(), 0.5, 0.9, 0.5, math.NaN(), 0.1}
	order := []int32{4, 3, 5, 2, 1, 0}
	RankByScore(order, scores)
	if want := []int32{2, 3, 1, 5, 4, 0}; !slices.Equal(order, want) {
		t.Errorf("order %v, want %v", order, want)
	}
	b := AssignBandsInOrder(scores, []int{4, 3, 5, 2, 1, 0}, BandScheme{Capacity: 2})
	if b.Rank[2] != 0 || b.Rank[3] != 1 || b.Rank[1] != 2 || b.Rank[0] != 5 {
		t.Errorf("band ranks %v, want users 2, 3, 1 first and 0 last", b.Rank)
	}
}
