package data

import (
	"fmt"
	"math"
	"strings"
	"unicode"
)

// CodeHint is a numeric feature column whose numbers look like codes (a
// region, a browser, a traffic source) rather than amounts: every value a
// whole number, few distinct ones, and a name that says so. The reading is
// not changed; the hint only suggests declaring the column categorical.
type CodeHint struct {
	Column   string
	Min, Max float64
	Distinct int
}

// codeWords are the name words that mark a column of codes: words for a
// kind of thing (type, class, category, group, segment), for a place
// (region, zone, country, state, city, area, store, branch), for what a
// visit came through (browser, system, platform, channel, source, device),
// and code and id themselves. A name is split into words at case changes,
// digits and punctuation ("TrafficType" is traffic, type).
var codeWords = map[string]bool{
	"code": true, "codes": true, "id": true, "type": true, "types": true, "kind": true, "class": true,
	"category": true, "categories": true, "group": true, "segment": true, "cluster": true,
	"region": true, "zone": true, "area": true, "country": true, "state": true, "city": true,
	"district": true, "store": true, "branch": true, "department": true,
	"browser": true, "system": true, "systems": true, "os": true, "platform": true, "channel": true,
	"source": true, "device": true,
}

// CodeHints lists the numeric feature columns of t that look like codes
// (CodeHint), in table order. The rule is meant to be conservative, so
// that a count or a score is never hinted: every present value is a whole
// number of at least 0 (codes are), 3 to MaxCodeLevels distinct values (two
// read the same either way, as a number or as a category; with more than
// MaxCodeLevels --categorical would refuse the column), not a date, and the column's name has a word of
// codeWords. Numbers alone cannot tell a region code from a number of
// visits; the name is the only evidence they are labels.
func CodeHints(t *Table) []CodeHint {
	var hints []CodeHint
	for _, c := range t.Columns {
		if c.Kind != Numeric || c.Date || !c.IsFeature() || !namedLikeCode(c.Name) {
			continue
		}
		seen := map[float64]bool{}
		lo, hi, whole := math.Inf(1), math.Inf(-1), true
		for _, v := range c.Values {
			if math.IsNaN(v) {
				continue
			}
			if v < 0 || v != math.Trunc(v) {
				whole = false
				break
			}
			seen[v] = true
			if len(seen) > MaxCodeLevels {
				break
			}
			lo, hi = min(lo, v), max(hi, v)
		}
		if whole && len(seen) >= 3 && len(seen) <= MaxCodeLevels {
			hints = append(hints, CodeHint{Column: c.Name, Min: lo, Max: hi, Distinct: len(seen)})
		}
	}
	return hints
}

// countWords are the name words that say a column counts or measures
// something ("NumberOfDeviceRegistered", "device_count", "TotalStores"):
// such a name is no code's, whatever code word it also has.
var countWords = map[string]bool{
	"number": true, "num": true, "count": true, "counts": true, "cnt": true, "total": true, "qty": true,
	"quantity": true, "amount": true, "sum": true,
}

// namedLikeCode reports whether a name has a word of codeWords and none of
// countWords.
func namedLikeCode(name string) bool {
	code := false
	for _, w := range nameWords(name) {
		if countWords[w] {
			return false
		}
		code = code || codeWords[w]
	}
	return code
}

// nameWords splits a column name into lower-case words at case changes
// ("TrafficType"), digits and anything that is not a letter.
func nameWords(name string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r):
			flush()
			continue
		case unicode.IsUpper(r) && len(cur) > 0:
			// A new word at aB, and at the last capital of ABc ("OSType").
			prevLower := unicode.IsLower(rs[i-1])
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if prevLower || nextLower && unicode.IsUpper(rs[i-1]) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

// String says what the hint saw, in English: `column "Region": whole
// numbers 1–9 with 9 distinct values, named like a code`.
func (h CodeHint) String() string {
	return fmt.Sprintf("column %q: whole numbers %s–%s with %d distinct values, named like a code",
		h.Column, FormatCode(h.Min), FormatCode(h.Max), h.Distinct)
}
