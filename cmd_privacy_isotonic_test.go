package main

import (
	"context"
	"encoding/json"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// TestIsotonicModelHoldsNoSingleScore trains with --calibration isotonic
// and checks every number of the model file and of its SQLite export
// against the network's own (uncalibrated) score of every row of the
// file: none is a customer's score, as scikit-learn's breakpoints would
// be. Each point of the map is the mean of a block of at least 10
// calibration rows, whose scores lie strictly between the neighbouring
// points, so at least 10 of the file's rows score there.
func TestIsotonicModelHoldsNoSingleScore(t *testing.T) {
	path := writeFile(t, "rare.csv", rareUsers())
	model := trainSmallModel(t, path, "--val", "0.3", "--calibration", "isotonic", "--epochs", "20")
	raw, err := os.ReadFile(model)
	if err != nil {
		t.Fatal(err)
	}
	b, err := experiment.ReadBundle(strings.NewReader(string(raw)), model)
	if err != nil {
		t.Fatal(err)
	}
	iso := b.Calibration
	if iso == nil || iso.Isotonic == nil || len(iso.Isotonic.X) < 2 {
		t.Fatalf("calibration %+v: want an isotonic map of two points or more", iso)
	}
	if iso.Isotonic.MinRows != data.MinGroup {
		t.Errorf("min_rows %d, want %d", iso.Isotonic.MinRows, data.MinGroup)
	}
	uncal := *b
	uncal.Calibration = nil
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	scored, err := uncal.ScoreCSV(f, path)
	if err != nil {
		t.Fatal(err)
	}
	scores := map[float64]bool{}
	for _, p := range scored.Probabilities {
		scores[p] = true
	}
	var doc any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(where string, v any)
	walk = func(where string, v any) {
		switch v := v.(type) {
		case float64:
			if scores[v] {
				t.Errorf("model file %s = %v is a customer's score", where, v)
			}
		case []any:
			for i, e := range v {
				walk(where+"["+strconv.Itoa(i)+"]", e)
			}
		case map[string]any:
			for k, e := range v {
				walk(where+"."+k, e)
			}
		}
	}
	walk("", doc)

	xs := iso.Isotonic.X
	for i := range xs {
		n := 0
		for _, p := range scored.Probabilities {
			if (i == 0 || p > xs[i-1]) && (i == len(xs)-1 || p < xs[i+1]) {
				n++
			}
		}
		if n < data.MinGroup {
			t.Errorf("isotonic point %d (%v): %d rows score between its neighbours", i, xs[i], n)
		}
	}

	c := newCLI(t)
	if code := c.run(context.Background(), "export", "--model", model, "--dialect", "sqlite"); code != exitOK {
		t.Fatalf("export: exit %d, stderr %q", code, c.stderr.String())
	}
	for _, lit := range regexp.MustCompile(`\d+\.\d+(?:[eE][-+]?\d+)?`).FindAllString(c.stdout.String(), -1) {
		if v, err := strconv.ParseFloat(lit, 64); err == nil && scores[v] {
			t.Errorf("the SQL holds the literal %s, a customer's score", lit)
		}
	}

	c = newCLI(t)
	if code := c.run(context.Background(), "inspect", "--model", model); code != exitOK {
		t.Fatalf("inspect: exit %d, stderr %q", code, c.stderr.String())
	}
	if want := "each point is the mean probability and the mean label of a block of at least 10"; !strings.Contains(c.stdout.String(), want) {
		t.Errorf("inspect does not say %q:\n%s", want, c.stdout.String())
	}
}
