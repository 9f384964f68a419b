package scoreapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/retainlab/retain/data"
)

// prepared are a request's rows as model inputs.
type prepared struct {
	x *mat.Dense
	// ids are the rows' id values ("" where a row has none); hasID marks
	// the rows that have one.
	ids   []string
	hasID []bool
	// warnings are each row's cells scored as other than sent (nil when
	// no row has any).
	warnings [][]Warning
	// beyond holds the value sent in every cell beyond its column's
	// training range, by row and pipeline column (Scored.Beyond).
	beyond map[data.Cell]float64
	// blank marks every blank (null) cell of a numeric column, which the
	// model read as the column's fill (Scored.Blank).
	blank map[data.Cell]bool
}

// prepare checks every row against the model's columns and encodes it with
// the pipeline's cell encoder. The first fault (rows in order, each row's
// unknown columns first, then the model's columns in order) is a 400
// naming the row and column. It looks at ctx every 256 rows and answers
// errCancelled once it has ended.
func (m *Model) prepare(ctx context.Context, rows []map[string]any) (*prepared, *apiError) {
	p := m.Bundle.Pipeline
	width := p.Width()
	out := &prepared{ids: make([]string, len(rows)), hasID: make([]bool, len(rows)), beyond: map[data.Cell]float64{},
		blank: map[data.Cell]bool{}}
	buf := make([]float64, len(rows)*width)
	var cell []byte
	for i, row := range rows {
		if i%256 == 0 && ctx.Err() != nil {
			return nil, errCancelled
		}
		if err := m.checkKeys(i, row); err != nil {
			return nil, err
		}
		dst := buf[i*width : (i+1)*width]
		for ci := range p.Columns {
			pc := &p.Columns[ci]
			v, ok := row[pc.Name]
			if !ok {
				return nil, m.missingError(i, ci, row)
			}
			var bad *apiError
			if cell, bad = m.cellText(cell[:0], i, ci, v); bad != nil {
				return nil, bad
			}
			trimmed := bytes.TrimSpace(cell)
			read, err := m.encoder.Read(ci, trimmed, dst)
			if err != nil {
				var ce *data.CellError
				if errors.As(err, &ce) {
					got := ce.Got
					if m.personal != nil {
						got = quote(m.personal.Unknown(string(trimmed)))
					}
					return nil, rowError(i, pc.Name, "expected %s, got %s", ce.Expected, got)
				}
				return nil, rowError(i, pc.Name, "%v", err)
			}
			if pc.Kind == data.Numeric && math.IsNaN(read) {
				out.blank[data.Cell{Row: i, Column: ci}] = true
			}
			if w, x, ok := m.cellWarning(ci, v, trimmed, read); ok {
				if out.warnings == nil {
					out.warnings = make([][]Warning, len(rows))
				}
				out.warnings[i] = append(out.warnings[i], w)
				if w.Kind == "clipped" {
					out.beyond[data.Cell{Row: i, Column: ci}] = x
				}
			}
		}
		if id := p.IDName; id != "" {
			if v, ok := row[id]; ok && v != nil {
				switch v := v.(type) {
				case string:
					// Trimmed as predict trims a CSV cell: " 15600587"
					// is customer 15600587 (a blank id is no id).
					out.ids[i] = strings.TrimSpace(v)
				case json.Number:
					out.ids[i] = v.String()
				default:
					return nil, rowError(i, id, "the id must be a string or a number, got %s", jsonKind(v))
				}
				out.hasID[i] = out.ids[i] != ""
			}
		}
	}
	out.x = mat.NewDense(len(rows), width, buf)
	return out, nil
}

// checkKeys refuses a column the model does not know (the first in sorted
// order, so the answer does not depend on map order). The training table's
// columns that are not inputs (its id, label and ignored columns) are
// accepted and left unread.
func (m *Model) checkKeys(i int, row map[string]any) *apiError {
	p := m.Bundle.Pipeline
	var unknown []string
	for k := range row {
		if _, ok := m.columns[k]; !ok && k != p.IDName && k != p.Label.Name && !m.ignored[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	slices.Sort(unknown)
	return rowError(i, unknown[0], "not a column of the model (GET /openapi.json lists the model's columns)")
}

// cellText writes the text the CSV reader would see for v into dst: JSON
// numbers as written, strings as they are, null as a blank (missing) cell.
// Numeric columns take numbers, date columns dates as strings, boolean ones
// booleans or their spellings, categorical ones strings or numbers. v is
// row i's cell of pipeline column ci.
func (m *Model) cellText(dst []byte, i, ci int, v any) ([]byte, *apiError) {
	pc := &m.Bundle.Pipeline.Columns[ci]
	switch v := v.(type) {
	case nil:
		return dst, nil
	case json.Number:
		if pc.Date {
			return nil, rowError(i, pc.Name, "expected %s, got the number %s", expectedOf(pc), v)
		}
		return append(dst, v...), nil
	case string:
		if pc.Kind == data.Numeric && !pc.Date {
			hint := ""
			if isJSONNumber(v) {
				hint = " (send it without the quotes)"
			}
			// Under --pseudonymise as its pseudonym, whatever it
			// looks like: an id sent in the wrong field (7590-VHVEG)
			// was echoed (review36 #6), as warnings no longer do.
			return nil, rowError(i, pc.Name, "expected %s, got the string %s%s", expectedOf(pc), quote(m.personal.Unknown(v)), hint)
		}
		return append(dst, v...), nil
	case bool:
		if pc.Kind != data.Boolean {
			return nil, rowError(i, pc.Name, "expected %s, got %t", expectedOf(pc), v)
		}
		if v {
			return append(dst, "true"...), nil
		}
		return append(dst, "false"...), nil
	}
	return nil, rowError(i, pc.Name, "expected %s, got %s", expectedOf(pc), jsonKind(v))
}

// expectedOf says what a column takes in JSON words.
func expectedOf(pc *data.PipelineColumn) string {
	if pc.Date {
		return "a date as a string (YYYY-MM-DD) or null"
	}
	switch pc.Kind {
	case data.Numeric:
		return "a JSON number or null"
	case data.Boolean:
		return "true, false or null"
	}
	return "a string or null"
}

// isJSONNumber reports whether s is a number as JSON writes one.
func isJSONNumber(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && (s[0] == '-' || s[0] >= '0' && s[0] <= '9') && json.Valid([]byte(s))
}

// jsonKind names the JSON type of a decoded value.
func jsonKind(v any) string {
	switch v.(type) {
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	case string:
		return "a string"
	}
	return "null"
}

// quote quotes s, cut to 40 bytes.
func quote(s string) string {
	if len(s) > 40 {
		return fmt.Sprintf("%q…", s[:40])
	}
	return fmt.Sprintf("%q", s)
}

// missingError is the 400 of row i, which lacks the model's column ci (its
// first missing one): it names the others the row lacks too.
func (m *Model) missingError(i, ci int, row map[string]any) *apiError {
	cols := m.Bundle.Pipeline.Columns
	var others []string
	for _, pc := range cols[ci+1:] {
		if _, ok := row[pc.Name]; !ok {
			others = append(others, pc.Name)
		}
	}
	msg := "missing: the model takes this column (send null for an unknown value)"
	if len(others) > 0 {
		msg += "; the row lacks " + data.NameColumns(others) + " too"
		if len(others)+1 == len(cols) {
			msg += fmt.Sprintf(": none of the model's %d columns (is it the model for these rows?)", len(cols))
		}
	}
	return rowError(i, cols[ci].Name, "%s", msg)
}
