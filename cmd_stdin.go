package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync/atomic"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/pflag"

	"github.com/retainlab/retain/experiment"
)

// stdinPath is what an input-file flag given as "-" holds: standard input,
// named so in every message about it ("<stdin>:12:3: …"), as compilers
// name it.
const stdinPath = "<stdin>"

// errStdinTwice is returned when a command would read standard input a
// second time: it was consumed by the first read.
var errStdinTwice = errors.New(stdinPath + ": standard input can be read only once, and this command reads its input twice; save it to a file and give the file's path")

// inputFileValue is a string flag naming a file to read, where "-" stands
// for standard input (stored as stdinPath).
type inputFileValue struct{ p *string }

func (v inputFileValue) Set(s string) error {
	if s == "-" {
		s = stdinPath
	}
	*v.p = s
	return nil
}

// String is the flag's value as typed: "-" for standard input (tune
// prints it back in the train command it suggests).
func (v inputFileValue) String() string {
	if v.p == nil {
		return ""
	}
	if *v.p == stdinPath {
		return "-"
	}
	return *v.p
}

func (v inputFileValue) Type() string { return "string" }

// inputFileVar defines a flag naming an input file that may be "-" for
// standard input; usage should say so.
func inputFileVar(fs *pflag.FlagSet, p *string, name, usage string) {
	fs.Var(inputFileValue{p}, name, usage)
}

// withStdin makes open read standard input for stdinPath, once: a second
// open of it fails with errStdinTwice. When standard input is a terminal,
// the first open says on stderr how to end the input.
func withStdin(open experiment.Opener, stdin io.Reader, stderr io.Writer) experiment.Opener {
	var used atomic.Bool
	return func(path string) (io.ReadCloser, error) {
		if path != stdinPath {
			return open(path)
		}
		if stdin == nil {
			return nil, fmt.Errorf("%s: %w", stdinPath, os.ErrNotExist)
		}
		if used.Swap(true) {
			return nil, errStdinTwice
		}
		if f, ok := stdin.(*os.File); ok && term.IsTerminal(f.Fd()) {
			fmt.Fprintln(stderr, "retain: reading the data from the terminal; end it with Ctrl-D (or give a file, or pipe one in)")
		}
		return io.NopCloser(stdin), nil
	}
}

// refuseStdin is the usage error of a command that cannot take its data on
// standard input (the terminal UI reads its keys there; serve loads the
// data once per session).
func refuseStdin(src experiment.Source, why string) error {
	if src.Path != stdinPath {
		return nil
	}
	flag := "--data"
	if src.Kind == "log" {
		flag = "--log"
	}
	return usageError(fmt.Errorf("%s -: %s; give the file's path", flag, why))
}
