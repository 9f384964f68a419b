package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// onceLog writes an order log of 2024 where each of 60 customers u00..u59
// bought one item once: customer i on day 1 + 5i of the year, item
// I(i%6), amount 10 + i%13. No customer ever bought twice, so frequency
// (1), interval_std_days (0), distinct_items (1) and basket_size_avg (1)
// are the same for everyone.
func onceLog(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("customer_id,date,amount,item\n")
	for i := range 60 {
		day := time.Date(2024, 1, 1+5*i, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
		fmt.Fprintf(&b, "u%02d,%s,%d,I%d\n", i, day, 10+i%13, i%6)
	}
	return writeFile(t, "once.csv", b.String())
}

// TestAnomaliesConstantColumnsNoted: on a log where every customer bought
// once, "frequency 1, expected 1 (typical 1)" led the reasons (review 14,
// M4). The constant columns are left out, said on stderr and in --json,
// and no reason names them.
func TestAnomaliesConstantColumnsNoted(t *testing.T) {
	log := onceLog(t)
	c := newCLI(t)
	if code := c.run(context.Background(), "anomalies", "--log", log, "--top", "60"); code != exitOK {
		t.Fatalf("exit %d: %s", code, c.stderr)
	}
	note := "note: " + log + `: columns "frequency", "interval_std_days", "distinct_items", "basket_size_avg" are left out of the model: ` +
		"every user has the same value, which tells no user from another\n"
	// 6 customers (u54..u59, days 271..296 of 2024) bought in the last 30
	// days, fewer than 10: orders_30d and spend_trend read as 0 for all.
	clipped := "note: " + log + `: columns "orders_30d", "spend_trend" are left out of the model: fewer than 10 users differ ` +
		"from the common value, and the preprocessing reads those few as it (see Privacy), so every user reads the same\n"
	for _, want := range []string{note, clipped} {
		if !strings.Contains(c.stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, c.stderr)
		}
	}
	for _, name := range []string{"frequency", "interval_std_days", "distinct_items", "basket_size_avg", "orders_30d", "spend_trend"} {
		if strings.Contains(c.stdout.String(), name+" ") {
			t.Errorf("a reason names %s:\n%s", name, c.stdout)
		}
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "anomalies", "--log", log, "--top", "1", "--json"); code != exitOK {
		t.Fatalf("--json: exit %d: %s", code, c.stderr)
	}
	var doc struct {
		Constant []string `json:"constant_columns"`
		Clipped  []string `json:"clipped_columns"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if want := []string{"frequency", "interval_std_days", "distinct_items", "basket_size_avg"}; !slices.Equal(doc.Constant, want) {
		t.Errorf("constant_columns %q, want %q", doc.Constant, want)
	}
	if want := []string{"orders_30d", "spend_trend"}; !slices.Equal(doc.Clipped, want) {
		t.Errorf("clipped_columns %q, want %q", doc.Clipped, want)
	}
}

// TestRecommendOneOrderEach: recommend refused a log where no customer
// bought twice, advising a later --cutoff or a longer --horizon, which
// cannot help (review 14, M5). It writes GP-TopFreq's lists, saying why no
// network was trained. The default cutoff is 2024-10-23, the day after the
// last order (day 296, u59's); every customer's list starts with their one
// item, and u59's reads "bought in 1 order, 1 day ago".
func TestRecommendOneOrderEach(t *testing.T) {
	log := onceLog(t)
	c := newCLI(t)
	if code := c.run(context.Background(), "recommend", "--log", log, "--top", "3"); code != exitOK {
		t.Fatalf("exit %d: %s", code, c.stderr)
	}
	for _, want := range []string{
		"Cutoff 2024-10-23, horizon 30 days; no network trained: every customer of " + log + " has one order, so nobody bought again " +
			"after some history, which is what the network learns from — is the customer column a per-order key?\n",
		"The lists are GP-TopFreq's, without scores: each customer's own items by number of orders, then the popular ones\n",
		"Ranked 60 customers in ",
	} {
		if !strings.Contains(c.stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, c.stderr)
		}
	}
	lines := strings.Split(strings.TrimSpace(c.stdout.String()), "\n")
	if len(lines) != 1+60*3 {
		t.Fatalf("%d lines, want a header and 3 items for each of the 60 customers:\n%s", len(lines), c.stdout)
	}
	if want := `u59,1,I5,,,"bought in 1 order, 1 day ago"`; !slices.Contains(lines, want) {
		t.Errorf("no line %q:\n%s", want, c.stdout)
	}
}

// TestBacktestOneOrderEach: backtest said only "too few rows … 0 who order
// again" on such a log; it says why, as train does (review 14, M5).
func TestBacktestOneOrderEach(t *testing.T) {
	log := onceLog(t)
	c := newCLI(t)
	if code := c.run(context.Background(), "backtest", "--log", log); code != exitUsage {
		t.Fatalf("exit %d, want %d: %s", code, exitUsage, c.stderr)
	}
	want := "retain: " + log + `: every customer has one order, so no fold has a customer who orders again — is the customer column "customer_id" a per-order key? ` +
		"name the customer column with --log-columns customer=COL\n"
	if got := c.stderr.String(); !strings.HasSuffix(got, want) {
		t.Errorf("stderr ends\n%q\nwant\n%q", got, want)
	}
}
