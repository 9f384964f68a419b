package data

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// A log that writes its dates with the year last ("12/1/2010 8:26") does
// not say whether the day or the month comes first; one date with a first
// number above 12 says day first, one with a second number above 12 says
// month first. Without LogOptions.DateOrder, ReadOrderLog reads a log's
// dates as written until it meets the first such date, then reads only the
// date column of the rest to find the order (dateEvidence) and, when one
// is found, reads the log again with it. A file can be read twice; a
// stream cannot, and is refused with the order it would have taken.

// String names the order as the CLI's --date-order takes it ("dmy", "mdy";
// "" for DateAuto).
func (o DateOrder) String() string {
	switch o {
	case DateDMY:
		return "dmy"
	case DateMDY:
		return "mdy"
	}
	return ""
}

// Words says the order in words: "day first (day/month/year)", "month
// first (month/day/year)"; "" for DateAuto.
func (o DateOrder) Words() string {
	switch o {
	case DateDMY:
		return "day first (day/month/year)"
	case DateMDY:
		return "month first (month/day/year)"
	}
	return ""
}

// ParseDateOrder reads "dmy" or "mdy" (any case; "" is DateAuto).
func ParseDateOrder(s string) (DateOrder, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return DateAuto, nil
	case "dmy":
		return DateDMY, nil
	case "mdy":
		return DateMDY, nil
	}
	return DateAuto, fmt.Errorf("date order %q: want dmy (day/month/year) or mdy (month/day/year)", s)
}

// dateEvidence is what a log's year-last dates say about their order: the
// first of them, the first whose first number cannot be a month (day
// first), the first whose second number cannot (month first), and the
// first that is no date in either order ("13/45/2010").
type dateEvidence struct {
	first, dayFirst, monthFirst, invalid cellAt
	// tally counts the dates and spans their range in each order
	// (orderlog_order_weak.go).
	tally orderTally
}

// add records the year-last date b read at line and column col.
func (e *dateEvidence) add(b []byte, line, col int) {
	a, c, y, ok := yearLast(b)
	if !ok {
		return
	}
	at := cellAt{line: line, col: col}
	if !e.first.set() {
		at.text = string(b)
		e.first = at
	}
	e.tally.add(a, c, y)
	if !calendarDate(y, c, a) && !calendarDate(y, a, c) {
		// No date in either order ("30/2/2010"): no evidence of one.
		if !e.invalid.set() {
			at.text = string(b)
			e.invalid = at
		}
		return
	}
	if a > 12 && c <= 12 && !e.dayFirst.set() {
		at.text = string(b)
		e.dayFirst = at
	}
	if c > 12 && a <= 12 && !e.monthFirst.set() {
		at.text = string(b)
		e.monthFirst = at
	}
}

// orderFound is the error that ends a log's first reading once its dates
// have shown their order: the log is to be read again with it.
type orderFound struct {
	order DateOrder
	// by is the first date that showed it.
	by cellAt
	// assumed says that no date showed it: it is
	// LogOptions.DateOrderIfUnknown.
	assumed bool
	// weak is set when few of the dates showed it (WeakDateOrder).
	weak *WeakDateOrder
}

func (f *orderFound) Error() string {
	return fmt.Sprintf("date %q at line %d: the log writes its dates %s first", f.by.text, f.by.line, f.dayOrMonth())
}

func (f *orderFound) dayOrMonth() string {
	if f.order == DateDMY {
		return "day"
	}
	return "month"
}

// findDateOrder reads the date column of the current record and the rest,
// after a date that needs an order, and returns an *orderFound, or a
// *ParseError when the dates do not tell the order or disagree. want is the
// header's field count: a record with another is refused as line does.
func (p *logParser) findDateOrder(want int) error {
	var e dateEvidence
	col := p.cols.time
	var err error
	for ; err == nil; err = p.src.next() {
		if err := p.ragged(want); err != nil {
			return err
		}
		e.add(trimSpace(p.src.field(col)), p.src.line(), col+1)
		if e.dayFirst.set() && e.monthFirst.set() {
			break
		}
	}
	if err != nil && err != io.EOF {
		return wrapReadErr(p.name, err)
	}
	switch d, m := e.dayFirst, e.monthFirst; {
	case d.set() && m.set():
		later, earlier, how := m, d, "day/month/year"
		if d.line > m.line {
			later, earlier, how = d, m, "month/day/year"
		}
		pe := parseErr(p.name, later.line, later.col, ErrBadDate, fmt.Sprintf(
			"date %q cannot be %s, as line %d (%q) is: the log mixes day-first and month-first dates",
			later.text, how, earlier.line, earlier.text))
		pe.Facts = DateOrderUnknown{Cell: later.text, Other: earlier.text, OtherLine: earlier.line, DayFirst: how == "day/month/year"}
		return pe
	case d.set():
		return &orderFound{order: DateDMY, by: d, weak: e.tally.weak(DateDMY)}
	case m.set():
		return &orderFound{order: DateMDY, by: m, weak: e.tally.weak(DateMDY)}
	}
	f := e.first
	if p.opts.DateOrderIfUnknown != DateAuto {
		return &orderFound{order: p.opts.DateOrderIfUnknown, by: f, assumed: true}
	}
	if v := e.invalid; v.set() {
		// Whatever order were given, this date would be refused: say so,
		// not that the order is unknown.
		pe := parseErr(p.name, v.line, v.col, ErrBadDate, fmt.Sprintf("%v %q", errNotCalendarDate, v.text))
		pe.Facts = BadDate{Cell: v.text, Problem: DateNotCalendar}
		return pe
	}
	pe := parseErr(p.name, f.line, f.col, ErrBadDate, fmt.Sprintf(
		"ambiguous date %q: day/month/year or month/day/year? no date in the log has a number above 12 "+
			"to tell; give the date order (--date-order dmy or mdy)", f.text))
	pe.Facts = DateOrderUnknown{Cell: f.text}
	return pe
}

// orderStreamError is the refusal of a stream whose date order was found
// (or assumed) by its first reading: it cannot be read again to apply it.
func orderStreamError(name string, found *orderFound) error {
	if found.assumed {
		return parseErr(name, found.by.line, found.by.col, ErrBadDate, fmt.Sprintf(
			"date %q: no date in the log has a number above 12 to show the date order, and a stream cannot be read twice to apply %s; give the date order (--date-order %s)",
			found.by.text, found.order, found.order))
	}
	return parseErr(name, found.by.line, found.by.col, ErrBadDate, fmt.Sprintf(
		"date %q: the log writes its dates %s first, but a stream cannot be read twice to apply it; "+
			"give the date order (--date-order %s)", found.by.text, found.dayOrMonth(), found.order))
}

// noteOrderFound records on log how its date order was found.
func noteOrderFound(log *OrderLog, found *orderFound) {
	log.dateAssumed = found.assumed
	if !found.assumed {
		log.dateShownBy = fmt.Sprintf("%q at line %s", found.by.text, Thousands(found.by.line))
		log.weakOrder = found.weak
	}
}

// DateOrderFound reports that the log's own dates showed the order of its
// dates written with the year last (orderlog_order.go), rather than
// LogOptions.DateOrder or DateOrderIfUnknown.
func (l *OrderLog) DateOrderFound() bool { return l.dateShownBy != "" }

// DateNote says in words how the log's dates written with the year last
// were read, or returns "" when it has none: `dates written with the year
// last read month first (month/day/year), as "12/13/2010 9:02" at line
// 26,734 shows`.
func (l *OrderLog) DateNote() string {
	how := l.DateOrder.Words()
	if how == "" {
		return ""
	}
	s := "dates written with the year last read " + how
	switch {
	case l.dateShownBy != "":
		s += ", as " + l.dateShownBy + " shows"
	case l.dateAssumed:
		s += ", as assumed: no date in the log has a number above 12 to show the order"
	}
	return s
}

// isOrderFound reports whether err ends a first reading with the order
// found.
func isOrderFound(err error) (*orderFound, bool) {
	var f *orderFound
	ok := errors.As(err, &f)
	return f, ok
}
