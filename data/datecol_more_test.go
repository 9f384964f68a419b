package data

import (
	"errors"
	"testing"
	"time"
)

// Dates with an English month name and US times with AM/PM; the expected
// days are read off the strings by hand.
func TestDateParserMonthNamesAndAMPM(t *testing.T) {
	cases := []struct {
		in    string
		order DateOrder
		want  time.Time
	}{
		{"05-Jan-2023", DateAuto, ymd(2023, 1, 5)},
		{"01-Jan-2019", DateAuto, ymd(2019, 1, 1)},
		{"31-DEC-2019 23:59:59", DateAuto, ymd(2019, 12, 31)},
		{"5 January 2023", DateAuto, ymd(2023, 1, 5)},
		{"7/sept/2021", DateAuto, ymd(2021, 9, 7)},
		{"29-Feb-2024 07:19:32 PM", DateAuto, ymd(2024, 2, 29)},
		{"01/01/2019 07:19:32 PM", DateMDY, ymd(2019, 1, 1)},
		{"12/31/2019 12:00 am", DateMDY, ymd(2019, 12, 31)},
		{"13/01/2019 11:59:59AM", DateDMY, ymd(2019, 1, 13)},
	}
	for _, c := range cases {
		day, err := (&dateParser{order: c.order}).day([]byte(c.in))
		if err != nil || !dayTime(day).Equal(c.want) {
			t.Errorf("%q (order %d) = %v, %v; want %v", c.in, c.order, dayTime(day), err, c.want)
		}
	}
	for _, bad := range []string{"05-Jax-2023", "05-Jan-23", "05Jan2023", "05-Jan/2023", "Jan-05-2023",
		"01/01/2019 13:19:32 PM", "01/01/2019 07:19:32 XM", "01/01/2019 07:19 P", "2019-01-01 07:19 PM",
		"30-Feb-2023", "05-Ja-2023"} {
		if day, err := (&dateParser{order: DateMDY}).day([]byte(bad)); err == nil {
			t.Errorf("%q parsed as %v, want an error", bad, dayTime(day))
		}
	}
	// No calendar date: the error says so, whatever the form.
	for _, bad := range []string{"2023-02-30", "0000-00-00", "0000-00-00 00:00:00", "30-Feb-2023", "20230230"} {
		if _, err := (&dateParser{}).day([]byte(bad)); !errors.Is(err, errNotCalendarDate) {
			t.Errorf("%q: error %v, want one that is not a calendar date", bad, err)
		}
	}
}
