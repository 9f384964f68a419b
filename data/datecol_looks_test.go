package data

import (
	"math"
	"strings"
	"testing"
)

// dateTableOrder is dateTable with the date order given
// (CSVOptions.DateOrder); it returns the table too, for its notes.
func dateTableOrder(t *testing.T, order DateOrder, cells ...string) (*Table, *Column) {
	t.Helper()
	var b strings.Builder
	b.WriteString("d,x,churn\n")
	for i, c := range cells {
		b.WriteString(c + "," + []string{"1", "2", "3"}[i%3] + "," + []string{"yes", "no"}[i%2] + "\n")
	}
	tab := mustRead(t, b.String(), CSVOptions{Label: "churn", DateOrder: order})
	return tab, tab.Column("d")
}

// Dates written with the year last whose numbers never exceed 12 cannot
// show their order: given (--date-order), they are read in it. The day
// numbers are days since 1970-01-01, from Python's datetime:
// (date(2021, 3, 5) - date(1970, 1, 1)).days is 18691, 2021-02-01 18659,
// 2020-11-12 18578; month first 2021-05-03 18750, 2021-01-02 18629,
// 2020-12-11 18607. Before CSVOptions.DateOrder the column stayed text.
func TestDateOrderGivenReadsAmbiguousDates(t *testing.T) {
	cells := []string{"05/03/2021", "01/02/2021", "12/11/2020", ""}
	for _, c := range []struct {
		order DateOrder
		want  []float64
	}{
		{DateDMY, []float64{18691, 18659, 18578, math.NaN()}},
		{DateMDY, []float64{18750, 18629, 18607, math.NaN()}},
	} {
		tab, col := dateTableOrder(t, c.order, cells...)
		if col.Kind != Numeric || !col.Date || col.DateOrder != c.order || !sameFloats(col.Values, c.want) {
			t.Errorf("order %v: kind %v, date %v, order %v, values %v; want numeric dates read %v, %v",
				c.order, col.Kind, col.Date, col.DateOrder, col.Values, c.order, c.want)
		}
		want := `t.csv: column "d": dates from 2020-11-12 to 2021-03-05, used as days before the training rows' latest date; ` +
			`dates written with the year last read day first (day/month/year)`
		if c.order == DateMDY {
			want = `t.csv: column "d": dates from 2020-12-11 to 2021-05-03, used as days before the training rows' latest date; ` +
				`dates written with the year last read month first (month/day/year)`
		}
		if notes := LoadNotes(tab); !contains(notes, want) {
			t.Errorf("order %v: notes %q, want among them %q", c.order, notes, want)
		}
	}
	// Year-first dates are read as they were, whatever the order given:
	// the column records no order.
	_, iso := dateTableOrder(t, DateDMY, "2023-01-05", "2023-02-10")
	if !iso.Date || iso.DateOrder != DateAuto || !sameFloats(iso.Values, []float64{19362, 19398}) {
		t.Errorf("ISO dates with an order given: date %v, order %v, values %v; want dates 19362, 19398 with no order",
			iso.Date, iso.DateOrder, iso.Values)
	}
	// A day above 12 read in the order the dates show, as before.
	if _, col := dateTableOrder(t, DateDMY, "13/1/2023", "2/1/2023"); !col.Date || col.DateOrder != DateDMY {
		t.Errorf("day-first dates given dmy: date %v, order %v", col.Date, col.DateOrder)
	}
}

// A date the order given cannot read, but the other can, keeps the column
// as text, and the note says which date and why.
func TestDateOrderGivenContradicted(t *testing.T) {
	_, col := dateTableOrder(t, DateMDY, "05/03/2021", "25/12/2021", "01/02/2021")
	want := `dates written with the year last that the date order given (--date-order mdy, month first (month/day/year)) does not read: ` +
		`"25/12/2021" is day first (day/month/year)`
	if col.Date || col.Note != want || col.Why.Dates != DateDoubtAgainst || col.Why.DateGiven != DateMDY {
		t.Errorf("date %v, why %+v, note %q; want text, note %q", col.Date, col.Why, col.Note, want)
	}
}

// Dates in forms the reader does not take stay text, but the note says
// they look like dates, why they were not read, and how to write them.
// Before, it said nothing of dates, and a category of them no note at all.
// The quoted value of each form is the first of the column's distinct
// values in sorted order, as the year-last date of a doubt is.
func TestDatesInUnreadForms(t *testing.T) {
	how := "; write the dates as YYYY-MM-DD (or 4 Mar 2021) to read the column as dates"
	cases := []struct {
		name  string
		cells []string
		note  string
	}{
		{"two-digit years", []string{"04/03/21", "12/11/20", "1/2/21"},
			`its values look like dates, but some are written in forms not read as dates: with two-digit years ("04/03/21"), which leave the century unsaid` + how},
		{"month name two-digit years", []string{"05-Jan-23", "17-Feb-23"},
			`its values look like dates, but some are written in forms not read as dates: with two-digit years ("05-Jan-23"), which leave the century unsaid` + how},
		{"month first", []string{"Mar 04, 2021", "March 4 2021", "Feb 28, 2021 10:30"},
			`its values look like dates, but some are written in forms not read as dates: with the month name before the day ("Feb 28, 2021 10:30")` + how},
		// One date in seven spellings: the readable ones cannot tell
		// their order either, which the note adds.
		{"one date seven ways", []string{"2021-03-04", "04/03/2021", "03/04/2021", "Mar 04, 2021", "4 Mar 2021", "2021/03/04", "20210304"},
			`its values look like dates, but some are written in forms not read as dates: with the month name before the day ("Mar 04, 2021"), ` +
				`as whole numbers ("20210304") among dates written otherwise` + how + `; ` +
				`dates written with the year last ("03/04/2021") that cannot tell day from month: none has a first or second number above 12; ` +
				`give the date order (--date-order dmy or mdy) to read them as dates`},
	}
	for _, c := range cases {
		var cells []string
		for _, s := range c.cells {
			cells = append(cells, `"`+s+`"`, `"`+s+`"`) // repeated: a category, not an identifier
		}
		tab, col := dateTableOrder(t, DateAuto, cells...)
		if col.Kind != Categorical || col.Date || col.Note != c.note {
			t.Errorf("%s: kind %v, date %v, note %q\nwant categorical, note %q", c.name, col.Kind, col.Date, col.Note, c.note)
		}
		want := `t.csv: column "d" is read as categories, not dates: ` + c.note
		if notes := LoadNotes(tab); !contains(notes, want) {
			t.Errorf("%s: notes %q\nwant among them %q", c.name, notes, want)
		}
	}
}

// Text that merely has numbers and separators, or a month name, is not
// taken for dates.
func TestUnreadDatesNotTakenForText(t *testing.T) {
	for _, levels := range [][]string{
		{"1.2.3", "1.2.4"},                    // versions: a one-digit last number
		{"10-45-99", "10-46-99"},              // no calendar date in any order
		{"Mar", "Apr"},                        // a month name alone
		{"March madness", "04/03/21"},         // not every level
		{"2021-03-04", "soon", "Mar 4, 2021"}, // not every level
		{"2021-03-04", "2021-03-05"},          // read as dates: nothing unread
	} {
		if unread, _, ok := unreadDates(levels); ok {
			t.Errorf("%q taken for unread dates: %q", levels, unread)
		}
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
