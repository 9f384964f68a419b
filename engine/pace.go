package engine

import (
	"context"
	"fmt"
	"time"
)

// Pace slows a running trainer down so that people can watch it learn. The
// zero Pace trains as fast as possible.
//
// PerBatch is the least time from the start of one batch to the start of the
// next; PerEpoch the least time from the start of one epoch to the start of
// the next. Both may be set; each is then honoured. Pacing only adds waits
// between batches: the batches, their order and their losses stay exactly
// those of an unpaced run with the same seed.
type Pace struct {
	PerBatch time.Duration
	PerEpoch time.Duration
}

// IsZero reports whether p trains as fast as possible.
func (p Pace) IsZero() bool { return p.PerBatch <= 0 && p.PerEpoch <= 0 }

// String describes p in plain English: "as fast as possible",
// "1 epoch / 500ms", "1 batch / 100ms" or both joined by ", ".
func (p Pace) String() string {
	switch {
	case p.IsZero():
		return "as fast as possible"
	case p.PerEpoch <= 0:
		return fmt.Sprintf("1 batch / %v", p.PerBatch)
	case p.PerBatch <= 0:
		return fmt.Sprintf("1 epoch / %v", p.PerEpoch)
	}
	return fmt.Sprintf("1 batch / %v, 1 epoch / %v", p.PerBatch, p.PerEpoch)
}

// SetPace changes how fast the trainer may go. It may be called before Run
// or from another goroutine while Run is running; a trainer waiting for its
// pace looks at the new one at once (so a faster pace ends the wait).
// Negative durations count as zero. Pause, StepBatch and StepEpoch take
// precedence: a held trainer never waits for its pace, and steps run at
// full speed.
func (t *Trainer) SetPace(p Pace) {
	p.PerBatch, p.PerEpoch = max(p.PerBatch, 0), max(p.PerEpoch, 0)
	if p.IsZero() {
		t.ctl.pace.Store(nil)
	} else {
		t.ctl.pace.Store(&p)
	}
	t.ctl.signal()
}

// Pace returns the pace set by SetPace (the zero Pace by default).
func (t *Trainer) Pace() Pace {
	if p := t.ctl.pace.Load(); p != nil {
		return *p
	}
	return Pace{}
}

// Clock is the time a Trainer paces itself and measures its speed by.
// Trainers use the system clock unless SetClock gives them another one
// (tests use engine/fakeclock to move time by hand).
type Clock interface {
	Now() time.Time
	// Sleep returns once d has passed, interrupt has received a value, or
	// ctx is done, whichever comes first. d is positive.
	Sleep(ctx context.Context, d time.Duration, interrupt <-chan struct{})
}

// SetClock sets the clock used for pacing, elapsed time, samples/s and ETA
// (nil: the system clock). Call it before Run.
func (t *Trainer) SetClock(c Clock) {
	if c == nil {
		c = &systemClock{}
	}
	t.clk = c
}

// systemClock is the real clock. It keeps one timer, so that a paced run
// allocates nothing per wait.
type systemClock struct{ timer *time.Timer }

func (*systemClock) Now() time.Time { return time.Now() }

func (c *systemClock) Sleep(ctx context.Context, d time.Duration, interrupt <-chan struct{}) {
	if c.timer == nil {
		c.timer = time.NewTimer(d)
	} else {
		c.timer.Reset(d) // since Go 1.23 no stale tick can be received after Reset
	}
	select {
	case <-c.timer.C:
		return
	case <-ctx.Done():
	case <-interrupt:
	}
	c.timer.Stop()
}

// markStart records when a batch (and, at an epoch boundary, an epoch)
// starts, for the pace. Unpaced runs skip it and read no clock per batch.
func (t *Trainer) markStart() {
	if t.ctl.pace.Load() == nil {
		return
	}
	now := t.clk.Now()
	t.batchStart = now
	if t.batch == 0 {
		t.epochStart = now
	}
}

// paceDelay returns how long the next batch must still wait at pace p.
func (t *Trainer) paceDelay(p *Pace, now time.Time) time.Duration {
	var d time.Duration
	if p.PerBatch > 0 && !t.batchStart.IsZero() {
		d = t.batchStart.Add(p.PerBatch).Sub(now)
	}
	if p.PerEpoch > 0 && t.batch == 0 && !t.epochStart.IsZero() {
		d = max(d, t.epochStart.Add(p.PerEpoch).Sub(now))
	}
	return d
}

// waitTurn is called before each batch of Run. It returns when the batch
// may start: at once for a step permitted while held (steps ignore the
// pace), otherwise once the trainer is not held and its pace allows.
//
// The time from its first block to its return is one wait, counted out of
// training time as a whole: a wake that changes nothing (a signal left by
// a control call made while the trainer was not waiting) makes it look
// again, and the moments between those looks are waiting too.
func (t *Trainer) waitTurn(ctx context.Context) error {
	var since time.Time // when this wait first blocked; zero while it has not
	for {
		err := t.gate(ctx, &since)
		if err == nil && !t.ctl.hold.Load() {
			held, perr := t.paceWait(ctx, &since)
			if perr == nil && held {
				continue
			}
			err = perr
		}
		if !since.IsZero() {
			t.waited += t.clk.Now().Sub(since)
		}
		return err
	}
}

// paceWait waits until the pace allows the next batch, without spinning.
// The wait ends early on cancellation (returning ctx.Err()) and looks again
// at every control call; it returns held when the trainer was paused or
// stepped meanwhile, for the gate to take over. Progress is reported before
// a wait, so that a watcher sees every paced batch. It sets *since as gate
// does.
func (t *Trainer) paceWait(ctx context.Context, since *time.Time) (held bool, err error) {
	for {
		p := t.ctl.pace.Load()
		if p == nil {
			return false, ctx.Err()
		}
		if t.ctl.hold.Load() {
			return true, ctx.Err()
		}
		now := t.clk.Now()
		d := t.paceDelay(p, now)
		if d <= 0 {
			return false, ctx.Err()
		}
		if since.IsZero() {
			*since = now
		}
		if t.pendCount > 0 {
			t.report(Running, false)
		}
		t.clk.Sleep(ctx, d, t.ctl.wake)
		if err := ctx.Err(); err != nil {
			return false, err
		}
	}
}
