package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// NumberMarks records what was removed from a column's cells to read them
// as numbers: currency signs, percent signs, accounting parentheses,
// thousands separators (see cleanNumber). The zero value: nothing.
type NumberMarks uint16

const (
	markPercent NumberMarks = 1 << iota
	markParens
	markGroups
	markCurrency // the first currency sign; currencySigns[i] is markCurrency << i
)

// currencySigns are the currency signs a number may be written with, before
// or after it (optionally with one space between): dollar, euro, pound, yen
// and the full-width yen of Chinese and Japanese exports.
var currencySigns = []string{"$", "€", "£", "¥", "￥"}

// String words the marks for a load note: `numbers read without their
// currency sign "$" and thousands separators`; "" for none.
func (m NumberMarks) String() string {
	if m == 0 {
		return ""
	}
	signs := m.Currencies()
	for i, s := range signs {
		signs[i] = fmt.Sprintf("%q", s)
	}
	var removed []string
	switch len(signs) {
	case 0:
	case 1:
		removed = append(removed, "their currency sign "+signs[0])
	default:
		removed = append(removed, "their currency signs "+strings.Join(signs, ", "))
	}
	if m&markPercent != 0 {
		removed = append(removed, "their percent sign (kept as written: 9% is 9)")
	}
	if m&markGroups != 0 {
		removed = append(removed, "thousands separators")
	}
	removed = append(removed, spacedWords(m)...)
	var parts []string
	if len(removed) > 0 {
		parts = append(parts, "numbers read without "+wordList(removed))
	}
	if m&markParens != 0 {
		parts = append(parts, "accounting negatives in parentheses read as negative numbers ((5.00) is -5)")
	}
	return strings.Join(parts, "; ")
}

// maxCleanLen bounds the cells cleanNumber looks at.
const maxCleanLen = 64

// cleanNumber removes from a trimmed cell what spreadsheets write around a
// number: accounting parentheses for a negative ("(1,234.00)"), a leading
// or trailing currency sign (currencySigns, optionally one space from the
// number), a trailing percent sign (the number is kept as written), and,
// unless decimalComma is set, commas grouping thousands ("1,234,567.89":
// 1–3 digits, then groups of exactly 3). With decimalComma, points and
// commas are left for the decimal-comma reader (parseComma,
// decimalMarks). The number may be written in scientific notation
// ("9.83E-05%", "$1.5e3", "9,83E-05" with decimalComma), but then without
// thousands separators. It writes the bare number into buf ("-1234.00") and says
// what it removed; ok is false when nothing was removed or what remains is
// not written like a number (the caller parses it).
func cleanNumber(t []byte, decimalComma bool, buf *[maxCleanLen]byte) (out []byte, marks NumberMarks, ok bool) {
	if len(t) < 2 || len(t) > maxCleanLen {
		return nil, 0, false
	}
	neg := false
	if t[0] == '(' && t[len(t)-1] == ')' {
		t, neg, marks = t[1:len(t)-1], true, markParens
		if len(t) > 1 && t[0] == '0' && t[1] >= '0' && t[1] <= '9' {
			return nil, 0, false // "(01)": a code, not an accounting negative
		}
	}
	var sign byte
	if len(t) > 0 && (t[0] == '-' || t[0] == '+') {
		sign, t = t[0], t[1:]
	}
	for i, s := range currencySigns {
		if bytes.HasPrefix(t, []byte(s)) {
			t, marks = bytes.TrimPrefix(t[len(s):], []byte(" ")), marks|markCurrency<<i
			break
		}
		if bytes.HasSuffix(t, []byte(s)) {
			t, marks = bytes.TrimSuffix(t[:len(t)-len(s)], []byte(" ")), marks|markCurrency<<i
			break
		}
	}
	if bytes.HasSuffix(t, []byte("%")) && marks < markCurrency {
		t, marks = bytes.TrimSuffix(t[:len(t)-1], []byte(" ")), marks|markPercent
	}
	if sign == 0 && len(t) > 0 && (t[0] == '-' || t[0] == '+') {
		sign, t = t[0], t[1:] // "$-5"
	}
	if len(t) == 0 || neg && sign != 0 || !numberBody(t) {
		return nil, 0, false
	}
	if mant, exp := splitExponent(t); len(exp) > 0 && bytes.IndexByte(mant, ',') >= 0 && (!decimalComma || bytes.IndexByte(mant, '.') >= 0) {
		// Scientific notation has no thousands separators: "1,234.5e3"
		// and, with a decimal comma, "1.234,5e3" are no numbers.
		return nil, 0, false
	}
	n := 0
	switch {
	case neg:
		buf[0], n = '-', 1
	case sign != 0:
		buf[0], n = sign, 1
	}
	if comma := bytes.IndexByte(t, ','); comma >= 0 && (!decimalComma || usGrouping(t, comma)) {
		if !groupedThousands(t) {
			return nil, 0, false
		}
		marks |= markGroups
		for _, c := range t {
			if c != ',' {
				buf[n] = c
				n++
			}
		}
	} else {
		n += copy(buf[n:], t)
	}
	if marks == 0 {
		return nil, 0, false
	}
	return buf[:n], marks, true
}

// usGrouping reports whether t, whose first comma is at comma, writes
// its commas before a decimal point ("1,548.00"): in a decimal-comma file
// such a cell can only group thousands with commas (the decimalMarks of
// its column still refuse a column that writes both ways).
func usGrouping(t []byte, comma int) bool {
	point := bytes.IndexByte(t, '.')
	return point > comma && bytes.LastIndexByte(t, ',') < point
}

// numberBody reports whether t holds only digits, points and commas, and
// starts with a digit or a point, optionally followed by an exponent
// ("9.83E-05", "9,83e5": see splitExponent).
func numberBody(t []byte) bool {
	t, _ = splitExponent(t)
	if len(t) == 0 || t[0] != '.' && (t[0] < '0' || t[0] > '9') {
		return false
	}
	for _, c := range t {
		if (c < '0' || c > '9') && c != '.' && c != ',' {
			return false
		}
	}
	return true
}

// splitExponent splits a number written in scientific notation into its
// mantissa and its exponent ("9,83E-05": "9,83" and "E-05"); exp is empty
// when t has no well-formed exponent: an "e" or "E", an optional sign and
// at least one digit, after a mantissa holding a digit.
func splitExponent(t []byte) (mantissa, exp []byte) {
	i := bytes.IndexAny(t, "eE")
	if i < 1 || bytes.IndexAny(t[:i], "0123456789") < 0 {
		return t, nil
	}
	e := t[i+1:]
	if len(e) > 0 && (e[0] == '-' || e[0] == '+') {
		e = e[1:]
	}
	if len(e) == 0 {
		return t, nil
	}
	for _, c := range e {
		if c < '0' || c > '9' {
			return t, nil
		}
	}
	return t[:i], t[i:]
}

// groupedThousands reports whether t is digits grouped by commas, as
// "1,234" or "12,345,678.9" are: 1–3 digits not starting with 0, then
// groups of exactly 3, then at most one decimal point and digits.
func groupedThousands(t []byte) bool {
	intPart := t
	if i := bytes.IndexByte(t, '.'); i >= 0 {
		intPart = t[:i]
		if bytes.ContainsAny(t[i+1:], ".,") {
			return false
		}
	}
	groups := bytes.Split(intPart, []byte(","))
	if len(groups) < 2 || len(groups[0]) == 0 || len(groups[0]) > 3 || groups[0][0] == '0' {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return true
}

// parseCleaned parses a trimmed cell that parseCell could not read once
// cleanNumber has removed what surrounds its number, and says what it
// removed.
func parseCleaned(t []byte, decimalComma bool) (float64, NumberMarks, bool) {
	var buf [maxCleanLen]byte
	core, marks, ok := cleanNumber(t, decimalComma, &buf)
	if !ok {
		return 0, 0, false
	}
	v, ok := parseNumber(core)
	if !ok && decimalComma {
		v, ok = parseComma(core, false)
	}
	if !ok {
		return 0, 0, false
	}
	return v, marks, true
}

// addCleaned appends a numeric cell of a column without decimal commas
// that is no plain number, once cleaned (see cleanNumber); ok false: still
// no number. (A decimal-comma column's addMarked cleans its cells itself.)
func (b *columnBuilder) addCleaned(t []byte) bool {
	if b.decimalComma {
		return false
	}
	v, marks, ok := parseCleaned(t, false)
	if ok {
		b.values.add(v)
		b.stripped |= marks
	}
	return ok
}

// readLevel is readCleaned for one level of a text column (see
// allNumeric): line 1 for every level, as a level has no line but the
// first ungroupable point must still be remembered.
func (m *decimalMarks) readLevel(t []byte) (ok bool, marks NumberMarks) {
	_, ok, _, clash, marks := m.readCleaned(t, 0, 1, 0)
	return ok && clash == nil, marks
}

// numberNote is the load note of a column read as numbers once cleaned.
func numberNote(source string, c *Column) string {
	return fmt.Sprintf("%s: column %q: %s", source, c.Name, c.Stripped)
}

// parseGrouped parses a cell of a column whose points group thousands
// (parseComma with pointGroups), cleaned when it is not a plain number.
func parseGrouped(t []byte) (float64, bool) {
	if v, ok := parseComma(t, true); ok {
		return v, true
	}
	var buf [maxCleanLen]byte
	core, _, ok := cleanNumber(t, true, &buf)
	if !ok {
		return 0, false
	}
	return parseComma(core, true)
}

// levelMarks is what cleaning removes from the levels of a text column
// that allNumeric found to be numbers.
func levelMarks(levels []string, decimalComma bool) NumberMarks {
	var marks NumberMarks
	var buf [maxCleanLen]byte
	for _, s := range levels {
		t := []byte(s)
		if _, ok := parseNumber(t); ok {
			continue
		}
		if decimalComma {
			if _, ok := parseComma(t, true); ok {
				if pointGrouped(t) {
					marks |= markGroups
				}
				continue
			}
		}
		if _, m, ok := cleanNumber(t, decimalComma, &buf); ok {
			marks |= m
		}
	}
	return marks
}

// NumberNote says what was removed from the log's amounts, prices and
// quantities to read them as numbers (`numbers read without their currency
// sign "¥" and thousands separators`), or "" when nothing was.
func (l *OrderLog) NumberNote() string { return l.Stripped.String() }

// pointGrouped reports whether a cell that a decimal-comma column read as
// a number grouped its thousands with points: a point before its comma
// ("1.889,50") or two points ("1.234.567"). Such a column's load note says
// so, as it does of commas grouping thousands ("1,889.50"); a lone
// "1.889" says nothing (its point may be decimal until the column shows a
// comma).
func pointGrouped(t []byte) bool {
	p := bytes.IndexByte(t, '.')
	return p >= 0 && (bytes.LastIndexByte(t, ',') > p || bytes.LastIndexByte(t, '.') > p)
}

// readCleaned is read, also reading a cell whose number cleanNumber can
// bare ("€1.234,50"); marks says what cleaning removed.
func (m *decimalMarks) readCleaned(t []byte, index, line, col int) (v float64, ok bool, settled []pendingCell, clash *markClash, marks NumberMarks) {
	v, ok, settled, clash = m.read(t, index, line, col)
	if ok && clash == nil && pointGrouped(t) {
		return v, ok, settled, clash, markGroups
	}
	if ok || clash != nil {
		return v, ok, settled, clash, 0
	}
	var buf [maxCleanLen]byte
	core, marks, cleaned := cleanNumber(t, true, &buf)
	if !cleaned {
		return 0, false, nil, nil, 0
	}
	v, ok, settled, clash = m.read(core, index, line, col)
	if !ok || clash != nil {
		marks = 0
	}
	return v, ok, settled, clash, marks
}

// Currencies lists the currency signs removed, in currencySigns' order.
func (m NumberMarks) Currencies() []string {
	var signs []string
	for i, s := range currencySigns {
		if m&(markCurrency<<i) != 0 {
			signs = append(signs, s)
		}
	}
	return signs
}

// Percent reports that percent signs were removed (9% read as 9).
func (m NumberMarks) Percent() bool { return m&markPercent != 0 }

// Groups reports that thousands separators were removed.
func (m NumberMarks) Groups() bool { return m&markGroups != 0 }

// Parens reports that accounting parentheses were read as negatives.
func (m NumberMarks) Parens() bool { return m&markParens != 0 }

// markWords are the words NumberMarks' JSON form lists for its marks other
// than the currency signs, which it lists as themselves.
var markWords = []struct {
	mark NumberMarks
	word string
}{{markPercent, "%"}, {markGroups, "thousands"}, {markParens, "()"},
	{markSpaceGroups, "thousands_spaces"}, {markApostropheGroups, "thousands_apostrophes"}}

// MarshalJSON writes the marks as a list: the currency signs as written
// ("$"), "thousands" for thousands separators, "%" for percent signs and
// "()" for accounting parentheses.
func (m NumberMarks) MarshalJSON() ([]byte, error) {
	words := m.Currencies()
	for _, w := range markWords {
		if m&w.mark != 0 {
			words = append(words, w.word)
		}
	}
	if words == nil {
		words = []string{}
	}
	return json.Marshal(words)
}

// UnmarshalJSON reads a list written by MarshalJSON.
func (m *NumberMarks) UnmarshalJSON(b []byte) error {
	var words []string
	if err := json.Unmarshal(b, &words); err != nil {
		return fmt.Errorf("number marks: %w", err)
	}
	*m = 0
next:
	for _, s := range words {
		for i, c := range currencySigns {
			if s == c {
				*m |= markCurrency << i
				continue next
			}
		}
		for _, w := range markWords {
			if s == w.word {
				*m |= w.mark
				continue next
			}
		}
		return fmt.Errorf("unknown number mark %q", s)
	}
	return nil
}

// AllNumberMarks is every mark cleanNumber removes: each currency sign,
// percent signs, accounting parentheses and commas grouping thousands. A
// numeric cell is read without any of them, whatever marks its column's
// training file wrote (parseCell), so code outside Go that reads cells as
// retain predict does must remove them all. Spaces and apostrophes
// grouping thousands are not among them: they are read only in a column
// whose training file wrote them (PipelineColumn.Marks, numspace.go).
func AllNumberMarks() NumberMarks {
	m := markPercent | markParens | markGroups
	for i := range currencySigns {
		m |= markCurrency << i
	}
	return m
}
