package data

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"
)

// maxInterned bounds the distinct strings a text column shares storage for;
// beyond it the column is identifier-like and each cell keeps its own string.
const maxInterned = 4096

// chunkLen is the size of the blocks a column grows by while streaming.
// Growing one slice would copy it on every reallocation (about five times
// its final size in total); blocks are copied once, at the end.
const chunkLen = 1 << 15

// chunks is an append-only sequence stored in fixed-size blocks.
type chunks[T any] struct {
	full [][]T
	cur  []T
}

func (c *chunks[T]) add(v T) {
	if len(c.cur) == cap(c.cur) {
		if c.cur != nil {
			c.full = append(c.full, c.cur)
		}
		c.cur = make([]T, 0, chunkLen)
	}
	c.cur = append(c.cur, v)
}

func (c *chunks[T]) len() int { return len(c.full)*chunkLen + len(c.cur) }

// last is the value added last; c must not be empty.
func (c *chunks[T]) last() T { return c.cur[len(c.cur)-1] }

// set replaces the i-th value.
func (c *chunks[T]) set(i int, v T) {
	if b := i / chunkLen; b < len(c.full) {
		c.full[b][i%chunkLen] = v
		return
	}
	c.cur[i-len(c.full)*chunkLen] = v
}

// take returns the values as one slice and empties c; each block is
// released as soon as it is copied so the peak stays near one copy.
func (c *chunks[T]) take() []T {
	if len(c.full) == 0 {
		out := c.cur
		c.cur = nil
		return out
	}
	out := make([]T, 0, c.len())
	for i, block := range c.full {
		out = append(out, block...)
		c.full[i] = nil
	}
	out = append(out, c.cur...)
	*c = chunks[T]{}
	return out
}

// columnBuilder accumulates one column while the file streams: numbers as
// float64 (NaN for missing), text as shared strings ("" for missing).
type columnBuilder struct {
	numeric bool
	values  chunks[float64]
	strs    chunks[string]
	intern  map[string]string
	missing int
	// decimalComma accepts "1,5" for 1.5 and "1.234,5" for 1234.5, as
	// semicolon-separated exports from European spreadsheets write numbers;
	// marks tracks how the column writes them.
	decimalComma bool
	marks        decimalMarks
	// mixed, for a text column of mostly numbers, says so (see sampleKind).
	mixed *MixedText
	// badDate is the first cell written as a date but no calendar date
	// (datecol_lenient.go).
	badDate cellAt
	// stripped is what was removed from cells to read them as numbers
	// (numclean.go).
	stripped NumberMarks
	// words counts the cells of a numeric column read as missing because
	// they are numeric missing words (numeric_words.go).
	words missingWords
	// written holds, for a numeric column, what its numbers lose of the
	// cells' text (written.go).
	written writtenCells
	// groups remembers how a numeric column grouped its thousands
	// (numspace.go).
	groups groupCells
}

func newColumnBuilder(numeric bool, capHint int) columnBuilder {
	if numeric {
		return columnBuilder{numeric: true, values: chunks[float64]{cur: make([]float64, 0, capHint)}}
	}
	return columnBuilder{strs: chunks[string]{cur: make([]string, 0, capHint)}, intern: make(map[string]string)}
}

// add appends one raw cell. line and col locate it for errors; name is the
// column's header.
func (b *columnBuilder) add(cell []byte, file string, line, col int, name string) error {
	if b.numeric {
		if mayLoseText(cell) {
			b.keepWritten(cell)
		}
		if !b.decimalComma {
			if v, ok := parseNumber(cell); ok { // the common case: no padding
				b.values.add(v)
				b.groups.noteLong(v, cell, line, col)
				return nil
			}
		}
		t := trimSpace(cell)
		if isMissing(t) {
			b.values.add(math.NaN())
			b.missing++
			return nil
		}
		if isNumericMissingWord(t) {
			b.values.add(math.NaN())
			b.missing++
			b.noteWord(t)
			return nil
		}
		if b.decimalComma {
			// Points and commas are read by the column's marks; "3,5" never
			// reaches strconv.
			if ok, err := b.addMarked(t, file, line, col, name); ok || err != nil {
				if err == nil {
					b.groups.noteLong(b.values.last(), t, line, col)
				}
				return err
			}
		} else if v, ok := parseNumber(t); ok {
			b.values.add(v)
			b.groups.noteLong(v, t, line, col)
			return nil
		}
		if b.addCleaned(t) {
			b.groups.noteLong(b.values.last(), t, line, col)
			return nil
		}
		if ok, err := b.addSpaced(t, file, line, col, name); ok || err != nil {
			return err
		}
		spelling := numberSpelling(t, b.decimalComma)
		pe := parseErr(file, line, col, ErrNotNumeric,
			fmt.Sprintf("column %q: expected a finite number (the column's first rows are numeric), got %s%s%s", name, quoteCut(t), spellingHint(spelling), strayHint(name)))
		pe.Facts = NotANumber{Column: name, Cell: string(t), Spelling: spelling}
		return pe
	}
	t := trimSpace(cell)
	if isMissing(t) {
		b.strs.add("")
		b.missing++
		return nil
	}
	if b.intern == nil {
		b.strs.add(string(t))
		return nil
	}
	s, ok := b.intern[string(t)]
	if !ok {
		if len(b.intern) >= maxInterned {
			b.intern = nil
			b.strs.add(string(t))
			return nil
		}
		s = string(t)
		b.intern[s] = s
		b.noteBadDate(t, line, col)
	}
	b.strs.add(s)
	return nil
}

// pow10 holds the powers of ten that float64 represents exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// parseSimple parses plain decimals such as "-12.5" with at most 2^53 as the
// digit string and at most 22 fractional digits. Both the integer and the
// power of ten are then exact in float64, so one correctly rounded
// division gives the same result as strconv.ParseFloat, several times
// faster. Anything else (exponents, more digits) reports false.
func parseSimple(b []byte) (float64, bool) {
	i, neg := 0, false
	if len(b) > 0 && (b[0] == '-' || b[0] == '+') {
		neg, i = b[0] == '-', 1
	}
	var mant uint64
	digits, frac, dot, sawDigit := 0, 0, false, false
	for ; i < len(b); i++ {
		c := b[i]
		switch {
		case c >= '0' && c <= '9':
			sawDigit = true
			if dot {
				frac++
			}
			if mant == 0 && c == '0' {
				continue
			}
			if digits++; digits > 16 {
				return 0, false
			}
			mant = mant*10 + uint64(c-'0')
		case c == '.' && !dot:
			dot = true
		default:
			return 0, false
		}
	}
	if !sawDigit || mant > 1<<53 || frac >= len(pow10) {
		return 0, false
	}
	v := float64(mant)
	if frac > 0 {
		v /= pow10[frac]
	}
	if neg {
		v = -v
	}
	return v, true
}

// parseNumber parses a finite decimal number. NaN and infinities are not
// accepted: a model cannot use them. Nor are the forms of Go's number
// literals that no spreadsheet or database writes, which
// strconv.ParseFloat also takes: hexadecimal floats ("0x1p4") and digits
// joined by underscores ("1_000"); a warehouse's SQL cast would not read
// them either (retain export).
func parseNumber(b []byte) (float64, bool) {
	if v, ok := parseSimple(b); ok {
		return v, true
	}
	if len(b) == 0 || bytes.ContainsAny(b, "_xX") {
		return 0, false
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

// parseCell parses a trimmed numeric cell, also accepting a decimal comma
// and points grouping thousands ("1.234,5", see parseComma) when
// decimalComma is set, and a number written with a currency sign, a
// percent sign, accounting parentheses or commas grouping thousands (see
// cleanNumber).
func parseCell(t []byte, decimalComma bool) (float64, bool) {
	if v, ok := parseNumber(t); ok {
		return v, ok
	}
	if decimalComma {
		if v, ok := parseComma(t, false); ok {
			return v, ok
		}
	}
	v, _, ok := parseCleaned(t, decimalComma)
	return v, ok
}

// trimSpace is bytes.TrimSpace: the cell without the white space
// (unicode.IsSpace) at either end, a no-break space or an ideographic one
// included. The shortcut is for a cell whose end bytes are ASCII other
// than space, the common case; it took any byte above space for one, so
// that a cell ending in a no-break space ("12583\u00a0", as spreadsheets
// write it) kept it unless the other end had ASCII white space.
func trimSpace(b []byte) []byte {
	if len(b) > 0 && asciiNonSpace(b[0]) && asciiNonSpace(b[len(b)-1]) {
		return b
	}
	return bytes.TrimSpace(b)
}

// asciiNonSpace reports whether c is an ASCII byte other than a control
// byte or space: a byte that neither starts nor ends white space.
func asciiNonSpace(c byte) bool { return c > ' ' && c < utf8.RuneSelf }

// missingCells are the cells isMissing accepts, lower-case (it compares
// case-insensitively); TestMissingCells ties the two together. Besides the
// usual "not available" markers: "?" and a lone "-" (written for unknown
// values, as UCI files and spreadsheets do), Python's "None", and Excel's
// error values (#DIV/0!, #VALUE!, …), which hold no number.
var missingCells = append([]string{"", "na", "n/a", "nan", "null", "#n/a", "?", "-", "none"}, excelErrors...)

// excelErrors are Excel's error values other than #N/A, lower-case.
var excelErrors = []string{"#div/0!", "#value!", "#ref!", "#name?", "#num!", "#null!"}

// MissingCells returns the trimmed cells read as a missing value, lower-case
// (any case matches): for code that must recognise them outside Go, such as
// the SQL export.
func MissingCells() []string { return slices.Clone(missingCells) }

// isMissing reports whether a trimmed cell stands for a missing value: empty,
// or one of missingCells (NA, N/A, NaN, null, #N/A, ?, -, None, #DIV/0!, …).
func isMissing(t []byte) bool {
	switch len(t) {
	case 0:
		return true
	case 1:
		return t[0] == '?' || t[0] == '-'
	case 2:
		return bytes.EqualFold(t, []byte("na"))
	case 3:
		return bytes.EqualFold(t, []byte("n/a")) || bytes.EqualFold(t, []byte("nan"))
	case 4:
		return bytes.EqualFold(t, []byte("null")) || bytes.EqualFold(t, []byte("#n/a")) || bytes.EqualFold(t, []byte("none"))
	case 5, 6, 7:
		return t[0] == '#' && foldedIn(t, excelErrorBytes)
	}
	return false
}

var excelErrorBytes = asBytes(excelErrors)

// join appends the cells of parts (builders of the same kind) to b, in order,
// with one allocation per column.
func (b *columnBuilder) join(parts []*columnBuilder, file, name string) error {
	if len(parts) == 0 {
		return nil
	}
	all := append([]*columnBuilder{b}, parts...)
	if b.numeric && b.decimalComma {
		if err := joinComma(file, name, all); err != nil {
			return err
		}
	}
	total, rows := 0, make([]int, len(all))
	for i, part := range all {
		rows[i] = part.values.len() + part.strs.len()
		total += rows[i]
	}
	if b.numeric {
		b.joinWritten(all, rows)
		values := make([]float64, 0, total)
		for _, part := range all {
			values = append(values, part.values.take()...)
		}
		b.values = chunks[float64]{cur: values}
	} else {
		strs := make([]string, 0, total)
		for _, part := range all {
			strs = append(strs, part.strs.take()...)
		}
		b.strs = chunks[string]{cur: strs}
	}
	for _, part := range parts {
		b.stripped |= part.stripped
		b.groups.join(part.groups)
		b.missing += part.missing
		b.words.join(part.words)
		b.intern = unionInterned(b.intern, part.intern)
	}
	b.joinBadDate(parts)
	return nil
}

// unionInterned merges the distinct strings of two blocks; nil means "too
// many to track", and stays nil.
func unionInterned(a, b map[string]string) map[string]string {
	if a == nil || b == nil {
		return nil
	}
	for s := range b {
		if _, ok := a[s]; !ok {
			if len(a) >= maxInterned {
				return nil
			}
			a[s] = s
		}
	}
	return a
}
