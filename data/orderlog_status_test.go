package data

import (
	"strings"
	"testing"
)

// TestStatusNoteCountsEveryStatus: each status is counted and said to be
// read as orders or as cancelled (counted by hand from the log below:
// delivered 3, canceled 1, pending 1, wc-failed 1, 待付款 1), and the
// unpaid and failed ones are left out of the orders.
func TestStatusNoteCountsEveryStatus(t *testing.T) {
	text := "order_id,customer,date,amount,status\n" +
		"1,a,2020-01-01,5,delivered\n2,a,2020-02-01,5,delivered\n3,b,2020-01-05,7,canceled\n" +
		"4,b,2020-01-06,7,pending\n5,c,2020-01-07,9,wc-failed\n6,c,2020-01-08,9,待付款\n7,d,2020-01-09,4,delivered\n"
	log, err := ReadOrderLog(strings.NewReader(text), "shop.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := `order status: "delivered" 3 (orders), "canceled" 1 (cancelled), "pending" 1 (orders), "wc-failed" 1 (cancelled), "待付款" 1 (cancelled)`
	if got := log.StatusNote(); got != want {
		t.Errorf("StatusNote:\n got %s\nwant %s", got, want)
	}
	if log.Cancelled != 3 || len(log.Orders) != 4 {
		t.Errorf("%d cancelled, %d orders; want 3 and 4", log.Cancelled, len(log.Orders))
	}
	plain, err := ReadOrderLog(strings.NewReader("customer,date,amount\na,2020-01-01,5\n"), "plain.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if n := plain.StatusNote(); n != "" {
		t.Errorf("a log without a status column: %q", n)
	}
}
