package engine

import (
	"context"
	"slices"
	"testing"
)

// A snapshot is taken only while Run waits paused between two batches, and
// it keeps the weights, the optimiser's state and the position of that
// moment while the trainer goes on.
func TestSnapshotWhileHeld(t *testing.T) {
	cfg := TrainConfig{Epochs: 2, BatchSize: 50, Optimizer: OptimizerConfig{Kind: "adam"}}
	tr := newTestTrainer(t, 1, cfg, blobs(500, 1), blobs(100, 2))
	if _, ok := tr.Snapshot(); ok {
		t.Fatal("Snapshot before Run: ok, want not held")
	}
	paused := make(chan Progress, 16)
	tr.SetSink(SinkFunc(func(p Progress) {
		if p.State == Paused {
			paused <- p
		}
	}))
	tr.StepBatch()
	done := make(chan error, 1)
	go func() { done <- tr.Run(context.Background()) }()
	<-paused
	s, ok := tr.Snapshot()
	if !ok {
		t.Fatal("Snapshot while held after one batch: not ok")
	}
	if e, b := s.Position(); e != 0 || b != 1 {
		t.Fatalf("snapshot position epoch %d batch %d, want 0 and 1", e, b)
	}
	if got := s.Optimizer().(*Adam).Steps(); got != 1 {
		t.Fatalf("snapshot Adam steps %d, want 1", got)
	}
	if !slices.Equal(s.Network().Params(), tr.Network().Params()) {
		t.Fatal("snapshot weights differ from the held trainer's")
	}
	kept := slices.Clone(s.Network().Params())
	tr.StepBatch()
	<-paused
	if slices.Equal(kept, tr.Network().Params()) {
		t.Fatal("the live weights did not move with the second batch")
	}
	if !slices.Equal(kept, s.Network().Params()) || s.Optimizer().(*Adam).Steps() != 1 {
		t.Fatal("the snapshot changed when the trainer stepped on")
	}
	tr.Resume()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, ok := tr.Snapshot(); ok {
		t.Fatal("Snapshot after Run ended: ok, want not held")
	}
}
