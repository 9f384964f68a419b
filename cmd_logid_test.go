package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// olistShapedLog writes a log shaped like Olist's orders joined to their
// customers: a customer_id per order (k…) and the customer's own
// customer_unique_id (u…), the column retain reads as the customer.
func olistShapedLog(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("order_id,customer_id,customer_unique_id,order_status,order_purchase_timestamp,payment_value\n")
	start := time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC)
	n := 0
	for c := range 120 {
		for d := c % 17; d < 240; d += 20 + c%45 {
			n++
			fmt.Fprintf(&b, "o%d,k%d,u%03d,delivered,%s 10:00:00,%d.5\n", n, n, c, start.AddDate(0, 0, d).Format(time.DateOnly), 5+c%9)
		}
	}
	return writeFile(t, "olist.csv", b.String())
}

// On an Olist-shaped log every output keys the customers by the log's
// customer column, customer_unique_id, not by customer_id, which is
// another column of the log: predict's header, the load note, inspect and
// the SQL export's key. A model file written before the id column took
// the log's name (its pipeline's id_name is customer_id) scores the same.
func TestOlistShapedLogKeysByItsCustomerColumn(t *testing.T) {
	path := olistShapedLog(t)
	model := filepath.Join(t.TempDir(), "m.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--log", path, "--epochs", "1", "--out", model); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	if s := c.stderr.String(); !strings.Contains(s, "note: "+path+`: column "customer_unique_id" is not a feature: an identifier`+"\n") ||
		strings.Contains(s, `"customer_id" is not a feature`) {
		t.Errorf("train stderr %q", s)
	}
	predict := func(model string) [][]string {
		t.Helper()
		c := newCLI(t)
		if code := c.run(context.Background(), "predict", "--model", model, "--log", path); code != exitOK {
			t.Fatalf("predict: exit %d, stderr %q", code, c.stderr.String())
		}
		recs, err := csv.NewReader(strings.NewReader(c.stdout.String())).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return recs
	}
	recs := predict(model)
	if h := strings.Join(recs[0], ","); h != "customer_unique_id,probability_orders_again_30d_yes,predicted_orders_again_30d,short_history" {
		t.Errorf("predict header %q", h)
	}
	// Every customer ordered by the last date, so all 120 are scored.
	if len(recs) != 121 || recs[1][0] != "u000" {
		t.Errorf("%d rows, the first %q", len(recs)-1, recs[1])
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "inspect", "--model", model); code != exitOK ||
		!strings.Contains(c.stdout.String(), "\nId column (not an input): customer_unique_id.\n") {
		t.Errorf("inspect: exit %d, stdout %q", code, c.stdout.String())
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "export", "--model", model, "--format", "sql", "--dialect", "sqlite"); code != exitOK ||
		!strings.Contains(c.stdout.String(), "\nSELECT id AS \"customer_unique_id\",\n") {
		t.Errorf("export: exit %d, stdout %q", code, c.stdout.String())
	}
	raw, err := os.ReadFile(model)
	if err != nil {
		t.Fatal(err)
	}
	old := strings.Replace(string(raw), `"id_name": "customer_unique_id"`, `"id_name": "customer_id"`, 1)
	if old == string(raw) {
		t.Fatal("the model file records no id_name customer_unique_id")
	}
	oldModel := writeFile(t, "old.json", old)
	if got := predict(oldModel); fmt.Sprint(got) != fmt.Sprint(recs) {
		t.Errorf("the older model file scores\n%q\nwant\n%q", got, recs)
	}
}

// A log whose history up to the cutoff is shorter than the 90-day feature
// window is trained on with a warning saying so; predict, which marks the
// short histories row by row, does not repeat it.
func TestTrainWarnsOfAHistoryShorterThanTheFeatureWindow(t *testing.T) {
	var b strings.Builder
	b.WriteString("customer,date,amount\n")
	start := time.Date(2018, 6, 1, 0, 0, 0, 0, time.UTC)
	for c := range 60 {
		end := 61
		if c%3 == 0 {
			end = 28 // a third never order after the cutoff
		}
		for d := c % 7; d < end; d += 5 + c%13 {
			fmt.Fprintf(&b, "c%02d,%s,%d\n", c, start.AddDate(0, 0, d).Format(time.DateOnly), 3+c%5)
		}
	}
	path := writeFile(t, "short.csv", b.String())
	model := filepath.Join(t.TempDir(), "m.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--log", path, "--epochs", "1", "--out", model); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	// The log runs 2018-06-01 .. 2018-07-31; the default cutoff is 30 days
	// before its end, 2018-07-01: 31 days of history, both ends counted.
	want := "warning: " + path + ": 31 days of history up to the cutoff 2018-07-01 (from 2018-06-01), less than the 90-day feature window: " +
		"orders_90d, tenure_days, recency_days and the order intervals are truncated for every customer\n"
	if !strings.Contains(c.stderr.String(), want) {
		t.Errorf("train stderr %q\nlacks %q", c.stderr.String(), want)
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "predict", "--model", model, "--log", path); code != exitOK ||
		strings.Contains(c.stderr.String(), "of history up to the cutoff") {
		t.Errorf("predict: exit %d, stderr %q", code, c.stderr.String())
	}
}
