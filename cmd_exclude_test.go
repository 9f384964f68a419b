package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
)

func TestExcludeUnknownColumnExitsTwoWithTheColumns(t *testing.T) {
	users := usersCSV(t, 100)
	for _, cmd := range [][]string{
		{"train", "--data", users, "--exclude", "visits,vists"},
		{"eval", "--cv", "3", "--data", users, "--exclude", "vists"},
	} {
		c := newCLI(t)
		if code := c.run(context.Background(), cmd...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2", cmd, code)
		}
		want := "retain: unknown column: " + users + ": no column \"vists\" (columns: user_id, visits, spend, plan)\n"
		if got := c.stderr.String(); !strings.HasSuffix(got, want) {
			t.Errorf("%v: stderr %q, want it to end with %q", cmd, got, want)
		}
	}
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--data", users, "--exclude", "churn"); code != exitUsage {
		t.Errorf("--exclude of the label: exit %d, want 2", code)
	}
	if want := "retain: unknown column: " + users + ": \"churn\" is the label, not a feature column\n"; !strings.HasSuffix(c.stderr.String(), want) {
		t.Errorf("--exclude of the label: stderr %q", c.stderr.String())
	}
	// A saved model decides its own features.
	c = newCLI(t)
	if code := c.run(context.Background(), "eval", "--model", "m.json", "--data", users, "--exclude", "spend"); code != exitUsage {
		t.Errorf("eval --model with --exclude: exit %d, want 2", code)
	}
}

// TestExcludeIsRecordedAndPredictDropsTheColumns trains without spend and
// plan, then scores a file that lacks both columns: the model never asks
// for them.
func TestExcludeIsRecordedAndPredictDropsTheColumns(t *testing.T) {
	users := usersCSV(t, 200)
	out := filepath.Join(t.TempDir(), "model.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--data", users, "--exclude", "spend,plan", "--epochs", "2",
		"--layers", "4", "--out", out); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	for _, note := range []string{"column \"spend\" is not a feature: excluded", "column \"plan\" is not a feature: excluded"} {
		if !strings.Contains(c.stderr.String(), note) {
			t.Errorf("train stderr lacks %q:\n%s", note, c.stderr.String())
		}
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	b, err := experiment.ReadBundle(f, out)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(b.Source.Exclude, ","); got != "spend,plan" {
		t.Errorf("model file's source excludes %q, want spend,plan", got)
	}
	if got := strings.Join(b.Pipeline.FeatureNames(), ","); got != "visits" {
		t.Errorf("model features %q, want visits only", got)
	}
	narrow := writeFile(t, "narrow.csv", "user_id,visits\nu1,3\nu2,15\n")
	c = newCLI(t)
	if code := c.run(context.Background(), "predict", "--model", out, "--data", narrow); code != exitOK {
		t.Fatalf("predict without the excluded columns: exit %d, stderr %q", code, c.stderr.String())
	}
	if lines := strings.Split(strings.TrimSpace(c.stdout.String()), "\n"); len(lines) != 3 || lines[0] != "user_id,probability_churn_yes,predicted_churn" {
		t.Errorf("predict output:\n%s", c.stdout.String())
	}
}
