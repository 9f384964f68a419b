package experiment

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/internal/cancelat"
)

// cancelLog is an order log of 600 customers over a year, each buying
// every 3 to 62 days from a first day in the first 200 until they stop,
// with probability 1/5 after each order (so BG/NBD has something to fit).
func cancelLog() string {
	r := rand.New(rand.NewPCG(7, 11))
	day0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var b strings.Builder
	b.WriteString("customer,date,amount\n")
	for c := range 600 {
		gap := 3 + r.IntN(60)
		for d := r.IntN(200); d < 365; d += gap {
			fmt.Fprintf(&b, "c%04d,%s,%d\n", c, day0.AddDate(0, 0, d).Format(time.DateOnly), 5+r.IntN(100))
			if r.IntN(5) == 0 {
				break
			}
		}
	}
	return b.String()
}

// afterCancel bounds the looks at the context a load or a preparation
// takes once it has seen it cancelled: each is a return, no work. In the
// BG/NBD fit, a gradient asks for eight likelihoods, and those left after
// the cancelled one return at their first look; then the optimiser's
// status, the fit and each caller look once more.
const afterCancel = 16

// TestLoadAndPrepareStopWhenCancelled: a cancelled load (a new one, or the
// SSH session gone) of an order log ran its whole feature stage, and the
// out-of-time preparation its earlier cohort, BG/NBD fit included, before
// anyone looked at the context (fixserve's note). Loaded with BG/NBD
// inputs and prepared out of time, cancelled at the first look, the
// second or the middle one of those an uncancelled load and
// preparation take, each ends with context.Canceled within afterCancel
// looks of the cancellation, far fewer than the rest of its work would
// take.
func TestLoadAndPrepareStopWhenCancelled(t *testing.T) {
	open := stringOpener(cancelLog())
	src := Source{Kind: "log", Path: "orders.csv", HorizonDays: 30, Features: LogFeatures{BTYD: true}}
	cfg := schemeConfig()
	cfg.Validation = OutOfTime
	whole := cancelat.New(0)
	d, err := LoadContext(whole, src, open)
	if err != nil {
		t.Fatal(err)
	}
	loadLooks := whole.Looks()
	whole = cancelat.New(0)
	e, err := PrepareContext(whole, d, cfg)
	if err != nil || e.Later == nil {
		t.Fatalf("prepared out of time: %v, error %v", e != nil && e.Later != nil, err)
	}
	prepareLooks := whole.Looks()
	t.Logf("%d customers: the load looks %d times, the preparation %d", d.Table.Rows, loadLooks, prepareLooks)
	for _, stage := range []struct {
		name  string
		looks int
		run   func(ctx context.Context) error
	}{
		{"load", loadLooks, func(ctx context.Context) error { _, err := LoadContext(ctx, src, open); return err }},
		{"preparation", prepareLooks, func(ctx context.Context) error { _, err := PrepareContext(ctx, d, cfg); return err }},
	} {
		if stage.looks < 4*afterCancel {
			t.Fatalf("the %s looks %d times, too few to tell an early stop", stage.name, stage.looks)
		}
		for _, at := range []int{1, 2, stage.looks / 2} {
			ctx := cancelat.New(at)
			err := stage.run(ctx)
			if !errors.Is(err, context.Canceled) {
				t.Errorf("the %s cancelled at look %d of %d ended with %v, want context.Canceled", stage.name, at, stage.looks, err)
			}
			if n := ctx.Looks(); n > at+afterCancel {
				t.Errorf("the %s cancelled at look %d of %d looked %d times, want at most %d", stage.name, at, stage.looks, n, at+afterCancel)
			}
		}
	}
}
