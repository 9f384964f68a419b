package experiment

import (
	"context"
	"testing"
	"time"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/engine/fakeclock"
)

func TestShiftPaceStepsThroughPacesAndStopsAtTheEnds(t *testing.T) {
	fast, epoch, batch := engine.Pace{}, engine.Pace{PerEpoch: 500 * time.Millisecond}, engine.Pace{PerBatch: 100 * time.Millisecond}
	for _, c := range []struct {
		from engine.Pace
		n    int
		want engine.Pace
	}{
		{fast, -1, epoch}, {epoch, -1, batch}, {batch, -1, batch},
		{batch, 1, epoch}, {epoch, 1, fast}, {fast, 1, fast},
		{fast, -5, batch}, {engine.Pace{PerBatch: time.Second}, -1, epoch},
	} {
		if got := ShiftPace(c.from, c.n); got != c.want {
			t.Errorf("ShiftPace(%v, %d) = %v, want %v", c.from, c.n, got, c.want)
		}
	}
	labels := []string{"as fast as possible", "1 epoch / 500ms", "1 batch / 100ms"}
	for i, p := range Paces() {
		if p.String() != labels[i] || PaceIndex(p) != i {
			t.Errorf("pace %d reads %q at index %d, want %q", i, p.String(), PaceIndex(p), labels[i])
		}
	}
}

// TestSlowestPaceGrowsTheCurveOnePointPerTick drives a built-in-data run the
// way the Train screen does (a Coalescer drained on every tick) at the
// slowest pace, on a hand-moved clock: each 100 ms adds exactly one point
// to the batch-loss curve.
func TestSlowestPaceGrowsTheCurveOnePointPerTick(t *testing.T) {
	d, err := Load(Source{Kind: "builtin"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(d, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	clk := fakeclock.New(time.Unix(1_700_000_000, 0))
	e.Trainer.SetClock(clk)
	coal := engine.NewCoalescer(256)
	e.Trainer.SetSink(coal)
	e.Trainer.SetPace(ShiftPace(Paces()[0], -2)) // "-" twice: one batch per 0.1 s
	ctx, cancel := context.WithCancel(context.Background())
	ended := make(chan struct{})
	go func() {
		defer close(ended)
		_ = e.Trainer.Run(ctx)
	}()
	var curve []engine.LossPoint
	for tick := range 30 {
		d, ok := clk.WaitForSleeper(ended)
		if !ok {
			t.Fatalf("training ended after %d ticks", tick)
		}
		u, _ := coal.Drain()
		curve = append(curve, u.Points...)
		if len(curve) != tick+1 || d != 100*time.Millisecond {
			t.Fatalf("after %d ticks: %d points, next in %v; want %d points, next in 100ms", tick, len(curve), d, tick+1)
		}
		clk.Advance(d)
	}
	cancel()
	<-ended
	if e.Trainer.State() != engine.Cancelled {
		t.Fatalf("state %v after cancel", e.Trainer.State())
	}
}
