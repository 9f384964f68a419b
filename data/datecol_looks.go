package data

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// A text column can look like dates that the date reader (dateParser)
// does not read: two-digit years ("04/03/21"), the month name before the
// day ("Mar 04, 2021"), or whole numbers ("20210304") among dates written
// otherwise. Such a column stays text, but its reason says it looks like
// dates and why they were not read (Reason.DateUnread), so that the user
// can write them in a form that is read. The forms are recognised by the
// reader's own dateScanner, not parsed as dates.

// The ways of writing dates a column's Reason.DateUnread quotes, by index.
const (
	// DateUnreadTwoDigitYear: a date with a two-digit year ("04/03/21").
	DateUnreadTwoDigitYear = iota
	// DateUnreadMonthFirst: the month name before the day ("Mar 04, 2021").
	DateUnreadMonthFirst
	// DateUnreadNumber: a whole number written YYYYMMDD ("20210304")
	// among dates written otherwise.
	DateUnreadNumber
	// DateUnreadForms counts the ways.
	DateUnreadForms
)

// unreadDates looks at the levels of a text column that were not read as
// dates. It returns the first level of each way of writing dates that the
// reader does not read (DateUnreadTwoDigitYear …) and the levels the reader
// does read as dates (year last in some order, or no calendar date such as
// 2023-02-30, included); ok is false unless every level is one or the
// other and at least one is not read.
func unreadDates(levels []string) (unread [DateUnreadForms]string, readable []string, ok bool) {
	var parser dateParser
	found := false
	for _, s := range levels {
		b := []byte(s)
		form := -1
		switch {
		case onlyDigits(s):
			if yyyymmddText(s) {
				form = DateUnreadNumber
			}
		case twoDigitYear(b):
			form = DateUnreadTwoDigitYear
		case monthNameFirst(b):
			form = DateUnreadMonthFirst
		}
		if form >= 0 {
			if unread[form] == "" {
				unread[form] = s
			}
			found = true
			continue
		}
		if _, err := parser.day(b); err != nil && err != errNeedOrder && !isNotCalendarDate(err) {
			return unread, nil, false
		}
		readable = append(readable, s)
	}
	return unread, readable, found
}

// isNotCalendarDate reports whether err is a dateParser's answer to a date
// that is no calendar date.
func isNotCalendarDate(err error) bool {
	return errors.Is(err, errNotCalendarDate)
}

// yyyymmddText reports whether s, eight digits, writes a calendar date
// YYYYMMDD of the years 1000 to 2999.
func yyyymmddText(s string) bool {
	if len(s) != 8 {
		return false
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return false
	}
	y, m, d := n/10000, n/100%100, n%100
	return y >= 1000 && y <= 2999 && calendarDate(y, m, d)
}

// twoDigitYear reports whether b is written as a date with the year last
// in two digits ("04/03/21", "4-3-21 10:30", "05-Jan-23"), a calendar date
// in some order of its numbers.
func twoDigitYear(b []byte) bool {
	s := dateScanner{b: b}
	if s.digits(1, 2) < 0 {
		return false
	}
	a := s.num
	sep := s.sepByte()
	if sep == 0 {
		return false
	}
	start := s.pos
	for s.pos < len(b) && (b[s.pos]|0x20) >= 'a' && (b[s.pos]|0x20) <= 'z' {
		s.pos++
	}
	if s.pos > start {
		// A month name: "05-Jan-23".
		m := monthNumber(string(b[start:s.pos]))
		if m == 0 || !s.expect(sep) || s.digits(2, 2) < 0 {
			return false
		}
		y := s.num
		return s.timeOrClock12() && calendarDate(2000+y, m, a)
	}
	if s.digits(1, 2) < 0 {
		return false
	}
	c := s.num
	if !s.expect(sep) || s.digits(2, 2) < 0 {
		return false
	}
	y := s.num
	if !s.timeOrClock12() {
		return false
	}
	return calendarDate(2000+y, c, a) || calendarDate(2000+y, a, c) || calendarDate(2000+a, c, y)
}

// monthNameFirst reports whether b is written as a date with an English
// month name before the day and a four-digit year ("Mar 04, 2021",
// "March 4 2021", "Mar-04-2021"), a calendar date.
func monthNameFirst(b []byte) bool {
	s := dateScanner{b: b}
	for s.pos < len(b) && (b[s.pos]|0x20) >= 'a' && (b[s.pos]|0x20) <= 'z' {
		s.pos++
	}
	m := monthNumber(string(b[:s.pos]))
	if m == 0 {
		return false
	}
	s.expect('.') // "Sept. 4, 2021"
	sep := s.sepByte()
	if sep == 0 && s.expect(' ') {
		sep = ' '
	}
	if sep == 0 || s.digits(1, 2) < 0 {
		return false
	}
	d := s.num
	if sep == ' ' {
		s.expect(',')
		if !s.expect(' ') {
			return false
		}
	} else if !s.expect(sep) {
		return false
	}
	if s.digits(4, 4) < 0 {
		return false
	}
	y := s.num
	return s.timeOrClock12() && calendarDate(y, m, d)
}

// unreadDatesString says in English that a column looks like dates the
// reader does not read, quoting one of each form, and how to write them
// so that they are read ("" when r quotes none).
func (r Reason) unreadDatesString() string {
	var forms []string
	for i, s := range r.DateUnread {
		if s == "" {
			continue
		}
		switch i {
		case DateUnreadTwoDigitYear:
			forms = append(forms, fmt.Sprintf("with two-digit years (%q), which leave the century unsaid", s))
		case DateUnreadMonthFirst:
			forms = append(forms, fmt.Sprintf("with the month name before the day (%q)", s))
		case DateUnreadNumber:
			forms = append(forms, fmt.Sprintf("as whole numbers (%q) among dates written otherwise", s))
		}
	}
	if len(forms) == 0 {
		return ""
	}
	return "its values look like dates, but some are written in forms not read as dates: " + strings.Join(forms, ", ") +
		"; write the dates as YYYY-MM-DD (or 4 Mar 2021) to read the column as dates"
}

// HasDates reports whether r says why a column that looks like dates was
// left as text (Dates, DateUnread).
func (r Reason) HasDates() bool {
	return r.Dates != DateDoubtNone || r.DateUnread != [DateUnreadForms]string{}
}
