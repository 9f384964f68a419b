package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/anomaly"
	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/recommend"
	"github.com/retainlab/retain/tui"
)

// Exit codes of the retain command.
const (
	exitOK          = 0
	exitFailure     = 1   // runtime failure: training diverged, a write failed, …
	exitUsage       = 2   // bad usage or bad input (flags, files, data)
	exitInterrupted = 130 // stopped by SIGINT or SIGTERM, as a shell reports it
	exitDrainCut    = 3   // retain api stopped, but requests outlasting the drain were cut off
)

// exitError carries the exit code an error deserves to run().
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageError marks an error as the user's: exit code 2.
func usageError(err error) error {
	if err == nil {
		return nil
	}
	return &exitError{code: exitUsage, err: err}
}

// badInputSentinels are the causes that mean the user's input, not the
// program, is at fault.
var badInputSentinels = []error{
	data.ErrEmpty, data.ErrHeaderOnly, data.ErrRagged, data.ErrSyntax, data.ErrNotNumeric, data.ErrNumberTooLarge, data.ErrMixedDecimals,
	data.ErrNoLabel, data.ErrLabelNotBinary, data.ErrLabelMissing, data.ErrNoFeatures,
	data.ErrMissingColumn, data.ErrBadDate, data.ErrCutoff, data.ErrLogColumns, data.ErrShopSize,
	data.ErrNoScores, data.ErrUnknownColumn, data.ErrNotCategorical, data.ErrFolds, data.ErrTooLarge, experiment.ErrSource, experiment.ErrUnknownColumn, experiment.ErrBundle,
	experiment.ErrTooFewRows, experiment.ErrPlan, recommend.ErrNoItems, recommend.ErrCutoff, recommend.ErrTrainingPairs, anomaly.ErrColumn, anomaly.ErrNoRows, anomaly.ErrNeighbours,
	engine.ErrConfig, engine.ErrUnknownActivation, metrics.ErrOneClass,
	fs.ErrNotExist, fs.ErrPermission, syscall.EISDIR, errDirectory, tui.ErrNoTerminal,
}

// classify gives an error coming out of a command its exit code. It runs on
// the error a RunE returns, so cobra's own parse errors never reach it.
func classify(err error) error {
	if err == nil {
		return nil
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return err
	}
	// A TUI stopped by a signal reports either the cancelled context or
	// Bubble Tea's own interruption.
	if errors.Is(err, context.Canceled) || errors.Is(err, tea.ErrInterrupted) {
		return &exitError{code: exitInterrupted, err: errInterrupted}
	}
	var pe *data.ParseError
	if errors.As(err, &pe) {
		return usageError(err)
	}
	// Too few rows or values for a model file: the data, not the program.
	var priv *data.PrivacyError
	if errors.As(err, &priv) {
		return usageError(err)
	}
	for _, s := range badInputSentinels {
		if errors.Is(err, s) {
			return usageError(err)
		}
	}
	return &exitError{code: exitFailure, err: err}
}

// labelFlagAdvice is how the command line names a label column that it
// did not recognise.
const labelFlagAdvice = "; name it with --label COLUMN"

// logFlagAdvice is how the command line opens, as an order log, a file
// given with --data that reads as one.
const logFlagAdvice = ": give it with --log instead of --data, which makes one row per customer and labels it by whether they order again"

// adviseFlags makes err say what to do with the command line's flags where
// the data package's message leaves how to the program that shows it:
// where it holds a label column not recognised (and not named), to name
// one with --label; where it holds a table that reads as an order log, to
// give it with --log.
func adviseFlags(err error) {
	var notFound *data.LabelNotFoundError
	if errors.As(err, &notFound) && notFound.Named == "" {
		notFound.Advice = labelFlagAdvice
	}
	var look *data.LogLookError
	if errors.As(err, &look) {
		look.Advice = logFlagAdvice
	}
}

// errInterrupted is what the user reads after Ctrl-C.
var errInterrupted = errors.New("interrupted")

// errTerminated is the cause (context.Cause) of the context of a command
// stopped by SIGTERM; a command stopped by SIGINT has context.Canceled.
var errTerminated = errors.New("terminated (SIGTERM)")

// signalCause is the cause the run's context is cancelled with for sig.
func signalCause(sig os.Signal) error {
	if sig == syscall.SIGTERM {
		return errTerminated
	}
	return context.Canceled
}

// exitCode returns the code run() exits with for err. Errors that never went
// through classify come from cobra parsing the command line: bad usage.
func exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return exitUsage
}

// firstGiven returns the first of names that changed (a flag.Changed)
// reports as given on the command line, or "" when none was: for flags
// refused in the combination they came in.
func firstGiven(changed func(string) bool, names ...string) string {
	for _, name := range names {
		if changed(name) {
			return name
		}
	}
	return ""
}

// withDivergedHint is err, when training diverged, prefixed with where
// (the data, and what of it) and followed by hint (what to try); any other
// error is returned as it is.
func withDivergedHint(err error, where, hint string) error {
	if div := (*engine.DivergedError)(nil); errors.As(err, &div) {
		return fmt.Errorf("%s: %w%s", where, err, hint)
	}
	return err
}
