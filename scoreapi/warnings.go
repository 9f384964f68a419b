package scoreapi

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/retainlab/retain/data"
)

// Warning says that a row's cell was scored as something other than what
// was sent, as the model does by design: a categorical column's unknown
// level as its catch-all level, a value beyond the training range as the
// range's bound, a date that is no calendar date as a missing cell.
type Warning struct {
	// Column is the column of the cell.
	Column string `json:"column"`
	// Kind is "unknown_level", "clipped" or "invalid_date".
	Kind string `json:"kind"`
	// Message says what was sent and what was scored.
	Message string `json:"message"`
}

// missingCells are the cells read as a missing value (lower-case).
var missingCells = data.MissingCells()

// cellWarning returns the warning for the cell v of pipeline column ci,
// encoded from its trimmed text cell, when it was scored as something
// other than it is; beyond is the value sent when it lay beyond the
// column's training range (a "clipped" warning), else NaN. read is the
// value the encoder read: a date cell is looked at again only when it
// was read as missing.
func (m *Model) cellWarning(ci int, v any, cell []byte, read float64) (w Warning, beyond float64, ok bool) {
	pc := &m.Bundle.Pipeline.Columns[ci]
	if pc.Kind == data.Categorical {
		w, ok = m.levelWarning(ci, v, cell)
		return w, math.NaN(), ok
	}
	if math.IsNaN(read) && pc.NotCalendarDate(cell) {
		// In retain predict's words for the cell: a missing cell, and
		// what it was filled with.
		msg := fmt.Sprintf("%s is no calendar date, read as a missing cell: %s", quote(string(cell)), m.Bundle.Pipeline.FillText(ci))
		return Warning{Column: pc.Name, Kind: "invalid_date", Message: msg}, math.NaN(), true
	}
	x, ok := clippedCell(pc, v)
	if !ok {
		return Warning{}, math.NaN(), false
	}
	noun, above, below, shown := "value", "above", "below", data.FormatStatistic(pc.Clipped(x))
	if pc.Date {
		noun, above, below, shown = "date", "after", "before", data.FormatDay(pc.Clipped(x))
	}
	where := above
	if x < pc.Min {
		where = below
	}
	msg := fmt.Sprintf("%s %s %s the range the model keeps %s, scored as %s", noun, cell, where, data.KeptRangeWhy, shown)
	return Warning{Column: pc.Name, Kind: "clipped", Message: msg}, x, true
}

// clippedCell returns the value v sent for pipeline column pc when pc
// clips it to its training range (a number, or a date as its day number);
// false for any other cell.
func clippedCell(pc *data.PipelineColumn, v any) (float64, bool) {
	if pc.Kind != data.Numeric || !pc.Clip {
		return 0, false
	}
	var x float64
	var err error
	switch v := v.(type) {
	case json.Number:
		x, err = strconv.ParseFloat(string(v), 64)
	case string:
		x, err = pc.ParseDay(v)
	default:
		return 0, false
	}
	return x, err == nil && pc.Clips(x)
}

// levelWarning is cellWarning for a categorical column: a present value
// that is none of the model's levels.
func (m *Model) levelWarning(ci int, v any, cell []byte) (Warning, bool) {
	if m.Bundle.Pipeline.Columns[ci].Codes {
		// A code as the model reads it: 3.0 is the level 3.
		if code, ok := data.CodeCell(cell); ok {
			cell = []byte(code)
		}
	}
	if _, ok := m.levels[ci][string(cell)]; ok {
		return Warning{}, false
	}
	text := string(cell)
	if slices.ContainsFunc(missingCells, func(s string) bool { return strings.EqualFold(s, text) }) {
		return Warning{}, false
	}
	pc := &m.Bundle.Pipeline.Columns[ci]
	as := "no level (as null is)"
	if pc.Other {
		as = pc.Levels[len(pc.Levels)-1]
	}
	w := Warning{Column: pc.Name, Kind: "unknown_level"}
	_, number := v.(json.Number)
	switch {
	case m.personal != nil:
		// Under --pseudonymise a value that is no level is quoted as its
		// pseudonym, a number too: it may be an id sent in the wrong field.
		w.Message = fmt.Sprintf("unknown level %s, scored as %s", quote(m.personal.Unknown(text)), as)
	case number:
		w.Message = fmt.Sprintf("the number %s is not a level, scored as %s", text, as)
	default:
		w.Message = fmt.Sprintf("unknown level %s, scored as %s", quote(text), as)
	}
	return w, true
}
