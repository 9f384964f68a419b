package main

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// grouped reads a count written with thousands separators ("10,800"),
// failing unless every group after the first has three digits.
func grouped(t *testing.T, s string) int {
	t.Helper()
	if !regexp.MustCompile(`^\d{1,3}(,\d{3})*$`).MatchString(s) {
		t.Fatalf("%q is not a count grouped in thousands", s)
	}
	n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestTrainAndTuneGroupTheirRowCounts: train's "Training on" line said
// "10800 train, 1200 validation" beside "12,000 users" on the same line,
// and its decay check "on the 1200 validation rows"; tune's lines the
// same. Every row count is grouped as the other figures are. The parts
// must add up to the 12,000 (train) and 1,500 (tune) users asked for; the
// validation part is the default 10 % of them per class, rounded, so its
// size is checked to within a row per class.
func TestTrainAndTuneGroupTheirRowCounts(t *testing.T) {
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--builtin-users", "12000", "--epochs", "1", "--out", t.TempDir()+"/m.json"); code != exitOK {
		t.Fatalf("train: exit %d; stderr %s", code, c.stderr.String())
	}
	out := c.stderr.String()
	m := regexp.MustCompile(`Training on built-in shop \(12,000 users, seed 0\): ([\d,]+) train, ([\d,]+) validation, ([\d,]+) test rows`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no Training on line:\n%s", out)
	}
	train, val, test := grouped(t, m[1]), grouped(t, m[2]), grouped(t, m[3])
	if train+val+test != 12000 || val < 1198 || val > 1202 || test != 0 {
		t.Errorf("parts %d + %d + %d; want 12,000 with about 1,200 validation and no test", train, val, test)
	}
	if !strings.Contains(out, "Decay check on the "+m[2]+" validation rows: ") {
		t.Errorf("the decay check does not name the %s validation rows:\n%s", m[2], out)
	}

	c = newCLI(t)
	if code := c.run(context.Background(), "tune", "--builtin-users", "1500", "--trials", "1", "--folds", "2", "--budget", "0",
		"--out", t.TempDir()+"/m.json"); code != exitOK {
		t.Fatalf("tune: exit %d; stderr %s", code, c.stderr.String())
	}
	out = c.stderr.String()
	if !strings.Contains(out, "2-fold cross-validation of 1,500 rows") {
		t.Errorf("tune does not group its rows:\n%s", out)
	}
	m = regexp.MustCompile(`Training trial 1 on built-in shop \(1,500 users, seed 0\): ([\d,]+) train, ([\d,]+) validation rows`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no Training trial line:\n%s", out)
	}
	if train, val := grouped(t, m[1]), grouped(t, m[2]); train+val != 1500 || train < 1000 {
		t.Errorf("parts %d + %d; want 1,500 with over a thousand to train", train, val)
	}
}
