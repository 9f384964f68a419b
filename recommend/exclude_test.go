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

// TestFromOrderLogTellsLeftOutItems: read with the excluded ids watched,
// an id that is in the item column only on lines the log leaves out is
// listed in LeftOutOnly, not NotFound (it was "no such item" though the
// file holds it): DOT without a customer id, FEE on a cancelled invoice,
// GIFT at quantity 0 (its order is kept, its item not), BOX on a stock
// adjustment. X is read, so it is excluded; M is on no line.
func TestFromOrderLogTellsLeftOutItems(t *testing.T) {
	text := "customer,date,invoice,sku,qty,price\n" +
		"a,2023-01-01,1,X,1,2\n" +
		"a,2023-01-01,1,Y,1,2\n" +
		",2023-01-02,2,DOT,1,2\n" +
		"b,2023-01-02,C3,FEE,-1,2\n" +
		"b,2023-01-03,4,GIFT,0,0\n" +
		"b,2023-01-03,4,Y,1,2\n" +
		",2023-01-04,5,BOX,-3,0\n"
	exclude := []string{"X", "DOT", "FEE", "GIFT", "BOX", "M"}
	ol, err := data.ReadOrderLog(strings.NewReader(text), "log.csv", data.LogOptions{WatchItems: exclude})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ol.ItemsLeftOut, []string{"DOT", "FEE", "GIFT", "BOX"}) {
		t.Errorf("items left out %v, want DOT FEE GIFT BOX in file order", ol.ItemsLeftOut)
	}
	l, err := FromOrderLog(ol, exclude...)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(l.Excluded, []string{"X"}) || !slices.Equal(l.LeftOutOnly, []string{"DOT", "FEE", "GIFT", "BOX"}) || !slices.Equal(l.NotFound, []string{"M"}) {
		t.Errorf("excluded %v, only on lines left out %v, not found %v; want [X], [DOT FEE GIFT BOX], [M]", l.Excluded, l.LeftOutOnly, l.NotFound)
	}
	// Read without watching, nothing tells them apart: all are not found.
	ol, err = data.ReadOrderLog(strings.NewReader(text), "log.csv", data.LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if l, err = FromOrderLog(ol, exclude...); err != nil || ol.ItemsLeftOut != nil || len(l.LeftOutOnly) != 0 || len(l.NotFound) != 5 {
		t.Errorf("unwatched: %v, items left out %v, only on lines left out %v, not found %v", err, ol.ItemsLeftOut, l.LeftOutOnly, l.NotFound)
	}
}
