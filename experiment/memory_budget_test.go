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

// An ended run holds what NetworkNeed counts for its one network: the
// decay check's second network is gone once the run has ended.
func TestHeldMemoryIsOneNetworksNeed(t *testing.T) {
	var none *Experiment
	if got := none.HeldMemory(); got != 0 {
		t.Errorf("no experiment holds %v bytes", got)
	}
	cfg := DefaultConfig()
	cfg.L2PriorAlt = 0 // no decay check: NetworkNeed counts one network
	e := trainedOn(t, Source{Kind: "textbook"}, cfg)
	_, want := NetworkNeed(Shape{Inputs: e.Pipeline.Width(), TrainRows: e.Train.Rows}, cfg)
	if got := e.HeldMemory(); got <= 0 || got != want {
		t.Errorf("an ended run holds %v bytes, want NetworkNeed's %v", got, want)
	}
}
