package data

import (
	"errors"
	"fmt"
	"math"
)

// dayValue reads a trimmed, present cell of a date column as its day
// number, with the date order of the training table. A cell written as a
// date that is no calendar date (2023-02-30, 0000-00-00) is missing (NaN),
// as training read it (datecol_lenient.go).
func (pc *PipelineColumn) dayValue(t []byte) (float64, bool) {
	parser := dateParser{order: pc.DateOrder}
	d, err := parser.day(t)
	if errors.Is(err, errNotCalendarDate) {
		return math.NaN(), true
	}
	if err != nil {
		return 0, false
	}
	return float64(d), true
}

// expectedDate says what a date column's cell may be.
func (pc *PipelineColumn) expectedDate() string {
	switch pc.DateOrder {
	case DateDMY:
		return "a date (YYYY-MM-DD or day/month/year)"
	case DateMDY:
		return "a date (YYYY-MM-DD or month/day/year)"
	}
	return "a date (YYYY-MM-DD)"
}

// dateView returns the day numbers of column c of a table to transform for
// a pipeline column when either is a date column: c's own when both are
// and read dates alike, else c's text read as dates the pipeline's way.
func dateView(pc *PipelineColumn, c *Column, source string) ([]float64, error) {
	switch {
	case !pc.Date:
		return nil, parseErr(source, 0, 0, ErrNotNumeric,
			fmt.Sprintf("column %q holds dates here but %s in the pipeline", c.Name, pc.Kind))
	case c.Date && c.DateOrder != DateAuto && c.DateOrder != pc.DateOrder:
		how := "were all year first in training"
		if pc.DateOrder != DateAuto {
			how = "were read " + pc.DateOrder.Words() + " in training"
		}
		return nil, parseErr(source, 0, 0, ErrNotNumeric, fmt.Sprintf(
			"column %q: its dates written with the year last read %s here, but the model's %s",
			c.Name, c.DateOrder.Words(), how))
	case c.Date:
		return c.Values, nil
	case c.Strings == nil && c.Values != nil && c.Kind != Boolean:
		return numbersAsDates(pc, c, source)
	case c.Strings == nil:
		return nil, parseErr(source, 0, 0, ErrNotNumeric,
			fmt.Sprintf("column %q holds %s values here but dates in the pipeline", c.Name, c.Kind))
	}
	out := make([]float64, len(c.Strings))
	for i, s := range c.Strings {
		v, ok := pc.cellValue([]byte(s), false)
		if !ok {
			return nil, cellParseErr(&ParseError{File: source, Where: fmt.Sprintf("row %d, column %q", i+1, c.Name), At: &Place{Row: int64(i + 1), Column: c.Name}, Err: ErrNotNumeric},
				&CellError{Column: c.Name, Expected: pc.expected(), Got: quoteCut([]byte(s))})
		}
		out[i] = v
	}
	return out, nil
}

// ParseDay reads text as a date column reads its cells (a date in any form
// of the training table, the year-last ones in its order) and returns its
// day number.
func (c *PipelineColumn) ParseDay(text string) (float64, error) {
	t := trimSpace([]byte(text))
	if v, ok := c.dayValue(t); ok && len(t) > 0 && !math.IsNaN(v) {
		return v, nil
	}
	return 0, &CellError{Column: c.Name, Expected: c.expectedDate(), Got: quoteCut(t)}
}

// NotCalendarDate reports whether cell, of a date column, is written as a
// date that is no calendar date (2023-02-30, 0000-00-00), which the column
// reads as a missing cell.
func (pc *PipelineColumn) NotCalendarDate(cell []byte) bool {
	t := trimSpace(cell)
	if !pc.Date || isMissing(t) || isNumericMissingWord(t) {
		return false
	}
	v, ok := pc.dayValue(t)
	return ok && math.IsNaN(v)
}
