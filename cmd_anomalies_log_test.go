package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

// asOfLog writes an order log of February 2020: 40 customers c00..c39
// ordering every 7 days from day 1 + i%5, 10 customers n00..n09 first seen
// on the 20th (the last 10 days), and one line dated 2099-01-01, after
// today, which the default cutoff must ignore. The last date up to today
// is 2020-02-29 (c00, c05, … order on days 1, 8, 15, 22 and 29; the new
// customers on the 20th and the 29th).
func asOfLog(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("customer,date,amount\n")
	day := func(d int) string { return time.Date(2020, 2, d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly) }
	for i := range 40 {
		for d := 1 + i%5; d <= 29; d += 7 {
			fmt.Fprintf(&b, "c%02d,%s,%d\n", i, day(d), 10+i%7)
		}
	}
	for i := range 10 {
		fmt.Fprintf(&b, "n%02d,%s,%d\nn%02d,%s,%d\n", i, day(20), 5+i, i, day(29), 6+i)
	}
	b.WriteString("c00,2099-01-01,10\n")
	return writeFile(t, "orders.csv", b.String())
}

// TestAnomaliesLogScoresAsOfTheLastDate: without --cutoff, anomalies --log
// scored the cohort at the last date minus a 30-day horizon (2020-01-30
// here: no customer at all, since the log starts 2020-02-01), leaving out
// the customers first seen in those days. Now every customer is scored as
// of the last date up to today, the line dated 2099 ignored; --cutoff may
// be the last date; an earlier one leaves out the customers first seen
// after it (all 40 c-customers have ordered by 2020-02-05, no n-customer
// has by the 19th).
func TestAnomaliesLogScoresAsOfTheLastDate(t *testing.T) {
	log := asOfLog(t)
	for _, tc := range []struct {
		args []string
		read string
	}{
		{nil, "Read " + log + " (order log, customers as of 2020-02-29): 50 users\n"},
		{[]string{"--cutoff", "2020-02-29"}, "Read " + log + " (order log, customers as of 2020-02-29): 50 users\n"},
		{[]string{"--cutoff", "2020-02-19"}, "Read " + log + " (order log, customers as of 2020-02-19): 40 users\n"},
	} {
		c := newCLI(t)
		args := append([]string{"anomalies", "--log", log, "--top", "2"}, tc.args...)
		if code := c.run(context.Background(), args...); code != exitOK {
			t.Fatalf("%v: exit %d: %s", tc.args, code, c.stderr)
		}
		if !strings.Contains(c.stderr.String(), tc.read) {
			t.Errorf("%v: stderr lacks %q:\n%s", tc.args, tc.read, c.stderr)
		}
		// 168 lines of the c-customers (8 × 21: five of them order on
		// 5 + 4 + 4 + 4 + 4 days), 20 of the n-customers, 1 in 2099.
		if !strings.Contains(c.stderr.String(), "warning: "+log+": 1 of 189 lines is dated after today") {
			t.Errorf("%v: stderr does not warn of the line dated 2099:\n%s", tc.args, c.stderr)
		}
		ignored := strings.Contains(c.stderr.String(), "the default cutoff ignores them (it is the last date up to today, 2020-02-29)\n")
		if ignored != (tc.args == nil) {
			t.Errorf("%v: stderr says the default cutoff ignores the line: %v:\n%s", tc.args, ignored, c.stderr)
		}
	}
	// --json gives the date used.
	for cutoff, want := range map[string]string{"": "2020-02-29", "2020-02-19": "2020-02-19"} {
		args := []string{"anomalies", "--log", log, "--top", "1", "--json"}
		if cutoff != "" {
			args = append(args, "--cutoff", cutoff)
		}
		c := newCLI(t)
		if code := c.run(context.Background(), args...); code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, c.stderr)
		}
		var doc struct {
			AsOf string `json:"as_of"`
		}
		if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil || doc.AsOf != want {
			t.Errorf("--cutoff %q: as_of %q (%v), want %s", cutoff, doc.AsOf, err, want)
		}
	}
}
