package data

import (
	"math"
	"slices"
	"strconv"
)

// writtenIDs writes whole numbers as identifiers: each with every digit
// (15634602, not 1.5634602e+07) and what written (nil for nothing) says
// it lost of its cell's text: the leading zeros of 0003676, the digits of
// 2058466726881502778 that no float64 holds.
func writtenIDs(values []float64, written *writtenCells) []string {
	ids := make([]string, len(values))
	if written == nil {
		written = &writtenCells{}
	}
	zeros, texts, next := written.zeros.len(), written.texts.len(), 0
	for i, v := range values {
		if next < texts && written.texts.at(next).row == i {
			ids[i] = written.texts.at(next).text
			next++
			continue
		}
		if math.IsNaN(v) {
			continue // a blank id stays blank
		}
		ids[i] = strconv.FormatFloat(v, 'f', -1, 64)
		if i < zeros && written.zeros.at(i) > 0 {
			ids[i] = padZeros(ids[i], int(written.zeros.at(i)))
		}
	}
	return ids
}

// longTextIdentifier decides, on the cells' text, whether a column of
// whole numbers, some of more than 15 digits (blanks aside), is an
// identifier, and makes c one when it is. Past 2^53 float64s collide:
// Snowflake-style ids handed out one apart (2053013555631882655,
// …656) read as the same number, so the rules of inferNumeric, judged on
// the numbers, would find repeats or a constant where every id is
// distinct. The rules are theirs on the text: distinct ids named like an
// id, or at least 100 distinct ids not named like a measure (no count or
// amount has 16 digits), or a name like an id with at least 3 in 4
// distinct (duplicate rows repeat an id). It reports whether c is one.
func (c *Column) longTextIdentifier(name string, written *writtenCells) bool {
	ids := writtenIDs(c.Values, written)
	sorted := slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return id == "" })
	slices.Sort(sorted)
	rows, blanks := len(sorted), len(ids)-len(sorted)
	distinct := len(slices.Compact(sorted))
	lo := math.Inf(1)
	for _, v := range c.Values {
		if v < lo {
			lo = v
		}
	}
	switch {
	case distinct == rows && idLikeName(name):
		c.explain(Reason{Kind: ReasonUniqueIntegers, Blanks: blanks})
	case distinct == rows && rows >= 100 && !measureName(name):
		c.explain(Reason{Kind: ReasonLongIntegers, Rows: rows, Digits: digitCount(lo), Blanks: blanks})
	case idLikeName(name) && 4*distinct >= 3*rows && distinct > 2:
		c.explain(Reason{Kind: ReasonIDName, Distinct: distinct, Rows: rows, Blanks: blanks})
	default:
		return false
	}
	c.Kind, c.Strings, c.Values = ID, ids, nil
	return true
}
