package data

import (
	"bytes"
	"errors"
	"fmt"
	"math"
)

// ErrMixedDecimals reports a numeric column of a semicolon file that writes
// some decimals with a point ("1.5") and others with a comma ("12,5"): read
// either way, some of its numbers would be wrong.
var ErrMixedDecimals = errors.New("data: decimal point and decimal comma in one column")

// maxPending bounds how many "1.234"-like cells a column remembers while it
// does not yet know whether its points group thousands (see commaColumn).
const maxPending = 1 << 16

// parseComma parses a number written with a decimal comma ("12,5", "-0,25",
// "3,") whose points, if any, group thousands: "1.234,5", "1.234.567",
// "-12.345,75". A single point and no comma ("1.234") is that form only when
// pointGroups is set (the column is known to write its decimals with a
// comma); otherwise it is parseNumber's decimal point and parseComma says
// false. Groups are 1–3 digits, not starting with 0, and then exactly 3.
func parseComma(t []byte, pointGroups bool) (float64, bool) {
	if len(t) == 0 || len(t) > 64 {
		return 0, false
	}
	var buf [64]byte
	n, i := 0, 0
	if t[0] == '-' || t[0] == '+' {
		buf[0], n, i = t[0], 1, 1
	}
	start := i
	groups, run, comma := 0, 0, false
	for ; i < len(t); i++ {
		switch c := t[i]; {
		case c >= '0' && c <= '9':
			buf[n] = c
			n++
			run++
		case c == '.' && !comma:
			if groups == 0 && (run == 0 || run > 3 || t[start] == '0') || groups > 0 && run != 3 {
				return 0, false
			}
			groups++
			run = 0
		case c == ',' && !comma:
			if groups > 0 && run != 3 {
				return 0, false
			}
			comma = true
			buf[n] = '.'
			n++
			run = 0
		default:
			return 0, false
		}
	}
	if !comma && (groups == 0 || run != 3 || groups == 1 && !pointGroups) {
		return 0, false
	}
	return parseNumber(buf[:n])
}

// cellAt locates one cell for a message.
type cellAt struct {
	line, col int
	text      string
}

func (c cellAt) set() bool { return c.line > 0 }

// commaColumn is how a numeric column of a semicolon file writes its
// decimals, so that the whole column is read one way. Once a cell is
// written with a decimal comma, the column's points group thousands:
// "1.234" there is 1234, also for the cells read before the first comma
// (pending, corrected then). A point that cannot group ("1.5", "0.125")
// in a column that also writes commas is refused with both cells named.
type commaColumn struct {
	comma   bool   // a cell was written with a decimal comma or grouping points
	commaAt cellAt // the first such cell
	pointAt cellAt // the first point that cannot group, or the first beyond maxPending
	pending []int  // indices of "1.234"-like cells read as decimals before any comma
}

// addPoint appends a cell that parseNumber read (v) and that holds a point.
func (b *columnBuilder) addPoint(t []byte, v float64, file string, line, col int, name string) error {
	cc := &b.comma
	if cc.comma {
		g, ok := parseComma(t, true)
		if !ok {
			return mixedErr(file, fmt.Sprintf("column %q", name), cellAt{line, col, string(t)}, cc.commaAt, false)
		}
		b.values.add(g)
		return nil
	}
	if _, ok := parseComma(t, true); ok && len(cc.pending) < maxPending {
		cc.pending = append(cc.pending, b.values.len())
	} else if !cc.pointAt.set() {
		cc.pointAt = cellAt{line, col, string(t)}
	}
	b.values.add(v)
	return nil
}

// addComma appends a cell written with a decimal comma or grouping points.
func (b *columnBuilder) addComma(t []byte, v float64, file string, line, col int, name string) error {
	cc := &b.comma
	if !cc.comma {
		if cc.pointAt.set() {
			return mixedErr(file, fmt.Sprintf("column %q", name), cellAt{line, col, string(t)}, cc.pointAt, true)
		}
		cc.comma, cc.commaAt = true, cellAt{line, col, string(t)}
		for _, i := range cc.pending {
			b.values.set(i, regroup(b.values.at(i)))
		}
		cc.pending = nil
	}
	b.values.add(v)
	return nil
}

// regroup turns "1.234" read as 1.234 into the 1234 it groups.
func regroup(v float64) float64 { return math.Round(v * 1000) }

// joinComma settles the decimal marks of a column parsed in blocks: once
// any block writes commas, every block's pending cells are regrouped, and a
// block's ungroupable point is refused against the first comma.
func joinComma(file, name string, all []*columnBuilder) error {
	var first *commaColumn
	for _, part := range all {
		if part.comma.comma {
			first = &part.comma
			break
		}
	}
	if first == nil {
		return nil
	}
	for _, part := range all {
		if at := part.comma.pointAt; at.set() {
			if at.line > first.commaAt.line {
				return mixedErr(file, fmt.Sprintf("column %q", name), at, first.commaAt, false)
			}
			return mixedErr(file, fmt.Sprintf("column %q", name), first.commaAt, at, true)
		}
		for _, i := range part.comma.pending {
			part.values.set(i, regroup(part.values.at(i)))
		}
		part.comma.pending = nil
	}
	return nil
}

// mixedErr names the cell that makes a column mix decimal marks and the
// earlier one it contradicts; commaHere says which of the two is the comma.
// subject names the column: `column "price"`, or a log's role, `price`.
func mixedErr(file, subject string, here, other cellAt, commaHere bool) error {
	marks := [2]string{"point", "comma"}
	if commaHere {
		marks = [2]string{"comma", "point"}
	}
	msg := fmt.Sprintf("%s writes %s with a decimal %s and %s (line %d) with a decimal %s: write the column's numbers one way",
		subject, quoteCut([]byte(here.text)), marks[0], quoteCut([]byte(other.text)), other.line, marks[1])
	return parseErr(file, here.line, here.col, ErrMixedDecimals, msg)
}

// hasPoint reports whether a cell holds a decimal point.
func hasPoint(t []byte) bool { return bytes.IndexByte(t, '.') >= 0 }

// logMarks is how one numeric field of a semicolon order log writes its
// decimals. Its lines are summed into orders as they come, so a cell cannot
// be read again: once the field writes a decimal comma its points group
// thousands, and a point read as a decimal before the first comma makes
// that comma an error naming both cells.
type logMarks struct {
	comma   bool
	commaAt cellAt
	pointAt cellAt
}

// commaNumber parses the numeric field col of a decimal-comma log.
func (p *logParser) commaNumber(col int, what string, line int, cell []byte) (float64, error) {
	for len(p.marks) <= col {
		p.marks = append(p.marks, logMarks{})
	}
	m := &p.marks[col]
	if bytes.IndexByte(cell, ',') < 0 {
		if v, ok := parseNumber(cell); ok {
			switch {
			case !hasPoint(cell):
				return v, nil
			case !m.comma:
				if !m.pointAt.set() {
					m.pointAt = cellAt{line, col + 1, string(cell)}
				}
				return v, nil
			}
			if g, ok := parseComma(cell, true); ok {
				return g, nil
			}
			return 0, mixedErr(p.name, what, cellAt{line, col + 1, string(cell)}, m.commaAt, false)
		}
	}
	v, ok := parseComma(cell, false)
	if !ok {
		return 0, parseErr(p.name, line, col+1, ErrNotNumeric, fmt.Sprintf("%s %s is not a number", what, quoteCut(cell)))
	}
	if !m.comma {
		here := cellAt{line, col + 1, string(cell)}
		if m.pointAt.set() {
			return 0, mixedErr(p.name, what, here, m.pointAt, true)
		}
		m.comma, m.commaAt = true, here
	}
	return v, nil
}
