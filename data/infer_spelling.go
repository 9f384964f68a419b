package data

import (
	"bytes"
	"math"
	"unicode/utf8"
)

// Spelling names how a cell that is no number to retain still writes one,
// in a form retain does not read (see numberSpelling).
type Spelling uint8

const (
	// SpellingNone: the cell writes no number, or one retain reads.
	SpellingNone Spelling = iota
	// SpellingDecimalComma: a decimal comma ("0,2", "1.234,5", "€0,5")
	// in a file not separated by semicolons, which reads commas as
	// thousands separators only.
	SpellingDecimalComma
	// SpellingSpaceGroups: digits grouped by a space, a no-break space, a
	// thin space or an apostrophe ("1 234", "1 234,56", "1'234.50").
	SpellingSpaceGroups
)

// String is the spelling's hint in English, after the cell in an error
// (`got "0,2" (…)`); "" for SpellingNone.
func (s Spelling) String() string {
	switch s {
	case SpellingDecimalComma:
		return "written with a decimal comma, which only a semicolon-separated file reads"
	case SpellingSpaceGroups:
		return "digits grouped by spaces or apostrophes, which are not read: write the number without them"
	}
	return ""
}

// groupMarks are the separators numberSpelling takes for thousands
// separators between digits.
var groupMarks = []string{" ", "'", "\u2019", "\u00a0", "\u202f", "\u2009"}

// numberSpelling says how the trimmed cell t, which parseCell does not
// read as a number, writes one all the same: with its digits grouped by
// spaces or apostrophes (1–3 digits, not starting with 0, then groups of
// exactly 3), or, when semicolon is false, with a decimal comma. Either
// may be inside the marks retain reads ("€ 1 234,50", "0,2%").
func numberSpelling(t []byte, semicolon bool) Spelling {
	if u, ok := ungroupSpaces(t); ok {
		if _, ok := parseCell(u, semicolon); ok {
			return SpellingSpaceGroups
		}
		if !semicolon && commaNumber(u) {
			return SpellingSpaceGroups
		}
		return SpellingNone
	}
	if !semicolon && bytes.IndexByte(t, ',') >= 0 && commaNumber(t) {
		return SpellingDecimalComma
	}
	return SpellingNone
}

// commaNumber reports that t reads as a number the way a semicolon file
// reads one, with a decimal comma, also within marks.
func commaNumber(t []byte) bool {
	if _, ok := parseComma(t, false); ok {
		return true
	}
	_, _, ok := parseCleaned(t, true)
	return ok
}

// ungroupSpaces removes from t the spaces or apostrophes (groupMarks)
// that group its first run of digits into thousands; ok is false when t
// has no such separator, or one that does not group thousands ("3 4",
// "0 123", "555 1234", "1 234 5").
func ungroupSpaces(t []byte) (out []byte, ok bool) {
	out, _, ok = ungroupMarks(t)
	return out, ok
}

// ungroupMarks is ungroupSpaces also saying which separators grouped the
// digits: markSpaceGroups for spaces (a space, a no-break, narrow no-break
// or thin space), markApostropheGroups for apostrophes (' or ’), both when
// a cell mixes them.
func ungroupMarks(t []byte) (out []byte, family NumberMarks, ok bool) {
	out = make([]byte, 0, len(t))
	run, grouped, done := 0, false, false
	lead := byte(0) // the first digit of the grouped run
	for i := 0; i < len(t); {
		c := t[i]
		if c >= '0' && c <= '9' {
			if run == 0 && !grouped {
				lead = c
			}
			run++
			out = append(out, c)
			i++
			continue
		}
		if mark := groupMark(t[i:]); mark > 0 && run > 0 && i+mark < len(t) && isDigit(t[i+mark]) {
			if done || !grouped && (run > 3 || lead == '0') || grouped && run != 3 {
				return nil, 0, false
			}
			if t[i] == '\'' || bytes.HasPrefix(t[i:], []byte("’")) {
				family |= markApostropheGroups
			} else {
				family |= markSpaceGroups
			}
			grouped, run = true, 0
			i += mark
			continue
		}
		if grouped && !done {
			if run != 3 {
				return nil, 0, false
			}
			done = true
		}
		run = 0
		_, size := utf8.DecodeRune(t[i:])
		out = append(out, t[i:i+size]...)
		i += size
	}
	if grouped && !done && run != 3 {
		return nil, 0, false
	}
	return out, family, grouped
}

// groupMark is the length of the groupMarks separator t starts with, or 0.
func groupMark(t []byte) int {
	for _, m := range groupMarks {
		if bytes.HasPrefix(t, []byte(m)) {
			return len(m)
		}
	}
	return 0
}

// sampleNumbers says what the numbers of column j's sample write:
// pointDecimals, a decimal point that cannot group thousands ("0.25",
// "12.5"; not "1.234"), and distinctWhole, that every present cell is a
// whole number and no two are equal (an identifier, a phone or account
// number, as the loader reads such a column).
func (p *tableParser) sampleNumbers(j int) (pointDecimals, distinctWhole bool) {
	semicolon := p.rr.delim == ';'
	seen := map[float64]bool{}
	distinctWhole = true
	for _, row := range p.sample {
		cell := trimSpace([]byte(row[j]))
		if isMissing(cell) {
			continue
		}
		v, ok := parseCell(cell, semicolon)
		if !ok {
			continue
		}
		if !semicolon && hasPoint(cell) {
			if _, groups := parseComma(cell, true); !groups {
				pointDecimals = true
			}
		}
		if v != math.Trunc(v) || seen[v] {
			distinctWhole = false
		}
		seen[v] = true
	}
	return pointDecimals, distinctWhole
}
