package main

import (
	"context"
	"strings"
	"testing"
)

// negLog is the review's neg.csv: B's first line, A's second and C's only
// line have negative amounts, so they are read as cancellations; A and B
// are left with one order each, C with none.
const negLog = "customer,date,amount\nA,2024-01-05,10\nB,2024-01-07,-20\nA,2024-02-10,-5\nB,2024-03-01,30\nC,2024-03-02,-7\n"

// TestNegativeAmountsNamed: the load notes count the lines cancelled only
// for a negative amount, with the first one's line and column and the
// customer left with no order, and backtest and train, refusing a log in
// which every customer has one order, name those lines as the cause
// before asking about the customer column (they asked only whether the
// customer column is a per-order key).
func TestNegativeAmountsNamed(t *testing.T) {
	path := writeFile(t, "neg.csv", negLog)
	const loaded = "left out: 3 cancelled (3 only for a negative amount, the first on line 3, column 3; 1 customer had no other line)"
	const why = "every customer has one order, so no fold has a customer who orders again — once 3 lines with a negative amount are left out as cancellations (the first on line 3, column 3): " +
		"if they are orders, their amounts must not be negative; otherwise is the customer column \"customer\" a per-order key?"
	c := newCLI(t)
	if code := c.run(context.Background(), "backtest", "--log", path, "--horizon", "30d"); code != exitUsage {
		t.Fatalf("backtest: exit %d, want %d; stderr %q", code, exitUsage, c.stderr.String())
	}
	for _, s := range []string{loaded, why} {
		if !strings.Contains(c.stderr.String(), s) {
			t.Errorf("backtest: stderr %q lacks %q", c.stderr.String(), s)
		}
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "train", "--log", path, "-o", writeFile(t, "m.json", "")); code != exitUsage {
		t.Fatalf("train: exit %d, want %d; stderr %q", code, exitUsage, c.stderr.String())
	}
	if s := "every customer has one order — once 3 lines with a negative amount are left out as cancellations (the first on line 3, column 3)"; !strings.Contains(c.stderr.String(), s) {
		t.Errorf("train: stderr %q lacks %q", c.stderr.String(), s)
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "cohorts", "--log", path); code != exitOK {
		t.Fatalf("cohorts: exit %d; stderr %q", code, c.stderr.String())
	}
	if s := "Left out: 3 cancelled (3 only for a negative amount, the first on line 3, column 3; 1 customer had no other line)."; !strings.Contains(c.stderr.String(), s) {
		t.Errorf("cohorts: stderr %q lacks %q", c.stderr.String(), s)
	}
}
