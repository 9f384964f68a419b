package data

import (
	"strings"
	"testing"
)

// A customer id written as a whole number with a decimal part of zeros is
// that number, so both forms are one customer; other ids are kept as
// written, and the note counts the lines read so.
func TestOrderLogFloatCustomerIDs(t *testing.T) {
	text := "customer,date,amount\n" +
		"13522.0,2020-01-01,5\n" + // 13522
		"13522,2020-01-02,5\n" + // the same customer
		"13522.00,2020-01-03,5\n" + // the same
		"7.5,2020-01-04,5\n" + // not whole: kept
		"8.,2020-01-05,5\n" + // no decimal part: kept
		".0,2020-01-06,5\n" + // no whole part: kept
		"-3.0,2020-01-07,5\n" + // a sign: kept
		"C1.0,2020-01-08,5\n" + // not a number: kept
		"0.0,2020-01-09,5\n" // 0
	log, err := ReadOrderLog(strings.NewReader(text), "log.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"13522", "7.5", "8.", ".0", "-3.0", "C1.0", "0"}
	if strings.Join(log.Customers, " ") != strings.Join(want, " ") {
		t.Errorf("customers %q, want %q", log.Customers, want)
	}
	if log.FloatIDs != 3 {
		t.Errorf("%d lines read as float ids, want 3", log.FloatIDs)
	}
	const note = `customer ids written as whole numbers with a decimal part of zeros ("13522.0", as a column of floats is exported) ` +
		`were read without it ("13522"), so that both forms are one customer: 3 lines`
	if got := log.FloatIDNote(); got != note {
		t.Errorf("note:\n got %s\nwant %s", got, note)
	}
}

// A semicolon log whose amounts are written with decimal commas says so;
// one whose amounts have no comma does not.
func TestOrderLogDecimalCommas(t *testing.T) {
	for text, want := range map[string]bool{
		"customer;date;amount\na;2020-01-01;4,55\nb;2020-01-02;3\n": true,
		"customer;date;amount\na;2020-01-01;4\nb;2020-01-02;3\n":    false,
		"customer,date,amount\na,2020-01-01,4.55\n":                 false,
	} {
		log, err := ReadOrderLog(strings.NewReader(text), "log.csv", LogOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if log.DecimalCommas != want {
			t.Errorf("%q: decimal commas %v, want %v", text, log.DecimalCommas, want)
		}
	}
}
