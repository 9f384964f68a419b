package data

import (
	"fmt"
	"math"
)

// Thousands grouped by spaces or apostrophes ("1 234,50", "1 234.50",
// "1'234.50", "12 345"; French, Nordic, Polish and Swiss exports) are read
// only in a column that groups them one way: the marks below are the
// column's (Column.Stripped, PipelineColumn.Marks), and a model reads such
// cells only in the columns whose training file wrote them (cellValue), so
// that no other column starts reading "12 345" as a number.
const (
	// markSpaceGroups: spaces (a space, a no-break, narrow no-break or
	// thin space) grouped thousands.
	markSpaceGroups NumberMarks = 1 << 10
	// markApostropheGroups: apostrophes (' or ’) grouped thousands.
	markApostropheGroups NumberMarks = 1 << 11
	// spaceGroupMarks is both.
	spaceGroupMarks = markSpaceGroups | markApostropheGroups
)

// SpaceGroups reports that spaces grouping thousands were removed.
func (m NumberMarks) SpaceGroups() bool { return m&markSpaceGroups != 0 }

// ApostropheGroups reports that apostrophes grouping thousands were removed.
func (m NumberMarks) ApostropheGroups() bool { return m&markApostropheGroups != 0 }

// parseSpaced parses a trimmed cell whose digits are grouped by spaces or
// by apostrophes, not both (ungroupMarks), as parseCell parses the cell
// without them, commas grouping thousands excepted ("1 234,567" is no
// number); marks holds the separators' mark and what cleaning removed.
func parseSpaced(t []byte, decimalComma bool) (v float64, marks NumberMarks, ok bool) {
	u, family, ok := ungroupMarks(t)
	if !ok || family == spaceGroupMarks {
		return 0, 0, false
	}
	if v, ok := parseNumber(u); ok {
		return v, family, true
	}
	if decimalComma {
		if v, ok := parseComma(u, false); ok {
			return v, family, true
		}
	}
	v, m, ok := parseCleaned(u, decimalComma)
	if !ok || m&markGroups != 0 {
		return 0, 0, false
	}
	return v, family | m, true
}

// groupCells remembers, for a numeric column being read, the first cell
// grouping its thousands with spaces, the first with apostrophes, and the
// first whole part of five digits or more written without groups, so that
// a column grouping them more than one way is refused (groupClash).
type groupCells struct {
	space, apostrophe, plain cellAt
}

// noteLong remembers the first cell whose number, |v| ≥ 10,000, was
// written without groups.
func (g *groupCells) noteLong(v float64, t []byte, line, col int) {
	if !g.plain.set() && math.Abs(v) >= 1e4 {
		g.plain = cellAt{line, col, string(t)}
	}
}

// join keeps the earliest cell of each kind of parts (in file order).
func (g *groupCells) join(o groupCells) {
	for _, p := range []struct{ mine, theirs *cellAt }{{&g.space, &o.space}, {&g.apostrophe, &o.apostrophe}, {&g.plain, &o.plain}} {
		if p.theirs.set() && (!p.mine.set() || p.theirs.line < p.mine.line) {
			*p.mine = *p.theirs
		}
	}
}

// addSpaced appends a numeric cell whose digits are grouped by spaces or
// apostrophes (parseSpaced; a decimal-comma column reads the rest with its
// marks); ok false: still no number.
func (b *columnBuilder) addSpaced(t []byte, file string, line, col int, name string) (bool, error) {
	u, family, ok := ungroupMarks(t)
	if !ok || family == spaceGroupMarks {
		return false, nil
	}
	if b.decimalComma {
		if ok, err := b.addMarked(u, file, line, col, name); !ok || err != nil {
			return ok, err
		}
	} else {
		v, marks, ok := parseSpaced(t, false)
		if !ok {
			return false, nil
		}
		b.values.add(v)
		b.stripped |= marks
	}
	b.stripped |= family
	at := &b.groups.space
	if family == markApostropheGroups {
		at = &b.groups.apostrophe
	}
	if !at.set() {
		*at = cellAt{line, col, string(t)}
	}
	return true, nil
}

// GroupClash is a numeric column that grouped its thousands more than
// one way (ErrNotNumeric): Cell, at the error's line and column, grouped
// them with Separator ("spaces" or "apostrophes"); Other says how the
// rest of the column wrote them: "apostrophes" or "spaces" (OtherCell at
// OtherLine), "commas" (other cells grouped them with commas or points),
// or "none" (OtherCell at OtherLine, five digits or more, has no groups).
type GroupClash struct {
	Column, Cell, Separator string
	Other, OtherCell        string
	OtherLine               int
}

func (GroupClash) parseFacts() {}

// groupClash is the error of a numeric column that grouped thousands more
// than one way: with spaces and with apostrophes, with either and with
// commas (or points, in a decimal-comma file), or with either while a
// number of five digits or more has no groups ("12 345" and "12345": a
// column of codes, not of amounts); nil otherwise.
func (b *columnBuilder) groupClash(file, name string) error {
	g := b.groups
	if !g.space.set() && !g.apostrophe.set() {
		return nil
	}
	f := GroupClash{Column: name, Separator: "spaces"}
	first, second := g.space, g.apostrophe
	if g.apostrophe.set() && (!g.space.set() || g.apostrophe.line < g.space.line) {
		first, second, f.Separator = g.apostrophe, g.space, "apostrophes"
	}
	f.Cell = first.text
	var other string
	switch {
	case second.set():
		f.Other, f.OtherCell, f.OtherLine = "spaces", second.text, second.line
		if f.Separator == "spaces" {
			f.Other = "apostrophes"
		}
		other = fmt.Sprintf("line %d groups them with %s (%q)", second.line, f.Other, second.text)
	case b.stripped&markGroups != 0:
		f.Other = "commas"
		other = "other cells group them with commas or points"
	case g.plain.set():
		f.Other, f.OtherCell, f.OtherLine = "none", g.plain.text, g.plain.line
		other = fmt.Sprintf("line %d writes %q without groups", g.plain.line, g.plain.text)
	default:
		return nil
	}
	pe := parseErr(file, first.line, first.col, ErrNotNumeric, fmt.Sprintf(
		"column %q: %q groups its digits with %s, but %s: a column whose thousands are grouped more than one way is not read as numbers; "+
			"write the column one way, or leave it out with --exclude %s", name, first.text, f.Separator, other, name))
	pe.Facts = f
	return pe
}

// spacedColumn is inferColumn's column of numbers for a text column whose
// cells are numbers once the spaces or apostrophes grouping their digits
// are removed (ungroupMarks), all grouped one way: not both separators,
// no commas (or points, in a decimal-comma file) grouping other cells,
// and no number of five digits or more without groups ("12345" beside
// "12 345": codes, not amounts). nil when the column is no such column.
func spacedColumn(name string, b *columnBuilder, strs, levels []string) *Column {
	var family NumberMarks
	ungrouped := make(map[string]string)
	plainLong := false
	lv := make([]string, len(levels))
	for i, s := range levels {
		u, f, ok := ungroupMarks([]byte(s))
		if !ok {
			lv[i] = s
			if v, ok := parseCell([]byte(s), b.decimalComma); ok && math.Abs(v) >= 1e4 {
				plainLong = true
			}
			continue
		}
		family |= f
		lv[i] = string(u)
		ungrouped[s] = lv[i]
	}
	if len(ungrouped) == 0 || family == spaceGroupMarks || plainLong {
		return nil
	}
	numeric, pointGroups := allNumeric(lv, b.decimalComma)
	if !numeric {
		return nil
	}
	marks := levelMarks(lv, b.decimalComma)
	if marks&markGroups != 0 {
		return nil
	}
	cells := make([]string, len(strs))
	for i, s := range strs {
		if u, ok := ungrouped[s]; ok {
			s = u
		}
		cells[i] = s
	}
	c := inferNumeric(name, stringsToNumbers(cells, b.decimalComma, pointGroups), b.missing, nil)
	if c.Kind == ID {
		c.Strings = strs // the ids as written
	}
	c.DecimalComma = c.Kind == Numeric && pointGroups
	c.Stripped = marks | family
	return c
}

// readSpaced is decimalMarks.readCleaned for a cell of a column whose
// training file grouped thousands with spaces or apostrophes: the cell
// without them.
func (m *decimalMarks) readSpaced(t []byte, index, line, col int) (v float64, ok bool, settled []pendingCell, clash *markClash, marks NumberMarks) {
	u, family, grouped := ungroupMarks(t)
	if !grouped || family == spaceGroupMarks {
		return 0, false, nil, nil, 0
	}
	v, ok, settled, clash, marks = m.readCleaned(u, index, line, col)
	if ok && clash == nil {
		marks |= family
	}
	return v, ok, settled, clash, marks
}

// spacedWords says what spaceGroupMarks removed, for NumberMarks.String.
func spacedWords(m NumberMarks) []string {
	var out []string
	if m&markSpaceGroups != 0 {
		out = append(out, "the spaces grouping thousands (1 234 is 1234)")
	}
	if m&markApostropheGroups != 0 {
		out = append(out, "the apostrophes grouping thousands (1'234 is 1234)")
	}
	return out
}
