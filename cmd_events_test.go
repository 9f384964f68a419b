package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// An event log whose purchases are CDNOW's orders, each preceded by a view
// of the day before, trains and scores as CDNOW itself: the views are left
// out of the orders and said to be used as features; inspect says the model came from an event log.
func TestEventLogTrainsOnItsPurchases(t *testing.T) {
	dir := t.TempDir()
	orders := cdnowAsCSV(t, dir, "orders.csv", "2006-01-02", func(time.Time) bool { return true })
	raw, err := os.ReadFile(orders)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("customer_id,date,event_type,number_of_cds,dollar_value\n")
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n")[1:] {
		f := strings.Split(line, ",")
		day, err := time.Parse(time.DateOnly, f[1])
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(f[0] + "," + day.AddDate(0, 0, -1).Format(time.DateOnly) + ",view,0,0\n")
		b.WriteString(f[0] + "," + f[1] + ",purchase," + f[2] + "," + f[3] + "\n")
	}
	events := filepath.Join(dir, "events.csv")
	if err := os.WriteFile(events, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (string, string) {
		c := newCLI(t)
		if code := c.run(context.Background(), args...); code != exitOK {
			t.Fatalf("%v: exit %d, %s", args, code, c.stderr.String())
		}
		return c.stdout.String(), c.stderr.String()
	}
	var scores [2]string
	for i, log := range []string{orders, events} {
		model := strings.TrimSuffix(log, ".csv") + ".json"
		// Without the views' own features, the event log's rows are
		// CDNOW's.
		args := []string{"train", "--log", log, "--cutoff", "1997-06-30", "--horizon", "90d", "--epochs", "2", "--out", model}
		if log == events {
			args = append(args, "--exclude", "event_view_30d,event_view_90d")
		}
		_, notes := run(args...)
		const left = `69,659 events that are not purchases ("view" 69,659)`
		if got := strings.Contains(notes, "139,318 lines make 69,659 orders; not orders but used as features: "+left); got != (log == events) {
			t.Errorf("%s: train's notes say the views were left out: %v\n%s", log, got, notes)
		}
		scores[i], _ = run("predict", "--model", model, "--log", log)
		text, _ := run("inspect", "--model", model)
		const said = "An event log: only the lines whose event_type is a purchase (purchase, purchased, buy, bought, transaction, order, ordered, checkout, sale, 购买, 下单, 支付, 成交) were orders."
		if strings.Contains(text, said) != (log == events) {
			t.Errorf("%s: inspect says it came from an event log: %v", log, !(log == events))
		}
	}
	if scores[0] != scores[1] || strings.Count(scores[0], "\n") < 1000 {
		t.Errorf("the event log's purchases score differently from the orders alone (%d and %d bytes)", len(scores[0]), len(scores[1]))
	}
	// With them: the views of the 30 and 90 days before the cutoff are
	// two features, and inspect names them.
	model := filepath.Join(dir, "views.json")
	_, notes := run("train", "--log", events, "--cutoff", "1997-06-30", "--horizon", "90d", "--epochs", "2", "--out", model)
	if !strings.Contains(notes, ", spend_trend, event_view_30d, event_view_90d\n") {
		t.Errorf("train's notes do not list the view features:\n%s", notes)
	}
	text, _ := run("inspect", "--model", model)
	if !strings.Contains(text, `Its other events counted as features, by type: "view" (event_view_30d, event_view_90d).`) {
		t.Errorf("inspect does not name the view features:\n%s", text)
	}
}

func TestLogColumnsNamesEveryRole(t *testing.T) {
	mustRefuse(t, []string{"cohorts", "--log", "orders.csv", "--log-columns", "customer=1,kind=4"},
		`retain: --log-columns "customer=1,kind=4": want role=column pairs with roles customer, time, amount, price, quantity, order, item, event, status; got "kind=4"`+"\n")
}
