package tui

import (
	"errors"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
)

// ErrNoTerminal is the cause of Run's error when the process has no
// terminal to draw on or to read keys from (a pipe, a file, a job without
// a controlling terminal).
var ErrNoTerminal = errors.New("the terminal UI needs a terminal")

// checkTerminal refuses, before the screen is taken over, to run where the
// TUI could neither draw nor read keys: standard output must be a terminal
// (else the screen's escape codes would go to a file or pipe), and so must
// standard input or the controlling terminal Bubble Tea falls back to.
func checkTerminal(opts Options) error {
	return checkTerminalOf(opts, os.Stdin, os.Stdout, tea.OpenTTY)
}

// checkTerminalOf is checkTerminal for the given standard files and way of
// opening the controlling terminal.
func checkTerminalOf(opts Options, stdin, stdout *os.File, openTTY func() (*os.File, *os.File, error)) error {
	const headless = "; the headless commands (retain train, eval, predict, …: retain --help) need none"
	if opts.Output == nil && !term.IsTerminal(stdout.Fd()) {
		return fmt.Errorf("%w, and standard output is not one%s", ErrNoTerminal, headless)
	}
	if opts.Input == nil && !term.IsTerminal(stdin.Fd()) {
		in, out, err := openTTY()
		if err != nil {
			return fmt.Errorf("%w to read keys from: standard input is not one and the process has no controlling terminal%s",
				ErrNoTerminal, headless)
		}
		in.Close()
		if out != in {
			out.Close()
		}
	}
	return nil
}
