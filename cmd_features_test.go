package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// itemOrderLog writes a seeded random order log with invoices, items,
// quantities and prices: 200 customers over 2024 with their own rates and
// lapse dates.
func itemOrderLog(t *testing.T, withItems bool) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("InvoiceNo,Quantity,InvoiceDate,UnitPrice,CustomerID")
	if withItems {
		b.WriteString(",StockCode")
	}
	b.WriteString("\n")
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	inv := 100
	r := rand.New(rand.NewPCG(7, 3))
	for c := range 200 {
		mean, stop := 4+r.Float64()*60, r.IntN(366)
		for day := r.IntN(150); day < stop; day += 1 + int(r.ExpFloat64()*mean) {
			inv++
			fmt.Fprintf(&b, "%d,%d,%s,%d.25,c%03d", inv, 1+c%4, start.AddDate(0, 0, day).Format(time.DateOnly), 2+c%7, c)
			if withItems {
				fmt.Fprintf(&b, ",I%d", (c+day)%25)
			}
			b.WriteString("\n")
		}
	}
	return writeFile(t, fmt.Sprintf("items%v.csv", withItems), b.String())
}

// A model trained on a log with items records its feature set; scoring a
// log without the item column is refused with exit 2 and a sentence.
func TestModelNeedingItemsRefusesALogWithout(t *testing.T) {
	log := itemOrderLog(t, true)
	model := filepath.Join(t.TempDir(), "model.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--log", log, "--cutoff", "2024-06-30", "--horizon", "30d",
		"--epochs", "2", "--val", "0.25", "--out", model); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	if !strings.Contains(c.stderr.String(), "features made from the log (feature set 3, windows 30/90 days, trend 30 days): "+
		"recency_days, frequency, monetary_total, monetary_avg, tenure_days, orders_30d, orders_90d, interval_mean_days, "+
		"interval_std_days, distinct_items, basket_size_avg, spend_trend\n") {
		t.Errorf("train does not list the features made: %q", c.stderr.String())
	}
	raw, err := os.ReadFile(model)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Source struct {
			Features map[string]any `json:"log_features"`
		} `json:"source"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Source.Features["version"] != 3.0 || doc.Source.Features["short_window_days"] != 30.0 {
		t.Errorf("model file records %v", doc.Source.Features)
	}
	noItems := itemOrderLog(t, false)
	c = newCLI(t)
	code := c.run(context.Background(), "eval", "--model", model, "--log", noItems, "--cutoff", "2024-09-30")
	want := "retain: " + model + " was trained on the feature distinct_items, which " + noItems +
		" cannot give: the log has no item column; give its column with --log-columns or score a log that has it\n"
	if code != exitUsage || !strings.HasSuffix(c.stderr.String(), want) {
		t.Errorf("exit %d, stderr %q\nwant suffix %q", code, c.stderr.String(), want)
	}
}

func TestBTYDFeaturesFlag(t *testing.T) {
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--btyd-features", "--epochs", "1"); code != exitUsage ||
		c.stderr.String() != "retain: --btyd-features needs --log: the BG/NBD quantities come from an order log's history\n" {
		t.Errorf("without --log: exit %d, stderr %q", code, c.stderr.String())
	}
	log := itemOrderLog(t, true)
	model := filepath.Join(t.TempDir(), "model.json")
	c = newCLI(t)
	if code := c.run(context.Background(), "train", "--log", log, "--cutoff", "2024-06-30", "--horizon", "30d",
		"--btyd-features", "--epochs", "2", "--val", "0.25", "--out", model); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	if !strings.Contains(c.stderr.String(), "BG/NBD on): ") || !strings.Contains(c.stderr.String(), "btyd_p_alive, btyd_expected_30d, btyd_p_any_30d\n") {
		t.Errorf("train stderr %q", c.stderr.String())
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "eval", "--model", model, "--log", log, "--cutoff", "2024-09-30", "--json"); code != exitOK {
		t.Fatalf("eval: exit %d, stderr %q", code, c.stderr.String())
	}
	if !strings.Contains(c.stderr.String(), "btyd_p_any_30d") {
		t.Errorf("eval did not rebuild the BG/NBD inputs: %q", c.stderr.String())
	}
}
