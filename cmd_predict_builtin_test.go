package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
)

// TestPredictScoresTheBuiltinShop scores the built-in shop without a file
// and checks each line against the model file scoring the same population
// (experiment.Load and Bundle.ScoreTable) directly; --explain adds reasons.
func TestPredictScoresTheBuiltinShop(t *testing.T) {
	model := filepath.Join(t.TempDir(), "shop.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--builtin-users", "600", "--epochs", "1", "--layers", "8", "--out", model); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "predict", "--model", model, "--builtin-users", "40", "--builtin-seed", "5", "--explain", "2"); code != exitOK {
		t.Fatalf("predict: exit %d, stderr %q", code, c.stderr.String())
	}
	f, err := os.Open(model)
	if err != nil {
		t.Fatal(err)
	}
	bundle, err := experiment.ReadBundle(f, model)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	d, err := experiment.Load(experiment.Source{Kind: "builtin", Users: 40, DataSeed: 5}, nil)
	if err != nil {
		t.Fatal(err)
	}
	scored, err := bundle.ScoreTable(d.Table)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(c.stdout.String(), "\n"), "\n")
	if len(lines) != 41 || !strings.HasSuffix(lines[0], ",reason_1,reason_2") {
		t.Fatalf("%d lines, header %q", len(lines), lines[0])
	}
	for i, p := range scored.Probabilities {
		cells := strings.Split(lines[i+1], ",")
		if cells[0] != scored.IDs[i] || cells[1] != strconv.FormatFloat(p, 'f', 6, 64) || len(cells) != 5 {
			t.Fatalf("line %d: %q, want id %s and probability %.6f", i+1, lines[i+1], scored.IDs[i], p)
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--builtin-users", "0"}, "retain: --builtin-users 0: want 1..50000000\n"},
		{[]string{"--data", "users.csv", "--builtin-seed", "3"}, "retain: --builtin-seed applies to --builtin-users\n"},
	} {
		c := newCLI(t)
		if code := c.run(context.Background(), append([]string{"predict", "--model", model}, tc.args...)...); code != exitUsage || c.stderr.String() != tc.want {
			t.Errorf("%v: exit %d, stderr %q; want %d, %q", tc.args, code, c.stderr.String(), exitUsage, tc.want)
		}
	}
}
