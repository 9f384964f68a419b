package recommend

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
)

// An item whose units its customer cancelled or returned in full is no
// purchase of theirs: a bought 3 of X in order 1 and returned them in C2
// (2 then 1 unit: net 0); order 1 keeps Y. b returned 1 of the 4 X they
// bought (net 3): kept. c's order 3 held only Z, cancelled by C4: the
// order is left with no item and counted apart. d's return of W is dated
// after today: not counted. e returned V without having bought it (no
// kept line of V): nothing to take. Without a quantity column each
// line is one unit: f bought U twice and returned it once (kept).
func TestFromOrderLogLeavesOutItemsReturnedInFull(t *testing.T) {
	text := "customer,date,invoice,sku,qty\n" +
		"a,2023-01-01,1,X,3\n" +
		"a,2023-01-01,1,Y,1\n" +
		"a,2023-01-02,C2,X,-2\n" +
		"a,2023-01-05,C2,X,-1\n" +
		"b,2023-01-01,5,X,4\n" +
		"b,2023-01-03,C6,X,-1\n" +
		"c,2023-01-02,3,Z,2\n" +
		"c,2023-01-02,C4,Z,-2\n" +
		"d,2023-01-02,7,W,1\n" +
		"d,2099-01-02,C8,W,-1\n" +
		"e,2023-01-02,9,X,1\n" +
		"e,2023-01-03,C10,V,-1\n"
	ol, err := data.ReadOrderLog(strings.NewReader(text), "log.csv", data.LogOptions{Today: time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	l, err := FromOrderLog(ol)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, b := range l.Baskets {
		for _, it := range b.Items {
			got[l.Customers[b.Customer]] = append(got[l.Customers[b.Customer]], l.Items[it])
		}
	}
	want := map[string][]string{"a": {"Y"}, "b": {"X"}, "d": {"W"}, "e": {"X"}}
	for _, c := range []string{"a", "b", "c", "d", "e"} {
		if !slices.Equal(got[c], want[c]) {
			t.Errorf("customer %s: items %v, want %v", c, got[c], want[c])
		}
	}
	if l.ReturnedLines != 2 || l.ReturnedOrders != 1 || l.WithoutItems != 0 {
		t.Errorf("returned lines %d, orders %d, without items %d; want 2, 1, 0", l.ReturnedLines, l.ReturnedOrders, l.WithoutItems)
	}
	// Review 33, finding 5: c, whose only order was cancelled in full, is
	// no customer of the netted log (the churn side keeps them): counted.
	if n := l.ReturnedCustomers(); n != 1 {
		t.Errorf("%d customers returned everything, want 1 (c)", n)
	}

	// Without quantities: a "C" order id with a negative amount is the
	// evidence of a return (a "C" id alone is not, since the loader's
	// cancellation rule asks for a negative line).
	text = "customer,date,invoice,sku,amount\n" +
		"f,2023-01-01,11,U,5\n" +
		"f,2023-01-02,12,U,5\n" +
		"f,2023-01-03,C13,U,-5\n" + // one of two lines of U: kept
		"g,2023-01-01,14,U,5\n" +
		"g,2023-01-01,14,T,7\n" +
		"g,2023-01-03,C15,U,-5\n" // g's only line of U: left out
	if ol, err = data.ReadOrderLog(strings.NewReader(text), "log.csv", data.LogOptions{}); err != nil {
		t.Fatal(err)
	}
	if l, err = FromOrderLog(ol); err != nil {
		t.Fatal(err)
	}
	if l.ReturnedLines != 1 || len(l.Baskets) != 3 {
		t.Errorf("without quantities: returned lines %d, %d baskets; want 1, 3", l.ReturnedLines, len(l.Baskets))
	}
}

// TestAsOfNetsReturnsBeforeTheCutoff: a's 3 units of X were returned 2 on
// 2023-01-02 and 1 on 2023-01-05. The log as of 2023-01-03 nets only the
// first return (1 unit left): X is in a's history; as of 2023-01-06 both
// count and X is gone, as in the log as of today. b's order of X on
// 2023-01-04, after a cutoff of 2023-01-03, is returned in full on
// 2023-01-05: from the cutoff on the baskets net every return, so it is
// gone from both.
func TestAsOfNetsReturnsBeforeTheCutoff(t *testing.T) {
	text := "customer,date,invoice,sku,qty\n" +
		"a,2023-01-01,1,X,3\n" +
		"a,2023-01-01,1,Y,1\n" +
		"a,2023-01-02,C2,X,-2\n" +
		"a,2023-01-05,C3,X,-1\n" +
		"b,2023-01-01,4,Y,1\n" +
		"b,2023-01-04,5,X,1\n" +
		"b,2023-01-05,C6,X,-1\n"
	l := readLog(t, text, "log.csv", data.LogOptions{})
	items := func(l *Log) string {
		var s []string
		for _, b := range l.Baskets {
			s = append(s, l.Customers[b.Customer]+":"+ids(l, b.Items))
		}
		return strings.Join(s, " ")
	}
	for _, c := range []struct {
		cutoff time.Time
		want   string
	}{
		{time.Time{}, "a:Y b:Y"},
		{ymd(2023, 1, 3), "a:X,Y b:Y"},
		{ymd(2023, 1, 6), "a:Y b:Y"},
	} {
		v := l
		if !c.cutoff.IsZero() {
			v = l.AsOf(Day(c.cutoff))
		}
		if got := items(v); got != c.want {
			t.Errorf("as of %v: %s, want %s", c.cutoff, got, c.want)
		}
	}
}
