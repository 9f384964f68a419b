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
// opening the controlling terminal. The refusal is in opts.Lang.
func checkTerminalOf(opts Options, stdin, stdout *os.File, openTTY func() (*os.File, *os.File, error)) error {
	zh := opts.Lang == "zh"
	if opts.Output == nil && !term.IsTerminal(stdout.Fd()) {
		if zh {
			return noTerminal("终端界面需要终端，而标准输出不是终端；" + headlessZh)
		}
		return fmt.Errorf("%w, and standard output is not one%s", ErrNoTerminal, headlessEn)
	}
	if opts.Input == nil && !term.IsTerminal(stdin.Fd()) {
		in, out, err := openTTY()
		if err != nil {
			if zh {
				return noTerminal("终端界面需要终端来读取按键：标准输入不是终端，进程也没有控制终端；" + headlessZh)
			}
			return fmt.Errorf("%w to read keys from: standard input is not one and the process has no controlling terminal%s",
				ErrNoTerminal, headlessEn)
		}
		in.Close()
		if out != in {
			out.Close()
		}
	}
	return nil
}

// The end of the refusal: what to run instead.
const (
	headlessEn = "; the headless commands (retain train, eval, predict, …: retain --help) need none"
	headlessZh = "无界面命令（retain train、eval、predict 等，见 retain --help）不需要终端"
)

// noTerminal is a refusal worded in Chinese that errors.Is still sees as
// ErrNoTerminal.
type noTerminal string

func (e noTerminal) Error() string { return string(e) }
func (e noTerminal) Unwrap() error { return ErrNoTerminal }
