package sqlexport

import (
	"bytes"
	"database/sql"
	"encoding/csv"
	"testing"
)

// namedDateRows are cells of a date column written with month names or as
// RFC 1123, which retain predict reads (data's monthNamed and rfcLayouts):
// the first ones are 2023-05-01 (TestNamedDatesPredictReadsThem), then
// other days, and dates that are no calendar dates, which it reads as
// missing.
var namedDateRows = [][]string{
	{"dash", "1-May-2023", "50"},
	{"space", "1 may 2023", "50"},
	{"slash", "01/MAY/2023", "50"},
	{"time", "1-May-2023 10:11:12.5", "50"},
	{"pm", "1-May-2023 07:19:32 PM", "50"},
	{"pm-short", "1 May 2023 7:19pm", "50"},
	{"rfc", "Mon, 01 May 2023 19:19:32 +0000", "50"},
	{"rfc-date", "Mon, 1 May 2023", "50"},
	{"rfc-name", "mon, 1 MAY 2023 23:59:59 EST", "50"},
	{"rfc-spaces", "Mon,  01   May 2023 10:11 -0700", "50"},
	{"rfc-comma", "Mon, 01 May 2023 10:11:12,5 CEST", "50"},
	{"rfc-zone", "Mon, 01 May 2023 10:11:12 +2460", "50"},
	{"rfc-five", "Mon, 01 May 2023 10:11:12 ABCDT", "50"},
	{"sept", "30-Sept-2023", "50"},
	{"full", "1 September 2023 10:11", "50"},
	{"january", "5-january-2011", "50"},
	{"dec", "24/Dec/2020", "50"},
	{"rfc-dec", "Thu, 24 Dec 2020 01:02:03 GMT", "50"},
	{"blank", "", "50"},
	{"apr-31", "31-Apr-2023", "50"},
	{"feb-29", "29 Feb 2023 10:00", "50"},
	{"year-last-bad-pm", "13/45/2010 07:19 PM", "50"},
}

// namedDatesRefused are cells in forms retain predict refuses: the month
// before the day, a zone or the year first after a month name, separators
// that differ, an hour past 12 with PM, an RFC 1123 date that is no
// calendar date (Go's time.Parse refuses it), a full month name, a
// second of 60, a zone in lower case or a named zone without seconds, an
// unknown weekday, a zone's minutes past 60.
var namedDatesRefused = []refusedCell{
	refusedDate("month-first", "May 1 2023"),
	refusedDate("named-zone", "1-May-2023 10:11Z"),
	refusedDate("named-year-first", "2023-may-01"),
	refusedDate("named-seps", "1-May/2023"),
	refusedDate("named-13pm", "1 May 2023 13:00 PM"),
	refusedDate("named-two", "1-Ma-2023"),
	refusedDate("rfc-apr-31", "Mon, 31 Apr 2023"),
	refusedDate("rfc-full", "Mon, 01 January 2023"),
	refusedDate("rfc-second-60", "Mon, 01 May 2023 10:11:60 +0000"),
	refusedDate("rfc-lower-zone", "Mon, 01 May 2023 10:11:12 est"),
	refusedDate("rfc-name-no-seconds", "Mon, 01 May 2023 10:11 EST"),
	refusedDate("rfc-weekday", "Xyz, 01 May 2023"),
	refusedDate("rfc-zone-61", "Mon, 01 May 2023 10:11:12 +0061"),
	refusedDate("rfc-hour-24", "Mon, 01 May 2023 24:00:00 +0000"),
	refusedDate("year-last-pm", "1/5/2023 07:19 PM"),
}

// A date column's cells written with month names or as RFC 1123 score in
// SQL as retain predict scores them (the SELECT gave them NULL), and the
// cells it refuses give NULL.
func checkNamedDates(t *testing.T, open func(t *testing.T) *sql.DB, d Dialect) {
	checkNullWhereRefused(t, handDates(), open, d, []string{"user_id", "signup", "spend"}, namedDateRows, namedDatesRefused)
}

func TestSQLiteReadsNamedDatesAsPredict(t *testing.T) {
	checkNamedDates(t, openSQLite, SQLite)
}

// retain predict reads the first rows of namedDateRows as 2023-05-01 and
// the last ones as missing, so that the comparison above is one with
// those figures.
func TestNamedDatesPredictReadsThem(t *testing.T) {
	var buf bytes.Buffer
	rows := append([][]string{{"user_id", "signup", "spend"}, {"iso", "2023-05-01", "50"}}, namedDateRows...)
	if err := csv.NewWriter(&buf).WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	s, err := handDates().ScoreCSV(&buf, "named.csv")
	if err != nil {
		t.Fatal(err)
	}
	prob := map[string]float64{}
	for i, id := range s.IDs {
		prob[id] = s.Probabilities[i]
	}
	for _, id := range []string{"dash", "space", "slash", "time", "pm", "pm-short", "rfc", "rfc-date", "rfc-name", "rfc-spaces", "rfc-comma", "rfc-zone", "rfc-five"} {
		if prob[id] != prob["iso"] {
			t.Errorf("%s: %v, 2023-05-01 %v", id, prob[id], prob["iso"])
		}
	}
	for _, id := range []string{"apr-31", "feb-29", "year-last-bad-pm"} {
		if prob[id] != prob["blank"] {
			t.Errorf("%s: %v, blank %v", id, prob[id], prob["blank"])
		}
	}
}
