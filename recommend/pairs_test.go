package recommend

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
)

// TestPairsNoneBought: customers who only ever buy new items give pairs
// none of which is bought, and Prepare refuses them rather than train a
// network that scores everything low.
func TestPairsNoneBought(t *testing.T) {
	// a buys A1 … A5 on the odd days of January 2024, b buys B1 … B5 on
	// the even days, one new item per day.
	var b strings.Builder
	b.WriteString("Invoice,StockCode,Quantity,InvoiceDate,Price,CustomerID\n")
	for d := 1; d <= 10; d++ {
		who, item := "a", fmt.Sprintf("A%d", (d+1)/2)
		if d%2 == 0 {
			who, item = "b", fmt.Sprintf("B%d", d/2)
		}
		fmt.Fprintf(&b, "%d,%s,1,2024-01-%02d 10:00:00,1,%s\n", d, item, d, who)
	}
	l := readLog(t, b.String(), "new.csv", data.LogOptions{})
	cfg := DefaultModelConfig()
	cfg.NegativeRate = 1 // keep every pair, so they can be counted
	_, err := Prepare(l, Options{HorizonDays: 2, Model: cfg})
	// By hand, at the training cutoffs 9, 7, 5 and 3 January (the default
	// cutoff 11 January less 2, 4, 6, 8 days; 3 January leaves the 2 days
	// of history needed), both customers bought in the 2 days from each
	// and had bought before it: at cutoff day d each has their (d−1)/2
	// own items plus the other's one item of the 2 days before d, so
	// 2·((d−1)/2 + 1) pairs: 10 + 8 + 6 + 4 = 28, none bought again.
	want := "nothing to learn from: new.csv: none of the 28 (customer, item) pairs is bought: " +
		"in the 4 horizons after the training cutoffs 2024-01-03 .. 2024-01-09 the buying customers bought none of their candidate items " +
		"(their own earlier items and the 50 most popular), so the model has no purchase to learn from; " +
		"choose a longer --horizon, another --cutoff or a log with more orders"
	if !errors.Is(err, ErrTrainingPairs) || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

// TestPairsLimit: MaxPairs stops the building of pairs once there would
// be more (a served session's row limit). The log of TestPairsNoneBought
// makes 28 pairs, counted by hand there: 28 are built and then refused
// for what they are, 27 are not enough.
func TestPairsLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("Invoice,StockCode,Quantity,InvoiceDate,Price,CustomerID\n")
	for d := 1; d <= 10; d++ {
		who, item := "a", fmt.Sprintf("A%d", (d+1)/2)
		if d%2 == 0 {
			who, item = "b", fmt.Sprintf("B%d", d/2)
		}
		fmt.Fprintf(&b, "%d,%s,1,2024-01-%02d 10:00:00,1,%s\n", d, item, d, who)
	}
	l := readLog(t, b.String(), "new.csv", data.LogOptions{})
	cfg := DefaultModelConfig()
	cfg.NegativeRate = 1
	if _, err := Prepare(l, Options{HorizonDays: 2, Model: cfg, MaxPairs: 28}); !errors.Is(err, ErrTrainingPairs) {
		t.Errorf("at most 28 pairs: %v, want the 28 built and refused as none is bought", err)
	}
	_, err := Prepare(l, Options{HorizonDays: 2, Model: cfg, MaxPairs: 27})
	var lim *PairLimitError
	want := "the recommender would train on more than 27 (customer, item) pairs; this session allows training on at most 27 rows"
	if !errors.As(err, &lim) || lim.MaxPairs != 27 || err.Error() != want {
		t.Errorf("at most 27 pairs: %v\nwant %s", err, want)
	}
}

// TestPairsNothingToValidate: without customers held out (ValFrac 0)
// there is nothing to stop training on, and Prepare refuses. The hold-out
// draw is made for every buyer whatever ValFrac is, so the pairs are the
// same as with the default ValFrac, only none is held out.
func TestPairsNothingToValidate(t *testing.T) {
	l := readLog(t, syntheticLog(), "log.csv", data.LogOptions{})
	cutoff := ymd(2011, 8, 1)
	def, err := Prepare(l, Options{Cutoff: cutoff})
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultModelConfig()
	cfg.ValFrac = 0
	_, err = Prepare(l, Options{Cutoff: cutoff, Model: cfg})
	if !errors.Is(err, ErrTrainingPairs) {
		t.Fatalf("ValFrac 0: %v, want ErrTrainingPairs", err)
	}
	// The buyers counted by hand over the baskets: a customer with a basket
	// before a training cutoff and one in the 30 days from it.
	buyers := map[int32]bool{}
	for _, tc := range def.Model.TrainCutoffs {
		for _, x := range l.Baskets {
			if x.Day >= tc && x.Day < tc+30 && l.Baskets[l.ByCustomer[x.Customer][0]].Day < tc {
				buyers[x.Customer] = true
			}
		}
	}
	pairs := def.Model.TrainRows + def.Model.ValRows
	m := regexp.MustCompile(`\((\d+) bought\)`).FindStringSubmatch(err.Error())
	if m == nil {
		t.Fatalf("no bought count in %v", err)
	}
	bought, _ := strconv.Atoi(m[1])
	if bought < def.Model.Positives || bought >= pairs {
		t.Errorf("%d bought of %d pairs, want at least the default run's %d bought pairs to train on", bought, pairs, def.Model.Positives)
	}
	want := fmt.Sprintf("nothing to learn from: log.csv: %d (customer, item) pairs (%d bought) from %d customers who bought in "+
		"the 4 horizons after the training cutoffs 2011-04-03 .. 2011-07-02: holding out a random 0 %% of each horizon's buyers to stop training on "+
		"left %d pairs to train on (%d bought) and 0 to validate on, and a model needs pairs bought and not bought to train on and some to validate on; "+
		"recommendation needs a log with more customers", pairs, bought, len(buyers), pairs, bought)
	if err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

// TestPairsAllBought: one customer who buys A on 1 January and 1 March
// and B on 1 April: every candidate pair is bought, so there is no item
// left unbought to rank below. The refusal is a FewItemsError, an
// ErrTrainingPairs whose message ends in the command line's advice to
// name another item column; its Err says the same without the advice,
// for an interface to add its own.
func TestPairsAllBought(t *testing.T) {
	l := readLog(t, "customer_id,date,amount,item\nc1,2024-01-01,10,A\nc1,2024-03-01,12,A\nc1,2024-04-01,9,B\n", "one.csv", data.LogOptions{})
	_, err := Prepare(l, Options{Cutoff: ymd(2024, 4, 1), HorizonDays: 30})
	var few *FewItemsError
	if !errors.As(err, &few) || !errors.Is(err, ErrTrainingPairs) {
		t.Fatalf("%v: want a FewItemsError", err)
	}
	reason := few.Err.Error()
	if !strings.HasPrefix(reason, "nothing to learn from: one.csv: ") || !strings.HasSuffix(reason, "(the item column item holds 2 items)") ||
		err.Error() != reason+"; name a column with more items with --item-column" {
		t.Errorf("refusal %q, without its advice %q", err, reason)
	}
}

// TestPairsAllBoughtHeaderless: the same log without its header line
// (its columns named "1", "2", …, the item column 4) names the item
// column by its position as data.ColumnLabel and the Data screen's
// column chooser do: "the item column (column 4)", not "the item column
// 4".
func TestPairsAllBoughtHeaderless(t *testing.T) {
	l := readLog(t, "c1,2024-01-01,10,A\nc1,2024-03-01,12,A\nc1,2024-04-01,9,B\n", "one.csv",
		data.LogOptions{Columns: data.LogColumns{Customer: "1", Time: "2", Amount: "3", Item: "4"}})
	_, err := Prepare(l, Options{Cutoff: ymd(2024, 4, 1), HorizonDays: 30})
	var few *FewItemsError
	if !errors.As(err, &few) {
		t.Fatalf("%v: want a FewItemsError", err)
	}
	if reason := few.Err.Error(); !strings.HasSuffix(reason, "(the item column (column 4) holds 2 items)") {
		t.Errorf("refusal %q", reason)
	}
}
