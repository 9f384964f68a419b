package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
)

func TestCategoricalUnknownColumnExitsTwoWithTheColumns(t *testing.T) {
	users := usersCSV(t, 100)
	for _, cmd := range [][]string{
		{"train", "--data", users, "--categorical", "visits,vists"},
		{"eval", "--cv", "3", "--data", users, "--categorical", "vists"},
		{"tune", "--data", users, "--categorical", "vists"},
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
	if code := c.run(context.Background(), "train", "--data", users, "--categorical", "visits,"); code != exitUsage {
		t.Errorf("an empty name: exit %d, want 2", code)
	}
	if want := "retain: --categorical \"visits,\": an empty column name\n"; !strings.HasSuffix(c.stderr.String(), want) {
		t.Errorf("an empty name: stderr %q", c.stderr.String())
	}
	// A saved model decides how it reads its columns.
	c = newCLI(t)
	if code := c.run(context.Background(), "eval", "--model", "m.json", "--data", users, "--categorical", "visits"); code != exitUsage {
		t.Errorf("eval --model with --categorical: exit %d, want 2", code)
	}
}

// TestCategoricalIsRecordedAndPredictReadsCodes trains with visits read
// as codes: the model file records it, inspect says so, and predict reads
// a new file's "3.0" as the code 3, scoring it as "3".
func TestCategoricalIsRecordedAndPredictReadsCodes(t *testing.T) {
	users := usersCSV(t, 300)
	out := filepath.Join(t.TempDir(), "model.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--data", users, "--categorical", "visits", "--epochs", "2",
		"--layers", "4", "--out", out); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
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
	if got := strings.Join(b.Source.Categorical, ","); got != "visits" {
		t.Errorf("model file's source categorical %q, want visits", got)
	}
	// usersCSV draws visits from 0..19, 300 users: ~15 each, every code
	// seen at least 10 times, so each has its own input.
	names := b.Pipeline.FeatureNames()
	if !strings.Contains(strings.Join(names, ","), "visits=3,") {
		t.Errorf("model inputs %q lack visits=3", names)
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "inspect", "--model", out); code != exitOK {
		t.Fatalf("inspect: exit %d, stderr %q", code, c.stderr.String())
	}
	if want := "Columns of numbers read as categorical codes (--categorical): visits."; !strings.Contains(c.stdout.String(), want) {
		t.Errorf("inspect lacks %q", want)
	}
	two := writeFile(t, "two.csv", "user_id,visits,spend,plan\nu1,3,50,basic\nu2,3.0,50,basic\n")
	c = newCLI(t)
	if code := c.run(context.Background(), "predict", "--model", out, "--data", two); code != exitOK {
		t.Fatalf("predict: exit %d, stderr %q", code, c.stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(c.stdout.String()), "\n")
	if len(lines) != 3 || strings.TrimPrefix(lines[1], "u1,") != strings.TrimPrefix(lines[2], "u2,") {
		t.Errorf("predict output (u1 and u2 should score alike):\n%s", c.stdout.String())
	}
}

// TestCodeHintOnStderrLeavesTheReading: a column of region codes gets a
// note suggesting --categorical, and is still read as numbers (one input);
// declared, the note goes away.
func TestCodeHintOnStderrLeavesTheReading(t *testing.T) {
	var b strings.Builder
	b.WriteString("user_id,Region,visits,churn\n")
	for i := range 120 {
		fmt.Fprintf(&b, "u%d,%d,%d,%s\n", i, i%9+1, i%7*3, []string{"no", "yes"}[i%3%2])
	}
	users := writeFile(t, "regions.csv", b.String())
	out := filepath.Join(t.TempDir(), "m.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--data", users, "--epochs", "1", "--layers", "2", "--out", out); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	note := "note: " + users + ": column \"Region\": whole numbers 1–9 with 9 distinct values, named like a code; if they are codes, not amounts, give --categorical Region\n"
	if !strings.Contains(c.stderr.String(), note) {
		t.Errorf("train stderr lacks %q:\n%s", note, c.stderr.String())
	}
	if strings.Contains(c.stderr.String(), `column "visits": whole`) {
		t.Errorf("visits (a count) was hinted:\n%s", c.stderr.String())
	}
	bundle := readModel(t, out)
	if got := strings.Join(bundle.Pipeline.FeatureNames(), ","); got != "Region,visits" {
		t.Errorf("default inputs %q, want Region,visits: the hint must not change the reading", got)
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "train", "--data", users, "--epochs", "1", "--layers", "2", "--categorical", "Region", "--out", out); code != exitOK {
		t.Fatalf("train --categorical: exit %d, stderr %q", code, c.stderr.String())
	}
	if strings.Contains(c.stderr.String(), "named like a code") {
		t.Errorf("a declared column is still hinted:\n%s", c.stderr.String())
	}
}
