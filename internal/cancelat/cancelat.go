// Package cancelat is a context for tests of cancellation: it counts the
// looks a computation takes at it (Err) and is cancelled at a chosen one,
// so a test cancels a long loop after a known share of its work, with no
// goroutine and no sleep, and then sees how many looks the loop took after
// the cancellation.
package cancelat

import (
	"context"
	"sync"
)

// Context is cancelled (context.Canceled) at its At-th look; At 0 never
// cancels it, so Looks counts the looks of a whole computation. Deadline
// and Value are context.Background's.
type Context struct {
	context.Context

	mu    sync.Mutex
	at    int
	looks int
	done  chan struct{}
}

// New returns a Context cancelled at look at (0: never).
func New(at int) *Context {
	return &Context{Context: context.Background(), at: at, done: make(chan struct{})}
}

// Err counts a look and returns context.Canceled from the At-th on.
func (c *Context) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.looks++
	if c.at > 0 && c.looks == c.at {
		close(c.done)
	}
	if c.at > 0 && c.looks >= c.at {
		return context.Canceled
	}
	return nil
}

// CancelAfter moves the cancellation to the n-th look from now (n ≥ 1):
// a test cancels a computation some looks after a point it sees (its
// input read to the end, say).
func (c *Context) CancelAfter(n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.at = c.looks + n
}

// At is the look the context is cancelled at (0: none).
func (c *Context) At() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.at
}

// Done is closed at the At-th look.
func (c *Context) Done() <-chan struct{} { return c.done }

// Looks is the number of looks so far.
func (c *Context) Looks() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.looks
}
