//go:build unix

package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestClosedStdoutIsTold: the /dev/null the Go runtime puts in place of a
// closed standard output (opened for reading and writing) is told from a
// shell's `>/dev/null` (writing only) and from a file.
func TestClosedStdoutIsTold(t *testing.T) {
	for _, tc := range []struct {
		path string
		flag int
		want bool
	}{
		{os.DevNull, os.O_RDWR, true},
		{os.DevNull, os.O_WRONLY, false},
		{filepath.Join(t.TempDir(), "out.csv"), os.O_RDWR | os.O_CREATE, false},
	} {
		f, err := os.OpenFile(tc.path, tc.flag, 0o600)
		if err != nil {
			t.Fatal(err)
		}
		if got := closedAtStart(f); got != tc.want {
			t.Errorf("%s opened %#o: closed at start %v, want %v", tc.path, tc.flag, got, tc.want)
		}
		f.Close()
	}
}

// TestPredictToClosedStdoutExitsOne: `retain predict … >&-` used to exit 0
// with the scores lost; it fails with exit 1 and the write error, as
// /dev/full does.
func TestPredictToClosedStdoutExitsOne(t *testing.T) {
	users := usersCSV(t, 120)
	model := trainModel(t, users)
	for _, args := range [][]string{
		{"predict", "--model", model, "--data", users},
		{"eval", "--model", model, "--data", users, "--json"},
	} {
		c := newCLI(t)
		c.app.stdout = closedWriter{}
		if code := c.run(context.Background(), args...); code != exitFailure {
			t.Errorf("%v: exit %d, want 1 (stderr %q)", args, code, c.stderr.String())
		}
		if got, want := c.stderr.String(), "retain: write /dev/stdout: bad file descriptor\n"; len(got) < len(want) || got[len(got)-len(want):] != want {
			t.Errorf("%v: stderr %q, want it to end with %q", args, got, want)
		}
	}
}
