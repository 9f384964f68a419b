package recommend

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
)

// Excluded items leave the baskets (an order of only excluded items, or of
// a blank item, is left out and counted), an id no item has is listed,
// and baskets dated after today are not counted as read.
func TestFromOrderLogExcludesItems(t *testing.T) {
	text := "customer,date,invoice,sku,qty\n" +
		"a,2023-01-01,1,X,1\n" +
		"a,2023-01-01,1,POST,1\n" + // left out with POST
		"b,2023-01-02,2,POST,1\n" + // order 2 has only POST: left out
		"b,2023-01-03,3,,1\n" + // order 3 has no item: left out
		"b,2023-01-04,4,Y,2\n" +
		"c,2099-01-01,5,X,1\n" + // dated after today
		"c,2099-01-02,6,,1\n" // no item, after today: not counted
	ol, err := data.ReadOrderLog(strings.NewReader(text), "log.csv", data.LogOptions{Today: time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	l, err := FromOrderLog(ol, "POST", " M ", "", " POST")
	if err != nil {
		t.Fatal(err)
	}
	if l.ExcludedLines != 2 || l.WithoutItems != 2 || !slices.Equal(l.NotFound, []string{"M"}) || !slices.Equal(l.Excluded, []string{"POST"}) {
		t.Errorf("excluded lines %d, orders without items %d, not found %v; want 2, 2, [M]", l.ExcludedLines, l.WithoutItems, l.NotFound)
	}
	for _, b := range l.Baskets {
		for _, it := range b.Items {
			if l.Items[it] == "POST" {
				t.Errorf("basket %+v keeps POST", b)
			}
		}
	}
	// Kept: a's order 1 (X), b's order 4 (Y), c's order 5 (X, after today).
	if customers, baskets := l.UpToToday(); len(l.Baskets) != 3 || customers != 2 || baskets != 2 {
		t.Errorf("%d baskets; up to today %d customers and %d baskets, want 3; 2 and 2", len(l.Baskets), customers, baskets)
	}
	if _, err := FromOrderLog(ol, "X", "Y", "POST"); err == nil || !strings.Contains(err.Error(), "no order has an item left once X, Y, POST are left out") {
		t.Errorf("every item excluded: %v", err)
	}
}
