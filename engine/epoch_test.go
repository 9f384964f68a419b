package engine

import (
	"context"
	"math"
	"testing"
)

// BestEpoch names the epoch early stopping keeps, by hand-worked histories.
func TestBestEpoch(t *testing.T) {
	val := func(ep int, loss float64) EpochStats { return EpochStats{Epoch: ep, ValLoss: loss, HasVal: true} }
	h := []EpochStats{
		val(1, 0.5),
		val(2, 0.45),
		val(3, 0.44995), // lower than epoch 2 by 5e-5 only
		val(4, 0.46),
	}
	cases := []struct {
		name string
		h    []EpochStats
		es   EarlyStopConfig
		want int // 0: none
	}{
		{"min delta holds epoch 2", h, EarlyStopConfig{Patience: 5, MinDelta: 1e-4}, 2},
		{"no delta takes the lowest", h, EarlyStopConfig{Patience: 5}, 3},
		{"early stopping off ignores the delta", h, EarlyStopConfig{Patience: 0, MinDelta: 1e-4}, 3},
		{"a tie keeps the first", []EpochStats{val(1, 0.3), val(2, 0.3)}, EarlyStopConfig{}, 1},
		{"NaN never wins", []EpochStats{val(1, math.NaN()), val(2, 0.7), val(3, math.NaN())}, EarlyStopConfig{}, 2},
		{"training loss without validation", []EpochStats{{Epoch: 1, TrainLoss: 0.2, ValLoss: 0.9}, {Epoch: 2, TrainLoss: 0.3, ValLoss: 0.1}}, EarlyStopConfig{}, 1},
		{"empty", nil, EarlyStopConfig{}, 0},
		{"only NaN", []EpochStats{val(1, math.NaN())}, EarlyStopConfig{}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, ok := BestEpoch(c.h, c.es)
			if ok != (c.want != 0) || b.Epoch != c.want {
				t.Fatalf("BestEpoch = epoch %d, %v; want epoch %d", b.Epoch, ok, c.want)
			}
		})
	}
}

// BestEpoch over a real run's history names the epoch the trainer kept.
func TestBestEpochAgreesWithTrainer(t *testing.T) {
	for _, delta := range []float64{0, 0.01} {
		cfg := TrainConfig{Epochs: 200, BatchSize: 8, Optimizer: OptimizerConfig{Kind: "adam", LR: 0.01},
			EarlyStop: EarlyStopConfig{Patience: 3, MinDelta: delta}}
		tr := newTestTrainer(t, 4, cfg, blobs(60, 1), blobs(300, 2))
		if err := tr.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		b, ok := BestEpoch(tr.History(), cfg.EarlyStop)
		if !ok || b.Epoch != tr.BestEpoch() {
			t.Fatalf("min delta %v: BestEpoch = %d, %v; the trainer kept epoch %d", delta, b.Epoch, ok, tr.BestEpoch())
		}
	}
}
