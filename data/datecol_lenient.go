package data

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode"
)

// Two ways a per-user table writes dates that datesOf alone does not read:
//
//   - a few cells written as dates that are no calendar dates: a typo such
//     as 2023-02-30, or MySQL's 0000-00-00 for "no date". They are read as
//     missing, and the column's note counts them and quotes the first.
//   - whole numbers written YYYYMMDD (20170130) in a column named like a
//     date: read as those dates, and the note says so.

// notCalendarDate reports whether a trimmed cell is written as a date but
// is no calendar date: year first ("2023-02-30", "0000-00-00 00:00:00"),
// with a month name ("30-Feb-2023"), or with the year last and invalid in
// both orders ("31/02/2023", "00/00/0000"). A cheap look at its first
// bytes spares the date parser cells that cannot be dates.
func notCalendarDate(t []byte) bool {
	if len(t) < 8 || len(t) > 40 || !isDigit(t[0]) || !isDigit(t[1]) && !isDateSep(t[1]) {
		return false
	}
	if onlyDigits(string(t)) {
		return false // a number: YYYYMMDD numbers are read apart
	}
	var p dateParser
	_, err := p.day(t)
	if errors.Is(err, errNotCalendarDate) {
		return true
	}
	if err != errNeedOrder {
		return false
	}
	a, c, y, _ := yearLast(t)
	return !calendarDate(y, c, a) && !calendarDate(y, a, c)
}

func isDigit(c byte) bool   { return c >= '0' && c <= '9' }
func isDateSep(c byte) bool { return c == '-' || c == '/' || c == '.' || c == ' ' }

// calendarDate reports whether y-m-d is a date of the calendar (year 1 on).
func calendarDate(y, m, d int) bool {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return y >= 1 && t.Year() == y && int(t.Month()) == m && t.Day() == d
}

// noteBadDate records the first cell of a text column (while its levels
// are new) that is written as a date but is none, for the note of a date
// column that reads it as missing.
func (b *columnBuilder) noteBadDate(t []byte, line, col int) {
	if !b.badDate.set() && notCalendarDate(t) {
		b.badDate = cellAt{line: line, col: col, text: string(t)}
	}
}

// joinBadDate keeps the first bad date of the parts in file order.
func (b *columnBuilder) joinBadDate(parts []*columnBuilder) {
	for _, p := range parts {
		if b.badDate.set() {
			return
		}
		b.badDate = p.badDate
	}
}

// datesWithInvalid reads a text column of dates with some cells that are
// no calendar dates (notCalendarDate): those are read as missing, counted
// in Column.DateInvalid. It returns nil unless every other level is a date
// datesOf reads (in the order given) and the column has more cells of
// calendar dates than not; why is then datesOf's doubt about the others
// when it did not read them.
func datesWithInvalid(name string, b *columnBuilder, strs, levels []string, given DateOrder) (c *Column, why dateDoubt) {
	var good []string
	bad := make(map[string]bool)
	for _, s := range levels {
		if notCalendarDate([]byte(s)) {
			bad[s] = true
		} else {
			good = append(good, s)
		}
	}
	if len(bad) == 0 || len(good) == 0 {
		return nil, why
	}
	days, order, why, ok := datesOf(good, given)
	if !ok {
		return nil, why
	}
	invalid := 0
	for _, s := range strs {
		if bad[s] {
			invalid++
		}
	}
	if 2*invalid >= len(strs)-b.missing {
		return nil, dateDoubt{}
	}
	clean := make([]string, len(strs))
	for i, s := range strs {
		if !bad[s] {
			clean[i] = s
		}
	}
	c = dateColumn(name, clean, days, order, b.missing+invalid)
	c.DateInvalid, c.dateInvalidAt = invalid, b.badDate
	if !c.dateInvalidAt.set() {
		for _, s := range levels { // not tracked (too many levels): quote one
			if bad[s] {
				c.dateInvalidAt.text = s
				break
			}
		}
	}
	return c, dateDoubt{}
}

// invalidDatesNote says how many cells of a date column were no calendar
// dates, read as missing.
func invalidDatesNote(source string, c *Column) string {
	cells := "cells are"
	if c.DateInvalid == 1 {
		cells = "cell is"
	}
	at := c.dateInvalidAt
	where := fmt.Sprintf("the first %q", at.text)
	if at.set() {
		where += fmt.Sprintf(" at line %d, column %d", at.line, at.col)
	}
	return fmt.Sprintf("%s: column %q: %d %s written as dates but no calendar dates (%s), read as missing",
		source, c.Name, c.DateInvalid, cells, where)
}

// dateLikeName reports whether a column's name says it holds dates: it
// contains "date", "time" or 日期, or has the word "dt" (txn_dt).
func dateLikeName(name string) bool {
	lower := strings.ToLower(name)
	if strings.Contains(lower, "date") || strings.Contains(lower, "time") || strings.Contains(name, "日期") {
		return true
	}
	words := strings.FieldsFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, w := range words {
		if w == "dt" {
			return true
		}
	}
	return false
}

// yyyymmddColumn reads a numeric column named like a date whose present
// values are all whole numbers written YYYYMMDD of calendar dates (years
// 1000 to 2999) as a date column; nil otherwise, or when it holds a single
// value.
func yyyymmddColumn(name string, values []float64, missing int) *Column {
	if !dateLikeName(name) {
		return nil
	}
	days := make(map[float64]int32)
	for _, v := range values {
		if _, seen := days[v]; seen || math.IsNaN(v) {
			continue
		}
		day, ok := yyyymmddDay(v)
		if !ok || v > 29991231 || math.IsNaN(day) {
			return nil
		}
		days[v] = int32(day)
	}
	if len(days) < 2 {
		return nil
	}
	out := make([]float64, len(values))
	for i, v := range values {
		out[i] = math.NaN()
		if !math.IsNaN(v) {
			out[i] = float64(days[v])
		}
	}
	return &Column{Name: name, Kind: Numeric, Date: true, DateNumbers: true, Missing: missing, Values: out}
}

// numbersAsDates reads a numeric column of new rows for a date column of a
// pipeline (one read from YYYYMMDD numbers, say): each whole number as the
// date it writes YYYYMMDD, NaN as missing.
func numbersAsDates(pc *PipelineColumn, c *Column, source string) ([]float64, error) {
	out := make([]float64, len(c.Values))
	for i, v := range c.Values {
		if math.IsNaN(v) {
			out[i] = v
			continue
		}
		d, ok := yyyymmddDay(v)
		if !ok {
			return nil, cellParseErr(&ParseError{File: source, Where: fmt.Sprintf("row %d, column %q", i+1, c.Name), At: &Place{Row: int64(i + 1), Column: c.Name}, Err: ErrNotNumeric},
				&CellError{Column: c.Name, Expected: pc.expected(), Got: quoteCut([]byte(FormatStatistic(v)))})
		}
		out[i] = d
	}
	return out, nil
}

// yyyymmddDay reads a whole number of eight digits as the date it writes
// YYYYMMDD: its day number, or NaN when it is no calendar date (20230230),
// as a date cell that is none reads; ok is false for any other number.
func yyyymmddDay(v float64) (day float64, ok bool) {
	if v != math.Trunc(v) || v < 1e7 || v >= 1e8 {
		return 0, false
	}
	n := int(v)
	y, m, d := n/10000, n/100%100, n%100
	if !calendarDate(y, m, d) {
		return math.NaN(), true
	}
	return float64(dayNumber(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC))), true
}
