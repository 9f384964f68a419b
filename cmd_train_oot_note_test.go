package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/experiment"
)

// yearLog is an order log of 120 customers over 2020-01-01 .. 2020-12-31:
// customer i first orders on day i mod 30, then every 20 + i mod 17 days
// to the end of the year when i mod 3 is not 0, else until day 120.
func yearLog() string {
	var b strings.Builder
	b.WriteString("customer,date,amount\n")
	day0 := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 120 {
		end := 365
		if i%3 == 0 {
			end = 120
		}
		for d := i % 30; d <= end; d += 20 + i%17 {
			fmt.Fprintf(&b, "c%03d,%s,%d.00\n", i, day0.AddDate(0, 0, d).Format(time.DateOnly), 10+i%7)
		}
	}
	b.WriteString("c001,2020-12-31,5.00\n")
	return b.String()
}

// train's note suggests only a backtest that backtest accepts (review 27,
// finding 4), and the suggested command runs. The log runs 2020-01-01 ..
// 2020-12-31; with a 30-day horizon a test cutoff needs two horizons of
// log before it (2020-01-01 + 60 days = 2020-03-01, the earliest) and one
// after it (2020-12-31 − 30 days = 2020-12-01, the latest). At the
// default cutoff, 2020-12-01, the note names it; at 2020-02-15 it says why
// not (the model would train at 2020-01-16, 15 days into the log) and
// suggests one fold at 2020-12-01.
func TestTrainNoteSuggestsOnlyABacktestThatRuns(t *testing.T) {
	path := writeFile(t, "year.csv", yearLog())
	for _, tc := range []struct {
		cutoff  []string
		note    string
		command []string
	}{
		{nil, "note: " + path + ": validated at random among the customers at 2020-12-01; the TUI validates an order log out of time by default " +
			"(trained on the customers at 2020-11-01, measured on those at 2020-12-01), a figure that can differ: " +
			"retain backtest --log " + path + " --horizon 30d --cutoffs 2020-12-01 gives it, with the log flags given here (it writes no model)\n",
			[]string{"--cutoffs", "2020-12-01"}},
		{[]string{"--cutoff", "2020-02-15"}, "note: " + path + ": validated at random among the customers at 2020-02-15, as the TUI would here: " +
			"it validates an order log out of time by default, but at this cutoff falls back to a random split: cutoff 2020-02-15: its model would train on the customers at 2020-01-16, " +
			"who have 15 days of orders in " + path + " before them (it starts on 2020-01-01), less than the 30-day horizon; the earliest cutoff is 2020-03-01; " +
			"retain backtest --log " + path + " --horizon 30d --folds 1 measures out of time at 2020-12-01, the latest cutoff the log allows, " +
			"with the log flags given here (it writes no model)\n",
			[]string{"--folds", "1"}},
	} {
		c := newCLI(t)
		args := append([]string{"train", "--log", path, "--horizon", "30d", "--epochs", "1", "--out", t.TempDir() + "/m.json"}, tc.cutoff...)
		if code := c.run(context.Background(), args...); code != exitOK {
			t.Fatalf("train %v: exit %d, stderr %s", tc.cutoff, code, c.stderr.String())
		}
		if !strings.Contains(c.stderr.String(), tc.note) {
			t.Errorf("train %v: stderr lacks\n%s\ngot\n%s", tc.cutoff, tc.note, c.stderr.String())
		}
		b := newCLI(t)
		args = append([]string{"backtest", "--log", path, "--horizon", "30d", "--epochs", "1"}, tc.command...)
		if code := b.run(context.Background(), args...); code != exitOK || !strings.Contains(b.stdout.String(), "2020-12-01") {
			t.Errorf("backtest %v: exit %d, stdout %s\nstderr %s", tc.command, code, b.stdout.String(), b.stderr.String())
		}
	}
}

// train's note says the TUI would validate at random at a cutoff whose
// label window runs past the log's end, and the TUI's scheme
// (experiment.Prepare, out of time) does fall back there: it validated
// out of time on truncated labels (review 33, finding 1). yearLog ends
// 2020-12-31; 2020-12-15 + 30 days is 2021-01-14 (Python's datetime), and
// the latest cutoff 2020-12-31 − 30 days = 2020-12-01.
func TestTrainNoteAndTheTUIAgreeOnALateCutoff(t *testing.T) {
	path := writeFile(t, "year.csv", yearLog())
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--log", path, "--horizon", "30d", "--cutoff", "2020-12-15", "--epochs", "1",
		"--out", t.TempDir()+"/m.json"); code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, c.stderr.String())
	}
	note := "note: " + path + ": validated at random among the customers at 2020-12-15, as the TUI would here: " +
		"it validates an order log out of time by default, but at this cutoff falls back to a random split: " +
		"cutoff 2020-12-15: its 30-day label window ends 2021-01-14, after " + path + " ends on 2020-12-31; the latest cutoff is 2020-12-01; " +
		"retain backtest --log " + path + " --horizon 30d --folds 1 measures out of time at 2020-12-01"
	if !strings.Contains(c.stderr.String(), note) {
		t.Errorf("stderr lacks\n%s\ngot\n%s", note, c.stderr.String())
	}
	d, err := experiment.Load(experiment.Source{Kind: "log", Path: path, HorizonDays: 30, Cutoff: time.Date(2020, 12, 15, 0, 0, 0, 0, time.UTC)},
		func(p string) (io.ReadCloser, error) { return os.Open(p) })
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Validation = experiment.OutOfTime
	e, err := experiment.Prepare(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if e.Scheme() != experiment.RandomSplit || e.Fallback == nil || !e.Fallback.Late {
		t.Errorf("the TUI's scheme at 2020-12-15: %v, fallback %v; want the random split, the window past the log", e.Scheme(), e.Fallback)
	}
}
