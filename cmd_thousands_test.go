package main

import (
	"context"
	"strings"
	"testing"

	"github.com/retainlab/retain/engine/metrics"
)

// TestCountsInTextAreGrouped: eval's confusion matrix, gains table and
// bands, and its cross-validation line printed counts of 1,000 and more
// without separators (4781, 1409, 7043) where the rest of the output
// groups them (review31 #10). The figures are telco's, from
// `retain eval --model telco.json --data …Telco…csv`, typed in here.
func TestCountsInTextAreGrouped(t *testing.T) {
	var b strings.Builder
	printConfusion(&b, metrics.Confusion{TN: 4781, FP: 393, FN: 958, TP: 911})
	want := "Confusion matrix:\n" +
		"              predicted 0  predicted 1\n" +
		"    actual 0        4,781          393\n" +
		"    actual 1          958          911\n"
	if b.String() != want {
		t.Errorf("confusion matrix:\n%s\nwant\n%s", b.String(), want)
	}
	for v, want := range map[float64]string{1409: "1,409", 7043: "7,043", 545: "545", 1234.5: "1,234.5", 12.5: "12.5", 1234567: "1,234,567"} {
		if got := gainsCount(v); got != want {
			t.Errorf("gainsCount(%v) = %q, want %q", v, got, want)
		}
	}
}

// TestEvalTablesGroupCounts: eval --model on 2,400 users prints the gains
// table's and the bands' counts of 1,000 and more grouped: the gains row
// at 50 % targets 1,200 users and the rest band (below the top half) holds
// 1,200 (bands and tenths as eval counts them: shares of the 2,400).
func TestEvalTablesGroupCounts(t *testing.T) {
	users := usersCSV(t, 2400)
	model := trainModel(t, users)
	c := newCLI(t)
	if code := c.run(context.Background(), "eval", "--model", model, "--data", users); code != exitOK {
		t.Fatalf("exit %d: %s", code, c.stderr.String())
	}
	out := c.stdout.String()
	for _, want := range []string{"   50.0%  1,200  ", "   100.0%  2,400  ", "     rest  1,200  "} {
		if !strings.Contains(out, want) {
			t.Errorf("eval lacks %q:\n%s", want, out)
		}
	}
}

// TestCrossValidatingLineGroupsRows: eval --cv says the rows with a
// thousands separator.
func TestCrossValidatingLineGroupsRows(t *testing.T) {
	users := usersCSV(t, 1200)
	c := newCLI(t)
	if code := c.run(context.Background(), "eval", "--cv", "2", "--data", users, "--epochs", "1", "--layers", "4"); code != exitOK {
		t.Fatalf("exit %d: %s", code, c.stderr.String())
	}
	if !strings.Contains(c.stderr.String(), ": 1,200 rows in 2 folds\n") {
		t.Errorf("stderr lacks \": 1,200 rows in 2 folds\":\n%s", c.stderr.String())
	}
}
