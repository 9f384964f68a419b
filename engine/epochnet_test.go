package engine

import (
	"context"
	"slices"
	"testing"
)

// The network kept at an epoch's end is a copy of the weights of that
// moment: it is there from the first epoch's end, and training on does not
// move it.
func TestEpochNetworkIsTheEpochsWeights(t *testing.T) {
	cfg := TrainConfig{Epochs: 3, BatchSize: 50, Optimizer: OptimizerConfig{Kind: "adam"}}
	tr := newTestTrainer(t, 1, cfg, blobs(500, 1), blobs(100, 2))
	if net, epoch := tr.EpochNetwork(); net != nil || epoch != 0 {
		t.Fatalf("before any epoch: %v, epoch %d; want nil, 0", net, epoch)
	}
	ctx := context.Background()
	if err := tr.TrainEpoch(ctx); err != nil {
		t.Fatal(err)
	}
	first, epoch := tr.EpochNetwork()
	if first == nil || epoch != 1 {
		t.Fatalf("after one epoch: %v, epoch %d; want a network, 1", first, epoch)
	}
	if first == tr.Network() || !slices.Equal(first.Params(), tr.Network().Params()) {
		t.Fatal("the first epoch's network is not a copy of the weights at its end")
	}
	kept := slices.Clone(first.Params())
	if err := tr.TrainBatch(ctx); err != nil {
		t.Fatal(err)
	}
	if _, epoch := tr.EpochNetwork(); epoch != 1 {
		t.Fatalf("one batch into epoch 2: epoch %d, want still 1", epoch)
	}
	if err := tr.TrainEpoch(ctx); err != nil {
		t.Fatal(err)
	}
	second, epoch := tr.EpochNetwork()
	if epoch != 2 || !slices.Equal(second.Params(), tr.Network().Params()) {
		t.Fatalf("after two epochs: epoch %d, or not the weights at its end", epoch)
	}
	if !slices.Equal(kept, first.Params()) {
		t.Fatal("the first epoch's copy changed as training went on")
	}
}

// The epoch's network may be read while Run trains (go test -race).
func TestEpochNetworkWhileRunTrains(t *testing.T) {
	cfg := TrainConfig{Epochs: 5, BatchSize: 20, Optimizer: OptimizerConfig{Kind: "adam"}}
	tr := newTestTrainer(t, 1, cfg, blobs(400, 1), blobs(100, 2))
	done := make(chan error, 1)
	go func() { done <- tr.Run(context.Background()) }()
	last := 0
	for {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			if _, epoch := tr.EpochNetwork(); epoch != 5 {
				t.Fatalf("after 5 epochs the kept network is of epoch %d", epoch)
			}
			return
		default:
		}
		if net, epoch := tr.EpochNetwork(); net != nil {
			if epoch < last {
				t.Fatalf("epoch went back from %d to %d", last, epoch)
			}
			last = epoch
			net.Predict([]float64{0, 0})
		}
	}
}
