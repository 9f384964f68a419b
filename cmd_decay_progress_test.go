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
	_, after, ok := strings.Cut(stderr, "Checking the decay: training again at 2 / training rows instead of 20, from the same first weights…\n")
	if !ok {
		t.Fatalf("no decay check on stderr:\n%s", stderr)
	}
	block, _, ok := strings.Cut(after, "Decay check on the ")
	if !ok {
		t.Fatalf("no decay outcome on stderr:\n%s", stderr)
	}
	lines := strings.Split(strings.TrimSuffix(block, "\n"), "\n")
	if len(lines) > 0 && strings.HasPrefix(lines[len(lines)-1], "Kept the weights of epoch ") {
		lines = lines[:len(lines)-1]
	}
	if len(lines) != 4 {
		t.Fatalf("between the decay check's first line and its outcome: %q, want the 4 epochs", block)
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
