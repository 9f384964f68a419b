package engine

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestTrainingTimeLeavesPausesOut trains three batches at a pace of one batch
// a second on a clock that moves only by hand, pauses, lets an hour pass and
// stops. The Train screen showed the pause in its elapsed time once the run
// was stopped (review 12: 0:04 paused, 0:13 stopped) and a samples/s that
// jumped by a factor of 40. The training time is the clock time before the
// pause: the first batch at 0 s, the second at 1 s, the third at 2 s, then
// the trainer waits for the fourth's turn and is paused at 2 s. So it is
// 2 s, paused and stopped alike, and the rate is 3 batches × 50 rows ÷ 2 s
// = 75 rows/s.
func TestTrainingTimeLeavesPausesOut(t *testing.T) {
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
	tr.SetPace(Pace{PerBatch: time.Second})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	clk, ended, err := pacedRun(ctx, tr, 0)
	for range 2 {
		d, _ := clk.WaitForSleeper(ended)
		clk.Advance(d)
	}
	clk.WaitForSleeper(ended) // the third batch is done; the fourth waits for its turn
	tr.Pause()
	p := <-paused
	clk.Advance(time.Hour)
	cancel()
	<-ended
	if !errors.Is(*err, context.Canceled) || last.State != Cancelled {
		t.Fatalf("Run = %v, last state %v; want cancelled", *err, last.State)
	}
	if p.Step != 3 || last.Step != 3 {
		t.Fatalf("steps %d paused, %d stopped; want 3", p.Step, last.Step)
	}
	for _, q := range []Progress{p, last} {
		if q.Training != 2*time.Second || q.RowsPerSec != 75 {
			t.Errorf("%v: training %v, %v rows/s; want 2s and 75", q.State, q.Training, q.RowsPerSec)
		}
	}
	if last.Elapsed != time.Hour+2*time.Second {
		t.Errorf("elapsed %v at the stop; want the wall time, 1h0m2s", last.Elapsed)
	}
}
