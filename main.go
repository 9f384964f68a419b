// Command retain trains and inspects multilayer perceptrons on e-commerce
// user-behaviour data, in the terminal or headless.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	opts := tui.Options{
		Source: experiment.Source{Kind: "builtin"},
		Config: experiment.DefaultConfig(),
		Open:   func(p string) (io.ReadCloser, error) { return os.Open(p) },
	}
	if err := tui.Run(ctx, opts); err != nil {
		fmt.Fprintln(os.Stderr, "retain:", err)
		os.Exit(1)
	}
}
