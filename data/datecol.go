package data

import (
	"fmt"
	"math"
	"time"
)

// A per-user table often carries dates (a signup date, the last order, the
// last login): the strongest churn signals it has, as tenure and recency.
// A text column whose every present cell is a date the order-log parser
// reads (dateParser.day) becomes a numeric column of day numbers marked
// Date; the pipeline then feeds the model the days before the column's
// k-anonymous latest date (PipelineColumn.Date).

// DateDoubt says why a column of dates was left as text.
type DateDoubt int

const (
	// DateDoubtNone: the column is not dates, or was read as dates.
	DateDoubtNone DateDoubt = iota
	// DateDoubtOrder: every date is written with the year last and none
	// has a first or second number above 12 to tell the day from the month.
	DateDoubtOrder
	// DateDoubtMixed: some dates are written day first and others month
	// first (Reason.DateFirst and Reason.DateSecond quote one of each).
	DateDoubtMixed
	// DateDoubtAgainst: the date order given (CSVOptions.DateOrder,
	// Reason.DateGiven) does not read a date written with the year last
	// that the other order reads (Reason.DateFirst quotes it: "12/25/2021"
	// given day first).
	DateDoubtAgainst
)

// dateDoubt is why datesOf did not read a column's levels as dates: the
// doubt, the dates it quotes and the order given.
type dateDoubt struct {
	doubt         DateDoubt
	first, second string
	given         DateOrder
}

// datesOf reads a text column's distinct levels as dates, those written
// with the year last in the order given (DateAuto: the order their own
// dates show). It returns the day number of every level and the order of
// those written with the year last; ok is false when some level is not a
// date (or is only digits: a number, not a date) or when the year-last
// dates do not show one order or contradict the order given (why says
// which and quotes the dates).
func datesOf(levels []string, given DateOrder) (days map[string]int32, order DateOrder, why dateDoubt, ok bool) {
	days = make(map[string]int32, len(levels))
	var evidence dateEvidence
	var yearLastLevels []string
	parser := dateParser{order: given}
	for i, s := range levels {
		if onlyDigits(s) {
			return nil, DateAuto, dateDoubt{}, false
		}
		d, err := parser.day([]byte(s))
		switch {
		case err == errNeedOrder:
			evidence.add([]byte(s), i+1, 1)
			yearLastLevels = append(yearLastLevels, s)
		case err != nil && given != DateAuto && otherOrderReads(s):
			return nil, DateAuto, dateDoubt{doubt: DateDoubtAgainst, first: s, given: given}, false
		case err != nil:
			return nil, DateAuto, dateDoubt{}, false
		default:
			days[s] = d
		}
	}
	if len(yearLastLevels) == 0 {
		if parser.sawYearLast {
			order = given
		}
		return days, order, dateDoubt{}, true
	}
	switch d, m := evidence.dayFirst, evidence.monthFirst; {
	case d.set() && m.set():
		return nil, DateAuto, dateDoubt{doubt: DateDoubtMixed, first: d.text, second: m.text}, false
	case d.set():
		order = DateDMY
	case m.set():
		order = DateMDY
	default:
		return nil, DateAuto, dateDoubt{doubt: DateDoubtOrder, first: evidence.first.text}, false
	}
	parser.order = order
	for _, s := range yearLastLevels {
		d, err := parser.day([]byte(s))
		if err != nil {
			// "31/2/2023": a day-first date that is no calendar date.
			return nil, DateAuto, dateDoubt{}, false
		}
		days[s] = d
	}
	return days, order, dateDoubt{}, true
}

// otherOrderReads reports whether s is a date written with the year last
// that is a calendar date read month first, or read day first.
func otherOrderReads(s string) bool {
	a, c, y, ok := yearLast([]byte(s))
	return ok && (calendarDate(y, c, a) || calendarDate(y, a, c))
}

// Other is the other order of dates written with the year last: DateMDY
// for DateDMY and the reverse; DateAuto for DateAuto.
func (o DateOrder) Other() DateOrder {
	switch o {
	case DateDMY:
		return DateMDY
	case DateMDY:
		return DateDMY
	}
	return DateAuto
}

// onlyDigits reports whether s is a run of ASCII digits.
func onlyDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// dateColumn makes the column of strs (levels its distinct present cells)
// a date column: Numeric with day numbers, or Constant when every date is
// the same day.
func dateColumn(name string, strs []string, days map[string]int32, order DateOrder, missing int) *Column {
	c := &Column{Name: name, Kind: Numeric, Date: true, DateOrder: order, Missing: missing,
		Values: make([]float64, len(strs))}
	first, distinct := int32(0), 0
	for i, s := range strs {
		if s == "" {
			c.Values[i] = math.NaN()
			continue
		}
		d := days[s]
		c.Values[i] = float64(d)
		if distinct == 0 {
			first, distinct = d, 1
		} else if d != first {
			distinct = 2
		}
	}
	if distinct == 1 {
		c.Kind, c.Levels = Constant, []string{FormatDay(float64(first))}
		c.explain(Reason{Kind: ReasonSingleValue})
	}
	return c
}

// FormatDay writes a day number (days since 1970-01-01, as a date
// column's Values hold them) as YYYY-MM-DD, rounded to the nearest day: a
// fitted bound is a mean of days and may fall between two.
func FormatDay(day float64) string {
	if !finite(day) || math.Abs(day) > 1e8 {
		return FormatStatistic(day)
	}
	return dayTime(int32(math.Round(day))).Format(time.DateOnly)
}

// MarshalText writes the order as String does ("dmy", "mdy"), so that a
// saved pipeline's date column names its order in words.
func (o DateOrder) MarshalText() ([]byte, error) {
	if o < DateAuto || o > DateMDY {
		return nil, fmt.Errorf("cannot encode date order %d", int(o))
	}
	return []byte(o.String()), nil
}

// UnmarshalText parses an order written by MarshalText.
func (o *DateOrder) UnmarshalText(b []byte) error {
	v, err := ParseDateOrder(string(b))
	if err != nil {
		return err
	}
	*o = v
	return nil
}

// dateNote says how a feature column of dates is used: `t.csv: column
// "signup_date": dates from 2014-01-01 to 2024-01-31, used as days before
// the training rows' latest date`, with the order of dates written with
// the year last when it has some.
func dateNote(source string, c *Column) string {
	lo, hi := valueRange(c.Values)
	s := fmt.Sprintf("%s: column %q: dates from %s to %s, used as days before the training rows' latest date",
		source, c.Name, FormatDay(lo), FormatDay(hi))
	if how := c.DateOrder.Words(); how != "" {
		s += "; dates written with the year last read " + how
	}
	if c.DateNumbers {
		s += "; its whole numbers read as dates written YYYYMMDD"
	}
	return s
}
