package data

import (
	"fmt"
	"time"
)

// Dates far before the rest of an order log (a mistyped year, "0001-01-01"
// or "1900-…" among orders of 1997) are found by a gap rule: the earliest
// lines are set apart when at most 1 % of the log's lines (so none in a
// log of fewer than 100 lines; at most earlyKeep - 1) lie before a gap in its dates that is longer than a
// year and longer than all the rest of the log spans. A log whose dates
// all lie close together, or whose early dates are many, has none.

// earlyKeep bounds how many of the earliest dated lines the reader keeps.
const earlyKeep = 64

// datedLine is a line's date (days since 1970-01-01), its line and the
// column of its date (1-based).
type datedLine struct {
	Day       int32
	Line, Col int
}

// earliest keeps the earlyKeep earliest dated lines, sorted by day.
type earliest []datedLine

// add records a dated line.
func (e *earliest) add(d datedLine) {
	s := *e
	if len(s) == earlyKeep && d.Day >= s[len(s)-1].Day {
		return
	}
	i := len(s)
	for i > 0 && s[i-1].Day > d.Day {
		i--
	}
	if len(s) < earlyKeep {
		s = append(s, datedLine{})
	}
	copy(s[i+1:], s[i:len(s)-1])
	s[i] = d
	*e = s
}

// EarlyDated describes the lines of an order log dated far before the
// rest of it (see the gap rule above): Early of Lines lines, the first
// of them (by date) at Line, Col dated Day; the rest of the log runs
// RestFirst .. Last.
type EarlyDated struct {
	Name                 string
	Early, Lines         int
	Line, Col            int
	Day, RestFirst, Last time.Time
}

// String is the description in English.
func (e EarlyDated) String() string {
	verb := "is"
	if e.Early != 1 {
		verb = "are"
	}
	return fmt.Sprintf("%s: %s of %s lines %s dated far before the rest of the log (the earliest: line %d, column %d, %s; the rest run %s .. %s): "+
		"a mistyped year? Correct or remove such lines: cohorts, features and charts count from the earliest date",
		e.Name, Thousands(e.Early), Thousands(e.Lines), verb, e.Line, e.Col, e.Day.Format(time.DateOnly),
		e.RestFirst.Format(time.DateOnly), e.Last.Format(time.DateOnly))
}

// EarlyDated describes the lines dated far before the rest of the log,
// or returns nil when there are none.
func (l *OrderLog) EarlyDated() *EarlyDated {
	e := l.earliest
	limit := min(l.Lines/100, len(e)-1)
	last := int32(DayNumber(l.Last))
	for k := limit; k >= 1; k-- {
		gap, rest := e[k].Day-e[k-1].Day, last-e[k].Day
		if gap > 365 && gap > rest {
			return &EarlyDated{Name: l.Name, Early: k, Lines: l.Lines, Line: e[0].Line, Col: e[0].Col,
				Day: dayTime(e[0].Day), RestFirst: dayTime(e[k].Day), Last: l.Last}
		}
	}
	return nil
}
