package data

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retainlab/retain/internal/shareddata"
)

// firstCohortLog writes copies replicas of ten customers, worked out by
// hand in TestFirstCohortByHand: January acquires a1–a4, February b1–b4,
// March c1–c2; each line is the months a customer buys in. The log ends
// on 30 April, the month's last day, so no cell is partial.
func firstCohortLog(t *testing.T, copies int) *OrderLog {
	t.Helper()
	months := map[string][]int{
		"a1": {1, 2, 3, 4}, "a2": {1, 2, 3, 4}, "a3": {1, 2}, "a4": {1},
		"b1": {2, 3, 4}, "b2": {2}, "b3": {2}, "b4": {2},
		"c1": {3, 4}, "c2": {3},
	}
	var b strings.Builder
	b.WriteString("customer,date,amount\n")
	for r := range copies {
		for id, ms := range months {
			for _, m := range ms {
				day := 10
				if m == 4 && id == "a1" {
					day = 30
				}
				fmt.Fprintf(&b, "%s-%d,2024-%02d-%02d,5\n", id, r, m, day)
			}
		}
	}
	log, err := ReadOrderLog(strings.NewReader(b.String()), "first.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return log
}

// TestFirstCohortByHand checks the average without the first cohort and
// the first cohort's check by hand. Without January: period 0 is 6 of 6
// (2 cohorts), period 1 is b1 and c1, 2 of 6 (1/3), period 2 is b1, 1 of
// 4; period 3 only January observed, so the curve stops at 2. January's
// check: period 1 observes 3 (a1–a3) against 4 × 1/3, period 2 observes 2
// against 4 × 1/4 = 1; period 3 has no later cohort. Observed 5, expected
// 7/3, ratio 15/7; the excess 8/3 is under 3 × √(7/3) ≈ 4.58, so one copy
// is not flagged; ten copies (observed 50, expected 70/3, excess 26.7
// against 3 × √(70/3) ≈ 14.5) are. January holds 4 of the 10 customers of
// period 1's average and 4 of 8 of period 2's (not more than half), all 4
// of period 3's: it dominates from period 3.
func TestFirstCohortByHand(t *testing.T) {
	for _, c := range []struct {
		copies int
		flag   bool
	}{{1, false}, {10, true}} {
		r, err := CohortRetention(firstCohortLog(t, c.copies), ByMonth)
		if err != nil {
			t.Fatal(err)
		}
		n := c.copies
		want := []RetentionPoint{{0, 6 * n, 6 * n, 1, 2}, {1, 2 * n, 6 * n, 1.0 / 3, 2}, {2, n, 4 * n, 0.25, 1}}
		if len(r.AverageWithoutFirst) != len(want) {
			t.Fatalf("%d copies: average without the first = %+v, want %+v", n, r.AverageWithoutFirst, want)
		}
		for k, w := range want {
			g := r.AverageWithoutFirst[k]
			if g.Period != w.Period || g.Active != w.Active || g.Base != w.Base || g.Cohorts != w.Cohorts || math.Abs(g.Share-w.Share) > 1e-12 {
				t.Errorf("%d copies: point %d = %+v, want %+v", n, k, g, w)
			}
		}
		fc := r.FirstCohort
		if fc.Label != "2024-01" || fc.Size != 4*n || fc.Periods != 2 || fc.Observed != 5*n ||
			math.Abs(fc.Expected-7.0*float64(n)/3) > 1e-9 || math.Abs(fc.Ratio-15.0/7) > 1e-12 || fc.LooksExisting != c.flag {
			t.Errorf("%d copies: first cohort %+v, want 2024-01, size %d, 2 periods, observed %d, expected %.4f, ratio %.6f, flagged %v",
				n, fc, 4*n, 5*n, 7.0*float64(n)/3, 15.0/7, c.flag)
		}
		if k, ok := r.FirstDominates(); !ok || k != 3 {
			t.Errorf("%d copies: first cohort dominates from %d (%v), want 3", n, k, ok)
		}
	}
}

// TestFirstCohortOneCohort: a log of one cohort has nothing to compare it
// with, and a log whose only period is partial has no average at all.
func TestFirstCohortOneCohort(t *testing.T) {
	log, err := ReadOrderLog(strings.NewReader("customer,date\na,2024-03-01\nb,2024-03-01\n"), "oneday.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := CohortRetention(log, ByMonth)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Average) != 0 || len(r.AverageWithoutFirst) != 0 || r.FirstCohort.Periods != 0 || r.FirstCohort.LooksExisting {
		t.Errorf("average %+v, without first %+v, check %+v; want all empty", r.Average, r.AverageWithoutFirst, r.FirstCohort)
	}
	if _, ok := r.FirstDominates(); ok {
		t.Error("one cohort dominates its own average")
	}
}

// TestFirstCohortReference compares the average without the first cohort
// and the first cohort's check with pandas' (testdata/cohorts/cohorts.py,
// <name>_<period>_first.csv): Online Retail's first month, every customer
// buying in December 2010 when the log begins, is flagged (1.41× the
// later cohorts' returns by month, 1.71× by week); CDNOW's, whose first
// cohorts are all new customers (1.03×, 1.04×), is not.
func TestFirstCohortReference(t *testing.T) {
	for _, c := range []struct {
		name, path string
		flag       bool
	}{{"cdnow", cdnowPath, false}, {"online_retail", retailParquetPath, true}} {
		f, err := os.Open(c.path)
		if err != nil {
			shareddata.Missing(t, c.path, err)
		}
		log, err := ReadOrderLog(f, filepath.Base(c.path), LogOptions{})
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []RetentionPeriod{ByMonth, ByWeek} {
			r, err := CohortRetention(log, p)
			if err != nil {
				t.Fatal(err)
			}
			rows := readRefCSV(t, filepath.Join(retentionRefDir, fmt.Sprintf("%s_%s_first.csv", c.name, p)))
			check := rows[len(rows)-1]
			rows = rows[:len(rows)-1]
			if len(rows) != len(r.AverageWithoutFirst) {
				t.Fatalf("%s by %s: %d points without the first cohort, pandas %d", c.name, p, len(r.AverageWithoutFirst), len(rows))
			}
			for i, row := range rows {
				g := r.AverageWithoutFirst[i]
				if g.Period != atoiRef(t, row[0]) || g.Active != atoiRef(t, row[1]) || g.Base != atoiRef(t, row[2]) ||
					math.Abs(g.Share-atofRef(t, row[3])) > 1e-11 || g.Cohorts != atoiRef(t, row[4]) {
					t.Errorf("%s by %s: point %d = %+v, pandas %v", c.name, p, i, g, row)
				}
			}
			fc := r.FirstCohort
			if fc.Periods != atoiRef(t, check[1]) || fc.Observed != atoiRef(t, check[2]) ||
				math.Abs(fc.Expected-atofRef(t, check[3])) > 1e-6 || math.Abs(fc.Ratio-atofRef(t, check[4])) > 1e-11 {
				t.Errorf("%s by %s: check %+v, pandas %v", c.name, p, fc, check)
			}
			if fc.LooksExisting != c.flag {
				t.Errorf("%s by %s: first cohort flagged %v, want %v (%+v)", c.name, p, fc.LooksExisting, c.flag, fc)
			}
		}
	}
}
