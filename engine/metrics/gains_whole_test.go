package metrics

import (
	"math"
	"testing"
)

// TestGainsCountsWholeUsers checks the deciles of 15 users against a count
// by hand. Ranked by score, the positives are ranks 1, 3, 4, 8 and 12 (5 of
// 15), and ranks 2 and 3 share a score. Decile k targets ⌈1.5·k⌉ users, as
// risk bands count a share: 2, 3, 5, 6, 8, 9, 11, 12, 14, 15. Captured by
// hand: ranks 1–2 hold rank 1 and half of the tied pair {2, 3}, one of
// which is positive, so 1.5; then 2, 3, 3, 4, 4, 4, 5, 5, 5. Share
// targeted is the count over 15 and lift (captured/5)/(count/15).
func TestGainsCountsWholeUsers(t *testing.T) {
	scores := []float64{0.95, 0.9, 0.9, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5, 0.45, 0.4, 0.35, 0.3, 0.25}
	labels := make([]float64, 15)
	for _, r := range []int{1, 3, 4, 8, 12} {
		labels[r-1] = 1
	}
	// Shuffled input must give the same table (ties credited pro rata).
	perm := []int{7, 2, 14, 0, 11, 5, 9, 1, 13, 3, 8, 12, 6, 10, 4}
	s, y := make([]float64, 15), make([]float64, 15)
	for i, j := range perm {
		s[i], y[i] = scores[j], labels[j]
	}
	rows, err := Gains(s, y, nil, 10)
	if err != nil {
		t.Fatal(err)
	}
	counts := []float64{2, 3, 5, 6, 8, 9, 11, 12, 14, 15}
	captured := []float64{1.5, 2, 3, 3, 4, 4, 4, 5, 5, 5}
	for k, r := range rows {
		share := counts[k] / 15
		lift := captured[k] / 5 / share
		if r.Targeted != counts[k] || math.Abs(r.ShareTargeted-share) > 1e-12 || r.Positives != captured[k] ||
			math.Abs(r.ShareCaptured-captured[k]/5) > 1e-12 || math.Abs(r.Lift-lift) > 1e-12 {
			t.Errorf("decile %d: %+v; want %v users (%.4f), %v captured, lift %.4f", k+1, r, counts[k], share, captured[k], lift)
		}
	}
}
