package data

import (
	"fmt"
	"strings"
	"testing"
)

// earlyLog writes n order lines of 2020, one a day from 2020-01-01 over
// 100 days, with the cells of set replacing the date of a line (by its
// 1-based data line).
func earlyLog(n int, set map[int]string) string {
	var b strings.Builder
	b.WriteString("customer,date,amount\n")
	for i := 1; i <= n; i++ {
		d := dayTime(DayNumber(ymd(2020, 1, 1)) + int32(i%100)).Format("2006-01-02")
		if s, ok := set[i]; ok {
			d = s
		}
		fmt.Fprintf(&b, "c%d,%s,10\n", i%30, d)
	}
	return b.String()
}

// TestEarlyDatesAreWarned: a stray ancient date (review21 finding 10:
// "0001-01-01" among orders of 1997–1998 went unsaid) is named by line and
// column; dates close to the rest, or many early dates, are not. Line 6
// of the file is data line 5 (the header is line 1).
func TestEarlyDatesAreWarned(t *testing.T) {
	read := func(in string) *OrderLog {
		t.Helper()
		log, err := ReadOrderLog(strings.NewReader(in), "o.csv", LogOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return log
	}
	log := read(earlyLog(300, map[int]string{5: "0001-01-01", 200: "1600-02-29"}))
	e := log.EarlyDated()
	// The rest: data line i is 2020-01-01 + i%100 days, so 2020-01-01 ..
	// 2020-04-09 (day 99).
	want := "o.csv: 2 of 300 lines are dated far before the rest of the log (the earliest: line 6, column 2, 0001-01-01; " +
		"the rest run 2020-01-01 .. 2020-04-09): a mistyped year? Correct or remove such lines: cohorts, features and charts count from the earliest date"
	if e == nil || e.String() != want {
		t.Fatalf("got %v\nwant %s", e, want)
	}
	for name, in := range map[string]string{
		"none":             earlyLog(300, nil),
		"a year before":    earlyLog(300, map[int]string{5: "2019-01-01"}), // 365 days before: no more than a year
		"fewer than 100":   earlyLog(99, map[int]string{5: "0001-01-01"}),
		"more than 1 %":    earlyLog(300, map[int]string{5: "1990-01-01", 6: "1990-01-01", 7: "1990-01-01", 8: "1990-01-01"}),
		"gap within range": earlyLog(300, map[int]string{5: "2017-01-01", 299: "2030-01-01"}),
	} {
		if e := read(in).EarlyDated(); e != nil {
			t.Errorf("%s: %s", name, e)
		}
	}
}

// TestCohortRetentionLeavesOutEarlyDates: the cohort table leaves out a
// stray ancient order (review21 finding 10: one "0001-01-01" line made a
// 23,964-column table) and counts it; the table is that of the log
// without the line.
func TestCohortRetentionLeavesOutEarlyDates(t *testing.T) {
	read := func(in string) *OrderLog {
		t.Helper()
		log, err := ReadOrderLog(strings.NewReader(in), "o.csv", LogOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return log
	}
	r, err := CohortRetention(read(earlyLog(300, map[int]string{5: "0001-01-01"})), ByMonth)
	if err != nil {
		t.Fatal(err)
	}
	// Without line 5: data line 5 removed from the same log.
	in := earlyLog(300, nil)
	lines := strings.Split(in, "\n")
	want, err := CohortRetention(read(strings.Join(append(lines[:5:5], lines[6:]...), "\n")), ByMonth)
	if err != nil {
		t.Fatal(err)
	}
	// The rest runs 2020-01-01 .. 2020-04-09: four months.
	if r.EarlyOrders != 1 || r.EarlyCustomers != 0 || r.Orders != 299 || r.MaxPeriods() != 4 ||
		!r.First.Equal(ymd(2020, 1, 1)) || fmt.Sprint(r.Cohorts) != fmt.Sprint(want.Cohorts) {
		t.Errorf("early %d/%d orders %d periods %d first %v\n got %v\nwant %v", r.EarlyOrders, r.EarlyCustomers, r.Orders, r.MaxPeriods(), r.First, r.Cohorts, want.Cohorts)
	}
	// A customer whose only order is the stray one is counted too.
	r, err = CohortRetention(read(earlyLog(300, nil)+"lone,1900-01-01,10\n"), ByMonth)
	if err != nil || r.EarlyOrders != 1 || r.EarlyCustomers != 1 || r.FutureCustomers != 0 || r.Customers != 30 {
		t.Errorf("lone: %v %+v", err, r)
	}
}
