package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// handMadeUsers is a 60-row table: plan has levels basic (25 rows), pro
// (25), max (6) and gold (4), so max and gold fold into "(other)"; spend
// has one extreme customer (10000) and visits a few.
func handMadeUsers() string {
	var b strings.Builder
	b.WriteString("user,spend,visits,plan,promo,churn\n")
	plans := []string{"basic", "pro"}
	for i := range 60 {
		plan := plans[i%2]
		switch {
		case i >= 56:
			plan = "gold"
		case i >= 50:
			plan = "max"
		}
		spend := fmt.Sprint(10 + 3*i)
		if i == 7 {
			spend = "10000"
		}
		fmt.Fprintf(&b, "u%02d,%s,%d,%s,%s,%s\n", i, spend, (i*7)%23, plan, []string{"no", "yes"}[i%3/2], []string{"no", "yes"}[(i*5)%7/4])
	}
	return b.String()
}

// trainSmallModel trains a small model on path and returns the model file.
func trainSmallModel(t *testing.T, path string, extra ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "model.json")
	c := newCLI(t)
	args := append([]string{"train", "--data", path, "--epochs", "2", "--layers", "4", "--out", out}, extra...)
	if code := c.run(context.Background(), args...); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	return out
}

// TestModelFileHoldsNoSmallGroup trains on the shared online_shoppers set
// and on a hand-made table and checks, against the training file itself,
// that every range bound of the model file has at least 10 training rows at
// it or beyond, that every one-hot level was seen at least 10 times, and
// that neither file records its path. The model's pipeline is fitted on
// training rows only, a subset of the file, so the counts over the whole
// file are a lower bound's upper side: a bound is also checked to lie
// within the file's values (it is one of them).
func TestModelFileHoldsNoSmallGroup(t *testing.T) {
	hand := writeFile(t, "users.csv", handMadeUsers())
	sets := []string{hand}
	shoppers := filepath.Join("..", "shared", "datasets", "online_shoppers", "online_shoppers_intention.csv")
	if _, err := os.Stat(shoppers); err == nil {
		sets = append(sets, shoppers)
	} else {
		t.Logf("shared data set not found at %s: checking the hand-made table only", shoppers)
	}
	for _, path := range sets {
		model := trainSmallModel(t, path)
		raw, err := os.ReadFile(model)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(raw), filepath.Base(path)) {
			t.Errorf("%s: the model file names its training file", path)
		}
		b, err := experiment.ReadBundle(strings.NewReader(string(raw)), model)
		if err != nil {
			t.Fatal(err)
		}
		cols := readColumns(t, path)
		for _, pc := range b.Pipeline.Columns {
			cells := cols[pc.Name]
			switch pc.Kind {
			case data.Categorical:
				counts := map[string]int{}
				for _, c := range cells {
					counts[c]++
				}
				for i, l := range pc.Levels {
					if pc.Other && i == len(pc.Levels)-1 {
						continue
					}
					if counts[l] < data.MinGroup {
						t.Errorf("%s: %s level %q seen %d times in the whole file", path, pc.Name, l, counts[l])
					}
				}
			case data.Numeric:
				var atOrBelow, atOrAbove int
				var seenMin, seenMax bool
				for _, c := range cells {
					v, err := parseNumber(c)
					if err != nil {
						continue
					}
					if v <= pc.Min {
						atOrBelow++
					}
					if v >= pc.Max {
						atOrAbove++
					}
					seenMin, seenMax = seenMin || v == pc.Min, seenMax || v == pc.Max
				}
				if atOrBelow < data.MinGroup || atOrAbove < data.MinGroup || !seenMin || !seenMax {
					t.Errorf("%s: %s range [%v, %v]: %d rows at or below, %d at or above", path, pc.Name, pc.Min, pc.Max, atOrBelow, atOrAbove)
				}
				if !pc.Clip && b.Pipeline.Options.Scale == data.ScaleMinMax && pc.Scale != 1 {
					t.Errorf("%s: %s is min-max scaled without clipping", path, pc.Name)
				}
			}
		}
		if path == hand {
			spend := findColumn(b, "spend")
			if spend.Max >= 10000 || spend.Transformed(10000) != spend.Transformed(spend.Max) {
				t.Errorf("the one extreme spend: max %v, transformed %v", spend.Max, spend.Transformed(10000))
			}
			plan := findColumn(b, "plan")
			if strings.Join(plan.Levels, ",") != "basic,pro,(other)" || !plan.Other {
				t.Errorf("plan levels %q", plan.Levels)
			}
		}
	}
}

func findColumn(b *experiment.Bundle, name string) *data.PipelineColumn {
	for i := range b.Pipeline.Columns {
		if b.Pipeline.Columns[i].Name == name {
			return &b.Pipeline.Columns[i]
		}
	}
	return &data.PipelineColumn{}
}

func parseNumber(s string) (float64, error) {
	var v float64
	_, err := fmt.Sscan(strings.TrimSpace(s), &v)
	if err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
		err = errors.New("not finite")
	}
	return v, err
}

// readColumns reads a CSV into its columns by header name.
func readColumns(t *testing.T, path string) map[string][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	cols := map[string][]string{}
	for _, r := range recs[1:] {
		for j, h := range recs[0] {
			cols[h] = append(cols[h], r[j])
		}
	}
	return cols
}

// TestTrainRefusesSmallTables: a model file of fewer than 10 customers is
// refused before training, and a column with fewer than 10 values too.
func TestTrainRefusesSmallTables(t *testing.T) {
	small := writeFile(t, "small.csv", "x,y\n1,yes\n2,no\n3,yes\n4,no\n5,yes\n6,no\n")
	c := newCLI(t)
	out := filepath.Join(t.TempDir(), "m.json")
	code := c.run(context.Background(), "train", "--data", small, "--epochs", "1", "--out", out)
	want := "retain: data: the pipeline was fitted on 4 training rows; a model file holds no statistic of fewer than 10 customers; no model can be written with --out\n"
	if code == exitOK || c.stderr.String() != want {
		t.Errorf("exit %d, stderr %q\nwant %q", code, c.stderr.String(), want)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a model file was written: %v", err)
	}
	var b strings.Builder
	b.WriteString("x,rare,y\n")
	for i := range 40 {
		rare := ""
		if i < 5 {
			rare = fmt.Sprint(i)
		}
		fmt.Fprintf(&b, "%d,%s,%s\n", i, rare, []string{"no", "yes"}[i%2])
	}
	c = newCLI(t)
	code = c.run(context.Background(), "train", "--data", writeFile(t, "rare.csv", b.String()), "--epochs", "1", "--out", out)
	if code == exitOK || !strings.Contains(c.stderr.String(), `"rare" (`) || !strings.Contains(c.stderr.String(), "fewer than 10 present training values") {
		t.Errorf("a mostly blank column: exit %d, stderr %q", code, c.stderr.String())
	}
}

var createdAt = regexp.MustCompile(`"created_at": "[^"]*"`)

// TestInspectGolden prints a hand-made table's model file in words
// (testdata/TestInspectGolden.golden; -update rewrites it).
func TestInspectGolden(t *testing.T) {
	engine.SetPortableKernels(true)
	t.Cleanup(func() { engine.SetPortableKernels(false) })
	model := trainSmallModel(t, writeFile(t, "users.csv", handMadeUsers()), "--calib", "0")
	raw, err := os.ReadFile(model)
	if err != nil {
		t.Fatal(err)
	}
	raw = createdAt.ReplaceAll(raw, []byte(`"created_at": "2026-12-01T00:00:00Z"`))
	fixed := filepath.Join(t.TempDir(), "model.json")
	if err := os.WriteFile(fixed, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	c := newCLI(t)
	if code := c.run(context.Background(), "inspect", "--model", fixed); code != exitOK {
		t.Fatalf("inspect: exit %d, stderr %q", code, c.stderr.String())
	}
	golden.RequireEqual(t, []byte(strings.ReplaceAll(c.stdout.String(), fixed, "model.json")))
}
