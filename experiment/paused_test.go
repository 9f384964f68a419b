package experiment

import (
	"context"
	"slices"
	"testing"

	"github.com/retainlab/retain/engine"
)

// TestPausedCopiesAHeldRun: Paused refuses a trainer that is not held,
// and of a held one returns a copy with its own network, equal to the
// run's now, uncalibrated and untouched when the run trains on.
func TestPausedCopiesAHeldRun(t *testing.T) {
	d, err := Load(Source{Kind: "textbook"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.Train.Epochs = 2
	e, err := New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := e.Paused(); ok {
		t.Fatal("Paused before training: ok")
	}
	held := make(chan struct{}, 8)
	e.Trainer.SetSink(engine.SinkFunc(func(p engine.Progress) {
		if p.State == engine.Paused {
			held <- struct{}{}
		}
	}))
	e.Trainer.StepEpoch() // one whole epoch, then hold
	done := make(chan error, 1)
	go func() { done <- e.Trainer.Run(context.Background()) }()
	<-held
	p, ok := e.Paused()
	if !ok {
		t.Fatal("Paused while held: not ok")
	}
	if p.Net == e.Net || !slices.Equal(p.Net.Params(), e.Net.Params()) || len(p.Trainer.History()) != 1 {
		t.Fatal("the copy is not a separate network equal to the run's after one epoch")
	}
	if cal, err := p.Calibration(); cal != nil || err != nil {
		t.Fatalf("the paused copy is calibrated: %v, %v", cal, err)
	}
	kept := slices.Clone(p.Net.Params())
	e.Trainer.Resume()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(kept, p.Net.Params()) {
		t.Fatal("the copy changed as the run trained on")
	}
}
