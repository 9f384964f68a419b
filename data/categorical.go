package data

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
)

// MaxCodeLevels is the most distinct values a numeric column may have to be
// read as categorical codes (DeclareCategorical), as many as a text column
// may have to be a category (CSVOptions.MaxLevels' default).
const MaxCodeLevels = 50

// DeclareCategorical reads the named columns as categories (--categorical):
// a numeric column's numbers become codes, one level per distinct number
// written as FormatCode writes it, so that the model gives each code its
// own input instead of reading it as an amount. A column that is already
// categorical or boolean is left as it is. Names not in t, or naming the
// label, are refused with the list of columns, as ExcludeColumns refuses
// them, and so are a column of dates, an identifier and a column with more
// than MaxCodeLevels distinct numbers; nothing is changed then.
func DeclareCategorical(t *Table, names []string) error {
	cols := make([]*Column, 0, len(names))
	for _, name := range names {
		c, err := t.columnNamed(name)
		if err != nil {
			return err
		}
		switch {
		case c.Kind == Numeric && c.Date:
			return fmt.Errorf("%w: %s: column %q holds dates", ErrNotCategorical, t.Source, c.Name)
		case c.Kind == ID:
			return fmt.Errorf("%w: %s: column %q is %s", ErrNotCategorical, t.Source, c.Name, c.KindName())
		case c.Kind == Numeric:
			if n := distinctValues(c.Values); n > MaxCodeLevels {
				return fmt.Errorf("%w: %s: column %q has %s distinct numbers (at most %d)",
					ErrNotCategorical, t.Source, c.Name, Thousands(n), MaxCodeLevels)
			}
		}
		cols = append(cols, c)
	}
	for _, c := range cols {
		if c.Kind == Numeric {
			c.toCodes()
		}
	}
	return nil
}

// ErrNotCategorical reports a column --categorical names that cannot be
// read as categories.
var ErrNotCategorical = errors.New("not a column of codes")

// distinctValues counts the distinct non-missing values.
func distinctValues(values []float64) int {
	seen := map[float64]bool{}
	for _, v := range values {
		if !math.IsNaN(v) {
			seen[v] = true
		}
	}
	return len(seen)
}

// toCodes turns a numeric column into a categorical one of codes.
func (c *Column) toCodes() {
	strs := make([]string, len(c.Values))
	spelled := map[float64]string{}
	for i, v := range c.Values {
		if math.IsNaN(v) {
			continue
		}
		s, ok := spelled[v]
		if !ok {
			s = FormatCode(v)
			spelled[v] = s
		}
		strs[i] = s
	}
	levels := make([]string, 0, len(spelled))
	for _, s := range spelled {
		levels = append(levels, s)
	}
	SortCodes(levels)
	c.Kind, c.Codes, c.Strings, c.Values, c.Levels = Categorical, true, strs, nil, levels
	c.Stripped = 0
}

// FormatCode writes a number read as a code: its shortest exact decimal
// form ("3" for 3 and 3.0, "1.5").
func FormatCode(v float64) string {
	if v == 0 {
		v = 0 // -0 is 0
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// SortCodes sorts codes written by FormatCode in numeric order.
func SortCodes(levels []string) {
	slices.SortFunc(levels, func(a, b string) int {
		x, _ := strconv.ParseFloat(a, 64)
		y, _ := strconv.ParseFloat(b, 64)
		return cmp.Compare(x, y)
	})
}

// sortKept puts the kept levels of a column of codes in numeric order, the
// catch-all level (Other) staying last.
func sortKept(pc *PipelineColumn) {
	kept := pc.Levels
	if pc.Other {
		kept = kept[:len(kept)-1]
	}
	SortCodes(kept)
}

// CodeCell reads a trimmed cell of a column of codes (PipelineColumn.Codes)
// as the model reads it, written by FormatCode: "" for a missing cell (a
// blank, "NA" or a numeric missing word such as "unknown"), false for one
// that is not a number.
func CodeCell(cell []byte) (string, bool) { return codeCell(cell, false) }

// codeCell is CodeCell accepting a decimal comma when decimalComma is set.
func codeCell(cell []byte, decimalComma bool) (string, bool) {
	if isMissing(cell) || isNumericMissingWord(cell) {
		return "", true
	}
	v, ok := parseCell(cell, decimalComma)
	if !ok || math.IsNaN(v) {
		return "", ok
	}
	return FormatCode(v), true
}

// CodeCount counts the distinct numbers of a numeric column and reports
// whether DeclareCategorical would take them (at most MaxCodeLevels).
func CodeCount(c *Column) (int, bool) {
	if c == nil || c.Kind != Numeric {
		return 0, false
	}
	n := distinctValues(c.Values)
	return n, n <= MaxCodeLevels
}
