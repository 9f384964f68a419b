package engine

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestParamCountFAgreesWithParamCount(t *testing.T) {
	for _, a := range []Architecture{
		{Inputs: 10, Outputs: 1},
		{Inputs: 45, Hidden: []LayerSpec{{Units: 64, Activation: ReLU}, {Units: 32, Activation: Tanh}}, Outputs: 1},
	} {
		if got, want := a.ParamCountF(), float64(a.ParamCount()); got != want {
			t.Errorf("%+v: %v parameters, ParamCount says %v", a, got, want)
		}
	}
}

func TestParamCountFDoesNotOverflow(t *testing.T) {
	huge := Architecture{Inputs: 10, Outputs: 1, Hidden: []LayerSpec{
		{Units: 1e9, Activation: ReLU}, {Units: 1e9, Activation: ReLU}, {Units: 1e9, Activation: ReLU}}}
	// 11e9 + 2×(1e9+1)×1e9 + 1e9+1: about 2e18, beyond what the sum in int
	// of the three layers' products would survive once more layers follow.
	want := 11e9 + 2*(1e9+1)*1e9 + (1e9 + 1)
	if got := huge.ParamCountF(); got != want || math.IsInf(got, 0) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestTrainingMemory(t *testing.T) {
	a := Architecture{Inputs: 10, Hidden: []LayerSpec{{Units: 64, Activation: ReLU}}, Outputs: 1, Loss: BCE}
	params := float64((10+1)*64 + (64 + 1)) // 769
	perRow := float64(10 + 1 + 3*(64+1))    // 206
	ws := func(rows float64) float64 { return 8 * (rows*perRow + params) }
	adam := 8*params*4 + ws(32) + ws(1024)
	if got := a.TrainingMemory(32, OptimizerConfig{Kind: "adam"}); got != adam {
		t.Errorf("adam: %v bytes, want %v", got, adam)
	}
	sgd := 8*params*3 + ws(32) + ws(1024)
	if got := a.TrainingMemory(32, OptimizerConfig{Kind: "sgd"}); got != sgd {
		t.Errorf("sgd: %v bytes, want %v", got, sgd)
	}
	if got, want := a.ExplainMemory(), ws(1<<14); got != want {
		t.Errorf("explain: %v bytes, want %v", got, want)
	}
}

// TestTrainingMemoryCoversTheAllocations checks the estimate against what
// building a network and a trainer really allocates (their buffers are all
// allocated up front).
func TestTrainingMemoryCoversTheAllocations(t *testing.T) {
	a := Architecture{Inputs: 20, Hidden: []LayerSpec{{Units: 256, Activation: ReLU}, {Units: 128, Activation: ReLU}},
		Outputs: 1, Loss: BCE}
	// Batch 1024 is split between the default workers (one per core).
	for _, batch := range []int{32, 1024} {
		rows := 2 * batch
		x, y := make([]float64, rows*a.Inputs), make([]float64, rows)
		train, err := DatasetFromFlat(x, y, rows, a.Inputs, 1)
		if err != nil {
			t.Fatal(err)
		}
		cfg := TrainConfig{Epochs: 1, BatchSize: batch, Optimizer: OptimizerConfig{Kind: "adam", LR: 1e-3}}
		allocated := testing.Benchmark(func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				net, err := NewNetwork(a, rand.New(rand.NewPCG(1, 2)))
				if err != nil {
					b.Fatal(err)
				}
				if _, err := NewTrainer(net, train, Dataset{}, cfg, rand.New(rand.NewPCG(1, 2))); err != nil {
					b.Fatal(err)
				}
			}
		}).AllocedBytesPerOp()
		// The estimate also counts the evaluator's workspace and the
		// early-stopping copy, which come later; without them it must match
		// what is allocated up front within a quarter.
		est := a.TrainingMemory(batch, cfg.Optimizer) - a.WorkspaceMemory(predictChunk) - 8*a.ParamCountF()
		if ratio := est / float64(allocated); ratio < 0.8 || ratio > 1.25 {
			t.Errorf("batch %d (%d workers): estimate %v bytes, NewNetwork+NewTrainer allocate %d",
				batch, cfg.WorkersFor(rows), est, allocated)
		}
	}
}
