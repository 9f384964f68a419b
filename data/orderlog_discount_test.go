package data

import (
	"errors"
	"strings"
	"testing"
)

// A coupon line (a negative amount under the id of a kept order) is a
// discount netted into the order, wherever it is in the file; a negative
// amount under an id with no sale, a negative quantity and a "C" invoice
// are cancellations as before.
func TestDiscountLinesAreNettedIntoTheirOrders(t *testing.T) {
	text := "order_id,customer_id,order_date,sku,amount\n" +
		"O1,A,2020-01-05,p1,100\n" +
		"O1,A,2020-01-05,COUPON,-10\n" + // after its order's line
		"O2,A,2020-02-05,p2,50\n" +
		"O4,B,2020-03-01,DISCOUNT,-5\n" + // before its order's lines, on another day
		"O3,B,2020-01-07,p1,30\n" +
		"O4,B,2020-03-02,p3,20\n" +
		"O4,B,2020-03-02,p4,5\n" +
		"R9,B,2020-03-03,p3,-20\n" + // no sale under R9: a refund, cancelled
		"O5,A,2020-03-04,COUPON,-3\n" // O5 is A's only by this line: cancelled
	log, err := ReadOrderLog(strings.NewReader(text), "disc.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if log.Lines != 9 || log.Discounts != 2 || log.Cancelled != 2 || len(log.CancelledOrders) != 2 {
		t.Errorf("Lines %d, Discounts %d, Cancelled %d, cancelled orders %d; want 9, 2, 2, 2",
			log.Lines, log.Discounts, log.Cancelled, len(log.CancelledOrders))
	}
	// By hand: O1 100-10, O2 50, O3 30, O4 20+5-5 dated by its sale lines.
	want := []struct {
		cust, day string
		amount    float64
	}{{"A", "2020-01-05", 90}, {"A", "2020-02-05", 50}, {"B", "2020-01-07", 30}, {"B", "2020-03-02", 20}}
	if len(log.Orders) != len(want) {
		t.Fatalf("%d orders, want %d", len(log.Orders), len(want))
	}
	for i, w := range want {
		o := log.Orders[i]
		if log.Customers[o.Customer] != w.cust || dayTime(o.Day).Format("2006-01-02") != w.day || o.Amount != w.amount {
			t.Errorf("order %d = %s %v %v, want %+v", i, log.Customers[o.Customer], dayTime(o.Day), o.Amount, w)
		}
	}
	// The coupons are no items of their orders.
	for _, li := range log.OrderItems {
		if it := log.Items[li.Item]; it == "COUPON" || it == "DISCOUNT" {
			t.Errorf("item %s kept", it)
		}
	}
	// R9 (line 9) and O5 (line 10) are cancelled for their negative
	// amount (column 5) alone, and said so; A and B have orders.
	const cancelled = "2 cancelled (2 only for a negative amount, the first on line 9, column 5)"
	if got, want := log.LeftOut(), cancelled; got != want {
		t.Errorf("LeftOut %q, want %q", got, want)
	}
	if got, want := log.LoadNote("disc.csv"), "disc.csv: 9 lines make 4 orders; left out: "+cancelled+"; "+
		"2 discount lines (a negative amount in a kept order) netted into their orders' amounts"; got != want {
		t.Errorf("LoadNote\n got %q\nwant %q", got, want)
	}
}

// What stays a cancellation inside a kept order: a negative quantity (a
// return of units), a cancelled status; and without order ids there is
// no order to net into.
func TestNegativeLinesThatAreNoDiscounts(t *testing.T) {
	cases := []struct {
		name, text           string
		cancelled, discounts int
		amount               float64 // of the first order
	}{
		{"negative quantity", "invoice,customer,date,qty,price\nI1,A,2020-01-05,2,10\nI1,A,2020-01-05,-1,10\n", 1, 0, 20},
		{"negative price", "invoice,customer,date,qty,price\nI1,A,2020-01-05,2,10\nI1,A,2020-01-05,1,-4\n", 0, 1, 16},
		{"cancelled status", "order,customer,date,amount,status\nO1,A,2020-01-05,10,paid\nO1,A,2020-01-05,-4,cancelled\n", 1, 0, 10},
		{"no order ids", "customer,date,amount\nA,2020-01-05,10\nA,2020-01-05,-4\n", 1, 0, 10},
		{"another customer's order", "order,customer,date,amount\nO1,A,2020-01-05,10\nO1,B,2020-01-05,-4\nO2,B,2020-01-06,1\n", 1, 0, 10},
	}
	for _, c := range cases {
		log, err := ReadOrderLog(strings.NewReader(c.text), "t.csv", LogOptions{})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if log.Cancelled != c.cancelled || log.Discounts != c.discounts || log.Orders[0].Amount != c.amount {
			t.Errorf("%s: cancelled %d, discounts %d, amount %v; want %d, %d, %v",
				c.name, log.Cancelled, log.Discounts, log.Orders[0].Amount, c.cancelled, c.discounts, c.amount)
		}
	}
}

// A log whose only time column counts the days since the previous order
// (Instacart's orders.csv) is refused saying that gaps are no dates,
// whether the column is found or named.
func TestDayGapsAreNoDate(t *testing.T) {
	text := "order_id,user_id,order_number,days_since_prior_order\n1,1,1,\n2,1,2,30.0\n"
	gaps := `column "days_since_prior_order" holds days since the customer's previous order, not dates: ` +
		"the orders of a log need a date each (or a day number on one calendar for all customers), and relative day gaps do not give one"
	_, err := ReadOrderLog(strings.NewReader(text), "orders.csv", LogOptions{})
	want := "orders.csv:1: no date column found (columns: order_id, user_id, order_number, days_since_prior_order); " +
		"name it with --log-columns time=COLUMN; " + gaps
	var pe *ParseError
	if err == nil || err.Error() != want || !errors.As(err, &pe) {
		t.Fatalf("err = %v\nwant %s", err, want)
	}
	if f, ok := pe.Facts.(LogColumnsUnknown); !ok || f.DayGaps != "days_since_prior_order" || strings.Join(f.Missing, ",") != "date" {
		t.Errorf("facts %+v", pe.Facts)
	}
	_, err = ReadOrderLog(strings.NewReader(text), "orders.csv", LogOptions{Columns: LogColumns{Time: "days_since_prior_order"}})
	if want := "orders.csv:1:4: " + gaps; err == nil || err.Error() != want {
		t.Errorf("named: err = %v\nwant %s", err, want)
	}
}
