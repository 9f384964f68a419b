package data

import (
	"slices"
	"strings"
	"testing"
	"time"
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

// TestItemLinesWithoutOrderIDsFormDayBaskets: a log of item lines without
// an order id column makes one order of a customer's lines on one day
// (by hand: a has lines on 1 Jan ×2 and 3 Jan → 2 orders of 12 and 4; b
// one line → 1 order), and the roles note says so; without the item
// column every line is an order, as in CDNOW's logs.
func TestItemLinesWithoutOrderIDsFormDayBaskets(t *testing.T) {
	text := "customer,date,item,quantity,amount\n" +
		"a,2020-01-01 09:00:00,x,1,5\na,2020-01-01 17:30:00,y,2,7\nb,2020-01-01 10:00:00,x,1,5\na,2020-01-03 08:00:00,x,1,4\n"
	log, err := ReadOrderLog(strings.NewReader(text), "items.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	type order struct {
		cust   string
		amount float64
		qty    float64
	}
	var got []order
	for _, o := range log.Orders {
		got = append(got, order{log.Customers[o.Customer], o.Amount, o.Quantity})
	}
	want := []order{{"a", 12, 3}, {"b", 5, 1}, {"a", 4, 1}}
	if !slices.Equal(got, want) {
		t.Errorf("orders %v, want %v", got, want)
	}
	if n := log.RolesNote(); !strings.Contains(n, "(no order id: one customer's lines on one day form one order)") {
		t.Errorf("roles note %q", n)
	}
	noItems := strings.ReplaceAll(strings.ReplaceAll(text, ",item", ""), ",x,", ",")
	noItems = strings.ReplaceAll(noItems, ",y,", ",")
	log, err = ReadOrderLog(strings.NewReader(noItems), "lines.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(log.Orders) != 4 || strings.Contains(log.RolesNote(), "no order id") {
		t.Errorf("without items: %d orders (want 4), note %q", len(log.Orders), log.RolesNote())
	}
}

// TestHeaderlessExample: the roles suggested for a headerless log's first
// line (positions counted by hand), and none without a date.
func TestHeaderlessExample(t *testing.T) {
	for line, want := range map[string]string{
		"1,2268318,2520377,pv,1511544070": "customer=1,item=2,event=4,time=5",
		"9,buy,1511544070":                "customer=1,event=2,time=3", // no column left for an item
		"42,2019-03-01,12.5,3":            "customer=1,time=2",
		"42,7,12.5,3":                     "",
	} {
		var fields [][]byte
		for _, f := range strings.Split(line, ",") {
			fields = append(fields, []byte(f))
		}
		if got := headerlessExample(fields); got != want {
			t.Errorf("%s: %q, want %q", line, got, want)
		}
	}
}

// TestDayNumbersReadAsDays: a log's date column of day numbers
// (dunnhumby's DAY: 1, 2, …) is read as days after 1970-01-01 (day 1 is
// 1970-01-02), found by its name DAY when no column is named like a date,
// and said so; a column mixing day numbers and dates is refused at the
// first cell that differs.
func TestDayNumbersReadAsDays(t *testing.T) {
	log, err := ReadOrderLog(strings.NewReader("household_key,BASKET_ID,DAY,TRANS_TIME,SALES_VALUE\n668,1,1,1919,1.5\n668,2,30,1200,3\n7,3,711,0830,2\n"),
		"t.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if log.Columns.Time != "DAY" || !log.DayNumbers() || log.Orders[0].Day != 1 || log.Orders[2].Day != 711 {
		t.Fatalf("time %q, day numbers %v, orders %+v", log.Columns.Time, log.DayNumbers(), log.Orders)
	}
	want := "column DAY holds day numbers, not dates: day n is read as n days after 1970-01-01, so the dates shown " +
		"(1970-01-02 .. 1971-12-13) are not calendar dates; give cutoffs the same way"
	if got := log.DayNumbersNote(); got != want {
		t.Errorf("note:\n got %s\nwant %s", got, want)
	}
	_, err = ReadOrderLog(strings.NewReader("customer,date,amount\na,12,1\nb,2020-01-05,2\n"), "m.csv", LogOptions{})
	if err == nil || err.Error() != `m.csv:3:2: date "2020-01-05" among day numbers: a date column holds dates or day numbers, not both` {
		t.Errorf("mixed: %v", err)
	}
	dated, err := ReadOrderLog(strings.NewReader("customer,date,amount\na,2020-01-05,1\n"), "d.csv", LogOptions{})
	if err != nil || dated.DayNumbers() || dated.DayNumbersNote() != "" {
		t.Errorf("a dated log: %v, day numbers %v", err, dated.DayNumbers())
	}
}

// TestDayNumbersAreNeverAfterToday: day numbers from 30,000 up (a
// spreadsheet's serial dates, 43,473 is 2019-01-08 counted from
// 1899-12-30: Python's date(1899, 12, 30) + timedelta(43473)) are no
// calendar dates, so none is "after today" even where 1970 + n days would
// be (2089); the note says what they may be. Small day numbers get no such
// hint, and neither does a log of dates.
func TestDayNumbersAreNeverAfterToday(t *testing.T) {
	today := LogOptions{Today: time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)}
	log, err := ReadOrderLog(strings.NewReader("customer,DAY,amount\na,43473,1\nb,43762,2\n"), "x.csv", today)
	if err != nil {
		t.Fatal(err)
	}
	if log.Future != 0 || log.FutureDated() != nil || !log.LastUpToToday.Equal(log.Last) {
		t.Errorf("future %d, last up to today %v (last %v)", log.Future, log.LastUpToToday, log.Last)
	}
	const hint = " (day numbers of 30,000 and more are often spreadsheet serial dates, days after 1899-12-30: 43,473 would be " +
		"2019-01-08; to read them so, convert the column to dates first)"
	if got := log.DayNumbersNote(); !strings.HasSuffix(got, hint) {
		t.Errorf("note %q, want it to end %q", got, hint)
	}
	small, err := ReadOrderLog(strings.NewReader("customer,DAY,amount\na,29999,1\n"), "s.csv", today)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, ok := small.SpreadsheetSerial(); ok || strings.Contains(small.DayNumbersNote(), "spreadsheet") {
		t.Errorf("day 29,999 taken for a spreadsheet date: %s", small.DayNumbersNote())
	}
}
