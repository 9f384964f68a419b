package data

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
)

// ErrMixedDecimals reports a numeric column of a semicolon file that writes
// some decimals with a point ("1.5") and others with a comma ("12,5"): read
// either way, some of its numbers would be wrong.
var ErrMixedDecimals = errors.New("decimal point and decimal comma in one column")

// maxPending bounds how many "1.234"-like cells a column remembers while it
// does not yet know whether its points group thousands (see decimalMarks).
const maxPending = 1 << 16

// parseComma parses a number written with a decimal comma ("12,5", "-0,25",
// "3,") whose points, if any, group thousands: "1.234,5", "1.234.567",
// "-12.345,75". A single point and no comma ("1.234") is that form only when
// pointGroups is set (the column is known to write its decimals with a
// comma); otherwise it is parseNumber's decimal point and parseComma says
// false. Groups are 1–3 digits, not starting with 0, and then exactly 3.
// A number with a decimal comma and no groups may carry an exponent
// ("9,83E-05", as spreadsheets write small numbers).
func parseComma(t []byte, pointGroups bool) (float64, bool) {
	if len(t) == 0 || len(t) > 64 {
		return 0, false
	}
	t, exp := splitExponent(t)
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
	if len(exp) > 0 {
		if !comma || groups > 0 {
			return 0, false // "1.234E5": no decimal comma, or grouped thousands
		}
		n += copy(buf[n:], exp)
	}
	return parseNumber(buf[:n])
}

// cellAt locates one cell for a message.
type cellAt struct {
	line, col int
	text      string
}

func (c cellAt) set() bool { return c.line > 0 }

// pendingCell is a "1.234"-like cell read as a decimal before its column
// wrote a comma: index is its place in the reader's order, v the value read.
type pendingCell struct {
	index int
	v     float64
}

// regroup is the number a pending cell stands for once its column is known
// to group thousands with points: 1.234 read as a decimal is 1234.
func (p pendingCell) regroup() float64 { return math.Round(p.v * 1000) }

// decimalMarks is how one numeric column of a semicolon file writes its
// decimals, so that the whole column is read one way. Once a cell is written
// with a decimal comma, the column's points group thousands: "1.234" there is
// 1234, also for the cells read before the first comma (pending: read reports
// them when the comma comes, for the reader to correct). A point that cannot
// group ("1.5", "0.125") in a column that also writes commas is a clash.
// A reader that cannot go back (an order log, summed as it is read) sets
// final: then any point before the first comma clashes with it.
type decimalMarks struct {
	final   bool
	comma   bool   // a cell was written with a decimal comma or grouping points
	commaAt cellAt // the first such cell
	pointAt cellAt // the first point that cannot group (or any, when final), or the first beyond maxPending
	pending []pendingCell
	// clash is the clash a block of the file stopped at: it says where the
	// block's first comma or its first point after that comma is, for
	// firstClash to find the clash a sequential read meets first.
	clash *markClash
}

// markClash is a cell whose decimal mark contradicts an earlier cell's.
type markClash struct {
	here, other cellAt
	commaHere   bool // here is the comma, other the point
}

// err says which two cells clash in a table's column, or in the column of
// a log's role ("price").
func (c *markClash) err(file, column, role string) error {
	subject := role
	if column != "" {
		subject = fmt.Sprintf("column %q", column)
	}
	facts := MixedDecimals{Column: column, Role: role, Here: c.here.text, Other: c.other.text, OtherLine: c.other.line,
		CommaHere: c.commaHere, ModelComma: !c.other.set()}
	marks := [2]string{"point", "comma"}
	if c.commaHere {
		marks = [2]string{"comma", "point"}
	}
	msg := fmt.Sprintf("%s writes %s with a decimal %s and %s (line %d) with a decimal %s: write the column's numbers one way",
		subject, quoteCut([]byte(c.here.text)), marks[0], quoteCut([]byte(c.other.text)), c.other.line, marks[1])
	if !c.other.set() {
		// The comma is the model's: its training file wrote the column so.
		msg = fmt.Sprintf("%s writes %s with a decimal point, but the model's training data wrote it with a decimal comma: write the column's numbers one way",
			subject, quoteCut([]byte(c.here.text)))
	}
	pe := parseErr(file, c.here.line, c.here.col, ErrMixedDecimals, msg)
	pe.Facts = facts
	return pe
}

// read parses the trimmed, non-missing cell t, the index-th the reader has
// read in this column, at line and col. ok is false when t is no number.
// settled lists the earlier cells this cell's comma shows to group
// thousands (the reader replaces their values by regroup()).
func (m *decimalMarks) read(t []byte, index, line, col int) (v float64, ok bool, settled []pendingCell, clash *markClash) {
	if bytes.IndexByte(t, ',') < 0 {
		if v, ok = parseNumber(t); ok {
			if !hasPoint(t) {
				return v, true, nil, nil
			}
			if m.comma {
				if g, ok := parseComma(t, true); ok {
					return g, true, nil, nil
				}
				return 0, true, nil, &markClash{here: cellAt{line, col, string(t)}, other: m.commaAt}
			}
			if _, groups := parseComma(t, true); groups && !m.final && len(m.pending) < maxPending {
				m.pending = append(m.pending, pendingCell{index, v})
			} else if !m.pointAt.set() {
				m.pointAt = cellAt{line, col, string(t)}
			}
			return v, true, nil, nil
		}
	}
	if v, ok = parseComma(t, false); !ok {
		return 0, false, nil, nil
	}
	if !m.comma {
		here := cellAt{line, col, string(t)}
		if m.pointAt.set() {
			return 0, true, nil, &markClash{here: here, other: m.pointAt, commaHere: true}
		}
		m.comma, m.commaAt = true, here
		settled, m.pending = m.pending, nil
	}
	return v, true, settled, nil
}

// addMarked appends a numeric cell of a decimal-comma column that is not
// a plain number (it holds a point or a comma, or a currency sign and the
// like: readCleaned); ok false: no number.
func (b *columnBuilder) addMarked(t []byte, file string, line, col int, name string) (bool, error) {
	v, ok, settled, clash, marks := b.marks.readCleaned(t, b.values.len(), line, col)
	if clash != nil {
		b.marks.clash = clash
		return true, clash.err(file, name, "")
	}
	if !ok {
		return false, nil
	}
	for _, p := range settled {
		b.values.set(p.index, p.regroup())
	}
	b.values.add(v)
	b.stripped |= marks
	return true, nil
}

// before reports whether c's cell comes before d's in file order.
func (c *markClash) before(d *markClash) bool {
	return c.here.line < d.here.line || c.here.line == d.here.line && c.here.col < d.here.col
}

// firstClash is the clash a sequential read of one column meets first,
// given the marks of its parts in file order (the sample, then the blocks;
// a block may have stopped at a clash of its own): the column's first comma
// when an ungroupable point comes before it, else the first ungroupable
// point after that comma. A block cannot decide this alone: a comma or a
// point in an earlier part changes which cell clashes, and with which.
func firstClash(parts []*decimalMarks) *markClash {
	var comma, point cellAt // the column's first comma, and its first point before that
	commaSet := false
	for _, m := range parts {
		// The part's first comma, and its first point before and after it.
		before, commaAt, partComma, after := m.pointAt, m.commaAt, m.comma, cellAt{}
		if c := m.clash; c != nil && c.commaHere {
			commaAt, partComma = c.here, true
		} else if c != nil {
			after = c.here
		}
		if commaSet {
			if at := cmp.Or(before, after); at.set() {
				return &markClash{here: at, other: comma}
			}
			continue
		}
		if !point.set() {
			point = before
		}
		if !partComma {
			continue
		}
		if point.set() {
			return &markClash{here: commaAt, other: point, commaHere: true}
		}
		comma, commaSet = commaAt, true
		if after.set() {
			return &markClash{here: after, other: comma}
		}
	}
	return nil
}

// joinComma settles the decimal marks of a column parsed in blocks: once
// any block writes commas, every block's pending cells are regrouped. A
// clash is refused as a sequential read would refuse it (firstClash).
func joinComma(file, name string, all []*columnBuilder) error {
	marks := make([]*decimalMarks, len(all))
	for i, part := range all {
		marks[i] = &part.marks
	}
	if clash := firstClash(marks); clash != nil {
		return clash.err(file, name, "")
	}
	var first *decimalMarks
	for _, part := range all {
		if part.marks.comma {
			first = &part.marks
			break
		}
	}
	if first == nil {
		// No comma yet: the joined column keeps every block's "1.234"s, at
		// their places in the whole column, and the first ungroupable point,
		// for settleFileMarks.
		var merged decimalMarks
		offset := 0
		for _, part := range all {
			for _, p := range part.marks.pending {
				merged.pending = append(merged.pending, pendingCell{offset + p.index, p.v})
			}
			if at := part.marks.pointAt; at.set() && !merged.pointAt.set() {
				merged.pointAt = at
			}
			offset += part.values.len()
		}
		all[0].marks = merged
		return nil
	}
	all[0].marks.comma = true // the joined column writes commas
	for _, part := range all {
		for _, p := range part.marks.pending {
			part.values.set(p.index, p.regroup())
		}
		part.marks.pending = nil
	}
	return nil
}

// settleFile applies a semicolon file's decimal comma to the numeric
// columns that wrote none themselves. A file is written in one locale: once
// any of its columns writes a decimal comma (or starts with one: a model's
// training file read it so), a column whose every point can group thousands ("1.234", a
// whole number written "#.##0") is read that way too; regroup corrects its
// pending cell p of column i. A column that writes an ungroupable point
// ("1.5") keeps its points as decimals.
func settleFile(marks []*decimalMarks, regroup func(i int, p pendingCell)) {
	if !slices.ContainsFunc(marks, func(m *decimalMarks) bool { return m.comma }) {
		return
	}
	for i, m := range marks {
		if m.comma || m.pointAt.set() || len(m.pending) == 0 {
			continue
		}
		for _, p := range m.pending {
			regroup(i, p)
		}
		m.comma, m.pending = true, nil
	}
}

// settleFileMarks is settleFile for a table's column builders.
func settleFileMarks(bs []columnBuilder) {
	marks := make([]*decimalMarks, len(bs))
	for i := range bs {
		marks[i] = &bs[i].marks
	}
	settleFile(marks, func(i int, p pendingCell) { bs[i].values.set(p.index, p.regroup()) })
}

// hasPoint reports whether a cell holds a decimal point.
func hasPoint(t []byte) bool { return bytes.IndexByte(t, '.') >= 0 }

// commaNumber parses the numeric field col of a decimal-comma log.
func (p *logParser) commaNumber(col int, what string, line int, cell []byte) (float64, error) {
	for len(p.marks) <= col {
		p.marks = append(p.marks, decimalMarks{final: true})
	}
	v, ok, _, clash, marks := p.marks[col].readCleaned(cell, 0, line, col+1)
	p.log.Stripped |= marks
	if clash != nil {
		return 0, clash.err(p.name, "", what)
	}
	if !ok {
		pe := parseErr(p.name, line, col+1, ErrNotNumeric, fmt.Sprintf("%s %s is not a number", what, quoteCut(cell)))
		pe.Facts = NotANumber{Role: what, Cell: string(cell)}
		return 0, pe
	}
	return v, nil
}
