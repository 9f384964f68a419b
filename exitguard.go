package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/retainlab/retain/experiment"
)

// defaultGrace is how long an interrupted command may take to wind down
// before the process exits anyway: the run ends within about this long
// after a signal, even when blocked in a system call (opening a FIFO,
// writing to a full pipe, flushing a slow disk).
const defaultGrace = 100 * time.Millisecond

// exitGuard serialises the last decisions of the process, so that a
// signal either comes before a file is put in place (and it is not) or
// after (and it is taken back), and no signal is acted on once the
// process has decided to exit normally. A nil guard (commands run
// in-process by tests) commits at once.
type exitGuard struct {
	mu          sync.Mutex
	interrupted bool
	exiting     bool
	grace       time.Duration
	pending     []*experiment.Replacement
	// termStops is set by a command for which SIGTERM is the ordinary way
	// to stop (api): having wound down, it exits 0 (see setTermStops).
	termStops bool
}

// commit puts r in place unless the run was interrupted (or ctx is done),
// keeping the previous content restorable until the process exits.
func (g *exitGuard) commit(ctx context.Context, r *experiment.Replacement) error {
	if g == nil {
		if err := ctx.Err(); err != nil {
			r.Discard()
			return err
		}
		if err := r.Commit(); err != nil {
			return err
		}
		r.Keep()
		return nil
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if err := ctx.Err(); err != nil || g.interrupted {
		r.Discard()
		return context.Canceled
	}
	if err := r.Commit(); err != nil {
		return err
	}
	g.pending = append(g.pending, r)
	return nil
}

// exit makes the committed files final and exits with code, unless a
// signal was acted on first: then it returns.
func (g *exitGuard) exit(code int) {
	g.mu.Lock()
	if g.interrupted {
		g.mu.Unlock()
		return
	}
	g.exiting = true
	for _, r := range g.pending {
		r.Keep()
	}
	os.Exit(code) // with the lock held: no signal is acted on any more
}

// interrupt cancels the run and takes back every file it put in place,
// saying so on w.
func (g *exitGuard) interrupt(cancel context.CancelFunc, w io.Writer) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.interrupted = true
	cancel()
	for _, r := range g.pending {
		if err := r.Undo(); err != nil {
			fmt.Fprintln(w, "retain:", err)
		} else {
			fmt.Fprintf(w, "retain: interrupted after writing %s: put back what was there before\n", r.Path())
		}
	}
	g.pending = nil
}

// setGrace lets a command that must restore something on the way out (the
// terminal of the TUI, the sessions of serve) wind down for longer.
func (g *exitGuard) setGrace(d time.Duration) {
	if g == nil {
		return
	}
	g.mu.Lock()
	g.grace = d
	g.mu.Unlock()
}

// setTermStops says that the command runs as a service, which a service
// manager stops with SIGTERM: when it winds down after SIGTERM and returns
// success, the process exits 0 and says nothing of an interruption
// (systemd counts exit 130 as a failure). SIGINT (Ctrl-C) still exits 130.
func (g *exitGuard) setTermStops() {
	if g == nil {
		return
	}
	g.mu.Lock()
	g.termStops = true
	g.mu.Unlock()
}

// stopsOnTerm reports whether setTermStops was called.
func (g *exitGuard) stopsOnTerm() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.termStops
}

// waitRun waits for the interrupted run to return, at most the grace
// period, and reports whether it did, with its exit code.
func (g *exitGuard) waitRun(done <-chan int) (int, bool) {
	g.mu.Lock()
	grace := g.grace
	g.mu.Unlock()
	if grace == 0 {
		grace = defaultGrace
	}
	t := time.NewTimer(grace)
	defer t.Stop()
	select {
	case code := <-done:
		return code, true
	case <-t.C:
		return 0, false
	}
}
