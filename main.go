// Command retain trains and inspects multilayer perceptrons on e-commerce
// user-behaviour data, in the terminal or headless, and serves its terminal
// UI over SSH.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/retainlab/retain/experiment"
)

func main() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	ctx, cancel := context.WithCancelCause(context.Background())
	g := &exitGuard{}
	a := osApp()
	a.guard = g
	done := make(chan int, 1)
	go func() { done <- run(ctx, a, os.Args[1:]) }()
	var sig os.Signal
	select {
	case code := <-done:
		select {
		case sig = <-sigs: // a signal that came with the end still counts
		default:
			g.exit(code) // returns only if a signal got in first
		}
	case sig = <-sigs:
	}
	// Interrupted: take back any model already put in place, let the
	// command wind down for a moment, then stop whatever it is blocked in.
	// Further signals are ignored while this happens. The context's cause
	// says which signal it was (errTerminated for SIGTERM).
	g.interrupt(func() { cancel(signalCause(sig)) }, os.Stderr)
	code, ok := g.waitRun(done)
	if ok && code == exitOK && sig == syscall.SIGTERM && g.stopsOnTerm() {
		// A service (api) asked to stop by its manager, and drained.
		os.Exit(exitOK)
	}
	if ok && code == exitDrainCut && g.stopsOnTerm() {
		// A service stopped by either signal that had to cut requests
		// off after its drain: it has said how many.
		os.Exit(exitDrainCut)
	}
	if !ok || code != exitInterrupted {
		fmt.Fprintln(os.Stderr, "retain:", errInterrupted)
	}
	experiment.AbandonWrites()
	os.Exit(exitInterrupted)
}
