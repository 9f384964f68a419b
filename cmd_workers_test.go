package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// TestTrainWorkersFlag: train (and the other commands that share its
// configuration flags) takes --workers, which the trainer and the
// configuration of the run record; before, GOMAXPROCS was the only way to
// keep training off the other cores.
func TestTrainWorkersFlag(t *testing.T) {
	for _, w := range []int{1, 2} {
		c := newCLI(t)
		code := c.run(context.Background(), "train", "--builtin-users", "2000", "--batch", "256", "--epochs", "1",
			"--workers", []string{"", "1", "2"}[w], "--json")
		if code != exitOK {
			t.Fatalf("--workers %d: exit %d, stderr %q", w, code, c.stderr.String())
		}
		var res struct {
			Config struct {
				Train struct {
					Workers int `json:"workers"`
				} `json:"train"`
			} `json:"config"`
		}
		if err := json.Unmarshal(c.stdout.Bytes(), &res); err != nil {
			t.Fatalf("%v\n%s", err, c.stdout.String())
		}
		if res.Config.Train.Workers != w {
			t.Errorf("--workers %d: the run's configuration says %d workers", w, res.Config.Train.Workers)
		}
	}
	for _, args := range [][]string{{"train"}, {"eval", "--cv", "3"}} {
		cmd := args[0]
		c := newCLI(t)
		if code := c.run(context.Background(), append(args, "--builtin-users", "2000", "--workers", "-1")...); code != exitUsage {
			t.Fatalf("%s --workers -1: exit %d, want %d", cmd, code, exitUsage)
		}
		if want := "--workers -1: want a number of workers ≥ 1, or 0 for one per core"; !strings.Contains(c.stderr.String(), want) {
			t.Errorf("%s: stderr %q, want %q", cmd, c.stderr.String(), want)
		}
	}
}

// TestRecommendWorkersFlag: recommend trains at batch 256, which one worker
// per core shares by default; --workers sets their number.
func TestRecommendWorkersFlag(t *testing.T) {
	o := &recommendOptions{log: "x.csv", workers: 1, seed: 1, top: 10}
	_, opts, err := o.options()
	if err != nil {
		t.Fatal(err)
	}
	if opts.Model.Train.Workers != 1 {
		t.Errorf("--workers 1 gave %d workers", opts.Model.Train.Workers)
	}
	o.workers = -1
	if _, _, err := o.options(); err == nil || !strings.Contains(err.Error(), "--workers -1: want a number of workers ≥ 1") {
		t.Errorf("--workers -1: error %v", err)
	}
}
