package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// retailStyleLog writes a seeded order log of 40 customers over 60 days
// from 2011-01-01 with invoice, item, description, quantity, date, price and
// customer columns named by header (UCI Online Retail names or Online
// Retail II's), plus a cancellation.
func retailStyleLog(t *testing.T, header string) string {
	t.Helper()
	return writeRetailStyleLog(t, filepath.Join(t.TempDir(), "log.csv"), header)
}

// writeRetailStyleLog writes retailStyleLog's log to path.
func writeRetailStyleLog(t *testing.T, path, header string) string {
	t.Helper()
	rng := rand.New(rand.NewPCG(3, 3))
	var b strings.Builder
	b.WriteString(header + "\n")
	start := time.Date(2011, 1, 1, 0, 0, 0, 0, time.UTC)
	invoice := 500000
	for day := range 60 {
		for c := range 40 {
			if rng.IntN(6) != 0 {
				continue
			}
			invoice++
			for range 1 + rng.IntN(3) {
				item := (c*3 + rng.IntN(5)) % 20
				fmt.Fprintf(&b, "%d,SKU%02d,THING %d,%d,%s 10:%02d:00,%.2f,%d,United Kingdom\n", invoice, item, item,
					1+rng.IntN(4), start.AddDate(0, 0, day).Format(time.DateOnly), rng.IntN(60), 1+float64(item)/4, 12000+c)
			}
		}
	}
	fmt.Fprintf(&b, "C%d,SKU01,THING 1,-2,2011-02-01 10:00:00,1.25,12001,United Kingdom\n", invoice+1)
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

const (
	uciHeader = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country"
	iiHeader  = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country"
)

// TestRecommendRenamedColumns evaluates the same log under the Online
// Retail and the Online Retail II column names: the reports are identical.
func TestRecommendRenamedColumns(t *testing.T) {
	var reports []string
	path := filepath.Join(t.TempDir(), "log.csv")
	for _, header := range []string{uciHeader, iiHeader} {
		c := newCLI(t)
		code := c.run(context.Background(), "recommend", "--log", writeRetailStyleLog(t, path, header), "--horizon", "10d",
			"--cutoff", "2011-02-15", "--evaluate", "--json")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", header, code, c.stderr)
		}
		var doc struct {
			Cutoff  time.Time `json:"cutoff"`
			Metrics []struct {
				Ranker    string `json:"ranker"`
				Customers int    `json:"customers"`
				At        []struct {
					K      int     `json:"k"`
					Recall float64 `json:"recall"`
				} `json:"at"`
			} `json:"metrics"`
			ItemColumn string `json:"item_column"`
		}
		if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
			t.Fatalf("%v: %s", err, c.stdout)
		}
		if len(doc.Metrics) != 4 || doc.Metrics[0].Ranker != "model" || doc.Metrics[3].Ranker != "GP-TopFreq" ||
			doc.Metrics[0].Customers == 0 || len(doc.Metrics[0].At) != 3 || doc.ItemColumn != "StockCode" {
			t.Fatalf("%s: %s", header, c.stdout)
		}
		reports = append(reports, c.stdout.String())
	}
	if reports[0] != reports[1] {
		t.Errorf("the renamed log reports differently:\n%s\n%s", reports[0], reports[1])
	}
}

// TestRecommendCSV lists the top items of every customer with history.
func TestRecommendCSV(t *testing.T) {
	c := newCLI(t)
	code := c.run(context.Background(), "recommend", "--log", retailStyleLog(t, iiHeader), "--horizon", "10d", "--top", "3")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, c.stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(c.stdout.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "customer,rank,item,description,score,reason" {
		t.Fatalf("header %q", rows[0])
	}
	// 40 customers, all with history at the default cutoff, 3 items each
	// (each has bought at least 3 items or gets popular ones).
	if len(rows) != 1+40*3 {
		t.Errorf("%d rows, want %d", len(rows), 1+40*3)
	}
	r := rows[1]
	if r[1] != "1" || !strings.HasPrefix(r[2], "SKU") || !strings.HasPrefix(r[3], "THING ") ||
		!(strings.HasPrefix(r[5], "bought in ") || strings.HasPrefix(r[5], "popular: ")) {
		t.Errorf("first row %q", r)
	}
	if !strings.Contains(c.stderr.String(), "Cutoff 2011-03-02, horizon 10 days") {
		t.Errorf("stderr does not give the default cutoff (the day after 2011-03-01):\n%s", c.stderr)
	}
}

// TestRecommendRefusals: a log without items, a cutoff without a whole
// horizon after it, and bad flags exit 2 with a message.
func TestRecommendRefusals(t *testing.T) {
	dir := t.TempDir()
	noItems := filepath.Join(dir, "cdnow.txt")
	if err := os.WriteFile(noItems, []byte("00001 19970101 1 11.77\n00002 19970112 1 12.00\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	log := retailStyleLog(t, iiHeader)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--log", noItems}, noItems + " has no item column (columns: 1, 2, 3, 4); recommendation needs one — name it with --item-column"},
		// The log runs 2011-01-01 .. 2011-03-01, 60 days. With a 10-day
		// horizon the earliest cutoff leaves 2 horizons of history
		// (2011-01-21), the latest is the day after the last date
		// (2011-03-02) or, to evaluate, 2011-03-01 − 10 + 1 = 2011-02-20.
		{[]string{"--log", log, "--horizon", "10d", "--cutoff", "2011-02-25", "--evaluate"},
			"retain: cutoff or horizon out of range: " + log + " ends 2011-03-01: evaluating at 2011-02-25 needs the 10 days from it in the log; " +
				"with a 10-day horizon, choose a cutoff from 2011-01-21 to 2011-02-20 (without one, 2011-02-20 is used)\n"},
		{[]string{"--log", log, "--horizon", "10d", "--cutoff", "2030-01-01"},
			"retain: cutoff or horizon out of range: " + log + " ends 2011-03-01: cutoff 2030-01-01 is after the day after its last order, " +
				"so what the customers did since is unknown; with a 10-day horizon, choose a cutoff from 2011-01-21 to 2011-03-02 (without one, 2011-03-02 is used)\n"},
		{[]string{"--log", log, "--horizon", "10d", "--cutoff", "2011-01-20"},
			"retain: cutoff or horizon out of range: " + log + " starts 2011-01-01: cutoff 2011-01-20 leaves too little history, as the model learns from " +
				"the horizon before the cutoff, with a horizon of history before that; with a 10-day horizon, choose a cutoff from 2011-01-21 to 2011-03-02 (without one, 2011-03-02 is used)\n"},
		// 60 days hold two horizons of at most 30 days, three of 20.
		{[]string{"--log", log, "--horizon", "400d"},
			"retain: cutoff or horizon out of range: " + log + " spans 60 days (2011-01-01 .. 2011-03-01), and a 400-day horizon needs at least 800 days: " +
				"the model learns from the horizon before the cutoff, with a horizon of history before that; choose a --horizon of at most 30 days\n"},
		{[]string{"--log", log, "--horizon", "31d"},
			"retain: cutoff or horizon out of range: " + log + " spans 60 days (2011-01-01 .. 2011-03-01), and a 31-day horizon needs at least 62 days: " +
				"the model learns from the horizon before the cutoff, with a horizon of history before that; choose a --horizon of at most 30 days\n"},
		{[]string{"--log", log, "--horizon", "21d", "--evaluate"},
			"retain: cutoff or horizon out of range: " + log + " spans 60 days (2011-01-01 .. 2011-03-01), and a 21-day horizon needs at least 63 days: " +
				"the model learns from the two horizons before the cutoff and is measured on the one after it; choose a --horizon of at most 20 days, or leave out --evaluate: without measuring, a 21-day horizon needs 42 days\n"},
		{[]string{"--log", log, "--item-column", "Sku"}, `no column "Sku" for the item`},
		{[]string{"--log", log, "--cutoff", "15/02/2011"}, `--cutoff "15/02/2011" is not a date as YYYY-MM-DD`},
		{[]string{"--log", log, "--top", "0"}, "--top 0: want at least 1 item per customer"},
		{[]string{"--log", log, "--cutoff", "2011-01-05"}, "retain: cutoff or horizon out of range: " + log + " starts 2011-01-01: cutoff 2011-01-05 leaves too little history, " +
			"as the model learns from the horizon before the cutoff, with a horizon of history before that; " +
			"with a 30-day horizon the only cutoff is 2011-03-02 (used without one); a shorter --horizon allows more\n"},
	} {
		c := newCLI(t)
		code := c.run(context.Background(), append([]string{"recommend"}, tc.args...)...)
		if code != exitUsage || !strings.Contains(c.stderr.String(), tc.want) {
			t.Errorf("%q: exit %d, stderr %s\nwant exit 2 and %q", tc.args, code, c.stderr, tc.want)
		}
		if c.stdout.Len() != 0 {
			t.Errorf("%q wrote to stdout: %s", tc.args, c.stdout)
		}
	}
}

// TestRecommendIgnoresFutureDatedLines: one line of retailStyleLog's log
// retyped into 2101 moves neither default cutoff (the day after the last
// date up to today, 2011-03-02; with --evaluate and a 10-day horizon
// 2011-03-01 − 10 + 1 = 2011-02-20) and changes no output: the line is
// never read. It used to make the cutoff 2101-06-02.
func TestRecommendIgnoresFutureDatedLines(t *testing.T) {
	clean := retailStyleLog(t, iiHeader)
	text, err := os.ReadFile(clean)
	if err != nil {
		t.Fatal(err)
	}
	typo := writeFile(t, "typo.csv", string(text)+"599999,SKU01,THING 1,1,2101-06-01 10:00:00,1.25,12001,United Kingdom\n")
	for _, tc := range []struct {
		args   []string
		cutoff string
	}{
		{[]string{"--horizon", "10d", "--top", "3"}, "Cutoff 2011-03-02, horizon 10 days"},
		{[]string{"--horizon", "10d", "--evaluate", "--json"}, "Cutoff 2011-02-20, horizon 10 days"},
	} {
		var outs []string
		for _, log := range []string{clean, typo} {
			c := newCLI(t)
			if code := c.run(context.Background(), append([]string{"recommend", "--log", log}, tc.args...)...); code != exitOK {
				t.Fatalf("%s %q: exit %d: %s", log, tc.args, code, c.stderr)
			}
			if !strings.Contains(c.stderr.String(), tc.cutoff) {
				t.Errorf("%s %q: stderr lacks %q:\n%s", log, tc.args, tc.cutoff, c.stderr)
			}
			outs = append(outs, strings.ReplaceAll(c.stdout.String(), log, "LOG"))
			// 801 lines from retailStyleLog (800 sales, 1 cancellation)
			// and the typo; "today" is the clock's.
			if log == typo && (!strings.Contains(c.stderr.String(), "typo.csv: 1 of 802 lines is dated after today (") ||
				!strings.Contains(c.stderr.String(), "); the log's dates run 2011-01-01 .. 2101-06-01; "+
					"recommend leaves them out: it reads nothing dated after the last date up to today, 2011-03-01\n")) {
				t.Errorf("%q: stderr lacks the warning:\n%s", tc.args, c.stderr)
			}
		}
		if outs[0] != outs[1] {
			t.Errorf("%q: the future-dated line changed the output:\n%s\n%s", tc.args, outs[0], outs[1])
		}
	}
}

// TestRecommendLogAllAfterToday: retailStyleLog's log moved to 2101, so
// that no order is dated up to today. Every line is read (the cutoff is
// the day after its last date, 2101-03-01), and the warning says so; it
// said "recommend leaves them out", then read them all.
func TestRecommendLogAllAfterToday(t *testing.T) {
	text, err := os.ReadFile(retailStyleLog(t, iiHeader))
	if err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "later.csv", strings.ReplaceAll(string(text), "2011-", "2101-"))
	c := newCLI(t)
	if code := c.run(context.Background(), "recommend", "--log", path, "--horizon", "10d", "--top", "3"); code != exitOK {
		t.Fatalf("exit %d: %s", code, c.stderr)
	}
	// 801 lines (800 sales, 1 cancellation), 2101-01-01 .. 2101-03-01
	// (60 days, as in 2011: neither year is a leap year); "today" is the
	// clock's.
	for _, want := range []string{"warning: " + path + ": 801 of 801 lines are dated after today (",
		"); the log's dates run 2101-01-01 .. 2101-03-01; as no order is dated up to today, none of them is left out: " +
			"the log is read as if today were its last date, 2101-03-01\n",
		"Cutoff 2101-03-02, horizon 10 days"} {
		if !strings.Contains(c.stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, c.stderr)
		}
	}
	if strings.Contains(c.stderr.String(), "leaves them out") {
		t.Errorf("stderr says the lines are left out:\n%s", c.stderr)
	}
}

// TestRecommendExcludeItemsOnLinesLeftOut: DOT is in the StockCode column
// only on a line without a customer id, which is never read; it was said
// to be "no such item in column StockCode". An id on no line still is.
func TestRecommendExcludeItemsOnLinesLeftOut(t *testing.T) {
	text, err := os.ReadFile(retailStyleLog(t, iiHeader))
	if err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "post.csv", string(text)+"599998,DOT,DOTCOM POSTAGE,1,2011-02-01 10:00:00,1.25,,United Kingdom\n")
	c := newCLI(t)
	if code := c.run(context.Background(), "recommend", "--log", path, "--horizon", "10d", "--top", "3", "--exclude-items", "DOT,NOPE"); code != exitOK {
		t.Fatalf("exit %d: %s", code, c.stderr)
	}
	const want = "note: --exclude-items: NOPE: no such item in column StockCode (ids are compared as written)\n" +
		"note: --exclude-items: DOT: in column StockCode only on lines left out (cancelled, without a customer id, or not a sale), on none that is read\n"
	if !strings.HasPrefix(c.stderr.String(), want) {
		t.Errorf("stderr does not start with\n%s\n%s", want, c.stderr)
	}
}

// retailLines reads retailStyleLog's log back as (customer, day, item)
// sales, cancellations left out, for counting by hand.
func retailLines(t *testing.T, path string) (customers []string, days []time.Time, items []string) {
	t.Helper()
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(string(text))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows[1:] {
		if strings.HasPrefix(r[0], "C") {
			continue
		}
		day, err := time.Parse(time.DateOnly, r[4][:10])
		if err != nil {
			t.Fatal(err)
		}
		customers, days, items = append(customers, r[6]), append(days, day), append(items, r[1])
	}
	return customers, days, items
}

// lastLine is the last line of s, without its newline.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	return lines[len(lines)-1]
}

// TestRecommendRefusesOneClassPairs: with --item-column Country (one value
// in retailStyleLog's log) every buying customer buys their one candidate,
// so all pairs are bought and nothing can be ranked: exit 2, not scores.
func TestRecommendRefusesOneClassPairs(t *testing.T) {
	log := retailStyleLog(t, iiHeader)
	// By hand: each customer's only candidate is the one country (they own
	// it, so no popular item is added), bought whenever they buy; so the
	// pairs are the customers with an order before each training cutoff
	// (2011-03-02 − 10, 20, 30, 40 days) and one in the 10 days from it.
	customers, days, _ := retailLines(t, log)
	pairs := 0
	for _, cut := range []time.Time{day(2011, 2, 20), day(2011, 2, 10), day(2011, 1, 31), day(2011, 1, 21)} {
		before, in := map[string]bool{}, map[string]bool{}
		for i, c := range customers {
			switch {
			case days[i].Before(cut):
				before[c] = true
			case days[i].Before(cut.AddDate(0, 0, 10)):
				in[c] = true
			}
		}
		for c := range in {
			if before[c] {
				pairs++
			}
		}
	}
	c := newCLI(t)
	if code := c.run(context.Background(), "recommend", "--log", log, "--horizon", "10d", "--item-column", "Country"); code != exitUsage {
		t.Fatalf("exit %d, want 2: %s", code, c.stderr)
	}
	want := fmt.Sprintf("retain: nothing to learn from: %s: all %d (customer, item) pairs are bought: "+
		"in the 4 horizons after the training cutoffs 2011-01-21 .. 2011-02-20 the buying customers bought every candidate item, "+
		"so the model has no item left unbought to rank below (the item column Country holds 1 item); name a column with more items with --item-column", log, pairs)
	if got := lastLine(c.stderr.String()); got != want {
		t.Errorf("stderr ends\n%q\nwant\n%q", got, want)
	}
	if c.stdout.Len() != 0 {
		t.Errorf("scores written: %s", c.stdout)
	}
}

// TestRecommendRefusesOneCustomer: a log of one customer (12001 of
// retailStyleLog's) has nothing to learn across customers and no other
// customer to validate on; it used to train and write scores, or not,
// as the random hold-out fell.
func TestRecommendRefusesOneCustomer(t *testing.T) {
	full := retailStyleLog(t, iiHeader)
	text, err := os.ReadFile(full)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(text), "\n")
	one := []string{lines[0]}
	for _, l := range lines[1:] {
		if strings.Contains(l, ",12001,") && !strings.HasPrefix(l, "C") {
			one = append(one, l)
		}
	}
	log := writeFile(t, "one.csv", strings.Join(one, "\n")+"\n")
	// By hand: the training cutoffs are the day after the last date less
	// 10, 20, … days while 10 days of history remain before them; the
	// bought pairs are, at each, the items bought before it and again in
	// the 10 days from it (every own item is a candidate, and the popular
	// items are all the customer's own).
	_, days, items := retailLines(t, log)
	first, last := slices.MinFunc(days, time.Time.Compare), slices.MaxFunc(days, time.Time.Compare)
	var cuts []time.Time
	for j := 1; j <= 4; j++ {
		cut := last.AddDate(0, 0, 1-10*j)
		if cut.Sub(first) < 10*24*time.Hour {
			break
		}
		cuts = append(cuts, cut)
	}
	bought := 0
	for _, cut := range cuts {
		before, in := map[string]bool{}, map[string]bool{}
		for i, d := range days {
			switch {
			case d.Before(cut):
				before[items[i]] = true
			case d.Before(cut.AddDate(0, 0, 10)):
				in[items[i]] = true
			}
		}
		for it := range in {
			if before[it] {
				bought++
			}
		}
	}
	c := newCLI(t)
	if code := c.run(context.Background(), "recommend", "--log", log, "--horizon", "10d"); code != exitUsage {
		t.Fatalf("exit %d, want 2: %s", code, c.stderr)
	}
	got := lastLine(c.stderr.String())
	m := regexp.MustCompile(`: the (\d+) \(customer, item\) pairs \((\d+) bought\)`).FindStringSubmatch(got)
	if m == nil || m[2] != strconv.Itoa(bought) {
		t.Fatalf("stderr ends %q, want %d bought pairs", got, bought)
	}
	want := fmt.Sprintf("retain: nothing to learn from: %s: the %s (customer, item) pairs (%d bought) come from only 1 customer, "+
		"who bought in the %d horizons after the training cutoffs %s .. %s: the model learns how customers' purchases differ "+
		"and is validated on customers held out, so it needs several; recommendation needs a log with more customers",
		log, m[1], bought, len(cuts), cuts[len(cuts)-1].Format(time.DateOnly), cuts[0].Format(time.DateOnly))
	if got != want {
		t.Errorf("stderr ends\n%q\nwant\n%q", got, want)
	}
	if c.stdout.Len() != 0 {
		t.Errorf("scores written: %s", c.stdout)
	}
}

// day is midnight UTC of a date.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// TestRecommendCutoffBounds runs at the ends of the ranges the refusals
// name: a 20-day horizon evaluated at 2011-03-01 − 20 + 1 = 2011-02-10
// (retailStyleLog's log, 60 days, holds three horizons of 20 days), and
// a 10-day horizon at the earliest cutoff, 2011-01-01 + 20 days, which
// trains at the one cutoff 2011-01-11.
func TestRecommendCutoffBounds(t *testing.T) {
	log := retailStyleLog(t, iiHeader)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--horizon", "20d", "--evaluate"}, "Cutoff 2011-02-10, horizon 20 days; training on "},
		{[]string{"--horizon", "10d", "--cutoff", "2011-01-21"}, "Cutoff 2011-01-21, horizon 10 days; training on "},
		{[]string{"--horizon", "10d", "--cutoff", "2011-01-21"}, " at the cutoffs 2011-01-11, validating on "},
	} {
		c := newCLI(t)
		if code := c.run(context.Background(), append([]string{"recommend", "--log", log}, tc.args...)...); code != exitOK {
			t.Fatalf("%q: exit %d: %s", tc.args, code, c.stderr)
		}
		if !strings.Contains(c.stderr.String(), tc.want) {
			t.Errorf("%q: stderr lacks %q:\n%s", tc.args, tc.want, c.stderr)
		}
	}
}

// TestRecommendExcludeItemsReadsListsAsTheScreenDoes: --exclude-items is
// read as the Recommend screen reads its leave-out field
// (recommend.ItemList): ids separated by spaces without a comma ("SKU03
// SKU07", copied from a line of text) are two ids, where the flag used to
// look for one item "SKU03 SKU07"; text that is as a whole one of the
// log's items ("BANK CHARGES") stays that item; commas separate as before.
// Each SKU's lines are counted from the log's file.
func TestRecommendExcludeItemsReadsListsAsTheScreenDoes(t *testing.T) {
	text, err := os.ReadFile(retailStyleLog(t, iiHeader))
	if err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "bank.csv", string(text)+"599998,BANK CHARGES,Bank charges,1,2011-02-01 10:00:00,15.00,12007,United Kingdom\n")
	_, _, items := retailLines(t, path)
	lines := func(ids ...string) int {
		n := 0
		for _, it := range items {
			if slices.Contains(ids, it) {
				n++
			}
		}
		return n
	}
	for _, c := range []struct {
		list string
		left []string
	}{
		{"SKU03 SKU07", []string{"SKU03", "SKU07"}},
		{" SKU03\tSKU07 ", []string{"SKU03", "SKU07"}},
		{"SKU03,SKU07", []string{"SKU03", "SKU07"}},
		{"BANK CHARGES", []string{"BANK CHARGES"}},
		{"BANK CHARGES, SKU03", []string{"BANK CHARGES", "SKU03"}},
	} {
		c2 := newCLI(t)
		if code := c2.run(context.Background(), "recommend", "--log", path, "--horizon", "10d", "--top", "3", "--exclude-items", c.list); code != exitOK {
			t.Fatalf("%q: exit %d: %s", c.list, code, c2.stderr)
		}
		want := fmt.Sprintf("; left out: the %d lines of %s (--exclude-items)", lines(c.left...), strings.Join(c.left, ", "))
		if got := c2.stderr.String(); !strings.Contains(got, want) || strings.Contains(got, "note: --exclude-items") {
			t.Errorf("%q: stderr lacks %q or has a note:\n%s", c.list, want, got)
		}
	}
}

// TestRecommendSaysWhenItStopsEarly: when early stopping ends the ranking
// network's training before its last epoch, stderr says so in train's
// words instead of ending at "Epoch N/10". The network stops after
// patience (2, recommend.DefaultModelConfig) epochs without improvement, so
// the weights kept are those of the epoch two before the last one printed.
func TestRecommendSaysWhenItStopsEarly(t *testing.T) {
	c := newCLI(t)
	code := c.run(context.Background(), "recommend", "--log", noiseOrderLog(t), "--horizon", "10d", "--top", "3")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, c.stderr)
	}
	epochs := regexp.MustCompile(`(?m)^Epoch \d+/10 `).FindAllString(c.stderr.String(), -1)
	if len(epochs) == 0 || len(epochs) >= 10 {
		t.Fatalf("%d epoch lines; the test needs a run that stops early:\n%s", len(epochs), c.stderr)
	}
	want := fmt.Sprintf("\nEpoch %d/10 ", len(epochs))
	stop := fmt.Sprintf("Stopped early after epoch %d: no improvement for 2 epochs; kept the weights of epoch %d.\n",
		len(epochs), len(epochs)-2)
	i := strings.LastIndex(c.stderr.String(), want)
	if i < 0 {
		t.Fatalf("stderr lacks %q:\n%s", want, c.stderr)
	}
	rest := c.stderr.String()[i+1:]
	if _, after, _ := strings.Cut(rest, "\n"); !strings.HasPrefix(after, stop) {
		t.Errorf("after the last epoch line stderr reads\n%q\nwant it to start with\n%q", after, stop)
	}
	if strings.Contains(c.stdout.String(), "Stopped early") || strings.Contains(c.stdout.String(), "Epoch ") {
		t.Errorf("progress on stdout:\n%s", c.stdout)
	}
}

// noiseOrderLog writes a seeded order log of 300 customers over 120 days
// from 2011-01-01 who buy items drawn at random from 40, whatever they
// bought before: nothing to learn beyond how often each item sells, so the
// ranking network stops improving within a few epochs.
func noiseOrderLog(t *testing.T) string {
	t.Helper()
	rng := rand.New(rand.NewPCG(5, 8))
	var b strings.Builder
	b.WriteString(iiHeader + "\n")
	start := time.Date(2011, 1, 1, 0, 0, 0, 0, time.UTC)
	invoice := 500000
	for day := range 120 {
		for c := range 300 {
			if rng.IntN(8) != 0 {
				continue
			}
			invoice++
			item := rng.IntN(40)
			fmt.Fprintf(&b, "%d,SKU%02d,THING %d,1,%s 10:00:00,1.50,%d,United Kingdom\n", invoice, item, item,
				start.AddDate(0, 0, day).Format(time.DateOnly), 12000+c)
		}
	}
	path := filepath.Join(t.TempDir(), "noise.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestRecommendRefusesAnEmptyHorizon: retailStyleLog's log without its
// lines of 1 to 10 February has no order in the 10-day horizon from
// 2011-02-01, so --evaluate there (also with --json) exits 2 with a
// message naming the horizon, instead of a table of zeros; the log
// orders on every day, so the next order is on 11 February.
func TestRecommendRefusesAnEmptyHorizon(t *testing.T) {
	text, err := os.ReadFile(retailStyleLog(t, iiHeader))
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, line := range strings.SplitAfter(string(text), "\n") {
		if !regexp.MustCompile(`,2011-02-(0[1-9]|10) `).MatchString(line) {
			kept = append(kept, line)
		}
	}
	log := filepath.Join(t.TempDir(), "gap.csv")
	if err := os.WriteFile(log, []byte(strings.Join(kept, "")), 0o600); err != nil {
		t.Fatal(err)
	}
	want := "retain: " + log + ": no customer with history before 2011-02-01 buys in the 10-day horizon 2011-02-01 .. 2011-02-10 " +
		"(the log has no order in it; its next is on 2011-02-11), so there is nothing to measure; choose another --cutoff\n"
	for _, json := range []bool{false, true} {
		args := []string{"recommend", "--log", log, "--horizon", "10d", "--cutoff", "2011-02-01", "--evaluate"}
		if json {
			args = append(args, "--json")
		}
		c := newCLI(t)
		if code := c.run(context.Background(), args...); code != exitUsage || !strings.HasSuffix(c.stderr.String(), want) || c.stdout.Len() != 0 {
			t.Errorf("json %v: exit %d, stdout %q, stderr %s\nwant exit 2 and %q", json, code, c.stdout, c.stderr, want)
		}
	}
}

// TestRecommendWarnsOfAnAmountItemColumn: retailStyleLog's prices are
// written with two decimals (1.00 to 5.75, 20 values: 1 + item/4 for the
// items 0 to 19; the examples are the first three in the file); named as
// the item column they are warned about, not refused, and the lists are
// written. The log's StockCode gets no warning.
func TestRecommendWarnsOfAnAmountItemColumn(t *testing.T) {
	log := retailStyleLog(t, iiHeader)
	const warning = "warning: the item column Price holds numbers with decimals (3.25, 3.00, 4.00, …: 20 of its 20 values), as an amount or a price does; " +
		"each value is recommended as an item — if it is not one, name the item column with --item-column\n"
	for _, c := range []struct {
		args []string
		warn bool
	}{
		{[]string{"--item-column", "Price"}, true},
		{nil, false},
	} {
		cli := newCLI(t)
		code := cli.run(context.Background(), append([]string{"recommend", "--log", log, "--horizon", "10d", "--top", "3"}, c.args...)...)
		if code != exitOK || cli.stdout.Len() == 0 {
			t.Fatalf("%q: exit %d: %s", c.args, code, cli.stderr)
		}
		if got := strings.Contains(cli.stderr.String(), warning); got != c.warn || !c.warn && strings.Contains(cli.stderr.String(), "numbers with decimals") {
			t.Errorf("%q: warned %v, want %v:\n%s", c.args, got, c.warn, cli.stderr)
		}
	}
}
