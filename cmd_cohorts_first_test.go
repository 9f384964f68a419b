package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// firstCohortText is ten copies of data's TestFirstCohortByHand log:
// January acquires a1–a4 (a1, a2 buying every month to April, a3 in
// February too), February b1–b4 (b1 buying to April), March c1–c2 (c1 in
// April too); the log ends on 30 April.
func firstCohortText() string {
	months := [][2]any{{"a1", []int{1, 2, 3, 4}}, {"a2", []int{1, 2, 3, 4}}, {"a3", []int{1, 2}}, {"a4", []int{1}},
		{"b1", []int{2, 3, 4}}, {"b2", []int{2}}, {"b3", []int{2}}, {"b4", []int{2}}, {"c1", []int{3, 4}}, {"c2", []int{3}}}
	var b strings.Builder
	b.WriteString("customer,date\n")
	for r := range 10 {
		for _, c := range months {
			for _, m := range c[1].([]int) {
				fmt.Fprintf(&b, "%s-%d,2024-%02d-%02d\n", c[0], r, m, 10+20*boolInt(m == 4 && c[0] == "a1"))
			}
		}
	}
	return b.String()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestCohortsFirstCohortFlagged: the first cohort, which comes back 15/7
// as often as the later ones at the same ages (50 against 70/3, worked out
// in data's TestFirstCohortByHand), is marked, said to look like earlier
// customers, and followed by the average without it: by hand 60/60, 20/60
// (b1, c1 of 60), 10/40 (b1 of 40). The average with it, from 100
// customers: 100 %, 50/100, 30/80, 20/40, over 3, 3, 2, 1 cohorts; January
// holds 40 of the 40 customers of period 3, more than half.
func TestCohortsFirstCohortFlagged(t *testing.T) {
	path := writeFile(t, "first.csv", firstCohortText())
	c := newCLI(t)
	if code := c.run(context.Background(), "cohorts", "--log", path); code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	want := `cohort      size       0      1      2      3
2024-01^      40  100.0%  75.0%  50.0%  50.0%
2024-02       40  100.0%  25.0%  25.0%
2024-03       20  100.0%  50.0%
average      100  100.0%  50.0%  37.5%  50.0%
cohorts                3      3      2      1
w/o 2024-01   60  100.0%  33.3%  25.0%
`
	if got := c.stdout.String(); got != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", got, want)
	}
	for _, s := range []string{
		"^ cohort 2024-01 starts with the log (2024-01-10): it holds every customer whose first order in the log is in its month, which may include customers who bought before the log began.",
		"In periods 1–2 its customers bought 2.14× as often as the later cohorts' at the same ages (50 against 23 expected): they look like customers who bought before the log began, not new ones; the row \"w/o 2024-01\" averages the other cohorts.",
		"The average of period 3 is mostly cohort 2024-01's own row",
	} {
		if !strings.Contains(c.stderr.String(), s) {
			t.Errorf("stderr %q lacks %q", c.stderr.String(), s)
		}
	}
}

// TestCohortsNoAverage: a log whose only month is partly observed has no
// average, and says why instead of printing an empty average row.
func TestCohortsNoAverage(t *testing.T) {
	path := writeFile(t, "oneday.csv", "customer,date\nC1,2024-03-01\nC2,2024-03-01\n")
	c := newCLI(t)
	if code := c.run(context.Background(), "cohorts", "--log", path); code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	if want := "cohort   size       0\n2024-03^    2  100.0%*\n"; c.stdout.String() != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", c.stdout.String(), want)
	}
	if s := "No month is fully observed (the log ends before its only month does): there is no average."; !strings.Contains(c.stderr.String(), s) {
		t.Errorf("stderr %q lacks %q", c.stderr.String(), s)
	}
}
