package data

import (
	"math"
)

// asPresence makes c, a column of one value and blanks blank (or missing)
// cells, a boolean of two states: the value present (1) or blank (0), as
// exports write flags (Y or nothing, 10 or nothing, a code or nothing).
// Its Levels are "" and the value; it has no missing cell, and a model
// reads a blank as the absent state (PipelineColumn.Presence), never as a
// cell to fill. A column of one value without blanks stays constant, and
// so does one whose value is in a single cell: one row teaches nothing,
// and the model file would keep that cell's text (a remark, a name) where
// --pseudonymise replaces it (experiment.PersonalText).
func (c *Column) asPresence(value string, blanks int) {
	values := make([]float64, c.Len())
	for i := range values {
		if c.Strings != nil {
			if c.Strings[i] != "" {
				values[i] = 1
			}
		} else if !math.IsNaN(c.Values[i]) {
			values[i] = 1
		}
	}
	c.Kind, c.Levels, c.Values, c.Strings, c.Missing = Boolean, []string{"", value}, values, nil, 0
	c.explain(Reason{Kind: ReasonPresence, Value: value, Blanks: blanks})
}

// Presence reports whether c is a boolean read from one value and blanks
// (asPresence): Levels are "" (blank, 0) and the value (1).
func (c *Column) Presence() bool {
	return c.Kind == Boolean && len(c.Levels) == 2 && c.Levels[0] == ""
}

// Presence reports whether pc is a boolean read from one value and blanks
// (Column.Presence): a missing cell is the absent state, 0, which Fill
// holds, and the value (Levels[1], in any case) is 1.
func (pc *PipelineColumn) Presence() bool {
	return pc.Kind == Boolean && len(pc.Levels) == 2 && pc.Levels[0] == ""
}

// presenceView reads the column c of new rows for pc when one of them is a
// presence flag and the other is not the same flag: each cell's text, as
// written back from c, read as cellValue reads a file's cell (for a flag,
// a blank is 0 and the value 1; a flag's blank is a missing cell for any
// other column).
func presenceView(pc *PipelineColumn, c *Column, source string) ([]float64, error) {
	out := make([]float64, c.Len())
	for i := range out {
		cell := []byte(cellText(c, i))
		v, ok := pc.cellValue(cell, false)
		if !ok {
			return nil, cellParseErr(parseErr(source, 0, 0, ErrNotNumeric, ""),
				&CellError{Column: c.Name, Expected: pc.expected(), Got: quoteCut(cell)})
		}
		out[i] = v
	}
	return out, nil
}

// cellText writes row i of c back as a cell's text: a blank for a missing
// value, a boolean's spelling, a date's day, a number.
func cellText(c *Column, i int) string {
	switch {
	case c.Strings != nil:
		return c.Strings[i]
	case c.Values == nil || math.IsNaN(c.Values[i]):
		return ""
	case c.Kind == Boolean && len(c.Levels) == 2:
		return c.Levels[int(c.Values[i])]
	case c.Date:
		return FormatDay(c.Values[i])
	}
	return formatNumber(c.Values[i])
}
