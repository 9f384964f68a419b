// Command retain trains and inspects multilayer perceptrons on e-commerce
// user-behaviour data, in the terminal or headless, and serves its terminal
// UI over SSH.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// After the first signal, restore the default behaviour so that a
		// second Ctrl-C kills a process that is slow to wind down.
		<-ctx.Done()
		stop()
	}()
	code := run(ctx, osApp(), os.Args[1:])
	stop()
	os.Exit(code)
}
