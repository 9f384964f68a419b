package experiment

import "testing"

// TestDecisionThreshold: a shared threshold in (0, 1) wins, then the
// configured one, then 0.5.
func TestDecisionThreshold(t *testing.T) {
	for _, c := range []struct{ own, shared, want float64 }{
		{0.3, 0.7, 0.7}, {0.3, 0, 0.3}, {0.3, 1, 0.3}, {0.3, -0.2, 0.3},
		{0, 0, 0.5}, {1, 0.6, 0.6}, {1.5, 2, 0.5},
	} {
		if got := (Config{Threshold: c.own}).DecisionThreshold(c.shared); got != c.want {
			t.Errorf("own %v, shared %v: %v, want %v", c.own, c.shared, got, c.want)
		}
	}
}
