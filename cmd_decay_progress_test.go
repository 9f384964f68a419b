package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestTrainShowsTheDecayChecksEpochs: the decay check trains a second
// network as long as the first (minutes on a million rows); its epochs are
// printed on stderr like the first training's, between "Checking the
// decay" and the check's outcome, and nothing of it reaches stdout.
func TestTrainShowsTheDecayChecksEpochs(t *testing.T) {
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--builtin-users", "3000", "--epochs", "4"); code != exitOK {
		t.Fatalf("exit %d: %s", code, c.stderr)
	}
	stderr := c.stderr.String()
	// 2,700 training rows for 10 inputs: 270 per input, the prior 20 not raised.
	lines := decayCheckLines(t, stderr, "20", "Decay check run (2 / rows): kept the weights of epoch ")
	if len(lines) != 4 {
		t.Fatalf("between the decay check's first line and its outcome: %q, want the 4 epochs", lines)
	}
	for i, l := range lines {
		// The epoch count (4) is below the patience of early stopping (25,
		// experiment/config.go), so all four run; no terminal, so no bar.
		if want := fmt.Sprintf("Epoch %d/4 - ", i+1); !strings.HasPrefix(l, want) || !strings.Contains(l, " - val_roc_auc: ") {
			t.Errorf("line %d %q, want it to start with %q and end with the validation figures", i+1, l, want)
		}
	}
	if strings.Contains(c.stdout.String(), "Epoch ") {
		t.Errorf("progress on stdout:\n%s", c.stdout)
	}
}

// TestEvalCVSaysEachFoldsDecayCheck: eval --cv runs its folds side by side
// and prints one line per fold finished; each fold's decay check trains a
// second network as long as its first, and a line says so as it starts,
// once per fold, on stderr only (no terminal here, as for the "done"
// lines, which are printed without one too).
func TestEvalCVSaysEachFoldsDecayCheck(t *testing.T) {
	c := newCLI(t)
	if code := c.run(context.Background(), "eval", "--cv", "3", "--builtin-users", "1500", "--epochs", "3"); code != exitOK {
		t.Fatalf("exit %d: %s", code, c.stderr)
	}
	seen := map[string]int{}
	for l := range strings.SplitSeq(c.stderr.String(), "\n") {
		if strings.Contains(l, "checking the decay") {
			seen[l]++
		}
	}
	// 2 and 20 are the default priors (experiment/config.go), as train
	// says; 20 is raised on these folds: 1,500 users less a test fold of
	// 500 and a validation part of 100 leave 900 training rows for 10
	// inputs, 90 per input, so 20 · 100 · 10 / 900 = 2,000 / 900 = 22.22.
	want := map[string]int{}
	for fold := 1; fold <= 3; fold++ {
		want[fmt.Sprintf("fold %d: checking the decay, training again at 2 / training rows instead of 22.22 (20 raised: fewer than 100 training rows per input)…", fold)] = 1
	}
	if fmt.Sprint(seen) != fmt.Sprint(want) {
		t.Errorf("decay lines %v, want %v; stderr:\n%s", seen, want, c.stderr)
	}
	if strings.Contains(c.stdout.String(), "decay") {
		t.Errorf("decay progress on stdout:\n%s", c.stdout)
	}
}

// TestTuneShowsTheDecayChecksEpochs: tune trains the best trial as train
// would, its epochs and then the decay check's second training's on
// stderr, between "Checking the decay" and the outcome. One trial: the
// default, whose decay per training row (L2Prior) has a check.
func TestTuneShowsTheDecayChecksEpochs(t *testing.T) {
	c := newCLI(t)
	out := t.TempDir() + "/model.json"
	if code := c.run(context.Background(), "tune", "--builtin-users", "600", "--trials", "1", "--folds", "2", "--budget", "0", "--seed", "5", "--out", out); code != exitOK {
		t.Fatalf("exit %d: %s", code, c.stderr)
	}
	stderr := c.stderr.String()
	// 540 training rows (600 less the 10 % validation part) for 10 inputs:
	// 54 per input, so the prior is 20 · 100 · 10 / 540 = 2,000 / 540 = 37.04.
	lines := decayCheckLines(t, stderr, "37.04 (20 raised: fewer than 100 training rows per input)", "Decay check run (2 / rows): stopped early after epoch ")
	if len(lines) == 0 {
		t.Fatalf("no epochs between the decay check's first line and its outcome:\n%s", stderr)
	}
	for i, l := range lines {
		if want := fmt.Sprintf("Epoch %d/200 - ", i+1); !strings.HasPrefix(l, want) {
			t.Errorf("line %d %q, want it to start with %q", i+1, l, want)
		}
	}
	if strings.Contains(c.stdout.String(), "Epoch ") {
		t.Errorf("progress on stdout:\n%s", c.stdout)
	}
}

// decayCheckLines are the lines stderr holds between the decay check's
// first line, which names the first network's prior as prior, and its
// outcome, without a last line starting with trailer (the check's own end
// of training); the test fails when either bound is missing.
func decayCheckLines(t *testing.T, stderr, prior, trailer string) []string {
	t.Helper()
	_, after, ok := strings.Cut(stderr, "Checking the decay: training again at 2 / training rows instead of "+prior+", from the same first weights…\n")
	if !ok {
		t.Fatalf("no decay check on stderr:\n%s", stderr)
	}
	block, _, ok := strings.Cut(after, "Decay check on the ")
	if !ok {
		t.Fatalf("no decay outcome on stderr:\n%s", stderr)
	}
	lines := strings.Split(strings.TrimSuffix(block, "\n"), "\n")
	if len(lines) > 0 && strings.HasPrefix(lines[len(lines)-1], trailer) {
		lines = lines[:len(lines)-1]
	}
	return lines
}
