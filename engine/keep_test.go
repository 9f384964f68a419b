package engine

import (
	"context"
	"errors"
	"math"
	"slices"
	"testing"
)

// stopAt trains tr until one batch into epoch stop+1 and stops it there
// with its context, as the TUI's x does: at epoch stop's end the sink asks
// for one more batch (StepBatch), and when the trainer holds after it, it
// cancels. It returns the network's weights at each epoch's end, as the
// sink saw them (before KeepAfterStop), and the weights at the stop.
func stopAt(t *testing.T, tr *Trainer, stop int) (epochs [][]float64, atStop []float64) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	tr.SetSink(SinkFunc(func(p Progress) {
		switch {
		case p.EpochEnd:
			epochs = append(epochs, slices.Clone(tr.Network().Params()))
			if p.Epoch == stop {
				tr.StepBatch()
			}
		case p.State == Paused:
			cancel()
		}
	}))
	if err := tr.Run(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run: %v, want cancelled", err)
	}
	if e, b := tr.Position(); e != stop || b != 1 {
		t.Fatalf("stopped at epoch %d, batch %d; want %d and 1", e, b, stop)
	}
	return epochs, slices.Clone(tr.Network().Params())
}

// TestKeepAfterStopKeepsTheBestEpochWithEarlyStopping: a run stopped one
// batch into epoch 61, with early stopping on (patience never running
// out), ends with its best epoch's weights, as early stopping would have
// left it. The best epoch is found here from the history by the rule's
// definition (the first lowest validation loss, MinDelta 0), and its
// weights are the copy the sink took at that epoch's end.
func TestKeepAfterStopKeepsTheBestEpochWithEarlyStopping(t *testing.T) {
	cfg := TrainConfig{Epochs: 200, BatchSize: 8, Optimizer: OptimizerConfig{Kind: "adam", LR: 0.01},
		EarlyStop: EarlyStopConfig{Patience: 100}}
	// A large network on few noisy rows overfits: the best epoch is early
	// (as in TestEarlyStoppingRestoresBestWeights).
	tr := newTestTrainer(t, 4, cfg, blobs(60, 1), blobs(300, 2))
	epochs, atStop := stopAt(t, tr, 60)
	best, bestLoss := 0, math.Inf(1)
	for i, e := range tr.History() {
		if e.ValLoss < bestLoss {
			best, bestLoss = i+1, e.ValLoss
		}
	}
	if best == 0 || best >= 60 {
		t.Fatalf("best epoch %d: the test needs one before the stop", best)
	}
	if got := tr.KeptEpoch(); got != 0 {
		t.Fatalf("kept epoch %d before KeepAfterStop, want 0 (the weights are the stop's)", got)
	}
	if got := tr.KeepAfterStop(); got != best {
		t.Fatalf("KeepAfterStop kept epoch %d, want %d", got, best)
	}
	if slices.Equal(atStop, epochs[best-1]) {
		t.Fatal("the test is void: the weights at the stop already were the best epoch's")
	}
	if !slices.Equal(tr.Network().Params(), epochs[best-1]) {
		t.Fatal("the weights after KeepAfterStop are not those of the best epoch")
	}
	if tr.RestoredEpoch() != best || tr.KeptEpoch() != best || tr.State() != Cancelled {
		t.Fatalf("restored %d, kept %d, state %v; want %d, %d, cancelled", tr.RestoredEpoch(), tr.KeptEpoch(), tr.State(), best, best)
	}
	// A second call changes nothing.
	if got := tr.KeepAfterStop(); got != best || !slices.Equal(tr.Network().Params(), epochs[best-1]) {
		t.Fatalf("second KeepAfterStop: %d", got)
	}
}

// TestKeepAfterStopKeepsTheLastEpochWithoutEarlyStopping: with early
// stopping off, a finished run keeps its last epoch's weights; a run
// stopped one batch into epoch 6 keeps those of epoch 5, not the weights
// part way through epoch 6.
func TestKeepAfterStopKeepsTheLastEpochWithoutEarlyStopping(t *testing.T) {
	cfg := TrainConfig{Epochs: 200, BatchSize: 8, Optimizer: OptimizerConfig{Kind: "adam", LR: 0.01}}
	tr := newTestTrainer(t, 4, cfg, blobs(60, 1), blobs(300, 2))
	epochs, atStop := stopAt(t, tr, 5)
	if slices.Equal(atStop, epochs[4]) {
		t.Fatal("the test is void: the batch after epoch 5 changed no weight")
	}
	if got := tr.KeepAfterStop(); got != 5 {
		t.Fatalf("KeepAfterStop kept epoch %d, want 5", got)
	}
	if !slices.Equal(tr.Network().Params(), epochs[4]) {
		t.Fatal("the weights after KeepAfterStop are not those of epoch 5")
	}
	if tr.RestoredEpoch() != 0 || tr.KeptEpoch() != 5 {
		t.Fatalf("restored %d, kept %d; want 0 (the last epoch) and 5", tr.RestoredEpoch(), tr.KeptEpoch())
	}
}

// TestKeepAfterStopBeforeAnyEpoch: stopped before its first epoch ended,
// a run has no epoch's weights to keep; the network stays as it stopped.
func TestKeepAfterStopBeforeAnyEpoch(t *testing.T) {
	cfg := TrainConfig{Epochs: 200, BatchSize: 8, Optimizer: OptimizerConfig{Kind: "adam", LR: 0.01},
		EarlyStop: EarlyStopConfig{Patience: 3}}
	tr := newTestTrainer(t, 4, cfg, blobs(60, 1), blobs(300, 2))
	ctx, cancel := context.WithCancel(context.Background())
	tr.StepBatch()
	tr.SetSink(SinkFunc(func(p Progress) {
		if p.State == Paused {
			cancel()
		}
	}))
	if err := tr.Run(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run: %v", err)
	}
	before := slices.Clone(tr.Network().Params())
	if got := tr.KeepAfterStop(); got != 0 || tr.KeptEpoch() != 0 || !slices.Equal(before, tr.Network().Params()) {
		t.Fatalf("KeepAfterStop %d, kept %d; want 0 and the weights unchanged", got, tr.KeptEpoch())
	}
}

// TestKeepAfterStopLeavesAnEndedRunAlone: on a run that finished,
// KeepAfterStop changes nothing and says which epoch it keeps.
func TestKeepAfterStopLeavesAnEndedRunAlone(t *testing.T) {
	cfg := TrainConfig{Epochs: 3, BatchSize: 8, Optimizer: OptimizerConfig{Kind: "adam", LR: 0.01}}
	tr := newTestTrainer(t, 4, cfg, blobs(60, 1), blobs(300, 2))
	if err := tr.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	before := slices.Clone(tr.Network().Params())
	if got := tr.KeepAfterStop(); got != 3 || !slices.Equal(before, tr.Network().Params()) {
		t.Fatalf("KeepAfterStop on a finished run: %d, weights changed %v", got, !slices.Equal(before, tr.Network().Params()))
	}
}
