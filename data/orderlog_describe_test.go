package data

import (
	"slices"
	"strings"
	"testing"
)

// describedLog has an item sold under two descriptions (the more frequent
// one wins), one whose two descriptions tie (the alphabetically first
// wins), one without any description, and a line of zero quantity.
const describedLog = `Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID
1,A,  TEA SET ,1,2011-01-01,1.0,7
2,A,TEA SET,1,2011-01-02,1.0,7
3,A,RETRO TEA SET,1,2011-01-03,1.0,8
3,B,LANTERN,2,2011-01-03,2.0,8
4,B,CANDLE LANTERN,2,2011-01-04,2.0,9
5,C,,3,2011-01-05,1.0,9
6,D,FREE SAMPLE,0,2011-01-06,0.0,9
`

func TestReadOrderLogDescriptions(t *testing.T) {
	log, err := ReadOrderLog(strings.NewReader(describedLog), "described.csv", LogOptions{Descriptions: true})
	if err != nil {
		t.Fatal(err)
	}
	if log.Columns.Description != "Description" || log.Columns.Order != "Invoice" || log.Columns.Customer != "Customer ID" {
		t.Errorf("Columns = %+v", log.Columns)
	}
	// Item D's only line sold nothing (quantity 0): its order is kept, its
	// item is not.
	if !slices.Equal(log.Items, []string{"A", "B", "C"}) {
		t.Errorf("Items = %q, want A B C", log.Items)
	}
	if len(log.Orders) != 6 {
		t.Errorf("%d orders, want 6", len(log.Orders))
	}
	// A: "TEA SET" on 2 lines (one with edge spaces) beats "RETRO TEA SET";
	// B: one line each, "CANDLE LANTERN" < "LANTERN"; C: blank.
	want := []string{"TEA SET", "CANDLE LANTERN", ""}
	if !slices.Equal(log.ItemDescriptions, want) {
		t.Errorf("ItemDescriptions = %q, want %q", log.ItemDescriptions, want)
	}
}

func TestReadOrderLogDescriptionsOff(t *testing.T) {
	log, err := ReadOrderLog(strings.NewReader(describedLog), "described.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if log.Columns.Description != "" || log.ItemDescriptions != nil {
		t.Errorf("descriptions read without being asked: %q %q", log.Columns.Description, log.ItemDescriptions)
	}
	// A description column named explicitly is read.
	log, err = ReadOrderLog(strings.NewReader(describedLog), "described.csv",
		LogOptions{Columns: LogColumns{Description: "description"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(log.ItemDescriptions) != 3 || log.ItemDescriptions[0] != "TEA SET" {
		t.Errorf("ItemDescriptions = %q", log.ItemDescriptions)
	}
}

func TestReadOrderLogDescriptionsOfCategory(t *testing.T) {
	// An item column named like a product id keeps the descriptions; a
	// category column does not get the products' descriptions.
	for _, c := range []struct {
		item string
		want bool
	}{{"StockCode", true}, {"Invoice", false}, {"", true}} {
		log, err := ReadOrderLog(strings.NewReader(describedLog), "described.csv",
			LogOptions{Descriptions: true, Columns: LogColumns{Item: c.item}})
		if err != nil {
			t.Fatal(err)
		}
		if got := log.ItemDescriptions != nil; got != c.want {
			t.Errorf("item column %q: descriptions %q, want them: %v", c.item, log.ItemDescriptions, c.want)
		}
	}
}
