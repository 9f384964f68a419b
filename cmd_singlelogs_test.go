package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeLog writes lines under a header to a file of dir and returns its
// path.
func writeLog(t *testing.T, dir, name, header string, lines []string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(header+"\n"+strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A log whose customer column is a per-order key (1,200 orders, each its
// own customer, three a day from 2011-01-01; on or before the cutoff
// 2011-12-01, day 334, 335 × 3 = 1,005 of them): cohorts asks the question
// train and backtest ask and says no 0/0 ratio, and train's refusal
// writes 1,200 with its separator (review 38 #5).
func TestCohortsPerOrderKey(t *testing.T) {
	var lines []string
	day := time.Date(2011, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 1200 {
		lines = append(lines, fmt.Sprintf("o%d,%s,5", i, day.AddDate(0, 0, i/3).Format(time.DateOnly)))
	}
	log := writeLog(t, t.TempDir(), "keys.csv", "customer_id,date,amount", lines)
	c := newCLI(t)
	if code := c.run(context.Background(), "cohorts", "--log", log); code != exitOK {
		t.Fatalf("exit %d: %s", code, c.stderr.String())
	}
	notes := c.stderr.String()
	want := "warning: " + log + `: every customer has one order, so every cell after period 0 is 0.0 % — is the customer column "customer_id" a per-order key? name the customer column with --log-columns customer=COL` + "\n"
	if !strings.Contains(notes, want) {
		t.Errorf("cohorts does not ask about a per-order key, want\n%s\ngot\n%s", want, notes)
	}
	if strings.Contains(notes, "0.00×") || !strings.Contains(notes, "neither its customers nor the later cohorts' at the same ages bought again: there is nothing to compare.") {
		t.Errorf("cohorts prints 0 against 0 as a ratio:\n%s", notes)
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "train", "--log", log, "--cutoff", "2011-12-01", "--out", filepath.Join(t.TempDir(), "m.json")); code == exitOK {
		t.Fatal("train accepted a log of one order a customer")
	}
	if !strings.Contains(c.stderr.String(), "no customer orders again within the 30-day horizon (0 of 1,005 customers): every customer has one order") {
		t.Errorf("train's refusal:\n%s", c.stderr.String())
	}
}

// A log of one customer: train says so, not that a shorter horizon would
// help (review 38 #4).
func TestTrainOneCustomer(t *testing.T) {
	var lines []string
	day := time.Date(2011, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 100 {
		lines = append(lines, fmt.Sprintf("c1,%s,5", day.AddDate(0, 0, 3*i).Format(time.DateOnly)))
	}
	log := writeLog(t, t.TempDir(), "one.csv", "customer_id,date,amount", lines)
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--log", log, "--out", filepath.Join(t.TempDir(), "m.json")); code == exitOK {
		t.Fatal("train accepted a log of one customer")
	}
	const want = ": the log has one customer at the cutoff: the label has one class whatever the horizon, and a model needs customers who order again and customers who do not: train on a log of many customers\n"
	if got := c.stderr.String(); !strings.Contains(got, want) || strings.Contains(got, "shorter --horizon") {
		t.Errorf("got\n%s\nwant …%s", got, want)
	}
}
