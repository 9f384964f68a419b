package screentest

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// OrderLog is a small deterministic order log of 80 customers over
// 2024-01-01 … 2024-03-01: a00–a19 order every 4–9 days throughout,
// b00–b19 once in the first ten days, d00–d09 every four days up to
// 01-16, c00–c09 on 02-05 and 02-20, e00–e09 twice in mid-February then
// never, f00–f09 twice in early January and once on 02-25. At a 10-day
// horizon every cohort from 01-11 on holds both classes, and the e and f
// customers make the cohort at 02-20 unlike the one before it.
func OrderLog() string {
	day0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var b strings.Builder
	b.WriteString("customer,date,amount\n")
	add := func(id string, day int, amount float64) {
		fmt.Fprintf(&b, "%s,%s,%.2f\n", id, day0.AddDate(0, 0, day).Format(time.DateOnly), amount)
	}
	for i := range 20 {
		for d := 0; d <= 60; d += 4 + i%6 {
			add(fmt.Sprintf("a%02d", i), d, float64(10+i+d))
		}
		add(fmt.Sprintf("b%02d", i), i%10, float64(5+i))
	}
	for i := range 10 {
		for d := i % 3; d <= 15; d += 4 {
			add(fmt.Sprintf("d%02d", i), d, float64(8+i+d))
		}
		add(fmt.Sprintf("c%02d", i), 35, float64(20+i))
		add(fmt.Sprintf("c%02d", i), 50, float64(30+i))
		add(fmt.Sprintf("e%02d", i), 44+i%3, float64(12+i))
		add(fmt.Sprintf("e%02d", i), 48, float64(14+i))
		add(fmt.Sprintf("f%02d", i), 2+i%4, float64(9+i))
		add(fmt.Sprintf("f%02d", i), 6+i%4, float64(11+i))
		add(fmt.Sprintf("f%02d", i), 55, float64(13+i))
	}
	return b.String()
}

// LoadLog loads OrderLog as "orders.csv" with a 10-day horizon at cutoff
// (YYYY-MM-DD; "" for the default, 2024-02-20).
func LoadLog(t testing.TB, cutoff string) *experiment.Data {
	t.Helper()
	return LoadLogHorizon(t, cutoff, 10)
}

// LoadLogHorizon is LoadLog with a horizon of h days.
func LoadLogHorizon(t testing.TB, cutoff string, h int) *experiment.Data {
	t.Helper()
	src := experiment.Source{Kind: "log", Path: "orders.csv", HorizonDays: h}
	if cutoff != "" {
		c, err := time.Parse(time.DateOnly, cutoff)
		if err != nil {
			t.Fatal(err)
		}
		src.Cutoff = c
	}
	open := func(string) (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(OrderLog())), nil }
	d, err := experiment.LoadAt(src, open, time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// LoadOneOrderEach loads an order log "orders.csv" whose 30 customers
// (customer_id o00–o29) order once each, 2 days apart from 2024-01-01, with
// a 10-day horizon: no customer orders again, so the label has one class,
// as when the customer column is a per-order key.
func LoadOneOrderEach(t testing.TB) *experiment.Data {
	t.Helper()
	var b strings.Builder
	b.WriteString("customer_id,date,amount\n")
	day0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 30 {
		fmt.Fprintf(&b, "o%02d,%s,%d\n", i, day0.AddDate(0, 0, 2*i).Format(time.DateOnly), 10+i)
	}
	open := func(string) (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(b.String())), nil }
	d, err := experiment.LoadAt(experiment.Source{Kind: "log", Path: "orders.csv", HorizonDays: 10}, open,
		time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if d.Cohort.Positives != 0 {
		t.Fatalf("%d positives, want none", d.Cohort.Positives)
	}
	return d
}

// LogRun is run 1 on d validated with scheme as the TUI prepares it
// (experiment.Prepare), a 4-unit network trained for epochs epochs with
// the default settings otherwise.
func LogRun(t testing.TB, d *experiment.Data, scheme experiment.Scheme, epochs int) common.Run {
	t.Helper()
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs, cfg.Validation = epochs, scheme
	cfg.Hidden = cfg.Hidden[:1]
	cfg.Hidden[0].Units = 4
	e, err := experiment.Prepare(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	runErr := e.Run(context.Background())
	return common.Run{Number: 1, Exp: e, History: e.Trainer.History(), Err: runErr}
}
