package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/retainlab/retain/experiment"
)

func TestTrainRefusesSpecialOutBeforeTraining(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	for _, tc := range []struct{ out, want string }{
		{dir, "--out " + dir + " is a directory: give the name of a regular file (new or to replace)"},
		{fifo, "--out " + fifo + " is a named pipe: give the name of a regular file (new or to replace)"},
	} {
		c := newCLI(t)
		code := c.run(context.Background(), "train", "--builtin-users", "500", "--epochs", "1", "--out", tc.out)
		if code != exitUsage || c.stderr.String() != "retain: "+tc.want+"\n" {
			t.Errorf("--out %s: exit %d, stderr %q; want %d and %q", tc.out, code, c.stderr.String(), exitUsage, tc.want)
		}
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the named pipe was replaced: %v", err)
	}
}

func TestInterruptWhileOpeningFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "users.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	c := newCLI(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	open := c.app.open
	c.app.open = func(p string) (io.ReadCloser, error) {
		cancel() // the signal comes as the open starts; the open blocks: no writer
		return open(p)
	}
	done := make(chan int, 1)
	go func() { done <- c.run(ctx, "train", "--data", fifo) }()
	select {
	case code := <-done:
		if code != exitInterrupted || c.stderr.String() != "retain: interrupted\n" {
			t.Errorf("exit %d, stderr %q; want %d and interrupted", code, c.stderr.String(), exitInterrupted)
		}
	case <-time.After(10 * time.Second): // a failure bound, not a timing
		t.Fatal("still blocked opening the named pipe 10 s after the interruption")
	}
}

// endlessCSV is a per-user CSV that never ends; it counts the reads made
// after its context was cancelled.
type endlessCSV struct {
	ctx         context.Context
	cancel      context.CancelFunc
	header      bool
	row         int
	lateReads   int
	cancelAfter int
}

func (r *endlessCSV) Read(p []byte) (int, error) {
	if r.ctx.Err() != nil {
		r.lateReads++
	}
	var line string
	if !r.header {
		r.header, line = true, "id,age,churn\n"
	} else {
		r.row++
		line = fmt.Sprintf("%d,%d,%d\n", r.row, 20+r.row%50, r.row%2)
	}
	if r.row == r.cancelAfter {
		r.cancel() // Ctrl-C in the middle of loading a large file
	}
	return copy(p, line), nil
}

func (r *endlessCSV) Close() error { return nil }

func TestInterruptStopsLoading(t *testing.T) {
	c := newCLI(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	src := &endlessCSV{ctx: ctx, cancel: cancel, cancelAfter: 1000}
	c.app.open = func(string) (io.ReadCloser, error) { return src, nil }
	done := make(chan int, 1)
	go func() { done <- c.run(ctx, "train", "--data", "users.csv") }()
	select {
	case code := <-done:
		if code != exitInterrupted {
			t.Errorf("exit %d, want %d; stderr %q", code, exitInterrupted, c.stderr.String())
		}
		if src.lateReads > 0 {
			t.Errorf("the file was read %d times after the interruption", src.lateReads)
		}
	case <-time.After(10 * time.Second): // a failure bound, not a timing
		t.Fatal("still loading 10 s after the interruption")
	}
}

func TestExitGuardTakesBackAModelAfterASignal(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "model.json")
	if err := os.WriteFile(path, []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	prepare := func() *experiment.Replacement {
		r, err := experiment.PrepareFile(context.Background(), path, func(w io.Writer) error {
			_, err := io.WriteString(w, "new")
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	g := &exitGuard{}
	ctx, cancel := context.WithCancel(context.Background())
	if err := g.commit(ctx, prepare()); err != nil {
		t.Fatal(err)
	}
	var msg strings.Builder
	g.interrupt(cancel, &msg) // the signal comes after the model is in place
	if b, _ := os.ReadFile(path); string(b) != "previous" {
		t.Errorf("after the signal the model file holds %q, want the previous one", b)
	}
	if want := "retain: interrupted after writing " + path + ": put back what was there before\n"; msg.String() != want {
		t.Errorf("message %q, want %q", msg.String(), want)
	}
	if err := g.commit(context.Background(), prepare()); !errors.Is(err, context.Canceled) {
		t.Errorf("a commit after the signal returned %v, want context.Canceled", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "previous" {
		t.Errorf("a commit after the signal wrote %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || !slices.ContainsFunc(entries, func(e os.DirEntry) bool { return e.Name() == "model.json" }) {
		t.Errorf("directory holds %v, want only model.json", entries)
	}
}
