package data

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
)

// userDates writes a table of n users whose "last_order" cell is date(i)
// on line i+2.
func userDates(n int, date func(i int) string) string {
	var b strings.Builder
	b.WriteString("id,last_order,churn\n")
	for i := range n {
		fmt.Fprintf(&b, "u%d,%s,%s\n", i, date(i), []string{"yes", "no"}[i%2])
	}
	return b.String()
}

// Cells written as dates that are no calendar dates are read as missing,
// counted in a note that quotes the first. Day numbers by hand:
// 2023-01-01 is day 19358 (53 years of 365 days and 13 leap days).
func TestInvalidDatesAreReadAsMissing(t *testing.T) {
	in := userDates(30, func(i int) string {
		switch i {
		case 4:
			return "0000-00-00"
		case 9, 20:
			return "2023-02-30"
		}
		return fmt.Sprintf("2023-01-%02d", 1+i)
	})
	for _, opts := range []CSVOptions{{}, {InferRows: 3}} { // all in the sample; the bad ones after it
		if opts.InferRows > 0 {
			defer func(n int) { blockSize = n }(blockSize)
			blockSize = 64
		}
		tab := mustRead(t, in, opts)
		c := tab.Column("last_order")
		if !c.Date || c.Missing != 3 || c.DateInvalid != 3 {
			t.Fatalf("InferRows %d: date %v, %d missing, %d invalid; want a date column with 3 of each",
				opts.InferRows, c.Date, c.Missing, c.DateInvalid)
		}
		if c.Values[0] != 19358 || !math.IsNaN(c.Values[4]) || !math.IsNaN(c.Values[9]) || c.Values[29] != 19358+29 {
			t.Errorf("InferRows %d: values %v", opts.InferRows, c.Values[:10])
		}
		want := `t.csv: column "last_order": 3 cells are written as dates but no calendar dates (the first "0000-00-00" at line 6, column 2), read as missing`
		if notes := LoadNotes(tab); !slices.Contains(notes, want) {
			t.Errorf("InferRows %d: notes %q\nwant %s", opts.InferRows, notes, want)
		}
	}
}

// Year-last and month-name dates: invalid in every order read as missing.
func TestInvalidYearLastDatesAreReadAsMissing(t *testing.T) {
	in := userDates(25, func(i int) string {
		switch i {
		case 7:
			return "31/02/2023"
		case 8:
			return "00/00/0000"
		}
		return fmt.Sprintf("%d/01/2023", 1+i) // 13/01/2023 on shows day first
	})
	c := mustRead(t, in, CSVOptions{}).Column("last_order")
	if !c.Date || c.DateOrder != DateDMY || c.DateInvalid != 2 || !math.IsNaN(c.Values[7]) || c.Values[0] != 19358 {
		t.Errorf("date %v order %v, %d invalid, values %v", c.Date, c.DateOrder, c.DateInvalid, c.Values[:9])
	}
}

// A column as much invalid as valid is not read as dates.
func TestMostlyInvalidDatesStayText(t *testing.T) {
	in := userDates(30, func(i int) string {
		if i%2 == 0 {
			return "0000-00-00"
		}
		return fmt.Sprintf("2023-01-%02d", 1+i)
	})
	if c := mustRead(t, in, CSVOptions{}).Column("last_order"); c.Date {
		t.Errorf("read as dates with %d invalid", c.DateInvalid)
	}
}

// Whole numbers written YYYYMMDD in a column named like a date are dates:
// 20170130 is 2017-01-30, day 17196 (2017-01-01 is day 17167, 47 years of
// 365 days and 12 leap days). The same numbers under another name, or with
// one that is no calendar date, stay numbers.
func TestYYYYMMDDNumbersNamedLikeDatesAreDates(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,transaction_date,txn_dt,amount,expire_date,churn\n")
	for i := range 40 {
		expire := 20170301 + i%28
		if i == 33 {
			expire = 20170230
		}
		fmt.Fprintf(&b, "u%d,%d,%d,%d,%d,%s\n", i, 20170130+i%2, 20170101+i%28, 20170101+i%28, expire, []string{"yes", "no"}[i%2])
	}
	b.WriteString("u40,,20170101,5,20170301,no\n")
	tab := mustRead(t, b.String(), CSVOptions{})
	td := tab.Column("transaction_date")
	if !td.Date || !td.DateNumbers || td.Values[0] != 17196 || td.Values[1] != 17197 || !math.IsNaN(td.Values[40]) || td.Missing != 1 {
		t.Errorf("transaction_date: date %v numbers %v values %v missing %d", td.Date, td.DateNumbers, td.Values[:2], td.Missing)
	}
	if c := tab.Column("txn_dt"); !c.Date || c.Values[0] != 17167 {
		t.Errorf("txn_dt: date %v values %v", c.Date, c.Values[:2])
	}
	if c := tab.Column("amount"); c.Date {
		t.Error("amount read as dates")
	}
	if c := tab.Column("expire_date"); c.Date {
		t.Error("expire_date, with 20170230, read as dates")
	}
	want := `t.csv: column "transaction_date": dates from 2017-01-30 to 2017-01-31, used as days before the training rows' latest date; its whole numbers read as dates written YYYYMMDD`
	if notes := LoadNotes(tab); !slices.Contains(notes, want) {
		t.Errorf("notes %q\nwant %s", notes, want)
	}
	for name, want := range map[string]bool{"transaction_date": true, "registration_init_time": true, "txn_dt": true,
		"DT": true, "交易日期": true, "width": false, "amount": false, "update": true} {
		if got := dateLikeName(name); got != want {
			t.Errorf("dateLikeName(%q) = %v", name, got)
		}
	}
}

// New rows read for a date column: an invalid date is missing, as in
// training, and a numeric column of YYYYMMDD numbers (a single new row is
// not enough to make it a date column) gives its dates.
func TestPipelineReadsInvalidDatesAndNumbersAsDates(t *testing.T) {
	pc := &PipelineColumn{Name: "d", Kind: Numeric, Date: true}
	for in, want := range map[string]float64{"2023-01-01": 19358, "0000-00-00": math.NaN(), "2023-02-30": math.NaN(), "20170130": 17196} {
		v, ok := pc.cellValue([]byte(in), false)
		if !ok || !(v == want || math.IsNaN(v) && math.IsNaN(want)) {
			t.Errorf("cellValue(%q) = %v, %v; want %v", in, v, ok, want)
		}
	}
	if _, err := pc.ParseDay("0000-00-00"); err == nil {
		t.Error("ParseDay accepted 0000-00-00")
	}
	got, err := dateView(pc, &Column{Name: "d", Kind: Numeric, Values: []float64{20170130, math.NaN()}}, "n.csv")
	if err != nil || got[0] != 17196 || !math.IsNaN(got[1]) {
		t.Errorf("dateView of numbers = %v, %v", got, err)
	}
	_, err = dateView(pc, &Column{Name: "d", Kind: Numeric, Values: []float64{2017013}}, "n.csv")
	if want := `n.csv: row 1, column "d": column "d": expected a date (YYYY-MM-DD), got "2017013"`; err == nil || err.Error() != want {
		t.Errorf("dateView of a 7-digit number: %v\nwant %s", err, want)
	}
}
