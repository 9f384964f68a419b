package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestCohortsLeavesOutEarlyLines: one order retyped into year 1 among 200
// orders of 2024 (review21 finding 10) is warned about by line and column
// and left out: the table is that of the log without it (three months,
// not a column for every month since year 1), and the note counts it.
func TestCohortsLeavesOutEarlyLines(t *testing.T) {
	var b strings.Builder
	b.WriteString("customer,date,amount\n")
	for i := range 200 {
		// 2024-01-01 plus i%90 days: 2024-01-01 .. 2024-03-30.
		d := time.Date(2024, 1, 1+i%90, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
		fmt.Fprintf(&b, "c%d,%s,10\n", i%20, d)
	}
	clean := writeFile(t, "orders.csv", b.String())
	typo := writeFile(t, "typo.csv", strings.Replace(b.String(), "c5,2024-01-06,10", "c5,0001-01-06,10", 1))
	var outs []string
	for _, path := range []string{clean, typo} {
		c := newCLI(t)
		if code := c.run(context.Background(), "cohorts", "--log", path); code != exitOK {
			t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
		}
		outs = append(outs, c.stdout.String())
		if path != typo {
			continue
		}
		// c5's line is data line 6, file line 7.
		for _, s := range []string{"warning: " + typo + ": 1 of 200 lines is dated far before the rest of the log (the earliest: line 7, column 2, 0001-01-06; " +
			"the rest run 2024-01-01 .. 2024-03-30): a mistyped year? Correct or remove such lines: cohorts, features and charts count from the earliest date; " +
			"cohorts leaves them out: the table starts on 2024-01-01\n",
			": 20 customers, 199 orders, 2024-01-01 .. 2024-03-30, in 1 cohort",
			"Left out: 1 order dated far before the rest of the log.\n"} {
			if !strings.Contains(c.stderr.String(), s) {
				t.Errorf("stderr %q lacks %q", c.stderr.String(), s)
			}
		}
	}
	if outs[0] != outs[1] {
		t.Errorf("table with the early line:\n%s\nwithout:\n%s", outs[1], outs[0])
	}
}
