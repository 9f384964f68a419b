package engine

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/retainlab/retain/engine/fakeclock"
)

// pacedRun starts tr.Run(ctx) on its own goroutine with a fake clock that
// moves tick per reading; ended is closed when Run has returned, and *err
// then holds its result.
func pacedRun(ctx context.Context, tr *Trainer, tick time.Duration) (clk *fakeclock.Clock, ended chan struct{}, err *error) {
	clk = fakeclock.New(time.Unix(1_700_000_000, 0))
	clk.SetTick(tick)
	tr.SetClock(clk)
	ended, err = make(chan struct{}), new(error)
	go func() {
		*err = tr.Run(ctx)
		close(ended)
	}()
	return clk, ended, err
}

// pausedOrSleeping returns the next Paused progress, failing the test if the
// trainer goes to sleep for its pace first.
func pausedOrSleeping(t *testing.T, paused <-chan Progress, clk *fakeclock.Clock) Progress {
	t.Helper()
	stop, sleeping := make(chan struct{}), make(chan struct{})
	defer close(stop)
	go func() {
		if _, ok := clk.WaitForSleeper(stop); ok {
			close(sleeping)
		}
	}()
	select {
	case p := <-paused:
		return p
	case <-sleeping:
		t.Fatal("a held trainer waited for its pace")
	}
	return Progress{}
}

func TestBatchPaceRunsOneBatchPerTick(t *testing.T) {
	cfg := TrainConfig{Epochs: 3, BatchSize: 50, Optimizer: OptimizerConfig{Kind: "adam"}}
	tr := newTestTrainer(t, 1, cfg, blobs(500, 1), blobs(100, 2)) // 10 batches an epoch
	coal := NewCoalescer(1000)
	tr.SetSink(coal)
	tr.SetPace(Pace{PerBatch: 100 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	clk, ended, err := pacedRun(ctx, tr, 0)
	// The first batch runs at once; after n ticks of 100 ms the sink has
	// seen exactly n+1 batches, one new loss point each, and the trainer
	// sleeps until the next tick.
	for n := range 15 {
		d, ok := clk.WaitForSleeper(ended)
		if !ok {
			t.Fatalf("Run ended after %d ticks: %v", n, *err)
		}
		if d != 100*time.Millisecond {
			t.Fatalf("tick %d: trainer sleeps %v, want 100ms", n, d)
		}
		wantEpochs := 0
		if n+1 == 10 {
			wantEpochs = 1
		}
		u, _ := coal.Drain()
		if u.Latest.Step != n+1 || len(u.Points) != 1 || len(u.Epochs) != wantEpochs {
			t.Fatalf("after %d ticks: sink at batch %d with %d new points and %d epochs, want batch %d, 1 point, %d epochs",
				n, u.Latest.Step, len(u.Points), len(u.Epochs), n+1, wantEpochs)
		}
		clk.Advance(d)
	}
	if _, ok := clk.WaitForSleeper(ended); !ok {
		t.Fatalf("Run ended: %v", *err)
	}
	cancel() // during a pace wait: Run returns without any clock moving
	<-ended
	if !errors.Is(*err, context.Canceled) || tr.State() != Cancelled {
		t.Fatalf("Run after cancel = %v in state %v, want context.Canceled and cancelled", *err, tr.State())
	}
	if tr.step != 16 {
		t.Fatalf("%d batches ran, want 16", tr.step)
	}
}

func TestEpochPaceWaitsAtEpochBoundaries(t *testing.T) {
	cfg := TrainConfig{Epochs: 4, BatchSize: 50, Optimizer: OptimizerConfig{Kind: "adam"}}
	tr := newTestTrainer(t, 1, cfg, blobs(500, 1), blobs(100, 2))
	coal := NewCoalescer(1000)
	tr.SetSink(coal)
	tr.SetPace(Pace{PerEpoch: 500 * time.Millisecond})
	clk, ended, err := pacedRun(context.Background(), tr, 0)
	for n := 1; n < cfg.Epochs; n++ {
		d, ok := clk.WaitForSleeper(ended)
		if !ok {
			t.Fatalf("Run ended after %d ticks: %v", n-1, *err)
		}
		u, _ := coal.Drain()
		if d != 500*time.Millisecond || u.Latest.Step != 10*n || len(u.Epochs) != 1 {
			t.Fatalf("wait %d: sleeps %v at batch %d with %d new epochs, want 500ms, batch %d, 1 epoch",
				n, d, u.Latest.Step, len(u.Epochs), 10*n)
		}
		clk.Advance(d)
	}
	<-ended // no wait after the last epoch
	if *err != nil || tr.State() != Finished || len(tr.History()) != cfg.Epochs {
		t.Fatalf("Run = %v in state %v with %d epochs, want finished with %d", *err, tr.State(), len(tr.History()), cfg.Epochs)
	}
}

func TestPauseDuringPaceWaitHoldsAndStepsIgnorePace(t *testing.T) {
	cfg := TrainConfig{Epochs: 3, BatchSize: 50, Optimizer: OptimizerConfig{Kind: "adam"}}
	tr := newTestTrainer(t, 1, cfg, blobs(500, 1), Dataset{})
	paused := make(chan Progress, 16)
	tr.SetSink(SinkFunc(func(p Progress) {
		if p.State == Paused {
			paused <- p
		}
	}))
	tr.SetPace(Pace{PerBatch: time.Hour})
	ctx, cancel := context.WithCancel(context.Background())
	clk, ended, err := pacedRun(ctx, tr, 0)
	if _, ok := clk.WaitForSleeper(ended); !ok {
		t.Fatalf("Run ended without waiting: %v", *err)
	}
	tr.Pause()
	if p := <-paused; p.Step != 1 {
		t.Fatalf("paused at batch %d, want 1", p.Step)
	}
	clk.Advance(2 * time.Hour) // the pace wait would be over: a paused trainer still holds
	tr.StepBatch()
	if p := pausedOrSleeping(t, paused, clk); p.Step != 2 {
		t.Fatalf("after a step: batch %d, want 2", p.Step)
	}
	tr.StepEpoch()
	if p := pausedOrSleeping(t, paused, clk); p.Step != 10 {
		t.Fatalf("after stepping to the epoch end: batch %d, want 10", p.Step)
	}
	tr.Resume() // running again: the pace applies from the last stepped batch
	if d, ok := clk.WaitForSleeper(ended); !ok || d != time.Hour {
		t.Fatalf("after resume: sleeping %v (%v), want 1h", d, ok)
	}
	cancel()
	<-ended
	if !errors.Is(*err, context.Canceled) || tr.step != 10 {
		t.Fatalf("Run = %v after %d batches, want context.Canceled after 10", *err, tr.step)
	}
}

func TestFasterPaceEndsTheWait(t *testing.T) {
	cfg := TrainConfig{Epochs: 2, BatchSize: 50, Optimizer: OptimizerConfig{Kind: "adam"}}
	tr := newTestTrainer(t, 1, cfg, blobs(500, 1), Dataset{})
	tr.SetPace(Pace{PerBatch: time.Hour})
	clk, ended, err := pacedRun(context.Background(), tr, 0)
	if _, ok := clk.WaitForSleeper(ended); !ok {
		t.Fatalf("Run ended without waiting: %v", *err)
	}
	tr.SetPace(Pace{})
	<-ended // the clock never moved
	if *err != nil || tr.State() != Finished || tr.step != 20 {
		t.Fatalf("Run = %v in state %v after %d batches, want finished after 20", *err, tr.State(), tr.step)
	}
}

func TestPacedRunIsBitIdenticalToUnpaced(t *testing.T) {
	cfg := TrainConfig{Epochs: 3, BatchSize: 32, Optimizer: OptimizerConfig{Kind: "adam"}}
	losses := func(rec *recorder) []float64 {
		var seq []float64
		for _, p := range rec.got {
			if p.BatchCount > 1 {
				t.Fatalf("a report merged %d batches", p.BatchCount)
			}
			if p.BatchCount == 1 {
				seq = append(seq, p.BatchLoss)
			}
		}
		return seq
	}
	// Unpaced, one batch at a time: every batch loss is reported.
	plain := newTestTrainer(t, 5, cfg, blobs(500, 1), blobs(200, 2))
	var plainRec recorder
	plain.SetSink(&plainRec)
	for e, _ := plain.Position(); e < cfg.Epochs; e, _ = plain.Position() {
		if err := plain.TrainBatch(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	// Paced Run, the clock advanced whenever the trainer sleeps.
	paced := newTestTrainer(t, 5, cfg, blobs(500, 1), blobs(200, 2))
	var pacedRec recorder
	paced.SetSink(&pacedRec)
	paced.SetPace(Pace{PerBatch: 100 * time.Millisecond, PerEpoch: 2 * time.Second})
	clk, ended, err := pacedRun(context.Background(), paced, 0)
	sleeps := 0
	for d, ok := clk.WaitForSleeper(ended); ok; d, ok = clk.WaitForSleeper(ended) {
		sleeps++
		clk.Advance(d)
	}
	if *err != nil {
		t.Fatal(*err)
	}
	if sleeps < 3*16-1 {
		t.Fatalf("the paced run slept %d times, want at least %d", sleeps, 3*16-1)
	}
	a, b := losses(&plainRec), losses(&pacedRec)
	if len(a) != 3*16 || !slices.Equal(a, b) {
		t.Fatalf("batch losses differ: %d unpaced, %d paced", len(a), len(b))
	}
	for i, e := range plain.History() {
		f := paced.History()[i]
		if e.TrainLoss != f.TrainLoss || e.ValLoss != f.ValLoss || e.ValAUC != f.ValAUC {
			t.Fatalf("epoch %d differs: %+v vs %+v", i+1, e, f)
		}
	}
	if !slices.Equal(plain.Network().Params(), paced.Network().Params()) {
		t.Fatal("final weights differ")
	}
}

// TestSamplesPerSecondCountsComputeTimeOnly runs the same paused, stepped
// and paced run twice on a clock where each reading takes 1 ms; the second
// time every pause and pace wait lasts an hour longer. Samples/s must not
// change: it counts compute time only. Before waitTurn counted a wait as
// one interval, a wake that changed nothing (the signal Pause leaves when
// it is called before Run) made the gate look again with a clock reading
// outside any wait, and whether the test's hour fell there depended on how
// the goroutines interleaved: within 1,500 to 3,000 runs at GOMAXPROCS 2
// or 4 the readings differed by one (0.041 s against 0.040 s, as once in
// CI) or the hour was counted as compute (3600.041 s). With the fix the two
// are equal in 12,000 runs at GOMAXPROCS 1, 2, 4 and 8.
func TestSamplesPerSecondCountsComputeTimeOnly(t *testing.T) {
	run := func(extra time.Duration) Progress {
		cfg := TrainConfig{Epochs: 3, BatchSize: 50, Optimizer: OptimizerConfig{Kind: "adam"}}
		tr := newTestTrainer(t, 1, cfg, blobs(200, 1), blobs(100, 2)) // 4 batches an epoch
		paused := make(chan Progress, 16)
		var last Progress
		tr.SetSink(SinkFunc(func(p Progress) {
			last = p
			if p.State == Paused {
				paused <- p
			}
		}))
		tr.SetPace(Pace{PerBatch: 10 * time.Hour})
		tr.Pause()
		clk, ended, err := pacedRun(context.Background(), tr, time.Millisecond)
		<-paused // before the first batch
		clk.Advance(extra)
		tr.StepEpoch()
		<-paused // after epoch 1
		clk.Advance(extra)
		tr.Resume()
		for d, ok := clk.WaitForSleeper(ended); ok; d, ok = clk.WaitForSleeper(ended) {
			clk.Advance(d + extra)
		}
		if *err != nil || last.State != Finished {
			t.Fatalf("Run = %v, last state %v", *err, last.State)
		}
		return last
	}
	short, long := run(0), run(time.Hour)
	if !(short.SamplesPerSec > 0 && long.SamplesPerSec > 0) {
		t.Fatalf("samples/s %v and %v; want positive", long.SamplesPerSec, short.SamplesPerSec)
	}
	if long.SamplesPerSec != short.SamplesPerSec {
		t.Fatalf("samples/s %v with an hour more of waiting, %v without; want equal", long.SamplesPerSec, short.SamplesPerSec)
	}
}

func TestPacedStepAllocatesNothing(t *testing.T) {
	cfg := TrainConfig{Epochs: 1000, BatchSize: 32, Optimizer: OptimizerConfig{Kind: "adam"}}
	tr := newTestTrainer(t, 1, cfg, blobs(4096, 1), Dataset{})
	tr.SetPace(Pace{PerBatch: 20 * time.Microsecond}) // real timer; no timing is asserted
	ctx := context.Background()
	tr.runStart = tr.clk.Now()
	allocs := testing.AllocsPerRun(100, func() {
		if tr.batch == tr.batches {
			tr.batch = 0
		}
		if err := tr.waitTurn(ctx); err != nil {
			t.Fatal(err)
		}
		tr.markStart()
		if err := tr.trainBatch(); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Errorf("%v allocations per paced training step, want 0", allocs)
	}
}

// TestElapsedNeverGoesBackWhenARunEnds: the last report of a run (Finished
// here) used to leave the current Run's time out and read 0:00.
func TestElapsedNeverGoesBackWhenARunEnds(t *testing.T) {
	cfg := TrainConfig{Epochs: 2, BatchSize: 50, Optimizer: OptimizerConfig{Kind: "adam"}}
	tr := newTestTrainer(t, 1, cfg, blobs(200, 1), blobs(50, 2))
	rec := &recorder{}
	tr.SetSink(rec)
	clk := fakeclock.New(time.Unix(1_700_000_000, 0))
	clk.SetTick(time.Millisecond) // every clock reading moves time on
	tr.SetClock(clk)
	if err := tr.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	last := rec.got[len(rec.got)-1]
	if last.State != Finished || last.Elapsed <= 0 {
		t.Fatalf("last report %v with elapsed %v, want Finished with the run's time", last.State, last.Elapsed)
	}
	for i := 1; i < len(rec.got); i++ {
		if rec.got[i].Elapsed < rec.got[i-1].Elapsed {
			t.Errorf("report %d (%v) elapsed %v < the one before (%v)", i, rec.got[i].State, rec.got[i].Elapsed, rec.got[i-1].Elapsed)
		}
	}
}
