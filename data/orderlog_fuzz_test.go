package data

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// FuzzReadOrderLog feeds arbitrary bytes to the log reader in each format:
// it must return either a *ParseError (or a wrapped read error) or a log
// whose orders are consistent, and building a cohort from that log must not
// panic.
func FuzzReadOrderLog(f *testing.F) {
	f.Add([]byte(retailLog), uint8(0), uint8(0))
	f.Add([]byte(" customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n 00002 19970112  5   77.00\r\n"), uint8(0), uint8(0))
	f.Add([]byte("user;date;amount\na;01.02.2020;5\nb;13.02.2020 10:00;-7\n;2020-01-01;1\n"), uint8(1), uint8(1))
	f.Add([]byte("1 2 3\n4 5 6\n"), uint8(2), uint8(2))
	f.Add([]byte("customer,date,invoice,amount\n\"a\nb\",2020-01-01,C1,5\n"), uint8(0), uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, format, order uint8) {
		opts := LogOptions{Format: LogFormat(format % 3), DateOrder: DateOrder(order % 3)}
		log, err := ReadOrderLog(bytes.NewReader(data), "fuzz", opts)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), "fuzz") {
				t.Fatalf("error %q is not a *ParseError naming the file", err)
			}
			return
		}
		if len(log.Orders) == 0 || log.First.After(log.Last) || log.Lines < len(log.Orders) {
			t.Fatalf("inconsistent log: %d lines, %d orders, %v .. %v", log.Lines, len(log.Orders), log.First, log.Last)
		}
		for _, o := range log.Orders {
			if int(o.Customer) >= len(log.Customers) || o.Amount < 0 || o.Quantity < 0 {
				t.Fatalf("bad order %+v", o)
			}
		}
		tab, rep, err := BuildCohort(log, log.First, 30)
		if log.First.Before(log.Last) && (err != nil || rep.Customers == 0 || tab.Rows != rep.Customers) {
			t.Fatalf("cohort at the first date: %v %+v", err, rep)
		}
	})
}

// FuzzDateParser checks that whatever the date parser accepts round-trips:
// the day it returns, written as YYYY-MM-DD and as YYYYMMDD, parses back to
// the same day.
func FuzzDateParser(f *testing.F) {
	for _, s := range []string{"19970101", "2010-12-01 08:26:00", "2010-12-01T23:30:00+05:30", "1/12/2010 8:26", "2024-02-29"} {
		f.Add(s, uint8(1))
	}
	f.Fuzz(func(t *testing.T, s string, order uint8) {
		p := dateParser{order: DateOrder(order % 3)}
		day, err := p.day([]byte(s))
		if err != nil {
			return
		}
		d := dayTime(day)
		for _, layout := range []string{"2006-01-02", "20060102"} {
			back, err := (&dateParser{}).day([]byte(d.Format(layout)))
			if err != nil || back != day {
				t.Fatalf("%q → %v → %q → %v, %v", s, d, d.Format(layout), dayTime(back), err)
			}
		}
	})
}
