package engine

import (
	"math/rand/v2"
	"testing"
)

// TestAutoencoderStepAllocatesNothing checks the shape the anomaly package
// trains (linear bottleneck, linear outputs as wide as the inputs, MSE): a
// training step allocates nothing, as for the classifiers.
func TestAutoencoderStepAllocatesNothing(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	const rows, width = 1000, 10
	x := make([]float64, rows*width)
	for i := range x {
		x[i] = rng.Float64()
	}
	train, err := DatasetFromFlat(x, x, rows, width, width)
	if err != nil {
		t.Fatal(err)
	}
	arch := Architecture{Inputs: width, Hidden: []LayerSpec{{8, ReLU}, {1, Linear}, {8, ReLU}}, Outputs: width, Loss: MSE}
	net, _ := NewNetwork(arch, rng)
	tr, err := NewTrainer(net, train, Dataset{}, TrainConfig{Epochs: 1000, BatchSize: 128, Optimizer: OptimizerConfig{Kind: "adam"}}, rng)
	if err != nil {
		t.Fatal(err)
	}
	tr.trainBatch()
	allocs := testing.AllocsPerRun(100, func() {
		if tr.batch == tr.batches {
			tr.batch = 0
		}
		if err := tr.trainBatch(); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Errorf("%v allocations per autoencoder training step, want 0", allocs)
	}
}
