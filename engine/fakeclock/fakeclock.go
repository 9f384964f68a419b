// Package fakeclock is an engine.Clock whose time moves only when a test
// says so, so that paced training can be tested without sleeping and
// without looking at the wall clock.
package fakeclock

import (
	"context"
	"sync"
	"time"
)

// Clock is a hand-driven clock. Its zero value is not usable: call New.
// All methods are safe for concurrent use.
type Clock struct {
	mu      sync.Mutex
	now     time.Time
	tick    time.Duration // added after every Now
	sleeper *sleeper      // the one goroutine sleeping, if any
	changed chan struct{} // closed and replaced whenever a sleep starts
}

type sleeper struct {
	until time.Time
	wake  chan struct{}
}

// New returns a clock reading start.
func New(start time.Time) *Clock {
	return &Clock{now: start, changed: make(chan struct{})}
}

// SetTick makes every later Now call move the clock on by d (after
// returning the current time), so that code measuring its own duration
// sees work take time. The default is 0: time stands still between Advance
// calls.
func (c *Clock) SetTick(d time.Duration) {
	c.mu.Lock()
	c.tick = d
	c.mu.Unlock()
}

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := c.now
	c.now = c.now.Add(c.tick)
	return t
}

// Sleep blocks until the clock has been advanced by d, interrupt receives or
// ctx is done. One goroutine sleeps at a time (as a trainer does).
func (c *Clock) Sleep(ctx context.Context, d time.Duration, interrupt <-chan struct{}) {
	if d <= 0 {
		return
	}
	c.mu.Lock()
	s := &sleeper{until: c.now.Add(d), wake: make(chan struct{})}
	c.sleeper = s
	close(c.changed)
	c.changed = make(chan struct{})
	c.mu.Unlock()
	select {
	case <-s.wake:
	case <-ctx.Done():
	case <-interrupt:
	}
	c.mu.Lock()
	if c.sleeper == s {
		c.sleeper = nil
	}
	c.mu.Unlock()
}

// Advance moves the clock on by d and wakes the sleeper whose time has come.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	if s := c.sleeper; s != nil && !c.now.Before(s.until) {
		c.sleeper = nil
		close(s.wake)
	}
}

// WaitForSleeper blocks until a goroutine is sleeping on the clock and
// returns how much the clock must advance to wake it. It returns false if
// stop is closed first.
func (c *Clock) WaitForSleeper(stop <-chan struct{}) (time.Duration, bool) {
	for {
		c.mu.Lock()
		if s := c.sleeper; s != nil {
			d := s.until.Sub(c.now)
			c.mu.Unlock()
			return d, true
		}
		changed := c.changed
		c.mu.Unlock()
		select {
		case <-changed:
		case <-stop:
			return 0, false
		}
	}
}
