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
