package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
)

func TestBar(t *testing.T) {
	cases := []struct {
		frac float64
		want string
	}{
		{0, "[>.............................]"},
		{0.5, "[===============>..............]"},
		{29.0 / 30, "[=============================>]"},
		{1, "[==============================]"},
		{1.7, "[==============================]"},
		{-1, "[>.............................]"},
	}
	for _, c := range cases {
		if got := bar(c.frac); got != c.want {
			t.Errorf("bar(%v) = %q, want %q", c.frac, got, c.want)
		}
	}
}

func TestProgressLines(t *testing.T) {
	epoch := engine.EpochStats{Epoch: 2, TrainLoss: 0.41234, TrainAcc: 0.8, ValLoss: 0.5, ValAcc: 0.75, ValAUC: 0.8125,
		Elapsed: 3 * time.Second, HasVal: true, HasAccuracy: true, HasAUC: true}
	latest := engine.Progress{Epoch: 2, Epochs: 10, Batches: 100}

	var plain bytes.Buffer
	p := &progressPrinter{w: &plain, prevElapsed: 1500 * time.Millisecond}
	p.show(engine.Update{Latest: latest, Epochs: []engine.EpochStats{epoch}})
	want := "Epoch 2/10 - 1.5s 15ms/step - loss: 0.4123 - accuracy: 0.8000 - val_loss: 0.5000 - val_accuracy: 0.7500 - val_roc_auc: 0.8125\n"
	if plain.String() != want {
		t.Errorf("plain line\n%q, want\n%q", plain.String(), want)
	}

	// On a terminal: a live bar redrawn in place, cleared before the
	// epoch's final line.
	var live bytes.Buffer
	p = &progressPrinter{w: &live, live: true}
	running := engine.Progress{State: engine.Running, Epoch: 3, Epochs: 10, Batch: 50, Batches: 100,
		BatchLoss: 0.25, BatchCount: 16, ETA: 12 * time.Second}
	p.show(engine.Update{Latest: running})
	p.show(engine.Update{Latest: running})
	epoch.Epoch = 3
	p.show(engine.Update{Latest: engine.Progress{Epoch: 3, Epochs: 10, Batches: 100, EpochEnd: true}, Epochs: []engine.EpochStats{epoch}})
	liveWant := "Epoch 3/10 - 50/100 [===============>..............] - ETA: 12s - loss: 0.2500" +
		"\r\x1b[K" + "Epoch 3/10 - 50/100 [===============>..............] - ETA: 12s - loss: 0.2500" +
		"\r\x1b[K" + "Epoch 3/10 - 100/100 [==============================] - 3.0s 30ms/step - loss: 0.4123"
	if got := live.String(); !strings.HasPrefix(got, liveWant) {
		t.Errorf("live output\n%q, want it to start with\n%q", got, liveWant)
	}

	// A live line never wraps: "\r" could not redraw a wrapped one.
	var narrow bytes.Buffer
	p = &progressPrinter{w: &narrow, live: true, width: 40}
	p.show(engine.Update{Latest: running})
	if want := "Epoch 3/10 - 50/100 [===============>.."; narrow.String() != want {
		t.Errorf("narrow live line %q, want %q", narrow.String(), want)
	}

	// Without validation or accuracy only the training loss is shown.
	var bare bytes.Buffer
	p = &progressPrinter{w: &bare}
	p.show(engine.Update{Latest: latest, Epochs: []engine.EpochStats{{Epoch: 1, TrainLoss: 2, Elapsed: 20 * time.Millisecond}}})
	if want := "Epoch 1/10 - 20ms 200us/step - loss: 2.0000\n"; bare.String() != want {
		t.Errorf("bare line %q, want %q", bare.String(), want)
	}
}

func TestFormatting(t *testing.T) {
	for d, want := range map[time.Duration]string{
		999 * time.Millisecond: "999ms", 1500 * time.Millisecond: "1.5s", 12400 * time.Millisecond: "12s",
	} {
		if got := formatSeconds(d); got != want {
			t.Errorf("formatSeconds(%v) = %q, want %q", d, got, want)
		}
	}
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 2817: "2,817", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := data.Thousands(n); got != want {
			t.Errorf("data.Thousands(%d) = %q, want %q", n, got, want)
		}
	}
	if got := median([]float64{5, 1, 3}); got != 3 {
		t.Errorf("median of 5,1,3 = %v", got)
	}
	if got := median([]float64{4, 1, 3, 2}); got != 2.5 {
		t.Errorf("median of 4,1,3,2 = %v", got)
	}
	for s, want := range map[string]int{"30d": 30, "30": 30, "4w": 28, " 7D ": 7} {
		if got, err := parseDays(s); err != nil || got != want {
			t.Errorf("parseDays(%q) = %d, %v; want %d", s, got, err, want)
		}
	}
	for _, s := range []string{"", "0d", "-3", "month", "3x"} {
		if _, err := parseDays(s); err == nil {
			t.Errorf("parseDays(%q) accepted", s)
		}
	}
}

func TestBenchJSON(t *testing.T) {
	c := newCLI(t)
	code := c.run(context.Background(), "bench", "--builtin-users", "400", "--batch-sizes", "32,128",
		"--runs", "3", "--min-time", "1ms", "--json")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	var res struct {
		TrainRows int `json:"train_rows"`
		Results   []struct {
			Batch         int       `json:"batch"`
			SamplesPerSec float64   `json:"samples_per_sec"`
			Runs          []float64 `json:"runs_samples_per_sec"`
		} `json:"results"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &res); err != nil {
		t.Fatalf("%v\n%s", err, c.stdout.String())
	}
	if res.TrainRows != 400 || len(res.Results) != 2 || res.Results[0].Batch != 32 || res.Results[1].Batch != 128 {
		t.Fatalf("bench result %+v", res)
	}
	for _, r := range res.Results {
		if len(r.Runs) != 3 || r.SamplesPerSec != median(r.Runs) || !(r.SamplesPerSec > 0) {
			t.Errorf("batch %d: %v samples/s from runs %v; want the median of 3 positive runs", r.Batch, r.SamplesPerSec, r.Runs)
		}
	}
}

func TestBenchWorkers(t *testing.T) {
	c := newCLI(t)
	code := c.run(context.Background(), "bench", "--builtin-users", "1000", "--batch-sizes", "32,256",
		"--runs", "1", "--min-time", "1ms", "--workers", "2", "--json")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	var res struct {
		Results []struct {
			Batch   int `json:"batch"`
			Workers int `json:"workers"`
		} `json:"results"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &res); err != nil {
		t.Fatalf("%v\n%s", err, c.stdout.String())
	}
	// Batches under 256 rows are never split; 256 rows make two shards.
	if len(res.Results) != 2 || res.Results[0].Workers != 1 || res.Results[1].Workers != 2 {
		t.Fatalf("bench result %+v, want 1 worker at batch 32 and 2 at 256", res)
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "bench", "--workers", "-1"); code != exitUsage {
		t.Fatalf("--workers -1: exit %d, want %d", code, exitUsage)
	}
	if want := "--workers -1: want a number of workers ≥ 1, or 0 for one per core"; !strings.Contains(c.stderr.String(), want) {
		t.Fatalf("stderr %q, want %q", c.stderr.String(), want)
	}
}

// TestBenchRefusesTrainingFlags: the training-length and split flags bench
// hides mean nothing to it; '--batch 64' (for --batch-sizes) and the others
// used to be accepted and ignored.
func TestBenchRefusesTrainingFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"bench", "--batch", "64"}, "retain: --batch does not apply to bench: give the batch sizes to measure with --batch-sizes\n"},
		{[]string{"bench", "--epochs", "3"}, "retain: --epochs does not apply to bench: it trains on every row for --min-time\n"},
		{[]string{"bench", "--val", "0.2"}, "retain: --val does not apply to bench: it trains on every row for --min-time\n"},
	} {
		c := newCLI(t)
		if code := c.run(context.Background(), tc.args...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2", tc.args, code)
		}
		if got := c.stderr.String(); got != tc.want {
			t.Errorf("%v:\nstderr %q\nwant   %q", tc.args, got, tc.want)
		}
	}
}

// TestBenchTextCountsRuns: the text report says "median of N runs", and
// "1 run" for one (it said "median of 1 runs").
func TestBenchTextCountsRuns(t *testing.T) {
	for runs, want := range map[string]string{"1": "; 1 run of at least 1ms", "3": "; median of 3 runs of at least 1ms"} {
		c := newCLI(t)
		if code := c.run(context.Background(), "bench", "--builtin-users", "400", "--batch-sizes", "32",
			"--runs", runs, "--min-time", "1ms"); code != exitOK {
			t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
		}
		if !strings.Contains(c.stdout.String(), want) {
			t.Errorf("--runs %s: want %q in\n%s", runs, want, c.stdout.String())
		}
	}
}

// A second training run through the same printer (the anomaly detector's
// retrain, say) starts its clock again: its first epoch takes its own
// elapsed time, 40 ms (4 ms a step over 10 batches), not that minus the
// first run's 2 s.
func TestProgressSecondRunRestartsTheClock(t *testing.T) {
	var out bytes.Buffer
	p := &progressPrinter{w: &out}
	latest := engine.Progress{Epochs: 5, Batches: 10}
	for _, e := range []engine.EpochStats{{Epoch: 1, Elapsed: time.Second}, {Epoch: 2, Elapsed: 2 * time.Second},
		{Epoch: 1, Elapsed: 40 * time.Millisecond}} {
		p.show(engine.Update{Latest: latest, Epochs: []engine.EpochStats{e}})
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if want := "Epoch 1/5 - 40ms 4ms/step - loss: 0.0000"; len(lines) != 3 || lines[2] != want {
		t.Errorf("lines %q, want the third %q", lines, want)
	}
}
