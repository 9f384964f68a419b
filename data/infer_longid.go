package data

import (
	"math"
	"strconv"
)

// longIdentifier reports whether whole numbers without blanks are an
// identifier that is neither named like one nor densely packed: account or
// client numbers handed out from a large range (CLIENTNUM-style 9-digit
// numbers). It asks for at least 100 values, all distinct, of at least six
// digits (lo ≥ 100,000), whose largest is under ten times the smallest, so
// that nearly all have the same number of digits.
//
// Counts and amounts do not pass: counts start near zero, and amounts are
// skewed (a few large ones over many small ones) so that 100 of them span
// more than a factor of ten, and amounts of six digits or more are usually
// rounded, so they repeat. Whole numbers that read as dates, YYYYMMDD or
// Unix seconds or milliseconds from 2000 to 2100, are left to be measures
// too (distinct sign-up times are not identifiers).
func longIdentifier(values []float64, lo, hi float64) bool {
	if len(values) < 100 || lo < 100000 || hi >= 10*lo || datelikeRange(values, lo, hi) {
		return false
	}
	return uniqueIntegers(values, lo, hi)
}

// Unix times of 2000-01-01 and 2100-01-01, in seconds.
const (
	unix2000 = 946684800
	unix2100 = 4102444800
)

// datelikeRange reports whether whole numbers in [lo, hi] may be dates:
// Unix seconds or milliseconds from 2000 to 2100, or every value a valid
// YYYYMMDD day from 1900 to 2100.
func datelikeRange(values []float64, lo, hi float64) bool {
	if lo >= unix2000 && hi <= unix2100 || lo >= 1000*unix2000 && hi <= 1000*unix2100 {
		return true
	}
	if lo < 19000101 || hi > 21001231 {
		return false
	}
	for _, v := range values {
		d := int(v)
		if m, day := d/100%100, d%100; m < 1 || m > 12 || day < 1 || day > 31 {
			return false
		}
	}
	return true
}

// digitCount is the number of decimal digits of a whole number v ≥ 1.
func digitCount(v float64) int {
	return len(strconv.FormatFloat(math.Abs(v), 'f', 0, 64))
}
