package engine

import (
	"context"
	"sync"
	"testing"
	"time"
)

// TestRateRingMeasuresTheLastSecond: the recent rate runs from the newest
// sample at least a second of training time old. Figures by hand: samples
// at 0 s (0 rows), 0.5 s (100), 1 s (200), 10 s (300); at 10.5 s with 310
// rows the base is the 1 s sample (the newest at or before 9.5 s), so
// (310 − 200) ÷ 9.5 s; at 11 s with 400 rows it is the 10 s sample,
// (400 − 300) ÷ 1 s = 100.
func TestRateRingMeasuresTheLastSecond(t *testing.T) {
	var r rateRing
	if _, ok := r.rate(time.Second, 10); ok {
		t.Fatal("a rate with no sample")
	}
	for _, s := range []rateSample{{0, 0}, {500 * time.Millisecond, 100}, {time.Second, 200}, {10 * time.Second, 300}} {
		r.add(s.at, s.rows)
	}
	if got, ok := r.rate(10500*time.Millisecond, 310); !ok || got != 110/9.5 {
		t.Errorf("rate at 10.5 s: %v (%v), want %v", got, ok, 110/9.5)
	}
	if got, ok := r.rate(11*time.Second, 400); !ok || got != 100 {
		t.Errorf("rate at 11 s: %v (%v), want 100", got, ok)
	}
	// Before a second has passed, from the oldest sample: (100 − 0) ÷ 0.5 s.
	var young rateRing
	young.add(0, 0)
	if got, ok := young.rate(500*time.Millisecond, 100); !ok || got != 200 {
		t.Errorf("young rate: %v (%v), want 200", got, ok)
	}
	// A sample at the same time replaces the newest: 0.5 s → 150 rows,
	// so at 1 s with 250 rows the base is (0, 0): 250 ÷ 1 s.
	young.add(500*time.Millisecond, 100)
	young.add(500*time.Millisecond, 150)
	if young.n != 2 {
		t.Fatalf("%d samples, want 2", young.n)
	}
	if got, _ := young.rate(time.Second, 250); got != 250 {
		t.Errorf("rate after a replaced sample: %v, want 250", got)
	}
}

// TestRecentRowsFollowASlowerPace: 20 batches of 50 rows a tenth of a
// second apart, then 5 a second apart (the clock moved on further than the
// pace asks, as a slower pace does). The average since the start is 1,250
// rows ÷ 6.9 s ≈ 181 rows/s; the recent rate is the last second's, one
// batch: 50 rows/s (review22 #7: the Train screen's rows/s was the
// average, off by 10–80× after slowing down).
func TestRecentRowsFollowASlowerPace(t *testing.T) {
	cfg := TrainConfig{Epochs: 1000, BatchSize: 50, Optimizer: OptimizerConfig{Kind: "adam"}}
	tr := newTestTrainer(t, 1, cfg, blobs(200, 1), blobs(100, 2)) // 4 batches an epoch
	var mu sync.Mutex
	var last Progress
	tr.SetSink(SinkFunc(func(p Progress) {
		mu.Lock()
		last = p
		mu.Unlock()
	}))
	tr.SetPace(Pace{PerBatch: 100 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	clk, ended, _ := pacedRun(ctx, tr, 0)
	// Batch k runs at 0.1·(k−1) s, then waits for the next's turn.
	for range 19 {
		d, _ := clk.WaitForSleeper(ended)
		clk.Advance(d)
	}
	for range 5 {
		clk.WaitForSleeper(ended)
		clk.Advance(time.Second)
	}
	clk.WaitForSleeper(ended) // batch 25 has run, at 6.9 s, and reported
	mu.Lock()
	p := last
	mu.Unlock()
	if p.Step != 25 || p.Training != 6900*time.Millisecond {
		t.Fatalf("step %d at %v; want 25 at 6.9s", p.Step, p.Training)
	}
	if want := 1250 / 6.9; p.RowsPerSec != want {
		t.Errorf("average %v rows/s, want %v", p.RowsPerSec, want)
	}
	if p.RecentRowsPerSec != 50 {
		t.Errorf("recent %v rows/s, want 50", p.RecentRowsPerSec)
	}
	cancel()
	<-ended
}
