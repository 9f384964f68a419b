package experiment

import (
	"strings"
	"unicode"

	"github.com/retainlab/retain/data"
)

// PersonalText reports whether c is text other than an identifier that
// Pseudonymise treats as naming people, and why:
//
//   - every value distinct (data.ReasonUnique): a small file's e-mail
//     addresses under a name the loader does not read as an id's, or a
//     constant of one cell;
//   - at least 3 in 4 of its present values distinct, and more than two
//     (data.ReasonMostlyDistinct): 39 addresses in 40 rows. The loader
//     reads a column named like an id as one on the same share. No real
//     category is caught on large data: a category has at most 50 levels
//     (data.CSVOptions.MaxLevels), so 3 in 4 distinct needs at most 66
//     present values; and such a column is no feature anyway, since a
//     model keeps only the levels seen data.MinGroup (10) times: with d ≥
//     3n/4 distinct values in n, k kept levels take 10k cells and the
//     other d−k levels at least one each, so k ≤ (n−d)/9 ≤ n/36, and the
//     kept levels hold at most n−(d−k) ≤ n/4+n/36 < 28 % of the rows: the
//     rest fold into "(other)";
//   - at least 9 in 10 of its distinct values written like e-mail addresses
//     or phone numbers (data.ReasonContact), whatever they repeat: a
//     customer's address on each of their orders. A stray "none" among
//     them does not keep the others in clear;
//   - a header that names a person or their contact details
//     (data.ReasonPersonHeader, personHeader), however few values it holds:
//     a full_name column of five names is still five people's names.
func PersonalText(c *data.Column) (data.Reason, bool) {
	if c.Presence() && contactLike(c.Levels[1]) {
		// One e-mail address or phone number, or a blank: the model file
		// would keep it in clear as the flag's value.
		return data.Reason{Kind: data.ReasonContact}, true
	}
	if c.Presence() && personHeader(c.Name) {
		// One name and blanks: the flag would keep the name in clear.
		return data.Reason{Kind: data.ReasonPersonHeader}, true
	}
	if c.Strings == nil || (c.Kind != data.Categorical && c.Kind != data.Constant) {
		return data.Reason{}, false
	}
	present := len(c.Strings) - c.Missing
	if present == 0 {
		return data.Reason{}, false
	}
	levels := make(map[string]struct{})
	for _, s := range c.Strings {
		if s != "" {
			levels[s] = struct{}{}
		}
	}
	distinct := len(levels)
	switch {
	case distinct == present:
		return data.Reason{Kind: data.ReasonUnique}, true
	case 4*distinct >= 3*present && distinct > 2:
		return data.Reason{Kind: data.ReasonMostlyDistinct, Distinct: distinct, Rows: present}, true
	}
	if writtenLikeContacts(levels) {
		return data.Reason{Kind: data.ReasonContact}, true
	}
	if personHeader(c.Name) {
		return data.Reason{Kind: data.ReasonPersonHeader}, true
	}
	return data.Reason{}, false
}

// writtenLikeContacts reports whether at least 9 in 10 of the distinct
// values levels (one at least) are written like e-mail addresses or phone
// numbers.
func writtenLikeContacts(levels map[string]struct{}) bool {
	contacts := 0
	for s := range levels {
		if contactLike(s) {
			contacts++
		}
	}
	return len(levels) > 0 && 10*contacts >= 9*len(levels)
}

// contactLike reports whether s is written like an e-mail address or a
// phone number.
func contactLike(s string) bool { return emailLike(s) || phoneLike(s) }

// emailLike reports whether s is written like an e-mail address: one "@"
// between a local part and a domain of at least two dot-separated labels,
// the last of at least two letters, and no space.
func emailLike(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" || strings.ContainsAny(s, " \t") || strings.Contains(domain, "@") {
		return false
	}
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" {
			return false
		}
	}
	tld := labels[len(labels)-1]
	return len(tld) >= 2 && strings.IndexFunc(tld, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
}

// phoneLike reports whether s is written like a phone number: digits and
// the separators people write in them (spaces, "-", ".", "(", ")"), an
// optional leading "+", 7 to 15 digits (E.164 allows 15), and either the
// "+" or parentheses or at least three groups of digits ("555-123-4567",
// "(555) 123 4567", "+44 20 7946 0958"). A range such as "10000-20000"
// has two groups, a bare number is read as a number, and a date as a
// date, so none of them is a phone number.
func phoneLike(s string) bool {
	rest, plus := strings.CutPrefix(s, "+")
	digits, groups, inGroup, parens := 0, 0, false, false
	for _, r := range rest {
		switch {
		case r >= '0' && r <= '9':
			digits++
			if !inGroup {
				groups++
			}
			inGroup = true
			continue
		case r == '(' || r == ')':
			parens = true
		case r != ' ' && r != '-' && r != '.':
			return false
		}
		inGroup = false
	}
	return digits >= 7 && digits <= 15 && (plus || parens || groups >= 3)
}
