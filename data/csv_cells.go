package data

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
)

// maxInterned bounds the distinct strings a text column shares storage for;
// beyond it the column is identifier-like and each cell keeps its own string.
const maxInterned = 4096

// columnBuilder accumulates one column while the file streams: numbers as
// float64 (NaN for missing), text as shared strings ("" for missing).
type columnBuilder struct {
	numeric bool
	values  []float64
	strs    []string
	intern  map[string]string
	missing int
}

func newColumnBuilder(numeric bool, capHint int) columnBuilder {
	if numeric {
		return columnBuilder{numeric: true, values: make([]float64, 0, capHint)}
	}
	return columnBuilder{strs: make([]string, 0, capHint), intern: make(map[string]string)}
}

// add appends one raw cell. line and col locate it for errors; name is the
// column's header.
func (b *columnBuilder) add(cell []byte, file string, line, col int, name string) error {
	if b.numeric {
		if v, ok := parseNumber(cell); ok { // the common case: no padding
			b.values = append(b.values, v)
			return nil
		}
		t := trimSpace(cell)
		if isMissing(t) {
			b.values = append(b.values, math.NaN())
			b.missing++
			return nil
		}
		if v, ok := parseNumber(t); ok {
			b.values = append(b.values, v)
			return nil
		}
		return parseErr(file, line, col, ErrNotNumeric,
			fmt.Sprintf("column %q: expected a finite number (the column's first rows are numeric), got %q", name, t))
	}
	t := trimSpace(cell)
	if isMissing(t) {
		b.strs = append(b.strs, "")
		b.missing++
		return nil
	}
	if b.intern == nil {
		b.strs = append(b.strs, string(t))
		return nil
	}
	s, ok := b.intern[string(t)]
	if !ok {
		if len(b.intern) >= maxInterned {
			b.intern = nil
			b.strs = append(b.strs, string(t))
			return nil
		}
		s = string(t)
		b.intern[s] = s
	}
	b.strs = append(b.strs, s)
	return nil
}

// parseNumber parses a finite decimal number. NaN and infinities are not
// accepted: a model cannot use them.
func parseNumber(b []byte) (float64, bool) {
	if len(b) == 0 {
		return 0, false
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

func trimSpace(b []byte) []byte {
	if len(b) > 0 && b[0] > ' ' && b[len(b)-1] > ' ' {
		return b
	}
	return bytes.TrimSpace(b)
}

// isMissing reports whether a trimmed cell stands for a missing value: empty,
// or one of the usual "not available" markers (NA, N/A, NaN, null, #N/A).
func isMissing(t []byte) bool {
	switch len(t) {
	case 0:
		return true
	case 2:
		return bytes.EqualFold(t, []byte("na"))
	case 3:
		return bytes.EqualFold(t, []byte("n/a")) || bytes.EqualFold(t, []byte("nan"))
	case 4:
		return bytes.EqualFold(t, []byte("null")) || bytes.EqualFold(t, []byte("#n/a"))
	}
	return false
}
