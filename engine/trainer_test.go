package engine

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// blobs returns a seeded two-feature binary problem: the label is 1 inside
// a circle, with 10 % of labels flipped, so that no model is perfect.
func blobs(rows int, seed uint64) Dataset {
	rng := rand.New(rand.NewPCG(seed, 1))
	x := make([]float64, rows*2)
	y := make([]float64, rows)
	for i := range rows {
		a, b := rng.NormFloat64(), rng.NormFloat64()
		x[2*i], x[2*i+1] = a, b
		if a*a+b*b < 1.4 {
			y[i] = 1
		}
		if rng.Float64() < 0.1 {
			y[i] = 1 - y[i]
		}
	}
	d, err := DatasetFromFlat(x, y, rows, 2, 1)
	if err != nil {
		panic(err)
	}
	return d
}

func newTestTrainer(t *testing.T, seed uint64, cfg TrainConfig, train, val Dataset) *Trainer {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 2))
	net, err := NewNetwork(Architecture{Inputs: train.Cols, Hidden: []LayerSpec{{16, ReLU}, {8, ReLU}}, Outputs: 1}, rng)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := NewTrainer(net, train, val, cfg, rng)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// recorder collects every Progress; the tests run Run on their own goroutine.
type recorder struct{ got []Progress }

func (r *recorder) Report(p Progress) { r.got = append(r.got, p) }

func TestXORLearnedByTanhNet(t *testing.T) {
	x := []float64{0, 0, 0, 1, 1, 0, 1, 1}
	y := []float64{0, 1, 1, 0}
	d, _ := DatasetFromFlat(x, y, 4, 2, 1)
	rng := rand.New(rand.NewPCG(42, 0))
	net, _ := NewNetwork(Architecture{Inputs: 2, Hidden: []LayerSpec{{4, Tanh}}, Outputs: 1}, rng)
	cfg := TrainConfig{Epochs: 600, BatchSize: 4, Optimizer: OptimizerConfig{Kind: "adam", LR: 0.05}}
	tr, err := NewTrainer(net, d, Dataset{}, cfg, rng)
	if err != nil {
		t.Fatal(err)
	}
	if err := tr.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	for i := range 4 {
		p := net.Predict(x[2*i : 2*i+2])[0]
		if (p >= 0.5) != (y[i] == 1) {
			t.Errorf("XOR(%v) = %.3f, want label %v", x[2*i:2*i+2], p, y[i])
		}
	}
	if h := tr.History(); h[len(h)-1].TrainAcc != 1 {
		t.Errorf("final train accuracy %v, want 1", h[len(h)-1].TrainAcc)
	}
}

func TestSameSeedIsBitIdenticalDifferentSeedsDiffer(t *testing.T) {
	run := func(seed uint64) []float64 {
		cfg := TrainConfig{Epochs: 3, BatchSize: 32, Optimizer: OptimizerConfig{Kind: "adam"}}
		tr := newTestTrainer(t, seed, cfg, blobs(500, 1), blobs(200, 2))
		var rec recorder
		tr.SetSink(&rec)
		for !tr.Done() {
			if err := tr.TrainBatch(context.Background()); err != nil {
				t.Fatal(err)
			}
			if e, _ := tr.Position(); e == cfg.Epochs {
				break
			}
		}
		var seq []float64
		for _, p := range rec.got {
			if p.BatchCount > 0 {
				seq = append(seq, p.BatchLoss)
			}
		}
		for _, e := range tr.History() {
			seq = append(seq, e.TrainLoss, e.ValLoss, e.ValAUC)
		}
		return seq
	}
	a, b, c := run(5), run(5), run(6)
	if len(a) < 3*16 {
		t.Fatalf("only %d losses recorded", len(a))
	}
	if !slices.Equal(a, b) {
		t.Fatal("two runs with seed 5 differ")
	}
	if slices.Equal(a, c) {
		t.Fatal("seeds 5 and 6 gave identical loss sequences")
	}
}

func TestCancelReturnsPromptly(t *testing.T) {
	cfg := TrainConfig{Epochs: 1 << 20, BatchSize: 8, Optimizer: OptimizerConfig{Kind: "adam"}}
	tr := newTestTrainer(t, 1, cfg, blobs(4000, 1), Dataset{})
	ctx, cancel := context.WithCancel(context.Background())
	started := make(chan struct{})
	tr.SetSink(SinkFunc(func(p Progress) {
		if p.Step > 0 {
			select {
			case <-started:
			default:
				close(started)
			}
		}
	}))
	done := make(chan error, 1)
	go func() { done <- tr.Run(ctx) }()
	<-started
	cancel()
	err := <-done
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run after cancel = %v, want context.Canceled", err)
	}
	if tr.State() != Cancelled {
		t.Fatalf("state %v, want cancelled", tr.State())
	}
}

func TestPauseHoldsAndResumeFinishes(t *testing.T) {
	cfg := TrainConfig{Epochs: 4, BatchSize: 50, Optimizer: OptimizerConfig{Kind: "adam"}}
	tr := newTestTrainer(t, 1, cfg, blobs(500, 1), blobs(100, 2))
	paused := make(chan Progress, 16)
	tr.SetSink(SinkFunc(func(p Progress) {
		if p.State == Paused {
			paused <- p
		}
	}))
	tr.Pause() // hold before the first batch
	done := make(chan error, 1)
	go func() { done <- tr.Run(context.Background()) }()
	p := <-paused
	if p.Step != 0 {
		t.Fatalf("paused after %d batches, want 0", p.Step)
	}
	tr.StepBatch()
	p = <-paused
	if p.Step != 1 || p.Batch != 1 {
		t.Fatalf("after one step: step %d batch %d, want 1 and 1", p.Step, p.Batch)
	}
	tr.StepEpoch()
	p = <-paused
	if p.Step != 10 || len(tr.History()) != 1 {
		t.Fatalf("after stepping to the epoch end: step %d, %d epochs, want 10 and 1", p.Step, len(tr.History()))
	}
	tr.StepEpoch()
	p = <-paused
	if p.Step != 20 || len(tr.History()) != 2 {
		t.Fatalf("after a whole epoch step: step %d, %d epochs, want 20 and 2", p.Step, len(tr.History()))
	}
	tr.Resume()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if tr.State() != Finished || len(tr.History()) != 4 {
		t.Fatalf("state %v with %d epochs, want finished with 4", tr.State(), len(tr.History()))
	}
}

func TestHugeLearningRateDiverges(t *testing.T) {
	for _, kind := range []string{"adam", "sgd"} {
		t.Run(kind, func(t *testing.T) {
			cfg := TrainConfig{Epochs: 50, BatchSize: 32, Optimizer: OptimizerConfig{Kind: kind, LR: 100}}
			tr := newTestTrainer(t, 3, cfg, blobs(1000, 1), blobs(200, 2))
			err := tr.Run(context.Background())
			var de *DivergedError
			if !errors.As(err, &de) || !errors.Is(err, ErrDiverged) {
				t.Fatalf("Run with lr 100 = %v, want a *DivergedError", err)
			}
			if de.Epoch < 1 || de.Batch < 1 {
				t.Fatalf("divergence at epoch %d batch %d, want positions ≥ 1", de.Epoch, de.Batch)
			}
			if de.Cause == CauseUnknown || de.Reason != reasonOf(de) {
				t.Fatalf("cause %d with reason %q, want a known cause worded as reasonOf does (%q)", de.Cause, de.Reason, reasonOf(de))
			}
			if de.Cause == CauseLossExploded && (de.Factor <= 1 || !(de.Loss > de.Factor*de.FirstLoss)) {
				t.Fatalf("exploded loss %g, factor %g, first loss %g: the loss is not past factor × first", de.Loss, de.Factor, de.FirstLoss)
			}
			if !allFinite(tr.Network().Params()) {
				t.Fatal("network holds non-finite weights after divergence")
			}
			if tr.State() != Diverged {
				t.Fatalf("state %v, want diverged", tr.State())
			}
			t.Log(err)
		})
	}
}

func TestEarlyStoppingRestoresBestWeights(t *testing.T) {
	// A large network on few noisy rows overfits: validation loss rises.
	cfg := TrainConfig{Epochs: 200, BatchSize: 8, Optimizer: OptimizerConfig{Kind: "adam", LR: 0.01},
		EarlyStop: EarlyStopConfig{Patience: 3}}
	tr := newTestTrainer(t, 4, cfg, blobs(60, 1), blobs(300, 2))
	var bestParams []float64
	bestLoss := math.Inf(1)
	tr.SetSink(SinkFunc(func(p Progress) {
		if p.EpochEnd && p.Last.ValLoss < bestLoss {
			bestLoss = p.Last.ValLoss
			bestParams = append(bestParams[:0], tr.Network().Params()...)
		}
	}))
	if err := tr.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if tr.State() != StoppedEarly {
		t.Fatalf("state %v, want stopped early", tr.State())
	}
	h := tr.History()
	if len(h) >= cfg.Epochs || len(h) != tr.BestEpoch()+cfg.EarlyStop.Patience {
		t.Fatalf("%d epochs ran, best epoch %d, patience %d", len(h), tr.BestEpoch(), cfg.EarlyStop.Patience)
	}
	if !slices.Equal(tr.Network().Params(), bestParams) {
		t.Fatal("weights after early stopping are not those of the best epoch")
	}
	if h[tr.BestEpoch()-1].ValLoss != bestLoss {
		t.Fatalf("best epoch's loss %v, want %v", h[tr.BestEpoch()-1].ValLoss, bestLoss)
	}
}

func TestTrainingStepAllocatesNothing(t *testing.T) {
	for _, c := range []struct{ batch, workers int }{{32, 0}, {256, 1}, {256, 2}, {1024, 2}} {
		batch := c.batch
		cfg := TrainConfig{Epochs: 1000, BatchSize: batch, Workers: c.workers, Optimizer: OptimizerConfig{Kind: "adam"}}
		rng := rand.New(rand.NewPCG(1, 2))
		train := blobs(4096, 1)
		net, _ := NewNetwork(Architecture{Inputs: 2, Hidden: []LayerSpec{{64, ReLU}, {32, ReLU}}, Outputs: 1}, rng)
		tr, err := NewTrainer(net, train, Dataset{}, cfg, rng)
		if err != nil {
			t.Fatal(err)
		}
		tr.trainBatch() // the first batch of an epoch shuffles; measure the steady state too
		allocs := testing.AllocsPerRun(100, func() {
			if tr.batch == tr.batches {
				tr.batch = 0
			}
			if err := tr.trainBatch(); err != nil {
				t.Fatal(err)
			}
		})
		if allocs != 0 {
			t.Errorf("batch %d, %d workers: %v allocations per training step, want 0", batch, tr.Workers(), allocs)
		}
	}
}

func TestRunReportsWithoutWaitingForSlowConsumer(t *testing.T) {
	cfg := TrainConfig{Epochs: 5, BatchSize: 16, Optimizer: OptimizerConfig{Kind: "adam"}}
	tr := newTestTrainer(t, 1, cfg, blobs(2000, 1), blobs(200, 2))
	c := NewCoalescer(8)
	tr.SetSink(c)
	// Nobody drains while training runs: the trainer must still finish.
	if err := tr.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	u, ok := c.Drain()
	if !ok || len(u.Epochs) != 5 || u.Latest.State != Finished {
		t.Fatalf("drain: ok=%v, %d epochs, state %v; want all 5 epochs and finished", ok, len(u.Epochs), u.Latest.State)
	}
	if len(u.Points) > 8 {
		t.Fatalf("%d batch-loss points kept, bound is 8", len(u.Points))
	}
}

// TestRestoredEpochSaysWhenTheWeightsAreOlderThanTheOptimiser: after early
// stopping copies an earlier epoch's weights back, the optimiser's state
// (Adam's t, m, v) is still the last step's; RestoredEpoch names that
// epoch, and is 0 when the network ends with the last step's weights.
func TestRestoredEpochSaysWhenTheWeightsAreOlderThanTheOptimiser(t *testing.T) {
	cfg := TrainConfig{Epochs: 200, BatchSize: 8, Optimizer: OptimizerConfig{Kind: "adam", LR: 0.01},
		EarlyStop: EarlyStopConfig{Patience: 3}}
	tr := newTestTrainer(t, 4, cfg, blobs(60, 1), blobs(300, 2))
	if tr.RestoredEpoch() != 0 {
		t.Fatalf("restored epoch %d before training", tr.RestoredEpoch())
	}
	if err := tr.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if tr.State() != StoppedEarly || tr.RestoredEpoch() != tr.BestEpoch() || tr.BestEpoch() >= len(tr.History()) {
		t.Fatalf("state %v, restored epoch %d, best %d of %d", tr.State(), tr.RestoredEpoch(), tr.BestEpoch(), len(tr.History()))
	}

	// All epochs run, patience never ran out, an earlier epoch the best:
	// finishing restores it.
	cfg.Epochs, cfg.EarlyStop.Patience = 40, 100
	tr = newTestTrainer(t, 4, cfg, blobs(60, 1), blobs(300, 2))
	if err := tr.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if tr.State() != Finished || tr.BestEpoch() >= 40 || tr.RestoredEpoch() != tr.BestEpoch() {
		t.Fatalf("40 epochs: state %v, best %d, restored %d", tr.State(), tr.BestEpoch(), tr.RestoredEpoch())
	}

	// All epochs run, the last the best: nothing is restored.
	cfg.Epochs, cfg.EarlyStop.Patience = 1, 5
	tr = newTestTrainer(t, 4, cfg, blobs(60, 1), blobs(300, 2))
	if err := tr.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if tr.State() != Finished || tr.BestEpoch() != 1 || tr.RestoredEpoch() != 0 {
		t.Fatalf("one epoch: state %v, best %d, restored %d", tr.State(), tr.BestEpoch(), tr.RestoredEpoch())
	}
}

// TestDivergedReasonWording checks the English reason of each cause, the
// text the CLI prints (written by hand from the causes' meanings).
func TestDivergedReasonWording(t *testing.T) {
	cases := []struct {
		e    DivergedError
		want string
	}{
		{DivergedError{Cause: CauseLossNaN, Loss: math.NaN()}, "loss NaN"},
		{DivergedError{Cause: CauseLossInf, Loss: math.Inf(1)}, "loss +Inf"},
		{DivergedError{Cause: CauseLossInf, Loss: math.Inf(-1)}, "loss -Inf"},
		{DivergedError{Cause: CauseLossExploded, Loss: 4.516e16, Factor: 1000, FirstLoss: 1.435}, "loss 4.516e+16 exploded past 1000× the first batch's 1.435"},
		{DivergedError{Cause: CauseGradientNotFinite}, "gradient not finite"},
		{DivergedError{Cause: CauseWeightsNotFinite}, "weights not finite"},
		{DivergedError{Cause: CauseValidationLoss}, "validation loss not finite"},
		{DivergedError{}, "unknown cause"},
	}
	for _, c := range cases {
		if got := reasonOf(&c.e); got != c.want {
			t.Errorf("cause %d: %q, want %q", c.e.Cause, got, c.want)
		}
	}
}
