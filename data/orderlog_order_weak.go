package data

import (
	"fmt"
	"time"
)

// One date with a first number above 12 shows that a log writes its dates
// day first, and ReadOrderLog reads the whole log so. When it is one line
// among thousands whose dates fit either order, it is as likely a typo in
// a month-first log as the only witness of a day-first one, and the two
// readings give different calendars (9,545 month-first dates read day
// first run from 2010-01-12 to 2011-12-13, not 2010-12-01 to 2011-12-09).
// The log is still read in the order shown, but OrderLog.WeakDateOrder
// says how thin the evidence is and what the other order would give.
//
// The evidence is weak when fewer than 1 % of the year-last dates show
// the order, or when a single one does among 20 or more. A genuine log
// shows its order on many lines: day-first dates of days 13–31 are about
// 60 % of a log spread evenly over the month, and a log confined to the
// first 13 days of its months still shows it on 1 line in 13 (7.7 %); a
// share under 1 % is what stray typos give. One line among 20 or more is
// weak whatever the share: one keystroke decides the whole calendar.

// weakShareDivisor and weakSingleFrom set the rule above: weak below 1 in
// weakShareDivisor of the dates, or a single witness among weakSingleFrom
// or more.
const (
	weakShareDivisor = 100
	weakSingleFrom   = 20
)

// orderTally counts a log's year-last dates, those that show each order,
// and spans their range read in each order (dates valid in it only).
type orderTally struct {
	dates, dayFirst, monthFirst int
	dmy, mdy                    dateSpan
}

// dateSpan is the first and last of some dates, as yyyymmdd.
type dateSpan struct{ lo, hi int }

func (s *dateSpan) add(y, m, d int) {
	v := y*10000 + m*100 + d
	if s.lo == 0 || v < s.lo {
		s.lo = v
	}
	if v > s.hi {
		s.hi = v
	}
}

func (s dateSpan) times() (time.Time, time.Time) {
	at := func(v int) time.Time { return time.Date(v/10000, time.Month(v/100%100), v%100, 0, 0, 0, 0, time.UTC) }
	return at(s.lo), at(s.hi)
}

// add counts the year-last date a/c/y.
func (t *orderTally) add(a, c, y int) {
	t.dates++
	dmy, mdy := calendarDate(y, c, a), calendarDate(y, a, c)
	if dmy {
		t.dmy.add(y, c, a)
	}
	if mdy {
		t.mdy.add(y, a, c)
	}
	if dmy && !mdy {
		t.dayFirst++
	}
	if mdy && !dmy {
		t.monthFirst++
	}
}

// weak returns the WeakDateOrder of a log read in order o, or nil when
// its dates show o broadly enough.
func (t *orderTally) weak(o DateOrder) *WeakDateOrder {
	shown, read, other, otherOrder := t.dayFirst, t.dmy, t.mdy, DateMDY
	if o == DateMDY {
		shown, read, other, otherOrder = t.monthFirst, t.mdy, t.dmy, DateDMY
	}
	if shown == 0 || other.lo == 0 || (shown*weakShareDivisor >= t.dates && !(shown == 1 && t.dates >= weakSingleFrom)) {
		return nil
	}
	w := &WeakDateOrder{Order: o, Other: otherOrder, Shown: shown, Dates: t.dates}
	w.First, w.Last = read.times()
	w.OtherFirst, w.OtherLast = other.times()
	return w
}

// WeakDateOrder says that few of a log's dates written with the year last
// showed the order they were read in: Shown of its Dates (the first of
// them OrderLog.DateNote names). Read in Order they run First .. Last;
// read in Other (leaving out the Shown dates, which are no date in it),
// OtherFirst .. OtherLast.
type WeakDateOrder struct {
	Name                               string
	Order, Other                       DateOrder
	Shown, Dates                       int
	ShownBy                            string
	First, Last, OtherFirst, OtherLast time.Time
}

// WeakDateOrder is set when the log's date order rests on few of its
// dates (see the comment above); nil otherwise, and when the order was
// given or assumed.
func (l *OrderLog) WeakDateOrder() *WeakDateOrder {
	if l.weakOrder == nil {
		return nil
	}
	w := *l.weakOrder
	w.Name, w.ShownBy = l.Name, l.dateShownBy
	return &w
}

// String is the warning in English.
func (w WeakDateOrder) String() string {
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	lines, typo := "1 date of "+Thousands(w.Dates)+" ("+w.ShownBy+")", "it is a typo"
	if w.Shown > 1 {
		lines, typo = Thousands(w.Shown)+" dates of "+Thousands(w.Dates)+" (the first "+w.ShownBy+")", "they are typos"
	}
	return fmt.Sprintf("%s: the dates written with the year last were all read %s because only %s can be nothing else: "+
		"read so they run %s .. %s, read %s the others would run %s .. %s; if %s, "+
		"give the order with --date-order %s (or --date-order %s to keep this reading)",
		w.Name, w.Order.Words(), lines, day(w.First), day(w.Last), w.Other.Words(), day(w.OtherFirst), day(w.OtherLast),
		typo, w.Other, w.Order)
}
