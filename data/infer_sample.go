package data

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// The stray-cell rule. A column whose sampled cells are numbers except for a
// few stray ones is numeric, and each stray cell is an error naming it,
// exactly as a bad cell after the sample is; it is not silently read as a
// text column and dropped from the features. "A few" is at most 1 % of the
// column's present (non-missing) sampled cells, rounded up, in a column of
// at least minStrayColumn present cells, with at most maxStrayValues
// distinct stray values. Numbers that are not finite (inf, 1e400) are
// always errors in a numeric column and do not count as strays.
//
// Nor do numbers written in a spelling retain does not read
// (numberSpelling): digits grouped by spaces or apostrophes ("1 234"), and,
// in a column whose numbers write a decimal point ("0.25"), a decimal
// comma in a file not separated by semicolons ("0,2"): a column of numbers
// that writes some of them so is numeric, and each such cell an error
// saying how it is written, however many there are (review21 #4: a tenth
// of ExitRates' cells written "0,2" made the column text, dropped with a
// note, where 2 % "inf" stopped the load). This holds where at least half
// of the present sampled cells are numbers, and not in a column named like
// an identifier (idLikeName) or whose numbers are distinct whole numbers
// (ids, phone or account numbers, which the loader reads as identifiers);
// a column whose other cells hold letters ("AB12", "X0", a postcode) is
// typed by the stray rule alone, as before.
//
// Numeric missing words (numericMissingWords: "unknown", "未知", …) count
// as strays like any other text, except in a sample whose only non-numbers
// they are: that column is numeric however many there are, and they are
// its missing cells. So a column with another non-number is typed exactly
// as without the list, and a later non-number that is no such word is an
// error as in any numeric column.
const (
	minStrayColumn = 20
	maxStrayValues = 5
)

// sampleKind is what the sample says about one column.
type sampleKind struct {
	numeric bool
	// present counts the non-missing sampled cells, numbers those that are
	// finite numbers.
	present, numbers int
	// badLines holds the lines of the present cells that are not finite
	// numbers, in file order.
	badLines []int
	// mixed explains why a column of mostly numbers is read as text.
	mixed *MixedText
}

// sampleKind applies the stray-cell rule to column j of the sample.
func (p *tableParser) sampleKind(j int) sampleKind {
	var k sampleKind
	nonFinite := 0
	// others are the present cells that are no numbers, not even
	// non-finite ones, in file order.
	var others []strayCell
	// wordLines are the lines of the bad cells that are numeric missing
	// words (numericMissingWords).
	var wordLines []int
	semicolon := p.rr.delim == ';'
	for i, row := range p.sample {
		cell := trimSpace([]byte(row[j]))
		if isMissing(cell) {
			continue
		}
		k.present++
		if _, ok := parseCell(cell, semicolon); ok {
			k.numbers++
			continue
		}
		k.badLines = append(k.badLines, p.lines[i])
		if isNumericMissingWord(cell) {
			wordLines = append(wordLines, p.lines[i])
		}
		if numberLike(cell) {
			nonFinite++
			continue
		}
		others = append(others, strayCell{cell, p.lines[i], numberSpelling(cell, semicolon)})
	}
	allowed := 0
	if k.present >= minStrayColumn {
		allowed = (k.present + 99) / 100
	}
	t := tallyStrays(others, nil)
	k.numeric = k.numbers > 0 && t.n <= allowed && len(t.values) <= maxStrayValues
	if !k.numeric && k.numbers > 0 && t.spellings && 2*k.numbers >= k.present && !idLikeName(p.header[j]) {
		// Numbers, some in a spelling retain does not read: the column
		// is numeric if the other cells are few (see above).
		pointDecimals, distinctWhole := p.sampleNumbers(j)
		unread := func(sp Spelling) bool {
			return sp == SpellingDecimalComma && pointDecimals || sp == SpellingSpaceGroups && !distinctWhole
		}
		if u := tallyStrays(others, unread); u.n <= allowed && len(u.values) <= maxStrayValues {
			k.numeric = true
		}
	}
	switch {
	case k.numbers > 0 && len(wordLines) > 0 && len(wordLines) == len(k.badLines):
		// Numbers and missing words only: numeric, the words missing.
		k.numeric, k.badLines = true, nil
		return k
	case k.numeric && len(wordLines) > 0:
		// The column reads its words as missing; the strays left are the
		// other cells.
		k.badLines = slices.DeleteFunc(k.badLines, func(l int) bool { return slices.Contains(wordLines, l) })
	}
	if !k.numeric && k.numbers > 0 && 2*k.numbers >= k.present {
		k.mixed = &MixedText{Numbers: k.numbers, Present: k.present, NotNumbers: t.n,
			Examples: t.examples, More: len(t.values) > len(t.examples), Line: t.firstLine, Column: j + 1}
	}
	return k
}

// strayCell is a sampled cell that is no number, at line, and how it
// writes one (SpellingNone when it does not).
type strayCell struct {
	cell     []byte
	line     int
	spelling Spelling
}

// strayTally counts a column's stray cells: n of them, their distinct
// values, the first three quoted, the first one's line, and whether any
// cell writes a number in a spelling retain does not read.
type strayTally struct {
	n         int
	values    map[string]int
	examples  []string
	firstLine int
	spellings bool
}

// tallyStrays counts the cells of others as strays, but those whose
// spelling unread accepts (none when unread is nil).
func tallyStrays(others []strayCell, unread func(Spelling) bool) strayTally {
	t := strayTally{values: map[string]int{}}
	for _, o := range others {
		t.spellings = t.spellings || o.spelling != SpellingNone
		if unread != nil && unread(o.spelling) {
			continue
		}
		t.n++
		if t.firstLine == 0 {
			t.firstLine = o.line
		}
		if _, seen := t.values[string(o.cell)]; !seen && len(t.examples) < 3 {
			t.examples = append(t.examples, quoteCut(o.cell))
		}
		t.values[string(o.cell)]++
	}
	return t
}

// numberLike reports a cell that spells a number that is not finite, such
// as inf, -Infinity or 1e400.
func numberLike(cell []byte) bool {
	_, err := strconv.ParseFloat(string(cell), 64)
	return err == nil || errors.Is(err, strconv.ErrRange)
}

// strayError reports a sampled cell of a numeric column that is not a
// finite number, with how many more there are in the sample, and how to go
// on. sampled is the number of rows in the sample when the file has more
// (the count is then of those rows only), 0 when it holds the whole file;
// semicolon says the file is separated by semicolons (which read decimal
// commas), for the hint of a cell that writes a number in a spelling
// retain does not read (numberSpelling).
func (k sampleKind) strayError(file, name string, line, col int, cell string, sampled int, semicolon bool) error {
	t := trimSpace([]byte(cell))
	spelling := numberSpelling(t, semicolon)
	msg := fmt.Sprintf("column %q: expected a finite number (%d of its %d values in the first rows are numbers), got %s%s",
		name, k.numbers, k.present, quoteCut(t), spellingHint(spelling))
	var others []string
	facts := NotANumber{Column: name, Cell: string(t), Numbers: k.numbers, Present: k.present, Sampled: sampled, Spelling: spelling}
	for _, l := range k.badLines {
		if l != line {
			others = append(others, strconv.Itoa(l))
			facts.Others = append(facts.Others, l)
		}
	}
	where := ""
	if sampled > 0 {
		where = " in the first " + Thousands(sampled) + " rows"
	}
	switch {
	case len(others) == 1:
		msg += "; 1 more such cell" + where + ", on line " + others[0]
	case len(others) > 3:
		msg += fmt.Sprintf("; %d more such cells%s, on lines %s, …", len(others), where, strings.Join(others[:3], ", "))
	case len(others) > 1:
		msg += fmt.Sprintf("; %d more such cells%s, on lines %s", len(others), where, strings.Join(others, ", "))
	}
	msg += strayHint(name)
	pe := parseErr(file, line, col, ErrNotNumeric, msg)
	pe.Facts = facts
	return pe
}

// spellingHint is the hint after a cell written in spelling: " (written
// with a decimal comma, …)", or "" for SpellingNone.
func spellingHint(spelling Spelling) string {
	if spelling == SpellingNone {
		return ""
	}
	return " (" + spelling.String() + ")"
}

// strayHint is how to go on after a cell of numeric column name that is
// no number.
func strayHint(name string) string {
	return "; correct such cells (a missing value may be left blank), or leave the column out with --exclude " + ExcludeArg(name)
}

// ExcludeArg is a column name as the argument of --exclude on a shell's
// command line: as it is when made of ASCII letters, digits and "_.-" only
// (and not starting with "-"), else in single quotes.
func ExcludeArg(name string) string {
	plain := name != "" && name[0] != '-'
	for _, r := range name {
		if !(r == '_' || r == '.' || r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			plain = false
			break
		}
	}
	if plain {
		return name
	}
	return "'" + strings.ReplaceAll(name, "'", `'\''`) + "'"
}
