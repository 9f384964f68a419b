package data

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

// usLog writes its dates month first, as the CSV copies of the UCI Online
// Retail log do: only line 4's 13 tells.
const usLog = "InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID\n" +
	"536365,85123A,6,12/1/2010 8:26,2.55,17850\n" +
	"536366,22633,6,12/1/2010 8:28,1.85,17850\n" +
	"536367,84879,32,12/13/2010 8:34,1.69,13047\n" +
	"536368,22960,6,1/2/2011 8:34,4.25,13047\n"

// stream hides every method of r but Read, as a pipe would.
type stream struct{ io.Reader }

func TestReadOrderLogFindsTheDateOrder(t *testing.T) {
	log, err := ReadOrderLog(strings.NewReader(usLog), "us.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if log.DateOrder != DateMDY || !log.DateOrderFound() {
		t.Errorf("order %v, found %v; want mdy, found", log.DateOrder, log.DateOrderFound())
	}
	// 1 December 2010 (not 12 January) twice, 13 December, 2 January 2011
	// (not 1 February).
	want := []int32{dayNumber(ymd(2010, 12, 1)), dayNumber(ymd(2010, 12, 1)), dayNumber(ymd(2010, 12, 13)), dayNumber(ymd(2011, 1, 2))}
	if len(log.Orders) != len(want) {
		t.Fatalf("%d orders, want %d", len(log.Orders), len(want))
	}
	for i, o := range log.Orders {
		if o.Day != want[i] {
			t.Errorf("order %d on %s, want %s", i, dayTime(o.Day), dayTime(want[i]))
		}
	}
	if got, want := log.DateNote(), `dates written with the year last read month first (month/day/year), as "12/13/2010 8:34" at line 4 shows`; got != want {
		t.Errorf("DateNote %q, want %q", got, want)
	}
	// The same log read with the order given: the same days, not found.
	given, err := ReadOrderLog(stream{strings.NewReader(usLog)}, "us.csv", LogOptions{DateOrder: DateMDY})
	if err != nil || given.DateOrderFound() || given.DateOrder != DateMDY || given.Orders[3].Day != want[3] {
		t.Errorf("order given: %v %+v", err, given)
	}
	if got := given.DateNote(); got != "dates written with the year last read month first (month/day/year)" {
		t.Errorf("DateNote with the order given: %q", got)
	}
	// A log without year-last dates records no order, even when one is given.
	iso, err := ReadOrderLog(strings.NewReader("customer,date,amount\na,2010-12-01,5\n"), "iso.csv", LogOptions{DateOrder: DateDMY})
	if err != nil || iso.DateOrder != DateAuto || iso.DateOrderFound() || iso.DateNote() != "" {
		t.Errorf("ISO dates: %v %+v", err, iso)
	}
}

func TestReadOrderLogDateOrderFromAStream(t *testing.T) {
	_, err := ReadOrderLog(stream{strings.NewReader(usLog)}, "<stdin>", LogOptions{})
	const want = `<stdin>:4:4: date "12/13/2010 8:34": the log writes its dates month first, ` +
		`but a stream cannot be read twice to apply it; give the date order (--date-order mdy)`
	if err == nil || err.Error() != want || !errors.Is(err, ErrBadDate) {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

func TestReadParquetLogFindsTheDateOrder(t *testing.T) {
	rows := [][]string{
		{"536365", "85123A", "6", "1/12/2010 8:26", "2.55", "17850", "United Kingdom"},
		{"536367", "84879", "32", "13/12/2010 8:34", "1.69", "13047", "United Kingdom"},
	}
	b := writeParquet(t, retailCols, rows, 0)
	for _, r := range []io.Reader{bytes.NewReader(b), stream{bytes.NewReader(b)}} {
		log, err := ReadOrderLog(r, "retail.parquet", LogOptions{})
		if err != nil {
			t.Fatalf("%T: %v", r, err)
		}
		if log.DateOrder != DateDMY || !log.DateOrderFound() || !dayTime(log.Orders[0].Day).Equal(ymd(2010, 12, 1)) {
			t.Errorf("%T: order %v found %v, first order %s; want dmy, found, 2010-12-01", r, log.DateOrder, log.DateOrderFound(), dayTime(log.Orders[0].Day))
		}
	}
}

func TestParseDateOrder(t *testing.T) {
	for in, want := range map[string]DateOrder{"": DateAuto, "dmy": DateDMY, " MDY ": DateMDY} {
		if got, err := ParseDateOrder(in); err != nil || got != want || (want != DateAuto && got.String() != strings.ToLower(strings.TrimSpace(in))) {
			t.Errorf("ParseDateOrder(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseDateOrder("ymd"); err == nil || err.Error() != `date order "ymd": want dmy (day/month/year) or mdy (month/day/year)` {
		t.Errorf("ymd: %v", err)
	}
}

func TestReadOrderLogDateOrderIfUnknown(t *testing.T) {
	// Every date fits both orders: the fallback decides, and is not "found".
	const short = "customer,date,amount\na,1/2/2010,5\nb,3/4/2010,7\n"
	log, err := ReadOrderLog(strings.NewReader(short), "short.csv", LogOptions{DateOrderIfUnknown: DateDMY})
	if err != nil || log.DateOrder != DateDMY || log.DateOrderFound() || !dayTime(log.Orders[1].Day).Equal(ymd(2010, 4, 3)) {
		t.Errorf("fallback dmy: %v %+v", err, log)
	}
	if got := log.DateNote(); got != "dates written with the year last read day first (day/month/year), as assumed: no date in the log has a number above 12 to show the order" {
		t.Errorf("DateNote of the fallback: %q", got)
	}
	// The log's own 13 outweighs the fallback.
	log, err = ReadOrderLog(strings.NewReader(usLog), "us.csv", LogOptions{DateOrderIfUnknown: DateDMY})
	if err != nil || log.DateOrder != DateMDY || !log.DateOrderFound() {
		t.Errorf("fallback dmy, log mdy: %v %+v", err, log)
	}
}

func TestReadOrderLogDateOrderIfUnknownFromAStream(t *testing.T) {
	const short = "customer,date,amount\na,1/2/2010,5\nb,3/4/2010,7\n"
	_, err := ReadOrderLog(stream{strings.NewReader(short)}, "<stdin>", LogOptions{DateOrderIfUnknown: DateDMY})
	const want = `<stdin>:2:2: date "1/2/2010": no date in the log has a number above 12 to show the date order, ` +
		`and a stream cannot be read twice to apply dmy; give the date order (--date-order dmy)`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}
