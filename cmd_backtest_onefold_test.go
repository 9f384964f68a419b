package main

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// One fold has no standard deviation (review 27, finding 5): backtest
// --folds 1 prints "–" in the std rows, not 0.0000, and --json gives
// "std": null; two folds give a number.
func TestBacktestOneFoldHasNoStd(t *testing.T) {
	path := writeFile(t, "year.csv", yearLog())
	for _, folds := range []string{"1", "2"} {
		args := []string{"backtest", "--log", path, "--horizon", "30d", "--epochs", "1", "--folds", folds}
		c := newCLI(t)
		if code := c.run(context.Background(), args...); code != exitOK {
			t.Fatalf("--folds %s: exit %d, stderr %s", folds, code, c.stderr.String())
		}
		var std []string
		for _, l := range strings.Split(c.stdout.String(), "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), "std") || len(std) == 1 && strings.Contains(l, "BG/NBD") {
				std = append(std, l)
			}
		}
		dash := regexp.MustCompile(`(network|BG/NBD) +– +– +– +–$`)
		number := regexp.MustCompile(`(network|BG/NBD) +\d+\.\d{4} +\d+\.\d{4} +\d+\.\d{4} +\d+\.\d{2}$`)
		want := map[string]*regexp.Regexp{"1": dash, "2": number}[folds]
		if len(std) != 2 || !want.MatchString(std[0]) || !want.MatchString(std[1]) {
			t.Errorf("--folds %s: std rows %q, want %s\n%s", folds, std, want, c.stdout.String())
		}
		c = newCLI(t)
		if code := c.run(context.Background(), append(args, "--json")...); code != exitOK {
			t.Fatalf("--folds %s --json: exit %d, stderr %s", folds, code, c.stderr.String())
		}
		var doc struct {
			Summary map[string]struct {
				Mean map[string]float64  `json:"mean"`
				Std  *map[string]float64 `json:"std"`
			} `json:"summary"`
		}
		if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		for _, model := range []string{"network", "bgnbd"} {
			s, ok := doc.Summary[model]
			if !ok || (s.Std == nil) != (folds == "1") || s.Mean["roc_auc"] == 0 {
				t.Errorf("--folds %s: %s summary %+v", folds, model, s)
			}
		}
	}
}
