package data

// DecimalNumber reads a trimmed cell written as a plain decimal number:
// an optional sign, digits with at most one point, and an optional
// exponent ("10", "+10", "10.0", "1e1", ".5"). No marks, no hexadecimal,
// no infinity: the form SQL engines cast alike, which the SQL export
// checks a cell against before casting it.
func DecimalNumber(cell []byte) (float64, bool) {
	for _, c := range cell {
		if (c < '0' || c > '9') && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-' {
			return 0, false
		}
	}
	return parseNumber(cell)
}

// numberLevel is the index of the level of a two-level boolean that is a
// number equal to cell's (DecimalNumber both): "10.0", " 10" trimmed,
// "+10" and "1e1" are the level "10" of a presence flag. A level that is
// text is matched as text only (cellValue).
func numberLevel(levels []string, cell []byte) (int, bool) {
	v, ok := DecimalNumber(cell)
	if !ok {
		return 0, false
	}
	for i, l := range levels {
		if w, ok := DecimalNumber([]byte(l)); ok && w == v {
			return i, true
		}
	}
	return 0, false
}
