package data

import (
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/gonum/mat"
)

// Transform applies the fitted pipeline to the given rows of t (which must
// have every column the pipeline was fitted on, matched by name) and
// returns one matrix row per entry of rows.
func (p *Pipeline) Transform(t *Table, rows []int) (*mat.Dense, error) {
	if err := checkRows(t, rows); err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%w: %s: no rows to transform", ErrShape, t.Source)
	}
	width := p.Width()
	data := make([]float64, len(rows)*width)
	for ci := range p.Columns {
		pc := &p.Columns[ci]
		c := t.Column(pc.Name)
		if c == nil {
			return nil, parseErr(t.Source, 0, 0, ErrMissingColumn,
				fmt.Sprintf("missing column %q that the pipeline was fitted on", pc.Name))
		}
		if pc.Kind == Categorical {
			if err := p.fillCategorical(pc, c, t.Source, rows, data); err != nil {
				return nil, err
			}
			continue
		}
		values, err := numericView(pc, c, t.Source)
		if err != nil {
			return nil, err
		}
		for i, r := range rows {
			pc.encode(values[r], data[i*width+pc.First:])
		}
	}
	return mat.NewDense(len(rows), width, data), nil
}

// encode writes the outputs of a numeric or boolean value (NaN = missing).
func (pc *PipelineColumn) encode(v float64, dst []float64) {
	missing := math.IsNaN(v)
	if missing {
		v = pc.Fill
	}
	dst[0] = pc.Transformed(v)
	if pc.Indicator {
		dst[1] = 0
		if missing {
			dst[1] = 1
		}
	}
}

// levelIndex maps each one-hot level to its output offset.
func (pc *PipelineColumn) levelIndex() map[string]int {
	m := make(map[string]int, len(pc.Levels))
	for i, l := range pc.Levels {
		m[l] = i
	}
	return m
}

func (p *Pipeline) fillCategorical(pc *PipelineColumn, c *Column, source string, rows []int, data []float64) error {
	strs := c.Strings
	if strs == nil && c.Kind == Boolean && len(c.Levels) == 2 {
		// New data with two levels may read as boolean; spell it back.
		strs = make([]string, len(c.Values))
		for i, v := range c.Values {
			if !math.IsNaN(v) {
				strs[i] = c.Levels[int(v)]
			}
		}
	}
	if strs == nil && c.Date {
		// A model fitted before columns of dates were read as dates took a
		// few of them as categories: spell the days back as ISO dates.
		strs = make([]string, len(c.Values))
		for i, v := range c.Values {
			if !math.IsNaN(v) {
				strs[i] = FormatDay(v)
			}
		}
	}
	if strs == nil && pc.Codes && c.Kind == Numeric && !c.Date {
		// A table read without the model's --categorical: its numbers are
		// the codes.
		strs = make([]string, len(c.Values))
		for i, v := range c.Values {
			if !math.IsNaN(v) {
				strs[i] = FormatCode(v)
			}
		}
	}
	if strs == nil {
		return parseErr(source, 0, 0, ErrNotNumeric,
			fmt.Sprintf("column %q is %s here but categorical in the pipeline", c.Name, c.Kind))
	}
	index, width := pc.levelIndex(), p.Width()
	for i, r := range rows {
		if k, ok := pc.levelOffset(index, strs[r], strs[r] == ""); ok {
			data[i*width+pc.First+k] = 1
		}
	}
	return nil
}

// levelOffset is the output offset of a categorical value: its level's, or
// the catch-all level's (Other) for any other non-missing value; false for
// a missing value and, without Other, for a level not in Levels.
func (pc *PipelineColumn) levelOffset(index map[string]int, s string, missing bool) (int, bool) {
	if missing {
		return 0, false
	}
	if k, ok := index[s]; ok {
		return k, true
	}
	if pc.Other {
		return len(pc.Levels) - 1, true
	}
	return 0, false
}

// numericView returns a column's values as numbers for a numeric or boolean
// pipeline column, converting text where the new table inferred another kind.
func numericView(pc *PipelineColumn, c *Column, source string) ([]float64, error) {
	if (pc.Presence() || c.Presence()) && !(pc.Presence() && c.Presence() && strings.EqualFold(pc.Levels[1], c.Levels[1])) {
		// A value or a blank on one side only: read each cell's text as
		// a file's cell is read (cellValue).
		return presenceView(pc, c, source)
	}
	if pc.Date || c.Date {
		return dateView(pc, c, source)
	}
	if c.Values != nil {
		if pc.Kind == Boolean && c.Kind == Boolean && len(c.Levels) == 2 && len(pc.Levels) == 2 &&
			!strings.EqualFold(c.Levels[1], pc.Levels[1]) {
			return nil, parseErr(source, 0, 0, ErrNotNumeric,
				fmt.Sprintf("column %q: values %q/%q differ from the fitted %q/%q", c.Name, c.Levels[0], c.Levels[1], pc.Levels[0], pc.Levels[1]))
		}
		return c.Values, nil
	}
	out := make([]float64, len(c.Strings))
	for i, s := range c.Strings {
		v, ok := pc.cellValue([]byte(s), false)
		if !ok {
			return nil, cellParseErr(parseErr(source, 0, 0, ErrNotNumeric, ""),
				&CellError{Column: c.Name, Expected: pc.expected(), Got: quoteCut([]byte(s))})
		}
		out[i] = v
	}
	return out, nil
}

// cellValue parses one trimmed cell for a numeric or boolean column; a
// missing cell gives NaN, and so does a numeric missing word ("unknown")
// in a column that reads numbers (NumericCells). decimalComma accepts
// "1,5" (semicolon files).
func (pc *PipelineColumn) cellValue(t []byte, decimalComma bool) (float64, bool) {
	if isMissing(t) || pc.NumericCells() && isNumericMissingWord(t) {
		if pc.Presence() {
			return 0, true // blank is the absent state
		}
		return math.NaN(), true
	}
	if pc.Kind == Boolean {
		if len(pc.Levels) == 2 {
			for i, l := range pc.Levels {
				if strings.EqualFold(l, string(t)) {
					return float64(i), true
				}
			}
		}
		for _, pair := range booleanSpellings {
			for i, l := range pair {
				if strings.EqualFold(l, string(t)) {
					return float64(i), true
				}
			}
		}
		if len(pc.Levels) == 2 {
			// A level that is a number takes the same number written
			// otherwise: "10.0" is the flag "10".
			if i, ok := numberLevel(pc.Levels, t); ok {
				return float64(i), true
			}
		}
		return 0, false
	}
	if pc.Date {
		return pc.dayValue(t)
	}
	v, ok := parseCell(t, decimalComma)
	if !ok && pc.Marks&spaceGroupMarks != 0 {
		v, _, ok = parseSpaced(t, decimalComma)
	}
	return v, ok
}

func (pc *PipelineColumn) expected() string {
	if pc.Presence() {
		return fmt.Sprintf("%q or a blank", pc.Levels[1])
	}
	if pc.Kind == Boolean && len(pc.Levels) == 2 {
		return fmt.Sprintf("%q or %q", pc.Levels[0], pc.Levels[1])
	}
	if pc.Date {
		return pc.expectedDate()
	}
	return "a finite number"
}

// DropDuplicates returns rows without the ones that exactly repeat an
// earlier row (every column, the ID and the label included), and how many
// were dropped. The order of the kept rows is preserved. Rows are keyed by
// a 64-bit hash of their cells and compared cell by cell when hashes meet,
// so a million rows need a map of integers, not a million byte keys.
func DropDuplicates(t *Table, rows []int) (kept []int, dropped int) {
	set := newRowSet(t, t.Columns, len(rows))
	kept = make([]int, 0, len(rows))
	for _, r := range rows {
		if !set.add(r) {
			dropped++
			continue
		}
		kept = append(kept, r)
	}
	return kept, dropped
}

// NumericCells reports whether the column reads its cells as numbers, so
// that a numeric missing word (NumericMissingWords: "unknown", "未知", …)
// is a missing cell as a blank is: a numeric column (dates included) or a
// boolean one of 0 and 1 (a column of numbers that holds only those).
func (pc *PipelineColumn) NumericCells() bool {
	switch pc.Kind {
	case Numeric:
		return true
	case Boolean:
		return len(pc.Levels) == 2 && pc.Levels[0] == "0" && pc.Levels[1] == "1"
	case Categorical:
		return pc.Codes
	}
	return false
}
