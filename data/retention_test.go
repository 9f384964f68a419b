package data

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
)

// smallRetentionLog is worked out by hand in TestCohortRetentionByHand.
const smallRetentionLog = `customer,date,amount
a,2024-01-05,10
a,2024-02-10,20
a,2024-02-11,5
b,2024-01-20,7
b,2024-03-01,3
c,2024-02-02,4
d,2024-03-15,1
`

func readSmallRetentionLog(t *testing.T) *OrderLog {
	t.Helper()
	log, err := ReadOrderLog(strings.NewReader(smallRetentionLog), "small.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return log
}

// TestCohortRetentionByHand checks every cell of a monthly triangle worked
// out by hand: January acquires a and b, February c, March d; the log ends
// on 15 March, so March is partial.
func TestCohortRetentionByHand(t *testing.T) {
	r, err := CohortRetention(readSmallRetentionLog(t), ByMonth)
	if err != nil {
		t.Fatal(err)
	}
	type cell struct {
		customers, orders int
		revenue, share    float64
		partial           bool
	}
	want := []struct {
		label string
		size  int
		cells []cell
	}{
		{"2024-01", 2, []cell{{2, 2, 17, 1, false}, {1, 2, 25, 0.5, false}, {1, 1, 3, 0.5, true}}},
		{"2024-02", 1, []cell{{1, 1, 4, 1, false}, {0, 0, 0, 0, true}}},
		{"2024-03", 1, []cell{{1, 1, 1, 1, true}}},
	}
	if len(r.Cohorts) != len(want) {
		t.Fatalf("%d cohorts, want %d: %+v", len(r.Cohorts), len(want), r.Cohorts)
	}
	for i, w := range want {
		c := r.Cohorts[i]
		if c.Label != w.label || c.Size != w.size || len(c.Cells) != len(w.cells) {
			t.Fatalf("cohort %d = %s size %d with %d cells, want %s size %d with %d", i, c.Label, c.Size, len(c.Cells), w.label, w.size, len(w.cells))
		}
		for k, wc := range w.cells {
			g := c.Cells[k]
			if g.Customers != wc.customers || g.Orders != wc.orders || math.Abs(g.Revenue-wc.revenue) > 1e-9 ||
				g.Share != wc.share || g.Partial != wc.partial {
				t.Errorf("%s period %d = %+v, want %+v", w.label, k, g, wc)
			}
		}
	}
	// Period 0: January 2 of 2 and February 1 of 1 (March is partial);
	// period 1: January 1 of 2 (February's is partial); period 2 has only
	// a partial cell, so the curve stops before it.
	wantAvg := []RetentionPoint{{Period: 0, Active: 3, Base: 3, Share: 1, Cohorts: 2}, {Period: 1, Active: 1, Base: 2, Share: 0.5, Cohorts: 1}}
	if len(r.Average) != len(wantAvg) {
		t.Fatalf("average = %+v, want %+v", r.Average, wantAvg)
	}
	for k := range wantAvg {
		if r.Average[k] != wantAvg[k] {
			t.Errorf("average[%d] = %+v, want %+v", k, r.Average[k], wantAvg[k])
		}
	}
	if !r.StartPartial || !r.EndPartial || r.Customers != 4 || r.Orders != 7 || !r.HasAmount {
		t.Errorf("StartPartial %v EndPartial %v Customers %d Orders %d HasAmount %v, want true true 4 7 true",
			r.StartPartial, r.EndPartial, r.Customers, r.Orders, r.HasAmount)
	}
}

// TestCohortRetentionWeeks checks ISO weeks: 2024-01-01 is a Monday, so a
// (5 Jan) and b (20 Jan → week of 15 Jan) fall in different cohorts, and
// the log starts and ends on a Friday (both weeks partial).
func TestCohortRetentionWeeks(t *testing.T) {
	r, err := CohortRetention(readSmallRetentionLog(t), ByWeek)
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, c := range r.Cohorts {
		labels = append(labels, c.Label)
	}
	// a: week of 1 Jan; b: 15 Jan; c: 29 Jan (2 Feb is a Friday); d: 11 Mar.
	if got := strings.Join(labels, " "); got != "2024-01-01 2024-01-15 2024-01-29 2024-03-11" {
		t.Errorf("weekly cohorts %s", got)
	}
	// a's cohort runs from the week of 1 Jan to that of 11 Mar: 11 weeks.
	// a bought again on 10 and 11 Feb (Saturday, Sunday: one week, 5
	// weeks after acquisition, two orders).
	a := r.Cohorts[0]
	if len(a.Cells) != 11 || a.Cells[5].Customers != 1 || a.Cells[5].Orders != 2 || a.Cells[5].Revenue != 25 {
		t.Errorf("first weekly cohort: %d cells, week 5 = %+v", len(a.Cells), a.Cells[5])
	}
	if !r.StartPartial || !r.EndPartial {
		t.Errorf("StartPartial %v EndPartial %v, want true true (starts and ends on a Friday)", r.StartPartial, r.EndPartial)
	}
}

func TestRetentionPeriodCalendar(t *testing.T) {
	for _, tc := range []struct {
		p    RetentionPeriod
		day  time.Time
		want string
	}{
		{ByWeek, ymd(1969, 12, 31), "1969-12-29"}, // before day 0
		{ByWeek, ymd(1970, 1, 4), "1969-12-29"},   // a Sunday
		{ByWeek, ymd(1970, 1, 5), "1970-01-05"},
		{ByWeek, ymd(2021, 1, 3), "2020-12-28"},
		{ByMonth, ymd(1969, 12, 31), "1969-12"},
		{ByMonth, ymd(2000, 2, 29), "2000-02"},
	} {
		if got := periodLabel(tc.p, periodIndex(tc.p, dayNumber(tc.day))); got != tc.want {
			t.Errorf("%s of %s = %s, want %s", tc.p, tc.day.Format(time.DateOnly), got, tc.want)
		}
	}
	// A log ending on the last day of its month is not partial.
	log := readSmallRetentionLog(t)
	log.Orders = append(log.Orders, Order{Customer: 0, Day: dayNumber(ymd(2024, 3, 31))})
	r, err := CohortRetention(log, ByMonth)
	if err != nil {
		t.Fatal(err)
	}
	if r.EndPartial || r.Cohorts[0].Cells[2].Partial || len(r.Average) != 3 {
		t.Errorf("ending on 31 March: EndPartial %v, partial cell %v, %d average points", r.EndPartial, r.Cohorts[0].Cells[2].Partial, len(r.Average))
	}
}

func TestCohortRetentionErrors(t *testing.T) {
	if _, err := CohortRetention(nil, ByMonth); err == nil || err.Error() != "cohort retention needs an order log with at least one order" {
		t.Errorf("nil log: %v", err)
	}
	_, err := ParseRetentionPeriod("day")
	if err == nil || err.Error() != `unknown retention period "day" (want month or week)` {
		t.Errorf("ParseRetentionPeriod(day): %v", err)
	}
	for _, s := range []string{"month", "Weeks", " week "} {
		if _, err := ParseRetentionPeriod(s); err != nil {
			t.Errorf("ParseRetentionPeriod(%q): %v", s, err)
		}
	}
}

// TestCohortRetentionLeavesOutFutureLines: lines dated after today (a's
// order retyped into 2104, and e whose only order is there) are left out
// and counted; the triangle is the one worked out by hand above, not one
// of some 960 monthly columns up to 2104.
func TestCohortRetentionLeavesOutFutureLines(t *testing.T) {
	in := smallRetentionLog + "a,2104-02-10,50\ne,2104-03-01,9\n"
	log, err := ReadOrderLog(strings.NewReader(in), "small.csv", LogOptions{Today: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	got, err := CohortRetention(log, ByMonth)
	if err != nil {
		t.Fatal(err)
	}
	want, err := CohortRetention(readSmallRetentionLog(t), ByMonth)
	if err != nil {
		t.Fatal(err)
	}
	if got.FutureOrders != 2 || got.FutureCustomers != 1 || got.Customers != 4 || got.Orders != 7 ||
		!got.Last.Equal(time.Date(2024, 3, 15, 0, 0, 0, 0, time.UTC)) || got.MaxPeriods() != 3 {
		t.Errorf("future orders %d, future customers %d, customers %d, orders %d, last %v, %d periods; want 2, 1, 4, 7, 2024-03-15, 3",
			got.FutureOrders, got.FutureCustomers, got.Customers, got.Orders, got.Last, got.MaxPeriods())
	}
	got.FutureOrders, got.FutureCustomers = 0, 0
	if g, w := fmt.Sprintf("%+v", *got), fmt.Sprintf("%+v", *want); g != w {
		t.Errorf("triangle\n got %s\nwant %s", g, w)
	}
	// Without a today, every line counts (so the 2104 lines do).
	log, err = ReadOrderLog(strings.NewReader(in), "small.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if all, err := CohortRetention(log, ByMonth); err != nil || all.FutureOrders != 0 || all.Customers != 5 || all.Orders != 9 {
		t.Errorf("no today: %v, %+v", err, all)
	}
}
