package engine

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// control lets other goroutines pause, resume and single-step a running
// trainer. The training loop checks one atomic flag per batch; only when it
// is set does it take the lock.
type control struct {
	hold      atomic.Bool // set while paused (stepping included)
	mu        sync.Mutex
	batches   int  // batches allowed to run while held
	toEpoch   bool // run until the current epoch ends, then hold again
	wake      chan struct{}
	announced bool                 // a Paused progress was sent for the current hold
	waiting   bool                 // Run waits in gate: nothing of the trainer changes until it clears this
	pace      atomic.Pointer[Pace] // nil: as fast as possible
}

func newControl() *control { return &control{wake: make(chan struct{}, 1)} }

func (c *control) signal() {
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// set changes the hold state under the lock and wakes a waiting trainer.
func (c *control) set(hold bool, batches int, toEpoch bool) {
	c.mu.Lock()
	c.batches, c.toEpoch = batches, toEpoch
	c.hold.Store(hold)
	c.announced = false
	c.mu.Unlock()
	c.signal()
}

// Pause holds the trainer before its next batch.
func (t *Trainer) Pause() { t.ctl.set(true, 0, false) }

// Resume lets a paused trainer run freely again.
func (t *Trainer) Resume() { t.ctl.set(false, 0, false) }

// StepBatch lets a paused trainer run exactly one more batch (including the
// end-of-epoch evaluation if that batch finishes an epoch), then hold. On a
// running trainer it pauses after the next batch.
func (t *Trainer) StepBatch() { t.ctl.set(true, 1, false) }

// StepEpoch lets a paused trainer run until the current epoch ends (a whole
// epoch when it is at an epoch boundary), then hold.
func (t *Trainer) StepEpoch() { t.ctl.set(true, 0, true) }

// IsPaused reports whether the trainer is held (or will hold after a step).
func (t *Trainer) IsPaused() bool { return t.ctl.hold.Load() }

// gate is called before each batch. It returns at once when the trainer is
// not held, lets one permitted step through, or blocks until a control call
// or cancellation. When it first blocks it sets *since (if still zero) to
// the time the wait began, for waitTurn to count it out of compute time;
// the time it blocks is also a pause, left out of the training time.
func (t *Trainer) gate(ctx context.Context, since *time.Time) error {
	err := t.holdGate(ctx, since)
	if !t.pauseStart.IsZero() {
		t.paused += t.clk.Now().Sub(t.pauseStart)
		t.pauseStart = time.Time{}
	}
	return err
}

// holdGate is gate without the pause bookkeeping at its end.
func (t *Trainer) holdGate(ctx context.Context, since *time.Time) error {
	c := t.ctl
	for {
		if !c.hold.Load() {
			return ctx.Err()
		}
		c.mu.Lock()
		switch {
		case c.batches > 0:
			c.batches--
			c.mu.Unlock()
			return ctx.Err()
		case c.toEpoch:
			c.mu.Unlock()
			return ctx.Err()
		}
		announce := !c.announced
		c.announced = true
		c.waiting = true
		c.mu.Unlock()
		if t.pauseStart.IsZero() {
			t.pauseStart = t.clk.Now()
		}
		if since.IsZero() {
			*since = t.pauseStart
		}
		if announce {
			t.report(Paused, false)
		}
		select {
		case <-ctx.Done():
		case <-c.wake:
		}
		// Cleared under the lock before anything changes again, so a
		// Snapshot that saw it set copied a trainer at rest.
		c.mu.Lock()
		c.waiting = false
		c.mu.Unlock()
		if err := ctx.Err(); err != nil {
			return err
		}
	}
}

// epochEnded clears a step-to-epoch-end request.
func (c *control) epochEnded() {
	c.mu.Lock()
	c.toEpoch = false
	c.mu.Unlock()
}
