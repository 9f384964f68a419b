package tui

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
)

// TestNoTerminalIsRefused: `retain < /dev/null` failed inside Bubble Tea
// ("bubbletea: error opening TTY", exit 1), and `retain > file` drew the
// screen into the file while waiting for keys. Both are refused before
// the screen is taken over, saying what is missing.
func TestNoTerminalIsRefused(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	noTTY := func() (*os.File, *os.File, error) { return nil, nil, errors.New("no tty") }
	err = checkTerminalOf(Options{}, r, w, noTTY)
	if want := "the terminal UI needs a terminal, and standard output is not one; the headless commands"; err == nil ||
		!errors.Is(err, ErrNoTerminal) || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("stdout a pipe: %v, want %q…", err, want)
	}
	// Output given (a served session): only the input is checked, and
	// with no controlling terminal either it is refused.
	err = checkTerminalOf(Options{Output: &bytes.Buffer{}}, r, w, noTTY)
	if want := "the terminal UI needs a terminal to read keys from: standard input is not one and the process has no controlling terminal"; err == nil ||
		!errors.Is(err, ErrNoTerminal) || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("stdin a pipe: %v, want %q…", err, want)
	}
	// Both given, as serve and the tests give them: nothing to check.
	if err := checkTerminalOf(Options{Input: r, Output: w}, r, w, noTTY); err != nil {
		t.Errorf("input and output given: %v", err)
	}
}

// TestNoTerminalIsRefusedInChinese: under --lang zh the refusal is in
// Chinese, as the whole interface is (it was English), and still
// ErrNoTerminal to the CLI's exit code.
func TestNoTerminalIsRefusedInChinese(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	noTTY := func() (*os.File, *os.File, error) { return nil, nil, errors.New("no tty") }
	err = checkTerminalOf(Options{Lang: "zh"}, r, w, noTTY)
	if want := "终端界面需要终端，而标准输出不是终端；无界面命令（retain train、eval、predict 等，见 retain --help）不需要终端"; err == nil ||
		!errors.Is(err, ErrNoTerminal) || err.Error() != want {
		t.Errorf("stdout a pipe: %v, want %q", err, want)
	}
	err = checkTerminalOf(Options{Lang: "zh", Output: &bytes.Buffer{}}, r, w, noTTY)
	if want := "终端界面需要终端来读取按键：标准输入不是终端，进程也没有控制终端；无界面命令（retain train、eval、predict 等，见 retain --help）不需要终端"; err == nil ||
		!errors.Is(err, ErrNoTerminal) || err.Error() != want {
		t.Errorf("stdin a pipe: %v, want %q", err, want)
	}
}
