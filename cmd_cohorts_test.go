package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// cohortsLog is the small log of data/retention_test.go: January acquires
// a and b, February c, March d; the log ends on 15 March.
const cohortsLog = `customer,date,amount
a,2024-01-05,10
a,2024-02-10,20
a,2024-02-11,5
b,2024-01-20,7
b,2024-03-01,3
c,2024-02-02,4
d,2024-03-15,1
`

func TestCohortsTable(t *testing.T) {
	path := writeFile(t, "orders.csv", cohortsLog)
	c := newCLI(t)
	if code := c.run(context.Background(), "cohorts", "--log", path); code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	// Shares by hand: January 2/2, 1/2, 1/2 (March partial); February
	// 1/1, 0/1 (partial); March 1/1 (partial). The average leaves the
	// partial cells out: 3/3, then 1/2; its size is the 3 customers its
	// period 0 covers (March's 1 is partial), not all 4. Under it, the
	// number of cohorts each average is over: 2 (January, February),
	// then 1; January, the log's first month, is marked ^.
	want := `cohort   size       0      1      2
2024-01^    2  100.0%  50.0%  50.0%*
2024-02     1  100.0%   0.0%*
2024-03     1  100.0%*
average     3  100.0%  50.0%
cohorts             2      1
`
	if got := c.stdout.String(); got != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", got, want)
	}
	for _, s := range []string{"4 customers, 7 orders, 2024-01-05 .. 2024-03-15", "customer-weighted",
		"* the log ends on 2024-03-15, before the end of its last month"} {
		if !strings.Contains(c.stderr.String(), s) {
			t.Errorf("stderr %q lacks %q", c.stderr.String(), s)
		}
	}
}

func TestCohortsMetricsAndFormats(t *testing.T) {
	path := writeFile(t, "orders.csv", cohortsLog)
	c := newCLI(t)
	if code := c.run(context.Background(), "cohorts", "--log", path, "--metric", "revenue", "--periods", "2"); code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	// Revenue by hand: January 10+7, then 20+5; February 4, then none. The
	// average of shares covers the 3 customers of the full cohorts.
	want := "cohort    size       0      1\n2024-01^     2      17     25\n2024-02      1       4      0*\n2024-03      1       1*\navg share    3  100.0%  50.0%\ncohorts              2      1\n"
	if got := c.stdout.String(); got != want {
		t.Errorf("revenue:\n%q\nwant\n%q", got, want)
	}
	// The note on stderr says what a cell holds for the metric shown; it
	// used to describe shares whatever --metric said.
	const cell = "\nA cell is the sum of the amounts of the orders the cohort's customers placed, less the refunds of their cancellations dated in that month " +
		"(period 0 = the month of their first order).\n"
	if !strings.Contains(c.stderr.String(), cell) {
		t.Errorf("revenue: stderr %q lacks %q", c.stderr.String(), cell)
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "cohorts", "--log", path, "--csv"); code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(c.stdout.String()), "\n")
	if len(lines) != 9 || lines[0] != "cohort,period,cohort_size,customers,share,orders,revenue,partial" ||
		lines[2] != "2024-01,1,2,1,0.5,2,25.00,false" || lines[6] != "2024-03,0,1,1,1,1,1.00,true" {
		t.Errorf("csv:\n%s", c.stdout.String())
	}
	// The average curve by hand, as in TestCohortsTable: period 0 over the
	// fully observed cells (March's is partial), January's and February's
	// 3 customers, all active; period 1 over January's 2 (February's is
	// partial), 1 active.
	if got := strings.Join(lines[7:], "\n"); got != "average,0,3,3,1,,,false\naverage,1,2,1,0.5,,,false" {
		t.Errorf("csv average rows:\n%s", got)
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "cohorts", "--log", path, "--json", "--period", "week"); code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	var doc struct {
		Period  string
		Cohorts []struct{ Label string }
		Average []struct{ Share float64 }
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Period != "week" || len(doc.Cohorts) != 4 || doc.Cohorts[1].Label != "2024-01-15" || doc.Average[0].Share != 1 {
		t.Errorf("json: %+v", doc)
	}
}

func TestCohortsBadInput(t *testing.T) {
	path := writeFile(t, "orders.csv", cohortsLog)
	noAmount := writeFile(t, "visits.csv", "customer,date\na,2024-01-01\n")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"cohorts"}, "retain: cohorts needs --log FILE, an order log with a customer id and a date on every line\n"},
		{[]string{"cohorts", "--log", path, "--period", "day"}, "retain: --period \"day\": want month or week\n"},
		{[]string{"cohorts", "--log", path, "--metric", "lift"}, "retain: --metric \"lift\": want share, customers, revenue or orders\n"},
		{[]string{"cohorts", "--log", path, "--periods", "-1"}, "retain: --periods -1: want a positive number, or 0 for all\n"},
		{[]string{"cohorts", "--log", path, "--json", "--csv"}, "retain: --json and --csv cannot be used together: choose one output format\n"},
		{[]string{"cohorts", "--log", noAmount, "--metric", "revenue"},
			"retain: --metric revenue: " + noAmount + " has no amount or price column (name one with --log-columns amount=COLUMN)\n"},
		{[]string{"cohorts", "--log", path, "--log-columns", "customer=nope"},
			"retain: " + path + ":1: no column \"nope\" for the customer id (columns: customer, date, amount)\n"},
	}
	for _, tc := range cases {
		mustRefuse(t, tc.args, tc.want)
	}
}

// TestCohortsLeavesOutFutureLines: a's order retyped into 2101 and e's
// only order, dated there too, are warned about and left out: the table
// is cohortsLog's (three periods), not one with a column for every month
// up to 2101, and the note counts them.
func TestCohortsLeavesOutFutureLines(t *testing.T) {
	clean := writeFile(t, "orders.csv", cohortsLog)
	typo := writeFile(t, "typo.csv", cohortsLog+"a,2101-02-10,20\ne,2101-06-01,3\n")
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
		// 9 lines; "today" is the clock's.
		for _, s := range []string{"warning: " + typo + ": 2 of 9 lines are dated after today (",
			"); the log's dates run 2024-01-05 .. 2101-06-01; cohorts leaves them out: the table ends on the last date up to today, 2024-03-15\n",
			": 4 customers, 7 orders, 2024-01-05 .. 2024-03-15, in 3 cohorts",
			"* the log ends on 2024-03-15 (up to today), before the end of its last month",
			"Left out: 2 orders dated after today (1 customer with no earlier order).\n"} {
			if !strings.Contains(c.stderr.String(), s) {
				t.Errorf("stderr %q lacks %q", c.stderr.String(), s)
			}
		}
	}
	if outs[0] != outs[1] {
		t.Errorf("table with the future lines:\n%s\nwithout:\n%s", outs[1], outs[0])
	}
}

// TestCohortsAcceptsPseudonymise: a wrapper passing --pseudonymise
// --salt-file to every command gets the same triangle and a note; the
// flags were refused as unknown. They are checked as elsewhere.
func TestCohortsAcceptsPseudonymise(t *testing.T) {
	path := writeFile(t, "orders.csv", cohortsLog)
	salt := writeFile(t, "a.salt", "first salt, long enough\n")
	var outs []string
	for _, args := range [][]string{{}, {"--pseudonymise", "--salt-file", salt}} {
		c := newCLI(t)
		if code := c.run(context.Background(), append([]string{"cohorts", "--log", path, "--csv"}, args...)...); code != exitOK {
			t.Fatalf("%q: exit %d, stderr %q", args, code, c.stderr.String())
		}
		outs = append(outs, c.stdout.String())
		const note = "note: --pseudonymise has no effect on cohorts: it prints no customer ids, only counts per cohort\n"
		if got := strings.HasPrefix(c.stderr.String(), note); got != (len(args) > 0) {
			t.Errorf("%q: stderr %q, note %v", args, c.stderr.String(), got)
		}
	}
	if outs[0] != outs[1] {
		t.Errorf("--pseudonymise changed the output:\n%s\n%s", outs[1], outs[0])
	}
	mustRefuse(t, []string{"cohorts", "--log", path, "--salt-file", salt}, "retain: --salt-file applies with --pseudonymise\n")
	mustRefuse(t, []string{"cohorts", "--log", path, "--pseudonymise"},
		"retain: --pseudonymise needs --salt-file FILE holding a secret salt (for example: head -c 32 /dev/urandom | base64 > salt.txt)\n")
}

// TestCohortsNotesWhatItRead: the "Left out" line counts every line left
// out as train's load note does, the stock adjustment too (it used to
// count only cancelled lines and lines without a customer id), with "1
// cancelled" where it said "1 cancelled lines"; and the columns read are
// said on stderr as train says them: the log has two customer id
// columns, and which one makes the cohorts matters.
func TestCohortsNotesWhatItRead(t *testing.T) {
	// 7 lines: 2 kept (a, b), 1 cancelled invoice (C3), 3 without a
	// customer id of which 1 is a stock adjustment (quantity -5 at price
	// 0, not a "C" invoice), so 2 count as without a customer id.
	const log = `Invoice,customer_id,customer_unique_id,date,Quantity,Price
1,x1,a,2024-01-05,1,2.5
2,x2,b,2024-02-01,2,1
C3,x1,a,2024-01-06,-1,2.5
4,,,2024-01-07,1,3
5,,,2024-01-08,2,3
6,,,2024-01-09,-5,0
7,x3,a,2024-03-01,0,0
`
	path := writeFile(t, "orders.csv", log)
	c := newCLI(t)
	if code := c.run(context.Background(), "cohorts", "--log", path); code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	for _, s := range []string{
		"note: " + path + ": columns read: customer id = customer_unique_id, date = date, price = Price, quantity = Quantity, order id = Invoice; not used: customer_id\n",
		"\nLeft out: 1 cancelled (1 for a negative quantity, the first on line 4, column 5), 2 without a customer id, 1 stock adjustment (negative quantity at price 0, no customer).\n",
	} {
		if !strings.Contains(c.stderr.String(), s) {
			t.Errorf("stderr %q lacks %q", c.stderr.String(), s)
		}
	}
	// train counts the same lines in the same words.
	c = newCLI(t)
	c.run(context.Background(), "train", "--log", path, "--horizon", "30d", "--out", writeFile(t, "m.json", ""))
	const trainNote = "left out: 1 cancelled (1 for a negative quantity, the first on line 4, column 5), 2 without a customer id, 1 stock adjustment (negative quantity at price 0, no customer)"
	if !strings.Contains(c.stderr.String(), trainNote) {
		t.Errorf("train: stderr %q lacks %q", c.stderr.String(), trainNote)
	}
}

// TestCohortsCountsCouponsAsDiscounts: review 10's disc.csv, an order
// with a coupon line of -10 (same order id) and one with a discount line
// of -5, said "Left out: 2 cancelled"; the lines are discounts, netted
// into their orders (by hand: January 90 + 30 = 120, not 130; March
// 20 - 5 = 15),
// said so by cohorts and by train, and nothing is left out.
func TestCohortsCountsCouponsAsDiscounts(t *testing.T) {
	const log = `order_id,customer_id,order_date,sku,amount
O1,A,2020-01-05,p1,100
O1,A,2020-01-05,COUPON,-10
O2,A,2020-02-05,p2,50
O3,B,2020-01-07,p1,30
O4,B,2020-03-01,p3,20
O4,B,2020-03-01,DISCOUNT,-5
`
	path := writeFile(t, "disc.csv", log)
	c := newCLI(t)
	if code := c.run(context.Background(), "cohorts", "--log", path, "--csv"); code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	const note = "\nDiscounts: 2 discount lines (a negative amount in a kept order) netted into their orders' amounts.\n"
	if s := c.stderr.String(); !strings.Contains(s, note) || strings.Contains(s, "Left out") {
		t.Errorf("stderr %q: want %q and no Left out line", s, note)
	}
	for _, row := range []string{"\n2020-01,0,2,2,1,2,120.00,false\n", "\n2020-01,2,2,1,0.5,1,15.00,true\n"} {
		if !strings.Contains(c.stdout.String(), row) {
			t.Errorf("stdout %q lacks %q", c.stdout.String(), row)
		}
	}
	c = newCLI(t)
	c.run(context.Background(), "train", "--log", path, "--horizon", "30d", "--out", writeFile(t, "m.json", ""))
	const trainNote = ": 6 lines make 4 orders; 2 discount lines (a negative amount in a kept order) netted into their orders' amounts"
	if !strings.Contains(c.stderr.String(), path+trainNote) {
		t.Errorf("train: stderr %q lacks %q", c.stderr.String(), trainNote)
	}
}
