package sqlexport

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/retainlab/retain/data"
)

// A date column's cell is read in SQL as retain predict reads it (data's
// date parser, with no date order): Unix seconds (9 or 10 digits) or
// milliseconds (12 or 13), the date in UTC; YYYYMMDD; YYYY-M-D with - / or
// . between the numbers (one or two digits each) and an optional time of
// day after a space or "T" (H:MM[:SS[.fff]], then Z, " UTC", " GMT" or
// ±HH[:]MM, which do not move the date); 2023年5月1日, with an optional
// time of day after a space. A cell of one of those forms that
// is no calendar date (2023-02-30, 0000-00-00, 20230230) is missing, filled
// as a blank is; so is a date written with the year last (D/M/YYYY or
// M/D/YYYY) that is none in either order (13/45/2010). Any other cell
// (with the year last and a date in some order, a month name)
// gives NULL, where retain predict refuses it or reads a form the query
// does not.
//
// The reading takes a few CTEs over the table, each adding its columns to
// the table's (dateCells); the inputs then read each date column's day
// number (dayName) and whether its cell was no calendar date (badName).

// dateStages are the names of the CTEs dateCells adds, in order.
var dateStages = []string{"date_trim", "date_text", "date_shape", "date_run1", "date_run2", "date_run3", "date_rest", "date_zone", "date_clock",
	"date_form", "date_parts", "date_valid", "date_days"}

// dateName is the name of one of the columns the date CTEs add for
// pipeline column ci.
func (d Dialect) dateName(what string, ci int) string {
	return d.ident("retain_" + what + "_" + strconv.Itoa(ci))
}

// dayName is the column that holds pipeline column ci's cell as a day
// number: NULL for a cell that is missing, no calendar date or not read.
func (d Dialect) dayName(ci int) string { return d.dateName("day", ci) }

// badName is the column that is 1 where pipeline column ci's cell is
// written as a date but is no calendar date, else 0.
func (d Dialect) badName(ci int) string { return d.dateName("bad", ci) }

// dateCells adds the CTEs that read the date columns of p from the table
// from and returns the name to read the table from then: from itself when
// p has no date column.
func (d Dialect) dateCells(q *query, p *data.Pipeline, from string) (string, error) {
	var cols []int
	for ci := range p.Columns {
		pc := &p.Columns[ci]
		if !pc.Date || pc.Kind != data.Numeric {
			continue
		}
		if pc.DateOrder != data.DateAuto {
			return "", fmt.Errorf("column %q: dates written with the year last (%s) cannot be exported to SQL yet; leave the column out (--exclude %s)",
				pc.Name, pc.DateOrder.Words(), pc.Name)
		}
		cols = append(cols, ci)
	}
	if len(cols) == 0 {
		return from, nil
	}
	stage := func(i int, each func(ci int) []string) {
		var sel []string
		for _, ci := range cols {
			sel = append(sel, each(ci)...)
		}
		q.cte(dateStages[i], "SELECT c.*,\n    "+strings.Join(sel, ",\n    ")+"\n  FROM "+from+" AS c")
		from = dateStages[i]
	}
	// The trimmed text; the text read (a month name as digits, namedText)
	// and its kind; its shape: every digit written 9.
	stage(0, func(ci int) []string {
		t0 := d.asText(d.column("c", p.Columns[ci].Name))
		return []string{t0 + " AS " + d.dateName("t0", ci), monthDigits("LOWER("+t0+")") + " AS " + d.dateName("named", ci)}
	})
	stage(1, func(ci int) []string {
		t0 := d.dateName("t0", ci)
		text, kind := d.namedText(t0, "LOWER("+t0+")", d.dateName("named", ci))
		return []string{text + " AS " + d.dateName("t", ci), kind + " AS " + d.dateName("nm", ci)}
	})
	stage(2, func(ci int) []string {
		return []string{shape(d.dateName("t", ci)) + " AS " + d.dateName("s", ci)}
	})
	// The lengths of the first three runs of digits, each after one
	// character (a separator) past the one before.
	stage(3, func(ci int) []string {
		return []string{digitRun(d.dateName("s", ci), "1", 4) + " AS " + d.dateName("a", ci)}
	})
	stage(4, func(ci int) []string {
		return []string{digitRun(d.dateName("s", ci), d.dateName("a", ci)+" + 2", 2) + " AS " + d.dateName("b", ci)}
	})
	stage(5, func(ci int) []string {
		a, b := d.dateName("a", ci), d.dateName("b", ci)
		return []string{digitRun(d.dateName("s", ci), a+" + "+b+" + 3", 4) + " AS " + d.dateName("c", ci)}
	})
	// What follows the third run (a time of day or nothing), as shape and
	// text, and the length of the zone at its end.
	stage(6, func(ci int) []string {
		a, b, c := d.dateName("a", ci), d.dateName("b", ci), d.dateName("c", ci)
		from := a + " + " + b + " + " + c + " + 3"
		r := d.dateName("r", ci)
		return []string{
			"SUBSTR(" + d.dateName("s", ci) + ", " + from + ") AS " + r,
			"SUBSTR(" + d.dateName("t", ci) + ", " + from + ") AS " + d.dateName("rt", ci),
		}
	})
	stage(7, func(ci int) []string {
		return []string{d.zoneLength(d.dateName("r", ci)) + " AS " + d.dateName("zl", ci)}
	})
	stage(8, func(ci int) []string {
		r, zl := d.dateName("r", ci), d.dateName("zl", ci)
		return []string{"SUBSTR(" + r + ", 2, " + d.greatest(d.charLength(r)+" - 1 - "+zl, "0") + ") AS " + d.dateName("k", ci)}
	})
	stage(9, func(ci int) []string {
		return []string{d.dateForm(ci) + " AS " + d.dateName("f", ci)}
	})
	// The three numbers of a date, as written (the year first, or last).
	stage(10, func(ci int) []string {
		t, f := d.dateName("t", ci), d.dateName("f", ci)
		a, b, c := d.dateName("a", ci), d.dateName("b", ci), d.dateName("c", ci)
		part := func(from, length, compactFrom, compactLength string) string {
			return "CASE WHEN " + f + " = 5 THEN " + d.asDouble("SUBSTR("+t+", "+compactFrom+", "+compactLength+")") +
				" WHEN " + f + " IN (3, 4, 6, 7) THEN " + d.asDouble("SUBSTR("+t+", "+from+", "+length+")") + " END"
		}
		return []string{
			part("1", a, "1", "4") + " AS " + d.dateName("n1", ci),
			part(a+" + 2", b, "5", "2") + " AS " + d.dateName("n2", ci),
			part(a+" + "+b+" + 3", c, "7", "2") + " AS " + d.dateName("n3", ci),
		}
	})
	// Whether the numbers make a calendar date: year first, or year last
	// read day first or month first.
	stage(11, func(ci int) []string {
		n1, n2, n3 := d.dateName("n1", ci), d.dateName("n2", ci), d.dateName("n3", ci)
		ok := func(y, m, dd string) string { return "CASE WHEN " + d.calendarDate(y, m, dd) + " THEN 1 ELSE 0 END" }
		return []string{
			ok(n1, n2, n3) + " AS " + d.dateName("ymd", ci),
			ok(n3, n2, n1) + " AS " + d.dateName("dmy", ci),
			ok(n3, n1, n2) + " AS " + d.dateName("mdy", ci),
		}
	})
	stage(12, func(ci int) []string {
		t, f := d.dateName("t", ci), d.dateName("f", ci)
		n1, n2, n3 := d.dateName("n1", ci), d.dateName("n2", ci), d.dateName("n3", ci)
		ymd, dmy := d.dateName("ymd", ci)+" = 1", d.dateName("dmy", ci)+" = 1"
		day := "CASE WHEN " + f + " = 1 THEN " + d.floor(d.asDouble(t)+" / 86400.0") +
			" WHEN " + f + " = 2 THEN " + d.floor(d.asDouble(t)+" / 86400000.0") +
			" WHEN " + f + " IN (3, 5) AND " + ymd + " THEN " + d.civilDay(n1, n2, n3) +
			" WHEN " + f + " IN (6, 7) AND " + dmy + " THEN " + d.civilDay(n3, n2, n1) + " END"
		// A month-named date that is no calendar date is missing, as data
		// reads it; one of RFC 1123 Go's time.Parse refuses (NULL).
		bad := "CASE WHEN " + f + " IN (3, 5) AND NOT " + ymd + " OR " + f + " = 6 AND NOT " + dmy + " OR " + f + " = 4 AND " +
			d.dateName("dmy", ci) + " = 0 AND " + d.dateName("mdy", ci) + " = 0 THEN 1 ELSE 0 END"
		return []string{day + " AS " + d.dayName(ci), bad + " AS " + d.badName(ci)}
	})
	return from, nil
}

// digitRun is the length of the run of digits (9s in a shape) of s that
// starts at position from, up to most digits; 3 counts as 2 when most is
// 2 and as 3 when it is 4 (a form that wants 1, 2 or 4 then fails).
func digitRun(s, from string, most int) string {
	var b strings.Builder
	b.WriteString("CASE")
	for k := most; k >= 1; k-- {
		fmt.Fprintf(&b, " WHEN SUBSTR(%s, %s, %d) = '%s' THEN %d", s, from, k, strings.Repeat("9", k), k)
	}
	b.WriteString(" ELSE 0 END")
	return b.String()
}

// dateForm is the form of pipeline column ci's cell: 1 Unix seconds, 2
// Unix milliseconds, 3 three numbers with the year first (2023-5-1, or
// 2023年5月1日 with a time of day as a date with the year last takes one),
// 4 three numbers with the year last, 5 YYYYMMDD, 0 none the query reads.
func (d Dialect) dateForm(ci int) string {
	s := d.dateName("s", ci)
	a, b, c := d.dateName("a", ci), d.dateName("b", ci), d.dateName("c", ci)
	r, rt := d.dateName("r", ci), d.dateName("rt", ci)
	zl, k := d.dateName("zl", ci), d.dateName("k", ci)
	n := d.charLength
	digits := n("REPLACE("+s+", '9', '')") + " = 0"
	nm := d.dateName("nm", ci)
	sep1 := "SUBSTR(" + s + ", " + a + " + 1, 1)"
	sep2 := "SUBSTR(" + s + ", " + a + " + " + b + " + 2, 1)"
	threeNumbers := sep1 + " IN ('-', '/', '.') AND " + b + " >= 1 AND " + sep2 + " = " + sep1
	// A month-named date (kind 1): the day, a separator (- / or a
	// space), the month's two digits, the same separator, the year, then
	// nothing, a time of day or one with AM or PM. RFC 1123 (kind 2): the
	// day, the month and the year apart by spaces, then nothing or a time
	// and zone (rfcTime).
	named := a + " BETWEEN 1 AND 2 AND " + sep1 + " IN ('-', ' ', '/') AND " + b + " = 2 AND " + sep2 + " = " + sep1 + " AND " + c + " = 4 AND (" +
		d.timeAfter(r, rt, zl, k, false) + " OR " + d.clock12(r, rt) + ")"
	rfc := a + " BETWEEN 1 AND 2 AND " + sep1 + " = ' ' AND " + b + " = 2 AND " + sep2 + " = ' ' AND " + c + " = 4 AND (" +
		n(r) + " = 0 OR " + d.rfcTime(r, rt) + ")"
	return "CASE WHEN " + nm + " = 1 THEN (CASE WHEN " + named + " THEN 6 ELSE 0 END)" +
		" WHEN " + nm + " = 2 THEN (CASE WHEN " + rfc + " THEN 7 ELSE 0 END)" +
		" WHEN " + digits + " AND " + n(s) + " IN (9, 10) THEN 1" +
		" WHEN " + digits + " AND " + n(s) + " IN (12, 13) THEN 2" +
		" WHEN " + digits + " AND " + n(s) + " = 8 THEN 5" +
		" WHEN " + a + " = 4 AND " + threeNumbers + " AND " + c + " BETWEEN 1 AND 2 AND " + d.timeAfter(r, rt, zl, k, true) + " THEN 3" +
		" WHEN " + a + " = 4 AND " + sep1 + " = '年' AND " + b + " >= 1 AND " + sep2 + " = '月' AND " + c + " BETWEEN 1 AND 2 AND " +
		"SUBSTR(" + r + ", 1, 1) = '日' AND " + d.timeAfter("SUBSTR("+r+", 2)", "SUBSTR("+rt+", 2)", zl, "SUBSTR("+r+", 3)", false) + " THEN 3" +
		" WHEN " + a + " BETWEEN 1 AND 2 AND " + threeNumbers + " AND " + c + " = 4 AND (" + d.timeAfter(r, rt, zl, k, false) + " OR " + d.clock12(r, rt) + ") THEN 4" +
		" ELSE 0 END"
}

// zoneLength is the length of the zone that ends r, the shape of what
// follows a date: Z, " UTC" or " GMT", ±HH:MM or ±HHMM, as data's parser
// reads them, and also ±HH and " ±HHMM", which data refuses but engines
// write casting a TIMESTAMP WITH TIME ZONE to text (PostgreSQL, DuckDB
// and BigQuery "2023-05-01 10:11:12+00", Snowflake "… 10:11:12.000
// -0700"): a typed column of such timestamps is read (0 for no zone).
func (d Dialect) zoneLength(r string) string {
	nr := d.charLength(r)
	last := func(k int) string {
		return "SUBSTR(" + r + ", " + nr + " - " + strconv.Itoa(k-1) + ", " + strconv.Itoa(k) + ")"
	}
	return "CASE WHEN " + nr + " > 1 AND " + last(1) + " = 'Z' THEN 1" +
		" WHEN " + nr + " > 4 AND " + last(4) + " IN (' UTC', ' GMT') THEN 4" +
		" WHEN " + nr + " > 6 AND " + last(6) + " IN ('+99:99', '-99:99', ' +9999', ' -9999') THEN 6" +
		" WHEN " + nr + " > 5 AND " + last(5) + " IN ('+9999', '-9999') THEN 5" +
		" WHEN " + nr + " > 3 AND " + last(3) + " IN ('+99', '-99') THEN 3 ELSE 0 END"
}

// timeAfter is the condition that what follows a date is nothing or a
// time of day data's parser reads: a space (or "T" when iso), H:MM[:SS[.f…]]
// with an hour to 23, minutes to 59 and seconds to 60, then, when iso, an
// optional zone (zoneLength) to 23:59. r is its shape, rt its text, zl its
// zone's length and k its time without the first character and the zone,
// as shape.
func (d Dialect) timeAfter(r, rt, zl, k string, iso bool) string {
	n := d.charLength
	nr := n(r)
	prefix := "SUBSTR(" + r + ", 1, 1) = ' ' AND " + zl + " = 0"
	if iso {
		prefix = "SUBSTR(" + r + ", 1, 1) IN (' ', 'T')"
	}
	fraction := func(from int) string {
		f := "SUBSTR(" + k + ", " + strconv.Itoa(from) + ")"
		return n(f) + " BETWEEN 1 AND 9 AND " + n("REPLACE("+f+", '9', '')") + " = 0"
	}
	shape := "(" + k + " IN ('9:99', '99:99', '9:99:99', '99:99:99')" +
		" OR SUBSTR(" + k + ", 1, 8) = '9:99:99.' AND " + fraction(9) +
		" OR SUBSTR(" + k + ", 1, 9) = '99:99:99.' AND " + fraction(10) + ")"
	// The hour's digits (1 or 2) and the figures' values, compared as
	// text of two digits.
	hl := "(CASE WHEN SUBSTR(" + r + ", 3, 1) = '9' THEN 2 ELSE 1 END)"
	values := "(" + hl + " = 1 OR SUBSTR(" + rt + ", 2, 2) <= '23')" +
		" AND SUBSTR(" + rt + ", " + hl + " + 3, 2) <= '59'" +
		" AND (" + n(k) + " <= " + hl + " + 3 OR SUBSTR(" + rt + ", " + hl + " + 6, 2) <= '60')"
	if iso {
		// The zone's hour: after its sign, which ±HH:MM puts 6th from
		// the end, ±HH 3rd, the others 5th; its minutes: the last two.
		hour := "(CASE WHEN SUBSTR(" + r + ", " + nr + " - 2, 1) = ':' THEN " + nr + " - 4 WHEN " + zl + " = 3 THEN " + nr + " - 1 ELSE " + nr + " - 3 END)"
		values += " AND (" + zl + " IN (0, 1, 4) OR SUBSTR(" + rt + ", " + hour + ", 2) <= '23' AND (" + zl + " = 3 OR SUBSTR(" + rt + ", " + nr + " - 1, 2) <= '59'))"
	}
	return "(" + nr + " = 0 OR " + prefix + " AND " + shape + " AND " + values + ")"
}

// calendarDate is the condition that year y, month m, day dd (doubles)
// make a date of the calendar, year 1 on, as data reads one.
func (d Dialect) calendarDate(y, m, dd string) string {
	leap := "(" + y + " = 4.0 * " + d.floor(y+" / 4.0") + " AND " + y + " <> 100.0 * " + d.floor(y+" / 100.0") +
		" OR " + y + " = 400.0 * " + d.floor(y+" / 400.0") + ")"
	days := "(CASE WHEN " + m + " = 2.0 THEN (CASE WHEN " + leap + " THEN 29.0 ELSE 28.0 END)" +
		" WHEN " + m + " IN (4.0, 6.0, 9.0, 11.0) THEN 30.0 ELSE 31.0 END)"
	return y + " >= 1.0 AND " + m + " BETWEEN 1.0 AND 12.0 AND " + dd + " >= 1.0 AND " + dd + " <= " + days
}

// civilDay is the day number (days since 1970-01-01) of the calendar date
// y-m-dd (doubles, year 1 on), in arithmetic every engine has: the days of
// the years before a year that starts in March (so that a leap day is its
// last), then of its months before m, as 153 days to five months.
func (d Dialect) civilDay(y, m, dd string) string {
	march := "(CASE WHEN " + m + " <= 2.0 THEN 1.0 ELSE 0.0 END)"
	yp := "(" + y + " - " + march + ")"
	mp := "(" + m + " + 12.0 * " + march + " - 3.0)"
	return "(365.0 * " + yp + " + " + d.floor(yp+" / 4.0") + " - " + d.floor(yp+" / 100.0") + " + " + d.floor(yp+" / 400.0") +
		" + " + d.floor("(153.0 * "+mp+" + 2.0) / 5.0") + " + " + dd + " - 719469.0)"
}

// charLength is the length of a text in characters (MySQL's LENGTH
// counts bytes).
func (d Dialect) charLength(text string) string {
	if d == MySQL {
		return "CHAR_LENGTH(" + text + ")"
	}
	return "LENGTH(" + text + ")"
}
