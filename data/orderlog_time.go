package data

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DateOrder says how to read dates written day, month and year with the
// year last ("1/12/2010"), which are ambiguous unless the order is known.
type DateOrder int

// The date orders.
const (
	// DateAuto accepts only year-first dates and refuses d/m/y or m/d/y.
	DateAuto DateOrder = iota
	// DateDMY reads "1/12/2010" as 1 December 2010.
	DateDMY
	// DateMDY reads "1/12/2010" as 12 January 2010.
	DateMDY
)

// dateParser turns a timestamp into a day number. Without a layout it
// accepts YYYYMMDD, YYYY-MM-DD (also with / or . as separator), optionally
// followed by a space or "T" and HH:MM[:SS[.fff]] with an optional "Z" or
// ±HH:MM offset; D-Mon-YYYY with an English month name or abbreviation
// ("05-Jan-2023", "5 January 2023"); with a date order also D/M/YYYY or
// M/D/YYYY. A time of day after a date with the year last may be written
// with AM or PM ("01/01/2019 07:19:32 PM"). Only the calendar date is kept,
// as written: an offset does not move the date.
type dateParser struct {
	layout string
	order  DateOrder
	// sawYearLast records that a date written with the year last was read.
	sawYearLast bool
	// dayNumbers accepts a column of day numbers (whole numbers of at most
	// five digits, as dunnhumby's DAY 1 … 711) instead of dates, read as
	// days after 1970-01-01; dayMode records what the first cell was (0
	// none yet, 1 day numbers, -1 dates), as one column cannot mix them.
	dayNumbers bool
	dayMode    int8
	// form is the form of the dates read so far (see TimeForm).
	form TimeForm
}

// day reads a timestamp as a day number (parseDate), or with dayNumbers a
// column of day numbers.
func (p *dateParser) day(b []byte) (int32, error) {
	if p.dayNumbers && len(b) > 0 && len(b) <= 5 && onlyDigits(string(b)) {
		if p.dayMode < 0 {
			return 0, fmt.Errorf("%w %q among dates: a date column holds dates or day numbers, not both", errDayNumberAmongDates, b)
		}
		n, _ := strconv.Atoi(string(b))
		p.dayMode = 1
		return int32(n), nil
	}
	d, err := p.parseDate(b)
	if err == nil && p.dayNumbers {
		if p.dayMode > 0 {
			return 0, fmt.Errorf("%w %q among day numbers: a date column holds dates or day numbers, not both", errDateAmongDayNumbers, b)
		}
		p.dayMode = -1
	}
	return d, err
}

// DayNumbers reports whether the log's date column held day numbers (read
// as days after 1970-01-01), not dates.
func (l *OrderLog) DayNumbers() bool { return l.dayNumbers }

// SpreadsheetSerialFrom is the smallest day number taken for a possible
// spreadsheet serial date (30,000 is 1982-02-20 there): spreadsheets write
// a date cell without its format as the days after 1899-12-30.
const SpreadsheetSerialFrom = 30000

// SpreadsheetSerial reports, for a log of day numbers whose first is at
// least SpreadsheetSerialFrom, that first day number and the date it is as
// a spreadsheet serial date; ok is false otherwise.
func (l *OrderLog) SpreadsheetSerial() (first int, date time.Time, ok bool) {
	if !l.dayNumbers || DayNumber(l.First) < SpreadsheetSerialFrom {
		return 0, time.Time{}, false
	}
	first = int(DayNumber(l.First))
	return first, time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, first), true
}

// DayNumbersNote says that the dates are day numbers, "" when they are
// dates.
func (l *OrderLog) DayNumbersNote() string {
	if !l.dayNumbers {
		return ""
	}
	s := fmt.Sprintf("column %s holds day numbers, not dates: day n is read as n days after 1970-01-01, so the dates "+
		"shown (%s .. %s) are not calendar dates; give cutoffs the same way", ColumnLabel(l.Columns.Time),
		l.First.Format(time.DateOnly), l.Last.Format(time.DateOnly))
	if first, date, ok := l.SpreadsheetSerial(); ok {
		s += fmt.Sprintf(" (day numbers of %s and more are often spreadsheet serial dates, days after 1899-12-30: %s would be %s; "+
			"to read them so, convert the column to dates first)", Thousands(SpreadsheetSerialFrom), Thousands(first),
			date.Format(time.DateOnly))
	}
	return s
}

const dateWant = "want YYYY-MM-DD, YYYYMMDD, YYYY-MM-DD HH:MM:SS, D/M/YYYY or M/D/YYYY (read in the order the file shows or --date-order gives), D-Mon-YYYY, or Unix seconds or milliseconds"

// parseDate reads a timestamp as the day number of its calendar date.
func (p *dateParser) parseDate(b []byte) (int32, error) {
	if len(b) == 0 {
		return 0, errors.New("missing date")
	}
	if p.layout != "" {
		t, err := time.Parse(p.layout, string(b))
		if err != nil {
			return 0, fmt.Errorf("date %q does not match the layout %q", b, p.layout)
		}
		p.noteForm(TimeOther)
		return dayNumber(t), nil
	}
	unparseable := func() (int32, error) {
		if len(b) <= 5 && onlyDigits(string(b)) {
			// A day number (1, 2, … 711) counts from a first day the log
			// does not say: no calendar date can be made of it.
			return 0, fmt.Errorf("%w %q: a small whole number is a day or period number counted from a first day "+
				"the log does not give, not a date; convert the column to dates first (%s)", errUnparseableDate, b, dateWant)
		}
		return 0, fmt.Errorf("%w %q: %s", errUnparseableDate, b, dateWant)
	}
	s := dateScanner{b: b}
	var y, m, d int
	switch {
	case len(b) >= 9 && len(b) <= 13 && len(b) != 11 && s.digits(len(b), len(b)) >= 0:
		// Unix time: seconds (9 or 10 digits, 1973 to 2286) or
		// milliseconds (12 or 13), as event logs write it; the date in UTC.
		secs := int64(s.num)
		if len(b) >= 12 {
			secs /= 1000
		}
		p.noteForm(TimeUnix)
		return dayNumber(time.Unix(secs, 0).UTC()), nil
	case len(b) == 8 && s.digits(8, 8) >= 0:
		v := s.num
		y, m, d = v/10000, v/100%100, v%100
		p.noteForm(TimeCompact)
	case s.reset() && s.digits(4, 4) >= 0:
		y = s.num
		if s.expectText("年") {
			// Chinese: 2023年1月5日, with an optional time of day after a
			// space.
			ok := s.digits(1, 2) >= 0 && s.expectText("月")
			m = s.num
			ok = ok && s.digits(1, 2) >= 0 && s.expectText("日")
			d = s.num
			if !ok || !s.timeOfDay(false) {
				return unparseable()
			}
			p.noteForm(TimeOther)
			break
		}
		sep := s.sepByte()
		if sep == 0 || s.digits(1, 2) < 0 {
			return unparseable()
		}
		m = s.num
		if !s.expect(sep) || s.digits(1, 2) < 0 {
			return unparseable()
		}
		d = s.num
		if !s.timeOfDay(true) {
			return unparseable()
		}
		if isISODate(b) {
			p.noteForm(TimeISO)
		} else {
			p.noteForm(TimeYMD)
		}
	case s.reset() && monthNamed(&s, &y, &m, &d):
		p.noteForm(TimeOther)
	case len(b) > 5 && b[3] == ',' && isASCIILetters(b[:3]):
		// RFC 1123 / 822 with a weekday, as mail and some shop systems
		// write it: "Tue, 01 Jan 2019 19:19:32 +0000"; the date in its
		// own offset, as ISO date-times with an offset are read.
		for _, layout := range rfcLayouts {
			if t, err := time.Parse(layout, string(b)); err == nil {
				p.noteForm(TimeOther)
				return dayNumber(t), nil
			}
		}
		return unparseable()
	default:
		a, c, yy, ok := yearLast(b)
		if !ok {
			return unparseable()
		}
		y, p.sawYearLast = yy, true
		switch p.order {
		case DateDMY:
			d, m = a, c
			p.noteForm(TimeDMY)
		case DateMDY:
			m, d = a, c
			p.noteForm(TimeMDY)
		case DateAuto:
			// A date that is none in either order ("13/45/2010") is
			// refused as one: no order the log's other dates show, or
			// --date-order gives, would read it.
			if !calendarDate(y, c, a) && !calendarDate(y, a, c) {
				return 0, fmt.Errorf("%w %q", errNotCalendarDate, b)
			}
			return 0, errNeedOrder
		}
	}
	if !calendarDate(y, m, d) {
		return 0, fmt.Errorf("%w %q", errNotCalendarDate, b)
	}
	return dayNumber(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)), nil
}

// errNotCalendarDate is a dateParser's answer to a cell written as a date
// that is no calendar date: "2023-02-30", MySQL's "0000-00-00".
var errNotCalendarDate = errors.New("invalid calendar date")

// errUnparseableDate is a dateParser's answer to a cell written in none of
// the forms it reads (dateWant).
var errUnparseableDate = errors.New("unparseable date")

// errDayNumberAmongDates and errDateAmongDayNumbers are a dateParser's
// answers to a column that mixes dates and day numbers: a day number after
// dates, a date after day numbers.
var (
	errDayNumberAmongDates = errors.New("day number")
	errDateAmongDayNumbers = errors.New("date")
)

// badDate is the facts of a date cell the parser refused with err, nil
// for a refusal they do not cover.
func badDate(cell string, err error) Facts {
	switch {
	case cell == "":
		return BadDate{Problem: DateMissing}
	case errors.Is(err, errDayNumberAmongDates):
		return BadDate{Cell: cell, Problem: DateDayNumberAmongDates}
	case errors.Is(err, errDateAmongDayNumbers):
		return BadDate{Cell: cell, Problem: DateAmongDayNumbers}
	case errors.Is(err, errNotCalendarDate):
		return BadDate{Cell: cell, Problem: DateNotCalendar}
	case errors.Is(err, errUnparseableDate) && !(len(cell) <= 5 && onlyDigits(cell)):
		return BadDate{Cell: cell, Problem: DateUnparseable}
	}
	return nil
}

// errNeedOrder is a dateParser's answer, without a date order, to a date
// written with the year last: the log's other dates decide the order
// (orderlog_order.go).
var errNeedOrder = errors.New("day/month/year or month/day/year")

// yearLast reads a date written with the year last, "D/M/YYYY" or
// "M/D/YYYY" (any one of - / . between the numbers) with an optional
// H:MM[:SS], and returns its first two numbers and the year; ok is false
// for any other form.
func yearLast(b []byte) (a, c, y int, ok bool) {
	s := dateScanner{b: b}
	if s.digits(1, 2) < 0 {
		return 0, 0, 0, false
	}
	a = s.num
	sep := s.sepByte()
	if sep == 0 || s.digits(1, 2) < 0 {
		return 0, 0, 0, false
	}
	c = s.num
	if !s.expect(sep) || s.digits(4, 4) < 0 {
		return 0, 0, 0, false
	}
	y = s.num
	return a, c, y, s.timeOrClock12()
}

// dateScanner reads a timestamp left to right.
type dateScanner struct {
	b   []byte
	pos int
	num int
}

func (s *dateScanner) reset() bool { s.pos = 0; return true }

// digits reads between lo and hi digits into num, returning -1 when fewer
// than lo are there.
func (s *dateScanner) digits(lo, hi int) int {
	n, v := 0, 0
	for s.pos < len(s.b) && n < hi && s.b[s.pos] >= '0' && s.b[s.pos] <= '9' {
		v = v*10 + int(s.b[s.pos]-'0')
		s.pos++
		n++
	}
	if n < lo {
		return -1
	}
	s.num = v
	return n
}

// sepByte reads a date separator (- / .), returning 0 when there is none.
func (s *dateScanner) sepByte() byte {
	if s.pos < len(s.b) {
		if c := s.b[s.pos]; c == '-' || c == '/' || c == '.' {
			s.pos++
			return c
		}
	}
	return 0
}

func (s *dateScanner) expect(c byte) bool {
	if s.pos < len(s.b) && s.b[s.pos] == c {
		s.pos++
		return true
	}
	return false
}

// expectText reads text.
func (s *dateScanner) expectText(text string) bool {
	if end := s.pos + len(text); end <= len(s.b) && string(s.b[s.pos:end]) == text {
		s.pos += len(text)
		return true
	}
	return false
}

// zoneName reads " UTC" or " GMT" (as event logs such as REES46's write
// their times).
func (s *dateScanner) zoneName() bool {
	if rest := s.b[s.pos:]; string(rest) == " UTC" || string(rest) == " GMT" {
		s.pos = len(s.b)
		return true
	}
	return false
}

// timeOfDay accepts the end of input, or a space (or "T" when isoT) and
// H:MM[:SS[.fff]], then for ISO timestamps an optional Z or ±HH[:]MM.
func (s *dateScanner) timeOfDay(iso bool) bool {
	if s.pos == len(s.b) {
		return true
	}
	if !s.expect(' ') && !(iso && s.expect('T')) {
		return false
	}
	if s.digits(1, 2) < 0 || s.num > 23 || !s.expect(':') || s.digits(2, 2) < 0 || s.num > 59 {
		return false
	}
	if s.expect(':') {
		if s.digits(2, 2) < 0 || s.num > 60 {
			return false
		}
		if s.expect('.') && s.digits(1, 9) < 0 {
			return false
		}
	}
	if !iso || s.pos == len(s.b) {
		return s.pos == len(s.b)
	}
	if s.expect('Z') || s.zoneName() {
		return s.pos == len(s.b)
	}
	if !s.expect('+') && !s.expect('-') {
		return false
	}
	if s.digits(2, 2) < 0 || s.num > 23 {
		return false
	}
	s.expect(':')
	return s.digits(2, 2) >= 0 && s.num <= 59 && s.pos == len(s.b)
}

// clock12 reads, after a date, a space and H:MM[:SS] with AM or PM (either
// case), as US exports write times: "07:19:32 PM". The hour is 0 to 12.
func (s *dateScanner) clock12() bool {
	if !s.expect(' ') || s.digits(1, 2) < 0 || s.num > 12 || !s.expect(':') || s.digits(2, 2) < 0 || s.num > 59 {
		return false
	}
	if s.expect(':') && (s.digits(2, 2) < 0 || s.num > 60) {
		return false
	}
	s.expect(' ')
	rest := s.b[s.pos:]
	if len(rest) != 2 || (rest[1] != 'M' && rest[1] != 'm') {
		return false
	}
	switch rest[0] {
	case 'A', 'a', 'P', 'p':
		s.pos = len(s.b)
		return true
	}
	return false
}

// monthNames are the English months; a date may write one in full or by
// its first three letters ("Sep" and "Sept" both).
var monthNames = [...]string{"january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december"}

// monthNamed reads D-Mon-YYYY, "D Mon YYYY" or D/Mon/YYYY with an English
// month name or abbreviation in any case ("05-Jan-2023", "5 january 2023"),
// then an optional time of day (24-hour or with AM/PM), into y, m and d.
func monthNamed(s *dateScanner, y, m, d *int) bool {
	if s.digits(1, 2) < 0 {
		return false
	}
	*d = s.num
	sep := byte(0)
	if s.pos < len(s.b) {
		if c := s.b[s.pos]; c == '-' || c == ' ' || c == '/' {
			sep = c
			s.pos++
		}
	}
	start := s.pos
	for s.pos < len(s.b) && (s.b[s.pos]|0x20) >= 'a' && (s.b[s.pos]|0x20) <= 'z' {
		s.pos++
	}
	*m = monthNumber(string(s.b[start:s.pos]))
	if sep == 0 || *m == 0 || !s.expect(sep) || s.digits(4, 4) < 0 {
		return false
	}
	*y = s.num
	return s.timeOrClock12()
}

// timeOrClock12 reads the end of a date written with the year last: the
// end of input, or a time of day as timeOfDay (not ISO) or clock12 read it.
func (s *dateScanner) timeOrClock12() bool {
	save := s.pos
	if s.timeOfDay(false) {
		return true
	}
	s.pos = save
	return s.clock12()
}

// monthNumber returns the month (1–12) an English name or its three-letter
// abbreviation (any case, "Sept" too) names, or 0.
func monthNumber(name string) int {
	if len(name) < 3 {
		return 0
	}
	lower := strings.ToLower(name)
	for i, full := range monthNames {
		if lower == full || lower == full[:3] || (i == 8 && lower == "sept") {
			return i + 1
		}
	}
	return 0
}

// rfcLayouts are the RFC 1123 / 822 forms with a weekday that dates are
// read in (day of month with or without a leading zero, a numeric offset
// or a zone name, or no time).
var rfcLayouts = []string{time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 02 Jan 2006 15:04 -0700", "Mon, 2 Jan 2006 15:04 -0700", "Mon, 02 Jan 2006", "Mon, 2 Jan 2006"}

// isASCIILetters reports whether b holds only ASCII letters.
func isASCIILetters(b []byte) bool {
	for _, c := range b {
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return true
}
