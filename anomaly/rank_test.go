package anomaly

import (
	"slices"
	"testing"
)

// TestRankTiesByID: rows of equal score are ranked by row, or by id when
// ids are given (Options.TiesByID); higher scores first either way.
func TestRankTiesByID(t *testing.T) {
	score := []float64{1, 2, 1, 2, 3}
	ids := []string{"p_d", "p_c", "p_b", "p_a", "p_e"}
	for _, tc := range []struct {
		ids              []string
		order, wantRanks []int
	}{
		// 3 first; the 2s (rows 1, 3), then the 1s (rows 0, 2).
		{nil, []int{4, 1, 3, 0, 2}, []int{4, 2, 5, 3, 1}},
		// The same, each tie by id: p_a (3) before p_c (1), p_b (2) before p_d (0).
		{ids, []int{4, 3, 1, 2, 0}, []int{5, 3, 4, 2, 1}},
	} {
		order, ranks := rankByID(score, tc.ids)
		if !slices.Equal(order, tc.order) || !slices.Equal(ranks, tc.wantRanks) {
			t.Errorf("ids %q: order %v, ranks %v; want %v, %v", tc.ids, order, ranks, tc.order, tc.wantRanks)
		}
	}
}
