package data

import (
	"math"
	"strings"
	"unicode"
)

// A year is a label, not a quantity: 1985, never 1,985. YearLike decides,
// column by column, which numbers are written without thousands
// separators wherever the program groups the digits of others.

// YearLike reports whether a numeric column called name, holding values
// (NaN where missing), holds years, whose values are written without
// thousands separators: its present values are whole numbers, at least
// one, and either all lie in 1900–2100, or its name names a year (a word
// "year", "yr", "jahr" or "yyyy", as in birth_year or YearBuilt, or a name
// ending in 年 or holding 年份) and all have four digits (1000–9999). A
// column of sums that reach 1,900 also reaches beyond 2,100 or below 1,900
// and so stays grouped.
func YearLike(name string, values []float64) bool {
	lo, hi := 1900.0, 2100.0
	if namesYear(name) {
		lo, hi = 1000, 9999
	}
	seen := false
	for _, v := range values {
		if math.IsNaN(v) {
			continue
		}
		if v != math.Trunc(v) || v < lo || v > hi {
			return false
		}
		seen = true
	}
	return seen
}

// YearLike reports whether c is a numeric column of years (YearLike); a
// date column is not: its values are day numbers, written as dates.
func (c *Column) YearLike() bool {
	return c != nil && c.Kind == Numeric && !c.Date && YearLike(c.Name, c.Values)
}

// namesYear reports whether a column name names a year: one of its words
// (split at anything but a letter or digit, and where a lower-case letter
// meets an upper-case one) is "year", "yr", "jahr" or "yyyy" in any case,
// or it ends in 年 or holds 年份 (年龄, age, and 年收入, annual income,
// name no year).
func namesYear(name string) bool {
	if strings.HasSuffix(name, "年") || strings.Contains(name, "年份") {
		return true
	}
	var word []rune
	check := func() bool {
		w := strings.ToLower(string(word))
		word = word[:0]
		return w == "year" || w == "yr" || w == "jahr" || w == "yyyy"
	}
	prev := rune(0)
	for _, r := range name {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			if check() {
				return true
			}
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			if check() {
				return true
			}
			word = append(word, r)
		default:
			word = append(word, r)
		}
		prev = r
	}
	return check()
}
