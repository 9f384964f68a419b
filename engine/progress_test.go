package engine

import (
	"context"
	"math"
	"testing"
)

func TestCoalescerMergesPointsByWeight(t *testing.T) {
	c := NewCoalescer(2)
	c.Report(Progress{BatchLoss: 1, BatchCount: 1, Position: 0.1})
	c.Report(Progress{BatchLoss: 4, BatchCount: 3, Position: 0.2})
	c.Report(Progress{BatchLoss: 9, BatchCount: 1, Position: 0.3, EpochEnd: true, Last: EpochStats{Epoch: 1}})
	u, ok := c.Drain()
	if !ok {
		t.Fatal("nothing drained")
	}
	// Three points exceed the bound of 2: the first two merge into
	// (1·1 + 4·3)/4 = 3.25 at position 0.2; the third stays.
	if len(u.Points) != 2 || u.Points[0] != (LossPoint{0.2, 3.25}) || u.Points[1] != (LossPoint{0.3, 9}) {
		t.Fatalf("points %v", u.Points)
	}
	if len(u.Epochs) != 1 || u.Latest.Position != 0.3 {
		t.Fatalf("epochs %v latest %+v", u.Epochs, u.Latest)
	}
	if _, ok := c.Drain(); ok {
		t.Fatal("second drain returned data")
	}
	select {
	case <-c.Notify():
	default:
		t.Fatal("no notification pending")
	}
}

func TestStepScheduleAndPlateau(t *testing.T) {
	cfg := TrainConfig{Epochs: 6, BatchSize: 100, Optimizer: OptimizerConfig{Kind: "sgd", LR: 0.1},
		Schedule: ScheduleConfig{Kind: "step", Every: 2, Factor: 0.5}}
	tr := newTestTrainer(t, 1, cfg, blobs(200, 1), Dataset{})
	if err := tr.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	want := []float64{0.1, 0.1, 0.05, 0.05, 0.025, 0.025}
	for i, e := range tr.History() {
		if math.Abs(e.LR-want[i]) > 1e-15 {
			t.Errorf("epoch %d lr %v, want %v", i+1, e.LR, want[i])
		}
	}

	// Plateau: a learning rate too small to move the loss by MinDelta halves
	// after every Patience epochs without improvement, floored at MinLR.
	cfg.Schedule = ScheduleConfig{Kind: "plateau", Patience: 2, Factor: 0.5, MinDelta: 1, MinLR: 0.03}
	tr = newTestTrainer(t, 1, cfg, blobs(200, 1), Dataset{})
	if err := tr.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	// Epoch 1 sets the best; 2 and 3 do not improve by 1 → halve after 3.
	want = []float64{0.1, 0.1, 0.1, 0.05, 0.05, 0.03}
	for i, e := range tr.History() {
		if math.Abs(e.LR-want[i]) > 1e-15 {
			t.Errorf("plateau epoch %d lr %v, want %v", i+1, e.LR, want[i])
		}
	}
}

func TestCosineSchedule(t *testing.T) {
	cfg := TrainConfig{Epochs: 4, BatchSize: 100, Optimizer: OptimizerConfig{Kind: "sgd", LR: 0.1},
		Schedule: ScheduleConfig{Kind: "cosine", MinLR: 0.01}}
	tr := newTestTrainer(t, 1, cfg, blobs(200, 1), Dataset{})
	if err := tr.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	// By hand: 0.01 + 0.09·(1 + cos(π·e/4))/2 for e = 0..3, with
	// cos(π/4) = 0.70710678, cos(π/2) = 0, cos(3π/4) = −0.70710678:
	// 0.1, 0.01 + 0.09·0.85355339, 0.01 + 0.045, 0.01 + 0.09·0.14644661.
	want := []float64{0.1, 0.086819805, 0.055, 0.023180195}
	if len(tr.History()) != len(want) {
		t.Fatalf("%d epochs, want %d", len(tr.History()), len(want))
	}
	for i, e := range tr.History() {
		if math.Abs(e.LR-want[i]) > 1e-9 {
			t.Errorf("epoch %d lr %.9f, want %.9f", i+1, e.LR, want[i])
		}
	}
	cfg.Schedule.MinLR = -1
	if err := cfg.Validate(); err == nil || err.Error() != "invalid configuration: cosine schedule needs min lr in [0, 0.1] (the learning rate), got -1" {
		t.Errorf("negative min lr: %v", err)
	}
}
