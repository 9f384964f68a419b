package main

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// fullWriter fails every write, as stdout redirected to /dev/full does.
type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) {
	return 0, errors.New("write /dev/stdout: no space left on device")
}

// TestResultsThatCannotBeWrittenExitOne: a command whose results never
// reach stdout fails with exit 1 and the write error, also where it prints
// its results without checking each write (train's and eval's metrics
// tables) and for cobra's own output (a completion script, --help). They
// used to exit 0 (2 for completion, with "Run 'retain --help' for usage.").
func TestResultsThatCannotBeWrittenExitOne(t *testing.T) {
	users := usersCSV(t, 120)
	model := trainModel(t, users)
	cases := [][]string{
		{"train", "--data", users, "--epochs", "1", "--layers", "4"},
		{"eval", "--model", model, "--data", users},
		{"completion", "bash"},
		{"train", "--help"},
	}
	const want = "retain: write /dev/stdout: no space left on device\n"
	for _, args := range cases {
		c := newCLI(t)
		c.app.stdout = fullWriter{}
		if code := c.run(context.Background(), args...); code != exitFailure {
			t.Errorf("%v: exit %d, want 1 (stderr %q)", args, code, c.stderr.String())
		}
		got := c.stderr.String()
		if !strings.HasSuffix(got, want) || strings.Count(got, "retain: ") != 1 {
			t.Errorf("%v: stderr %q, want it to end with the one error line %q", args, got, want)
		}
	}
}
