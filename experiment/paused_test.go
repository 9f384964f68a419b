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

// TestAtEpochCopiesTheEpochsNetwork: AtEpoch refuses a run before its
// first epoch ends, and after one gives an uncalibrated copy holding the
// weights of that epoch's end.
func TestAtEpochCopiesTheEpochsNetwork(t *testing.T) {
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
	if _, _, ok := e.AtEpoch(); ok {
		t.Fatal("AtEpoch before training: ok")
	}
	if err := e.Trainer.TrainEpoch(context.Background()); err != nil {
		t.Fatal(err)
	}
	p, epoch, ok := e.AtEpoch()
	if !ok || epoch != 1 {
		t.Fatalf("AtEpoch after one epoch: ok %v, epoch %d", ok, epoch)
	}
	if p.Net == e.Net || !slices.Equal(p.Net.Params(), e.Net.Params()) || p.Trainer != nil {
		t.Fatal("the copy is not a separate network equal to the run's at the epoch's end")
	}
	if cal, err := p.Calibration(); cal != nil || err != nil {
		t.Fatalf("the copy is calibrated: %v, %v", cal, err)
	}
	if _, err := p.DecisionMap(p.Explainer(), 0, p.Pipeline.Columns[0].Name, p.Pipeline.Columns[1].Name, 4, 3); err != nil {
		t.Fatalf("a decision map of the copy: %v", err)
	}
}

// TestDeadNeuronsCountsWeightlessNeurons: a neuron of the first layer
// whose incoming weights and bias are set to 0 outputs 0 for every user,
// so zeroing three of them adds three to the first layer's count.
func TestDeadNeuronsCountsWeightlessNeurons(t *testing.T) {
	d, err := Load(Source{Kind: "textbook"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.Train.Epochs = 1
	e, err := New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	before := e.DeadNeurons()
	if len(before) != len(cfg.Hidden) {
		t.Fatalf("%d counts for %d hidden layers", len(before), len(cfg.Hidden))
	}
	l := e.Net.Layers[0]
	for _, j := range []int{0, 5, 9} {
		clear(l.W[j*l.In : (j+1)*l.In])
		l.B[j] = 0
	}
	if after := e.DeadNeurons(); after[0] != before[0]+3 {
		t.Fatalf("first layer: %d dead after zeroing 3 neurons, %d before", after[0], before[0])
	}
}
