package engine

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
)

func TestWorkersFor(t *testing.T) {
	for _, c := range []struct{ batch, rows, workers, want int }{
		{32, 10_000, 4, 1},    // below ParallelMinBatch
		{255, 10_000, 4, 1},   // still below
		{256, 10_000, 4, 2},   // 256/128 caps at 2
		{1024, 10_000, 4, 4},  // the setting
		{1024, 10_000, 16, 8}, // 1024/128
		{1024, 300, 4, 2},     // the batch is the 300 rows
		{1024, 200, 4, 1},     // 200 rows: below the threshold
		{1024, 10_000, 1, 1},  // one worker asked for
		{4096, 100_000, 3, 3}, // odd counts are fine
		{300, 100_000, 2, 2},  // 150-row shards
		{256, 100_000, 0, -1}, // -1: GOMAXPROCS capped at 2, checked below
		{1 << 20, 1 << 20, 2, 2},
	} {
		cfg := TrainConfig{BatchSize: c.batch, Workers: c.workers}
		got := cfg.WorkersFor(c.rows)
		want := c.want
		if want < 0 {
			want = min(runtime.GOMAXPROCS(0), 2)
		}
		if got != want {
			t.Errorf("batch %d, %d rows, workers %d: %d workers, want %d", c.batch, c.rows, c.workers, got, want)
		}
	}
}

// TestShardedGradientMatchesFiniteDifferences checks the gradient summed over
// shards against gonum's central finite differences of the whole batch's
// objective, and against the one-workspace gradient, for both losses, L2
// and a positive-class weight, with batch sizes that do not divide evenly
// and one smaller than the worker count (an empty shard).
func TestShardedGradientMatchesFiniteDifferences(t *testing.T) {
	for _, loss := range []Loss{BCE, MSE} {
		for _, workers := range []int{2, 3} {
			for _, m := range []int{1, 7, 40} {
				name := fmt.Sprintf("%v/workers=%d/m=%d", loss, workers, m)
				t.Run(name, func(t *testing.T) { checkShardedGradient(t, loss, workers, m) })
			}
		}
	}
}

func checkShardedGradient(t *testing.T, loss Loss, workers, m int) {
	rng := rand.New(rand.NewPCG(3, uint64(m)))
	arch := Architecture{Inputs: 4, Hidden: []LayerSpec{{5, Tanh}, {3, Sigmoid}}, Outputs: 2, Loss: loss}
	net, err := NewNetwork(arch, rng)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range net.Layers {
		for j := range l.B {
			l.B[j] = 0.3 * rng.NormFloat64()
		}
	}
	x, y := make([]float64, m*4), make([]float64, m*2)
	for i := range x {
		x[i] = rng.NormFloat64()
	}
	for i := range y {
		if loss == BCE {
			y[i] = float64(rng.IntN(2))
		} else {
			y[i] = rng.NormFloat64()
		}
	}
	d, err := DatasetFromFlat(x, y, m, 4, 2)
	if err != nil {
		t.Fatal(err)
	}
	rows := rng.Perm(m)
	const l2, pw = 0.05, 3.0
	posWeight := 1.0
	if loss == BCE {
		posWeight = pw
	}
	s := newSharder(net, m, workers)
	got := make([]float64, net.ParamCount())
	gotLoss, gotCorrect := s.gradient(net, d, rows, posWeight, l2, got)

	// The same batch on one workspace: the code path checked by
	// TestGradientsMatchFiniteDifferences.
	ws := newWorkspace(net, m)
	ws.gather(d.X, d.Y, d.Cols, d.Outs, rows)
	ws.forward(net, m)
	oneLoss, oneCorrect := ws.lossAndDelta(net, m, posWeight)
	ws.backward(net, m, l2)
	if math.Abs(gotLoss-oneLoss) > 1e-12*math.Abs(oneLoss) || gotCorrect != oneCorrect {
		t.Errorf("sharded loss %v (%d correct), one workspace %v (%d)", gotLoss, gotCorrect, oneLoss, oneCorrect)
	}
	for i := range got {
		if math.Abs(got[i]-ws.grad[i]) > 1e-12*max(math.Abs(ws.grad[i]), 1e-3) {
			t.Errorf("param %d: sharded %.17g, one workspace %.17g", i, got[i], ws.grad[i])
		}
	}
	want := fd.Gradient(nil, objective(net, ws, m, l2, posWeight), slices.Clone(net.params),
		&fd.Settings{Formula: fd.Central, Step: 1e-6})
	for i := range want {
		den := max(math.Abs(want[i]), math.Abs(got[i]), 1e-3)
		if rel := math.Abs(want[i]-got[i]) / den; rel > 1e-6 {
			t.Errorf("param %d: sharded %.10g, finite difference %.10g (rel. error %.2g)", i, got[i], want[i], rel)
		}
	}
}

// trainedWith trains three epochs at batch 256 with the given worker count
// and returns every batch loss, the epochs' figures and the final weights.
func trainedWith(t *testing.T, workers int, seed uint64) ([]float64, []float64) {
	t.Helper()
	cfg := TrainConfig{Epochs: 3, BatchSize: 256, Workers: workers, L2: 1e-3,
		Optimizer: OptimizerConfig{Kind: "adam", LR: 0.01}}
	tr := newTestTrainer(t, seed, cfg, blobs(3000, 1), blobs(300, 2))
	if got := tr.Workers(); got != workers {
		t.Fatalf("trainer uses %d workers, want %d", got, workers)
	}
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
	return seq, slices.Clone(tr.Network().Params())
}

// TestParallelTrainingIsBitIdenticalPerWorkerCount: with two workers, two
// runs of one seed agree to the last bit (the shards are summed in a fixed
// order, whichever finishes first); and they stay close to the one-worker
// run, which sums the same numbers in another order.
func TestParallelTrainingIsBitIdenticalPerWorkerCount(t *testing.T) {
	lossA, wA := trainedWith(t, 2, 5)
	lossB, wB := trainedWith(t, 2, 5)
	if len(lossA) < 3*12 {
		t.Fatalf("only %d losses recorded", len(lossA))
	}
	if !slices.Equal(lossA, lossB) || !slices.Equal(wA, wB) {
		t.Fatal("two 2-worker runs with seed 5 differ")
	}
	lossOne, wOne := trainedWith(t, 1, 5)
	if slices.Equal(wA, wOne) {
		t.Log("2-worker and 1-worker weights are bit-identical (possible, not required)")
	}
	for i := range wA {
		if math.Abs(wA[i]-wOne[i]) > 1e-6 {
			t.Fatalf("weight %d: %v with 2 workers, %v with 1: more than rounding apart", i, wA[i], wOne[i])
		}
	}
	for i := range lossA {
		if math.Abs(lossA[i]-lossOne[i]) > 1e-6 {
			t.Fatalf("figure %d: %v with 2 workers, %v with 1", i, lossA[i], lossOne[i])
		}
	}
}

func TestNegativeWorkersRefused(t *testing.T) {
	cfg := TrainConfig{Epochs: 1, BatchSize: 256, Workers: -1, Optimizer: OptimizerConfig{Kind: "adam"}}
	err := cfg.Validate()
	if err == nil || err.Error() != "invalid configuration: workers must be ≥ 0 (0: one per core), got -1" {
		t.Fatalf("Validate() = %v", err)
	}
}
