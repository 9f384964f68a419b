package data

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/internal/cpuclock"
)

// retailLog is shaped like the UCI Online Retail log: order lines with unit
// prices, cancellations ("C" invoices, negative quantities) and lines
// without a customer id.
const retailLog = `InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
536365,85123A,"WHITE HANGING HEART, T-LIGHT",6,2010-12-01 08:26:00,2.55,17850,United Kingdom
536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850,United Kingdom
C536379,D,Discount,-1,2010-12-01 09:41:00,27.50,14527,United Kingdom
536380,22961,JAM MAKING SET,24,2010-12-01 09:41:00,1.45,,United Kingdom
536370,22139,TEA SET,10,2010-12-05 10:00:00,1.00,12583,France
536381,22139,RETROSPOT TEA SET,2,2010-12-15 10:00:00,4.95,17850,United Kingdom
536382,84879,BIRD ORNAMENT,-3,2010-12-20 11:00:00,1.69,13047,United Kingdom
536383,84879,BIRD ORNAMENT,8,2011-01-05 12:00:00,1.69,13047,United Kingdom
536384,22139,TEA SET,1,2011-01-10 12:00:00,4.95,17850,United Kingdom
`

func ymd(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestReadOrderLogRetailCSV(t *testing.T) {
	log, err := ReadOrderLog(strings.NewReader(retailLog), "retail.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	wantCols := LogColumns{Customer: "CustomerID", Time: "InvoiceDate", Price: "UnitPrice", Quantity: "Quantity", Order: "InvoiceNo", Item: "StockCode"}
	if log.Columns != wantCols || !log.HasAmount {
		t.Errorf("Columns = %+v (HasAmount %v), want %+v", log.Columns, log.HasAmount, wantCols)
	}
	if log.Lines != 9 || log.Cancelled != 2 || log.MissingCustomer != 1 {
		t.Errorf("Lines=%d Cancelled=%d MissingCustomer=%d, want 9 2 1", log.Lines, log.Cancelled, log.MissingCustomer)
	}
	if !log.First.Equal(ymd(2010, 12, 1)) || !log.Last.Equal(ymd(2011, 1, 10)) {
		t.Errorf("range %v .. %v", log.First, log.Last)
	}
	// By hand: invoice 536365 is two lines, 6×2.55 + 6×3.39 = 35.64.
	want := []struct {
		cust   string
		day    time.Time
		amount float64
		qty    float64
	}{
		{"17850", ymd(2010, 12, 1), 35.64, 12},
		{"12583", ymd(2010, 12, 5), 10, 10},
		{"17850", ymd(2010, 12, 15), 9.90, 2},
		{"13047", ymd(2011, 1, 5), 13.52, 8},
		{"17850", ymd(2011, 1, 10), 4.95, 1},
	}
	if len(log.Orders) != len(want) {
		t.Fatalf("%d orders, want %d: %+v", len(log.Orders), len(want), log.Orders)
	}
	for i, w := range want {
		o := log.Orders[i]
		if log.Customers[o.Customer] != w.cust || !dayTime(o.Day).Equal(w.day) || !approxEqual(o.Amount, w.amount) || o.Quantity != w.qty {
			t.Errorf("order %d = %s %v %v %v, want %+v", i, log.Customers[o.Customer], dayTime(o.Day), o.Amount, o.Quantity, w)
		}
	}
}

func approxEqual(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func TestReadOrderLogWhitespace(t *testing.T) {
	// CDNOW layout: leading spaces, runs of spaces, CRLF, a blank line.
	const withHeader = " customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n\r\n 00002 19970112  5   77.00\r\n"
	const headerless = "\ufeff00001 19970101 1 11.77\n00002\t19970112\t5\t77.00\n"
	for name, text := range map[string]string{"header": withHeader, "headerless": headerless} {
		log, err := ReadOrderLog(strings.NewReader(text), name, LogOptions{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(log.Orders) != 2 || log.Customers[1] != "00002" || log.Orders[1].Amount != 77 || log.Orders[1].Quantity != 5 ||
			!dayTime(log.Orders[1].Day).Equal(ymd(1997, 1, 12)) {
			t.Errorf("%s: customers %v orders %+v", name, log.Customers, log.Orders)
		}
	}
	// The CDNOW sample has five fields and no header: id, sample id, date,
	// quantity, amount by position, or roles given by column number.
	sample := "00001 0001 19970101 1 11.77\n00002 0002 19970112 5 77.00\n"
	log, err := ReadOrderLog(strings.NewReader(sample), "sample.txt", LogOptions{})
	if err != nil || log.Customers[1] != "00002" || log.Orders[1].Quantity != 5 || log.Orders[1].Amount != 77 ||
		!dayTime(log.Orders[1].Day).Equal(ymd(1997, 1, 12)) {
		t.Errorf("5 headerless fields by position: %v %+v", err, log)
	}
	log, err = ReadOrderLog(strings.NewReader(sample), "sample.txt", LogOptions{Columns: LogColumns{Customer: "2", Time: "3", Quantity: "4", Amount: "5"}})
	if err != nil || log.Customers[0] != "0001" || log.Orders[0].Amount != 11.77 {
		t.Errorf("sample with positional roles: %v %+v", err, log)
	}
}

func TestReadOrderLogOptions(t *testing.T) {
	const semicolon = "kunde;datum;umsatz\nA;01.02.2020;5\nB;13.02.2020;7\n"
	// German names are recognised (orderlog_columns.go) and named alike.
	auto, err := ReadOrderLog(strings.NewReader(semicolon), "de.csv", LogOptions{})
	if err != nil || auto.Columns != (LogColumns{Customer: "kunde", Time: "datum", Amount: "umsatz"}) {
		t.Errorf("German header names: %v %+v", err, auto)
	}
	cols := LogColumns{Customer: "Kunde", Time: "DATUM", Amount: "umsatz"}
	// Without an order, the 13 of line 3 shows it: day first.
	found, err := ReadOrderLog(strings.NewReader(semicolon), "de.csv", LogOptions{Columns: cols})
	if err != nil || !dayTime(found.Orders[0].Day).Equal(ymd(2020, 2, 1)) || found.DateOrder != DateDMY || !found.DateOrderFound() {
		t.Errorf("d.m.Y without an order: %v %+v", err, found)
	}
	for _, opts := range []LogOptions{{Columns: cols, DateOrder: DateDMY}, {Columns: cols, DateLayout: "02.01.2006"}} {
		log, err := ReadOrderLog(strings.NewReader(semicolon), "de.csv", opts)
		if err != nil || !dayTime(log.Orders[0].Day).Equal(ymd(2020, 2, 1)) || !log.Last.Equal(ymd(2020, 2, 13)) {
			t.Errorf("%+v: %v %+v", opts, err, log)
		}
	}
	_, err = ReadOrderLog(strings.NewReader(semicolon), "de.csv", LogOptions{Columns: cols, DateOrder: DateMDY})
	if err == nil || err.Error() != `de.csv:3:2: invalid calendar date "13.02.2020"` {
		t.Errorf("month 13: %v", err)
	}
	_, err = ReadOrderLog(strings.NewReader(semicolon), "de.csv", LogOptions{Columns: LogColumns{Customer: "kunde", Time: "kunde"}})
	if err == nil || err.Error() != `de.csv:1:1: column "kunde" is given for two roles` {
		t.Errorf("one column, two roles: %v", err)
	}
	// Roles given by column number in a log with a header, as --log-columns'
	// help shows them (customer=1,time=3,…); they used to be looked up as
	// header names only: 'no column "1" for the customer id'.
	log, err := ReadOrderLog(strings.NewReader(semicolon), "de.csv",
		LogOptions{Columns: LogColumns{Customer: "1", Time: "2", Amount: "3"}, DateOrder: DateDMY})
	if err != nil || log.Columns != (LogColumns{Customer: "kunde", Time: "datum", Amount: "umsatz"}) || log.Orders[1].Amount != 7 {
		t.Errorf("roles by column number: %v %+v", err, log)
	}
	_, err = ReadOrderLog(strings.NewReader(semicolon), "de.csv", LogOptions{Columns: LogColumns{Customer: "4"}})
	if err == nil || err.Error() != `de.csv:1: no column "4" for the customer id (columns: kunde, datum, umsatz)` {
		t.Errorf("column number past the last: %v", err)
	}
	_, err = ReadOrderLog(strings.NewReader(semicolon), "de.csv", LogOptions{Columns: LogColumns{Customer: "client"}})
	if err == nil || err.Error() != `de.csv:1: no column "client" for the customer id (columns: kunde, datum, umsatz)` {
		t.Errorf("absent column: %v", err)
	}
	// Forced formats: a comma inside a whitespace log is data, not a delimiter.
	log, err = ReadOrderLog(strings.NewReader("user date value\nx,y 2020-01-01 3\n"), "w.txt", LogOptions{Format: LogWhitespace})
	if err != nil || log.Customers[0] != "x,y" || !log.HasAmount {
		t.Errorf("forced whitespace: %v %+v", err, log)
	}
	// A headerless CSV log of three fields reads as customer, date, amount.
	log, err = ReadOrderLog(strings.NewReader("a,20200101,5\nb,20200102,6\n"), "h.csv", LogOptions{NoHeader: true})
	if err != nil || len(log.Orders) != 2 || log.Orders[1].Amount != 6 || log.Columns.Amount != "3" {
		t.Errorf("headerless CSV: %v %+v", err, log)
	}
	// Without an amount column the log still reads; monetary values are 0.
	log, err = ReadOrderLog(strings.NewReader("user_id\ttimestamp\nu1\t2020-01-01T10:00:00Z\n"), "t.tsv", LogOptions{Format: LogCSV})
	if err != nil || log.HasAmount || log.Orders[0].Amount != 0 {
		t.Errorf("no amount: %v %+v", err, log)
	}
}

func TestReadOrderLogErrors(t *testing.T) {
	cases := []struct {
		name, text string
		cause      error
		want       string
	}{
		{"empty", "", ErrEmpty, "log.csv: empty file"},
		{"blank lines only", "\n  \n", ErrEmpty, "log.csv: empty file"},
		{"header only", "customer,date,amount\n", ErrHeaderOnly, "log.csv: no order lines after the header"},
		{"short row", "customer,date,amount\na,2020-01-01,5\nb,2020-01-02\n", ErrRagged, "log.csv:3:3: 2 fields, the header has 3"},
		{"long row", "customer,date,amount\na,2020-01-01,5,7\n", ErrRagged, "log.csv:2:4: 4 fields, the header has 3"},
		{"ragged whitespace", "cust date qty amount\n1 19970101 1 2.5\n2 19970101 1\n", ErrRagged, "log.csv:3:4: 3 fields, the header has 4"},
		// CDNOW's text has no header: its first line sets the count.
		{"ragged headerless whitespace", "1 19970101 1 2.5\n2 19970101 1\n", ErrRagged, "log.csv:2:4: 3 fields, the first line has 4"},
		{"ragged headerless CSV", "a,20200101,5\nb,20200102,6,7\n", ErrRagged, "log.csv:2:4: 4 fields, the first line has 3"},
		{"bad date", "customer,date,amount\na,yesterday,5\n", ErrBadDate,
			`log.csv:2:2: unparseable date "yesterday": want YYYY-MM-DD, YYYYMMDD, YYYY-MM-DD HH:MM:SS, D/M/YYYY or M/D/YYYY (read in the order the file shows or --date-order gives), D-Mon-YYYY, or Unix seconds or milliseconds`},
		{"missing date", "customer,date,amount\na, ,5\n", ErrBadDate, "log.csv:2:2: missing date"},
		{"US date", "customer,date,amount\na,12/1/2010 8:26,5\n", ErrBadDate,
			`log.csv:2:2: ambiguous date "12/1/2010 8:26": day/month/year or month/day/year? no date in the log has a number above 12 to tell; give the date order (--date-order dmy or mdy)`},
		{"mixed date orders", "customer,date,amount\na,1/2/2010,5\nb,13/2/2010,5\nc,2/14/2010,5\nd,1/13/2010,5\n", ErrBadDate,
			`log.csv:4:2: date "2/14/2010" cannot be day/month/year, as line 3 ("13/2/2010") is: the log mixes day-first and month-first dates`},
		{"mixed date orders, month first seen first", "customer,date,amount\na,1/2/2010,5\nc,2/14/2010,5\nb,13/2/2010,5\n", ErrBadDate,
			`log.csv:4:2: date "13/2/2010" cannot be month/day/year, as line 3 ("2/14/2010") is: the log mixes day-first and month-first dates`},
		{"ragged after a year-last date", "customer,date,amount\na,1/2/2010,5\nb,13/2/2010\n", ErrRagged, "log.csv:3:3: 2 fields, the header has 3"},
		{"Feb 30", "customer,date,amount\na,2020-02-30,5\n", ErrBadDate, `log.csv:2:2: invalid calendar date "2020-02-30"`},
		// No date in either order: refused as invalid, not as ambiguous,
		// whether it is the log's first date written with the year last
		// or comes after one that needs an order.
		{"year last, no date either way", "customer,date,amount\na,2010-01-05,5\nb,13/45/2010 10:00,5\n", ErrBadDate,
			`log.csv:3:2: invalid calendar date "13/45/2010 10:00"`},
		{"year last, no date either way after an ambiguous one", "customer,date,amount\na,1/2/2010,5\nb,3/4/2010,5\nc,2/30/2010,5\nd,5/6/2010,5\n", ErrBadDate,
			`log.csv:4:2: invalid calendar date "2/30/2010"`},
		// 30/2 cannot be a day-first date (30 February): it shows no order,
		// so 2/14 does not make the log a mix; the re-read refuses 30/2.
		{"year last, invalid day-first shape", "customer,date,amount\na,1/2/2010,5\nb,30/2/2010,5\nc,2/14/2010,5\n", ErrBadDate,
			`log.csv:3:2: invalid calendar date "30/2/2010"`},
		{"bad hour", "customer,date,amount\na,2020-02-03 25:00,5\n", ErrBadDate,
			`log.csv:2:2: unparseable date "2020-02-03 25:00": want YYYY-MM-DD, YYYYMMDD, YYYY-MM-DD HH:MM:SS, D/M/YYYY or M/D/YYYY (read in the order the file shows or --date-order gives), D-Mon-YYYY, or Unix seconds or milliseconds`},
		{"amount", "customer,date,amount\na,2020-01-01,\"12,5\"\n", ErrNotNumeric, `log.csv:2:3: amount "12,5" is not a number`},
		// "1,234.5" is 1234.5 (TestOrderLogAmountsWithSigns); a comma that cannot group is no number.
		{"comma before a point, not grouping", "customer;date;amount\na;2020-01-01;1,2.345\n", ErrNotNumeric, `log.csv:2:3: amount "1,2.345" is not a number`},
		{"quantity", "customer,date,qty,amount\na,2020-01-01,two,5\n", ErrNotNumeric, `log.csv:2:3: quantity "two" is not a number`},
		{"price", "customer,date,qty,price\na,2020-01-01,2,x\n", ErrNotNumeric, `log.csv:2:4: price "x" is not a number`},
		// Numbers past 2^53 = 9,007,199,254,740,992 are refused where they
		// stand: three amounts of 1e308 summed to +Inf in a cohort's
		// revenue, and 2e19 wrapped round an int to -2^63.
		{"huge amount", "customer,date,amount\na,2020-01-01,5\nb,2020-01-02,1e308\n", ErrNumberTooLarge,
			`log.csv:3:3: amount "1e308" is too large: numbers beyond ±9,007,199,254,740,992 (2^53) cannot be added up exactly`},
		{"amount 2e19", "customer,date,amount\na,2020-01-01,2e19\n", ErrNumberTooLarge,
			`log.csv:2:3: amount "2e19" is too large: numbers beyond ±9,007,199,254,740,992 (2^53) cannot be added up exactly`},
		{"negative amount one past 2^53", "customer,date,amount\na,2020-01-01,-9007199254740994\n", ErrNumberTooLarge,
			`log.csv:2:3: amount "-9007199254740994" is too large: numbers beyond ±9,007,199,254,740,992 (2^53) cannot be added up exactly`},
		{"huge quantity", "customer,date,qty,amount\na,2020-01-01,1e20,5\n", ErrNumberTooLarge,
			`log.csv:2:3: quantity "1e20" is too large: numbers beyond ±9,007,199,254,740,992 (2^53) cannot be added up exactly`},
		{"huge amount, decimal comma", "customer;date;amount\na;2020-01-01;1,5\nb;2020-01-02;1e300\n", ErrNumberTooLarge,
			`log.csv:3:3: amount "1e300" is too large: numbers beyond ±9,007,199,254,740,992 (2^53) cannot be added up exactly`},
		{"price times quantity", "customer,date,qty,price\na,2020-01-01,2,1.5\nb,2020-01-01,1e9,1e9\n", ErrNumberTooLarge,
			`log.csv:3:4: price "1e9" times quantity "1e9" is too large: numbers beyond ±9,007,199,254,740,992 (2^53) cannot be added up exactly`},
		{"long amount", "customer,date,amount\na,2020-01-01," + strings.Repeat("y", 3000) + "\n", ErrNotNumeric,
			`log.csv:2:3: amount "` + strings.Repeat("y", 40) + `"… is not a number`},
		{"all cancelled", "customer,date,invoice,amount\na,2020-01-01,C1,-5\n,2020-01-01,2,5\n", ErrHeaderOnly,
			`log.csv: no usable orders: 2 lines, 1 cancelled (1 for a negative amount under an order id "C" + digits, the first on line 2, column 4), 1 without a customer id`},
		// Counts are written with a thousands separator, as everywhere:
		// 1,001 lines, 1,000 of them cancelled (9288 for 9,288, review26).
		{"all cancelled, thousands", "customer,date,invoice,amount\n" + strings.Repeat("a,2020-01-01,C1,-5\n", 1000) + ",2020-01-01,2,5\n", ErrHeaderOnly,
			`log.csv: no usable orders: 1,001 lines, 1,000 cancelled (1,000 for a negative amount under an order id "C" + digits, the first on line 2, column 4), 1 without a customer id`},
		{"no date column", "customer,amount\na,5\n", ErrLogColumns,
			"log.csv:1: no date column found (columns: customer, amount); name it with --log-columns time=COLUMN"},
		{"open quote", "customer,date,amount\n\"a,2020-01-01,5\n", ErrSyntax, "log.csv:2:1: quoted field is never closed"},
	}
	for _, c := range cases {
		_, err := ReadOrderLog(strings.NewReader(c.text), "log.csv", LogOptions{})
		var pe *ParseError
		if err == nil || err.Error() != c.want || !errors.Is(err, c.cause) || !errors.As(err, &pe) {
			t.Errorf("%s: err = %v\n want %s (cause %v, a *ParseError)", c.name, err, c.want, c.cause)
		}
	}
}

// TestReadOrderLogDecimalComma: a semicolon-separated log (a spreadsheet's
// export where the decimal mark is a comma) reads "12,5" as 12.5; the same
// lines written with commas and points give the same log.
func TestReadOrderLogDecimalComma(t *testing.T) {
	semi := "customer;date;qty;price\na;2020-01-01;2;12,5\nb;2020-01-02;1,5;3\na;2020-01-03;1;0,25\n"
	comma := "customer,date,qty,price\na,2020-01-01,2,12.5\nb,2020-01-02,1.5,3\na,2020-01-03,1,0.25\n"
	got, err := ReadOrderLog(strings.NewReader(semi), "log.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := ReadOrderLog(strings.NewReader(comma), "log.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// The one difference: the semicolon log says it wrote decimal commas.
	if !got.DecimalCommas || want.DecimalCommas {
		t.Errorf("decimal commas %v and %v, want true and false", got.DecimalCommas, want.DecimalCommas)
	}
	want.DecimalCommas = true
	if !reflect.DeepEqual(got, want) {
		t.Errorf("semicolon log\n%+v\nwant\n%+v", got, want)
	}
	// 2 × 12.5 and 1 × 0.25 for a; 1.5 × 3 for b.
	if len(got.Orders) != 3 || got.Orders[0].Amount != 25 || got.Orders[1].Amount != 4.5 || got.Orders[2].Amount != 0.25 {
		t.Errorf("orders %+v, want amounts 25, 4.5, 0.25", got.Orders)
	}
}

func TestDateParser(t *testing.T) {
	cases := []struct {
		in    string
		order DateOrder
		want  time.Time
	}{
		{"19970101", DateAuto, ymd(1997, 1, 1)},
		{"2010-12-01", DateAuto, ymd(2010, 12, 1)},
		{"2010/12/1", DateAuto, ymd(2010, 12, 1)},
		{"2010.12.01", DateAuto, ymd(2010, 12, 1)},
		{"2010-12-01 08:26", DateAuto, ymd(2010, 12, 1)},
		{"2010-12-01 08:26:00", DateAuto, ymd(2010, 12, 1)},
		{"2010-12-01T23:59:59.123456Z", DateAuto, ymd(2010, 12, 1)},
		{"2010-12-01T23:30:00+05:30", DateAuto, ymd(2010, 12, 1)}, // the written date, not UTC's
		{"2010-12-01T23:30:00-0800", DateAuto, ymd(2010, 12, 1)},
		{"2024-02-29", DateAuto, ymd(2024, 2, 29)},
		{"1/12/2010", DateDMY, ymd(2010, 12, 1)},
		{"1/12/2010 8:26", DateMDY, ymd(2010, 1, 12)},
		{"31-12-1999 23:59:59", DateDMY, ymd(1999, 12, 31)},
		// REES46's event times; Unix seconds (Taobao's UserBehavior) and
		// milliseconds (Retail Rocket's events), the dates in UTC as
		// Python's datetime.fromtimestamp(v, timezone.utc) gives them.
		{"2019-10-01 00:00:00 UTC", DateAuto, ymd(2019, 10, 1)},
		{"2019-10-01 23:59:59 GMT", DateAuto, ymd(2019, 10, 1)},
		{"1511544070", DateAuto, ymd(2017, 11, 24)},
		{"1433221332117", DateAuto, ymd(2015, 6, 2)},
		{"999999999", DateAuto, ymd(2001, 9, 9)},
		{"2023年1月5日", DateAuto, ymd(2023, 1, 5)},
		{"2023年12月31日 23:59:59", DateAuto, ymd(2023, 12, 31)},
		// RFC 1123 / 822 with a weekday: the written date, in its offset.
		{"Tue, 01 Jan 2019 19:19:32 +0000", DateAuto, ymd(2019, 1, 1)},
		{"Mon, 31 Dec 2018 23:30:00 -0800", DateAuto, ymd(2018, 12, 31)},
		{"Wed, 2 Jan 2019 08:00:00 GMT", DateAuto, ymd(2019, 1, 2)},
		{"Thu, 03 Jan 2019", DateAuto, ymd(2019, 1, 3)},
	}
	for _, c := range cases {
		day, err := (&dateParser{order: c.order}).day([]byte(c.in))
		if err != nil || !dayTime(day).Equal(c.want) {
			t.Errorf("%q (order %d) = %v, %v; want %v", c.in, c.order, dayTime(day), err, c.want)
		}
	}
	for _, bad := range []string{"2010-12", "2010-12-01 8", "2010-12-01x", "2010-1201", "20101301", "2023-02-29", "1/2/10",
		"2010-12-01T08:26:00+2500", "0000-01-01", "2010-12-01 08:26 PM", "1/12/2010T08:26",
		"12345678901", "2019-10-01 00:00:00 CET", "2019-10-01 UTC", "1/12/2010 8:26 UTC",
		"2023年1月5", "2023年13月5日", "23年1月5日", "2023年1月5日x"} {
		if day, err := (&dateParser{order: DateDMY}).day([]byte(bad)); err == nil {
			t.Errorf("%q parsed as %v, want an error", bad, dayTime(day))
		}
	}
}

// syntheticRetailLog writes n order lines shaped like the Online Retail log
// (invoices of several lines, 1 in 50 cancelled, 1 in 20 without customer).
func syntheticRetailLog(n int) string {
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	b.WriteString("InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID\n")
	invoice := 500000
	for i := 0; i < n; i++ {
		if r.IntN(4) == 0 {
			invoice++
		}
		prefix, qty, cust := "", 1+r.IntN(12), strconv.Itoa(10000+r.IntN(5000))
		if r.IntN(50) == 0 {
			prefix, qty = "C", -qty
		}
		if r.IntN(20) == 0 {
			cust = ""
		}
		day := ymd(2010, 12, 1).AddDate(0, 0, invoice%365)
		fmt.Fprintf(&b, "%s%d,%d,%d,%s 10:%02d:00,%.2f,%s\n", prefix, invoice, 20000+r.IntN(3000), qty,
			day.Format(time.DateOnly), r.IntN(60), 0.5+r.Float64()*10, cust)
	}
	return b.String()
}

func BenchmarkReadOrderLogCSV(b *testing.B) {
	text := syntheticRetailLog(500_000)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu := cpuclock.Process()
	for b.Loop() {
		log, err := ReadOrderLog(strings.NewReader(text), "retail.csv", LogOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := BuildCohort(log, ymd(2011, 6, 30), 90); err != nil {
			b.Fatal(err)
		}
	}
	// CPU time, not wall time, is what a shared machine measures steadily.
	b.ReportMetric((cpuclock.Process()-cpu).Seconds()/float64(b.N), "cpu-s/op")
}

// TestOrderLogKeepsItemsAndCancellations checks what the log keeps for the
// item and cancellation features: each kept line's item and order, and the
// cancelled orders of customers who also have a kept order.
func TestOrderLogKeepsItemsAndCancellations(t *testing.T) {
	log, err := ReadOrderLog(strings.NewReader(retailLog), "retail.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"85123A", "71053", "22139", "84879"}; !slices.Equal(log.Items, want) {
		t.Errorf("items %q, want %q", log.Items, want)
	}
	// Orders: 17850's 536365 (0), 12583's 536370 (1), 17850's 536381 (2),
	// 13047's 536383 (3), 17850's 536384 (4).
	wantLines := []OrderItem{{0, 0, 6}, {0, 1, 6}, {1, 2, 10}, {2, 2, 2}, {3, 3, 8}, {4, 2, 1}} // units: the lines' quantities
	if !slices.Equal(log.OrderItems, wantLines) {
		t.Errorf("order items %v, want %v", log.OrderItems, wantLines)
	}
	// 14527's C536379 is left out: 14527 has no kept order.
	c13047 := int32(slices.Index(log.Customers, "13047"))
	// Its refund is the line's |price × quantity|, computed as the
	// parser does (1.69 × −3).
	price, qty := 1.69, -3.0
	if want := []CancelledOrder{{c13047, dayNumber(ymd(2010, 12, 20)), math.Abs(price * qty)}}; !slices.Equal(log.CancelledOrders, want) {
		t.Errorf("cancelled orders %v, want %v", log.CancelledOrders, want)
	}
	// Its line takes back 3 units of 84879 (item 3).
	if want := []CancelledItem{{0, 3, 3}}; !slices.Equal(log.CancelledItems, want) {
		t.Errorf("cancelled items %v, want %v", log.CancelledItems, want)
	}
	// Ids of 7 bytes and fewer are interned apart from longer ones.
	in := "customer,date,item\na,2020-01-01,ABCDEFG\na,2020-01-02,ABCDEFGH\nb,2020-01-03,ABCDEFG\nb,2020-01-04,ABCDEFGH\nb,2020-01-05,X\n"
	if log, err = ReadOrderLog(strings.NewReader(in), "o.csv", LogOptions{}); err != nil {
		t.Fatal(err)
	}
	var items []string
	for _, li := range log.OrderItems {
		items = append(items, log.Items[li.Item])
	}
	if want := []string{"ABCDEFG", "ABCDEFGH", "ABCDEFG", "ABCDEFGH", "X"}; len(log.Items) != 3 || !slices.Equal(items, want) {
		t.Errorf("items %q, lines %q", log.Items, items)
	}
	// Without an item column nothing is kept for items.
	log, err = ReadOrderLog(strings.NewReader("customer,date,amount\na,2020-01-01,5\na,2020-01-02,-5\n"), "o.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if log.Items != nil || log.OrderItems != nil || len(log.CancelledOrders) != 1 {
		t.Errorf("items %v, lines %v, cancelled %v", log.Items, log.OrderItems, log.CancelledOrders)
	}
}

func TestOrderLogCountsLinesDatedAfterToday(t *testing.T) {
	in := "customer,date,amount\na,2020-01-01,5\nb,2020-02-01,6\na,2099-12-31,7\nc,2020-01-15,8\n"
	today := time.Date(2024, 6, 1, 15, 0, 0, 0, time.UTC)
	log, err := ReadOrderLog(strings.NewReader(in), "o.csv", LogOptions{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if log.Future != 1 || !log.LastUpToToday.Equal(ymd(2020, 2, 1)) || !log.Last.Equal(ymd(2099, 12, 31)) {
		t.Errorf("future %d, last up to today %v, last %v", log.Future, log.LastUpToToday, log.Last)
	}
	want := "o.csv: 1 of 4 lines is dated after today (2024-06-01); the log's dates run 2020-01-01 .. 2099-12-31"
	if got := log.FutureNote(); got != want {
		t.Errorf("note\n got %q\nwant %q", got, want)
	}
	// Without today nothing is in the future.
	log, _ = ReadOrderLog(strings.NewReader(in), "o.csv", LogOptions{})
	if log.Future != 0 || log.FutureNote() != "" || !log.LastUpToToday.Equal(log.Last) {
		t.Errorf("no today: future %d, last up to today %v", log.Future, log.LastUpToToday)
	}
}

// TestOrderLogLastKnown: the date default cutoffs count back from is the
// last one up to today, the log's last when there is no today, and the
// log's last when every line is later than today (nothing else to use).
func TestOrderLogLastKnown(t *testing.T) {
	in := "customer,date,amount\na,2020-01-01,5\nb,2020-02-01,6\na,2099-12-31,7\nc,2020-01-15,8\n"
	for _, tc := range []struct {
		today time.Time
		want  time.Time
	}{
		{time.Date(2024, 6, 1, 15, 0, 0, 0, time.UTC), ymd(2020, 2, 1)},
		{time.Date(2020, 1, 20, 0, 0, 0, 0, time.UTC), ymd(2020, 1, 15)},
		{time.Time{}, ymd(2099, 12, 31)},
		{time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC), ymd(2099, 12, 31)},
	} {
		log, err := ReadOrderLog(strings.NewReader(in), "o.csv", LogOptions{Today: tc.today})
		if err != nil {
			t.Fatal(err)
		}
		if got := log.LastKnown(); !got.Equal(tc.want) {
			t.Errorf("today %v: last known %v, want %v", tc.today, got, tc.want)
		}
	}
}

// TestOrderLogCustomersBy counts the customers with an order on or before
// a date, each once: by hand, a (2020-01-01 and 2099), b (2020-02-01), c
// (2020-01-15) and d (only 2099).
func TestOrderLogCustomersBy(t *testing.T) {
	in := "customer,date,amount\na,2020-01-01,5\nb,2020-02-01,6\na,2099-12-31,7\nc,2020-01-15,8\nd,2099-12-31,1\na,2020-01-20,2\n"
	log, err := ReadOrderLog(strings.NewReader(in), "o.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		day  time.Time
		want int
	}{
		{ymd(2019, 12, 31), 0}, {ymd(2020, 1, 1), 1}, {ymd(2020, 1, 31), 2}, {ymd(2020, 2, 1), 3},
		{time.Date(2020, 2, 1, 23, 59, 0, 0, time.UTC), 3}, {ymd(2099, 12, 31), 4},
	} {
		if got := log.CustomersBy(tc.day); got != tc.want {
			t.Errorf("by %v: %d customers, want %d", tc.day, got, tc.want)
		}
	}
}
