package experiment

import (
	"slices"
	"testing"
)

// Runs holding 100, 50, 80 and 30 (260) with a new run of 60 and a budget
// of 200: forgetting the oldest first, 100 leaves 220, still over, and 50
// leaves 170 ≤ 200. Kept at index 0, the first two to go are 50 (270) and
// 80 (190).
func TestRunsToForget(t *testing.T) {
	held := []float64{100, 50, 80, 30}
	for _, c := range []struct {
		keep         int
		need, budget float64
		want         []int
	}{
		{-1, 60, 200, []int{0, 1}},
		{0, 60, 200, []int{1, 2}},
		{-1, 60, 400, nil},
		{-1, 60, 0, nil},
	} {
		if got := RunsToForget(held, c.keep, c.need, c.budget); !slices.Equal(got, c.want) {
			t.Errorf("keep %d, need %g, budget %g: %v, want %v", c.keep, c.need, c.budget, got, c.want)
		}
	}
}
