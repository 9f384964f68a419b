package engine

import (
	"context"
	"math/rand/v2"
	"slices"
	"testing"
)

// heldRun starts Run on tr held before its first batch and returns a
// channel that receives each Paused report and one that receives Run's end.
func heldRun(tr *Trainer) (paused chan Progress, done chan error) {
	paused, done = make(chan Progress, 64), make(chan error, 1)
	tr.SetSink(SinkFunc(func(p Progress) {
		if p.State == Paused {
			paused <- p
		}
	}))
	tr.Pause()
	go func() { done <- tr.Run(context.Background()) }()
	return paused, done
}

// TestNextBatchIsTheBatchTrained: while Run is held between two batches,
// a snapshot names the rows of the next batch and traces the step on them;
// the step n then takes leaves the live network equal, to the bit, to the
// traced After, batch after batch and across the epoch boundary.
func TestNextBatchIsTheBatchTrained(t *testing.T) {
	cfg := TrainConfig{Epochs: 2, BatchSize: 64, ClipNorm: 0.5, L2: 1e-3,
		Optimizer: OptimizerConfig{Kind: "adam"}}
	train := blobs(300, 1) // 5 batches an epoch, the last of 44 rows
	tr := newTestTrainer(t, 5, cfg, train, blobs(60, 2))
	// The order the trainer must take: the generator newTestTrainer seeds,
	// after drawing the network's weights, shuffles the rows once an epoch.
	rng := rand.New(rand.NewPCG(5, 2))
	if _, err := NewNetwork(tr.Network().Arch, rng); err != nil {
		t.Fatal(err)
	}
	var order []int
	perm := make([]int, train.Rows)
	for i := range perm {
		perm[i] = i
	}
	for range cfg.Epochs { // each epoch shuffles the last one's order
		rng.Shuffle(len(perm), func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
		order = append(order, perm...)
	}
	paused, done := heldRun(tr)
	seen := 0
	var prev *StepTrace
	for b := range 2 * 5 {
		<-paused
		if prev != nil && !slices.Equal(tr.Network().Params(), prev.After.Params()) {
			t.Fatalf("batch %d: the trained weights differ from the traced step's", b)
		}
		s, ok := tr.Snapshot()
		if !ok {
			t.Fatalf("batch %d: no snapshot while held", b+1)
		}
		rows, ok := s.NextBatch()
		if !ok {
			t.Fatalf("batch %d: the held trainer does not know its next batch", b+1)
		}
		want := order[seen : seen+min(64, train.Rows-b%5*64)]
		if !slices.Equal(rows, want) {
			t.Fatalf("batch %d: next batch %v, want the shuffled rows %v", b+1, rows, want)
		}
		seen += len(rows)
		st, err := s.TraceNext()
		if err != nil {
			t.Fatal(err)
		}
		prev = &st
		tr.StepBatch()
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(tr.Network().Params(), prev.After.Params()) {
		t.Fatal("the last batch's weights differ from the traced step's")
	}
	// Looking at the next batch took nothing from the run's generator: the
	// same run trained straight through ends on the same weights.
	straight := newTestTrainer(t, 5, cfg, train, blobs(60, 2))
	if err := straight.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(tr.Network().Params(), straight.Network().Params()) {
		t.Fatal("the run stepped batch by batch ends on other weights than the run trained straight through")
	}
}

// TestTraceNextSumsAsTheShardsDo: a trainer that shares each batch between
// two workers adds their gradients shard by shard; the traced step adds
// them the same way, so its After is still the trained network to the bit.
func TestTraceNextSumsAsTheShardsDo(t *testing.T) {
	cfg := TrainConfig{Epochs: 1, BatchSize: 512, Workers: 2, Optimizer: OptimizerConfig{Kind: "sgd", LR: 0.5}}
	tr := newTestTrainer(t, 9, cfg, blobs(1024, 3), Dataset{})
	if w := tr.Workers(); w != 2 {
		t.Fatalf("%d workers, want 2", w)
	}
	paused, done := heldRun(tr)
	<-paused
	s, _ := tr.Snapshot()
	st, err := s.TraceNext()
	if err != nil {
		t.Fatal(err)
	}
	tr.StepBatch()
	<-paused
	if !slices.Equal(tr.Network().Params(), st.After.Params()) {
		t.Fatal("the trained weights differ from the traced step's")
	}
	tr.Resume()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
