package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
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
		!(strings.HasPrefix(r[5], "bought on ") || strings.HasPrefix(r[5], "popular: ")) {
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
		{[]string{"--log", log, "--horizon", "10d", "--cutoff", "2011-02-25", "--evaluate"},
			"evaluating at 2011-02-25 needs the 10 days from it, but the log ends 2011-03-01; the latest cutoff to evaluate at is 2011-02-20"},
		{[]string{"--log", log, "--item-column", "Sku"}, `no column "Sku" for the item`},
		{[]string{"--log", log, "--cutoff", "15/02/2011"}, `--cutoff "15/02/2011" is not a date as YYYY-MM-DD`},
		{[]string{"--log", log, "--top", "0"}, "--top 0: want at least 1 item per customer"},
		{[]string{"--log", log, "--cutoff", "2011-01-05"}, "the model trains on the horizon before 2010-12-06"},
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
