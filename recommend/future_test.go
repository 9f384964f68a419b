package recommend

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
)

// syntheticLog writes a seeded log of 60 customers over 240 days from
// 2011-01-01: each customer favours a few of 30 items and buys now and
// then, so that every training window has buyers.
func syntheticLog() string {
	rng := rand.New(rand.NewPCG(7, 7))
	var b strings.Builder
	b.WriteString("Invoice,StockCode,Quantity,InvoiceDate,Price,CustomerID\n")
	start := ymd(2011, 1, 1)
	invoice := 1000
	for day := range 240 {
		for c := range 60 {
			if rng.IntN(12) != 0 {
				continue
			}
			invoice++
			for range 1 + rng.IntN(4) {
				item := (c*7 + rng.IntN(6)) % 30
				if rng.IntN(5) == 0 {
					item = rng.IntN(30)
				}
				fmt.Fprintf(&b, "%d,I%02d,%d,%s 10:00:00,1.5,C%02d\n", invoice, item, 1+rng.IntN(3),
					start.AddDate(0, 0, day).Format(time.DateOnly), c)
			}
		}
	}
	return b.String()
}

// trained prepares and trains the model at the cutoff and ranks.
func trained(t *testing.T, l *Log, cutoff time.Time) (*Run, *Result) {
	t.Helper()
	cfg := DefaultModelConfig()
	cfg.Train.Epochs = 3
	return trainedWith(t, l, Options{Cutoff: cutoff, HorizonDays: 30, Model: cfg})
}

// trainedWith prepares, trains and ranks with opts.
func trainedWith(t *testing.T, l *Log, opts Options) (*Run, *Result) {
	t.Helper()
	run, err := Prepare(l, opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := run.Model.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	res, err := run.Finish(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return run, res
}

// TestFuturePurchaseChangesNothing plants purchases dated on and after the
// cutoff (an existing customer buying a known item on the cutoff day and a
// new item later, and a new customer) and checks that the training pairs,
// the trained weights and every recommendation stay exactly the same.
func TestFuturePurchaseChangesNothing(t *testing.T) {
	text := syntheticLog()
	cutoff := ymd(2011, 8, 1) // day 212 of 240
	planted := text +
		"9001,I03,5,2011-08-01 09:00:00,1.5,C01\n" +
		"9002,NEW,2,2011-08-20 09:00:00,9.9,C02\n" +
		"9002,I07,2,2011-08-20 09:00:00,1.5,C02\n" +
		"9003,I03,1,2011-09-30 09:00:00,1.5,C99\n"
	base := readLog(t, text, "log.csv", data.LogOptions{})
	more := readLog(t, planted, "log.csv", data.LogOptions{})
	if more.Last == base.Last || len(more.Baskets) != len(base.Baskets)+3 {
		t.Fatalf("the planted purchases were not read: last %v vs %v", Date(more.Last), Date(base.Last))
	}
	sameRun(t, base, more, cutoff)
}

// TestFutureCancellationChangesNothing plants cancellations dated after
// the cutoff that take back, in full, items customers bought before it
// (C01's I08 and C02's I07, more units than they bought, so the net is
// below 0 whatever they bought), and checks that the training pairs, the
// weights and every recommendation stay exactly the same: a return made
// after the cutoff was unknown on it.
func TestFutureCancellationChangesNothing(t *testing.T) {
	text := syntheticLog()
	cutoff := ymd(2011, 8, 1)
	planted := text +
		"C9101,I08,-1000,2011-08-02 09:00:00,1.5,C01\n" +
		"C9102,I07,-1000,2011-08-25 09:00:00,1.5,C02\n"
	base := readLog(t, text, "log.csv", data.LogOptions{})
	more := readLog(t, planted, "log.csv", data.LogOptions{})
	if base.ReturnedLines != 0 || more.ReturnedLines == 0 || more.AsOf(Day(cutoff)) == more {
		t.Fatalf("the planted cancellations were not read: %d returned lines without them, %d with", base.ReturnedLines, more.ReturnedLines)
	}
	sameRun(t, base, more, cutoff)
}

// sameRun trains at the cutoff on both logs and checks that the training
// pairs, the trained weights and every recommendation are the same.
func sameRun(t *testing.T, base, more *Log, cutoff time.Time) {
	t.Helper()
	runA, resA := trained(t, base, cutoff)
	runB, resB := trained(t, more, cutoff)
	if runA.Model.TrainRows != runB.Model.TrainRows || runA.Model.Positives != runB.Model.Positives {
		t.Errorf("training pairs differ: %d (%d positive) vs %d (%d positive)",
			runA.Model.TrainRows, runA.Model.Positives, runB.Model.TrainRows, runB.Model.Positives)
	}
	if !slices.Equal(runA.Model.Net.Params(), runB.Model.Net.Params()) {
		t.Error("the trained weights differ")
	}
	if len(resA.Customers) != len(resB.Customers) {
		t.Fatalf("%d vs %d customers ranked", len(resA.Customers), len(resB.Customers))
	}
	for i, a := range resA.Customers {
		b := resB.Customers[i]
		if a.ID != b.ID || !sameItems(a.Items, b.Items) {
			t.Fatalf("customer %s: %+v\nwith the planted lines: %+v", a.ID, a.Items, b.Items)
		}
	}
	if len(runA.Model.TrainCutoffs) != 4 || runA.Model.TrainRows == 0 {
		t.Errorf("training cutoffs %v, %d pairs: the test trains on nothing", runA.Model.TrainCutoffs, runA.Model.TrainRows)
	}
}

// TestEvaluateFlags: when evaluating, a customer's Buyer flag and each
// item's Bought flag say what they bought in the horizon, and the model's
// metrics come first, then the three baselines.
func TestEvaluateFlags(t *testing.T) {
	l := readLog(t, syntheticLog(), "log.csv", data.LogOptions{})
	cutoff := ymd(2011, 7, 20)
	cfg := DefaultModelConfig()
	cfg.Train.Epochs = 2
	run, err := Prepare(l, Options{Cutoff: cutoff, HorizonDays: 30, Evaluate: true, Top: 5, Model: cfg})
	if err != nil {
		t.Fatal(err)
	}
	if err := run.Model.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	res, err := run.Finish(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	truth := l.TruthAt(Day(cutoff), 30)
	bought := map[string]map[int32]bool{}
	for i, c := range truth.Customers {
		bought[l.Customers[c]] = truth.Bought[i]
	}
	buyers := 0
	for _, c := range res.Customers {
		b, isBuyer := bought[c.ID]
		if c.Buyer != isBuyer || c.Bought != len(b) || len(c.Items) != 5 {
			t.Fatalf("customer %s: buyer %v (%d items bought), want %v (%d); %d items listed", c.ID, c.Buyer, c.Bought, isBuyer, len(b), len(c.Items))
		}
		for _, it := range c.Items {
			if it.Bought != b[it.Item] {
				t.Errorf("customer %s item %s: bought %v, want %v", c.ID, it.ItemID, it.Bought, b[it.Item])
			}
		}
		if isBuyer {
			buyers++
		}
		if res.Customer(c.ID) == nil {
			t.Errorf("Customer(%q) is nil", c.ID)
		}
	}
	names := []string{ModelName, TopPopName, PTopFreqName, GPTopFreqName}
	for i, m := range res.Metrics {
		if m.Ranker != names[i] || m.Customers != buyers || buyers == 0 {
			t.Errorf("metrics %d: %s over %d customers, want %s over %d", i, m.Ranker, m.Customers, names[i], buyers)
		}
	}
	if len(res.Metrics) != 4 || res.Customer("nobody") != nil {
		t.Errorf("%d metrics rows; Customer(nobody) = %v", len(res.Metrics), res.Customer("nobody"))
	}
}
