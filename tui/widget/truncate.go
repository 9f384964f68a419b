package widget

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Truncate cuts s to w cells with an ellipsis. It never leaves part of a
// number: a cut that would fall inside one ("model: 3,…" of 3,380) takes
// the whole number off instead ("model: …"), a figure shown whole or not
// at all. Nor, in a title or a note, part of a word: a cut that would
// fall inside one ("labels from t…") ends at the space before it
// ("labels from …"), the ellipsis standing for the words left out, as
// long as at least half the cells stay filled, and a number goes with the
// word after it ("the 10 d…" ends "the …"); a single word wider than that
// (a column's name in a narrow cell) is still cut inside, its end marked
// by the ellipsis. An item of a list joined by " · " or " • " (a key
// hint) that would be cut after its first words is left out whole
// ("· pgup/pgdn …" reads "· …"), and an opening bracket never ends the
// text kept. Chinese text may be cut between any two characters.
func Truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	out := ansi.Truncate(s, w, "…")
	if out == s || w < 2 {
		return out
	}
	plain := ansi.Strip(s)
	head := ansi.Truncate(plain, w-1, "")
	rest := plain[len(head):]
	if start, ok := numberCut(head, rest); ok {
		if start == 0 {
			return out
		}
		return ansi.Truncate(s, ansi.StringWidth(head[:start])+1, "…")
	}
	// An opening bracket never ends the text cut ("再标准化（…").
	if r, n := utf8.DecodeLastRuneInString(head); n < len(head) && strings.ContainsRune(openingPunct, r) {
		return ansi.Truncate(s, ansi.StringWidth(head[:len(head)-n])+1, "…")
	}
	if b, ok := itemCut(head, rest, w); ok {
		return ansi.Truncate(s, ansi.StringWidth(head[:b])+1, "…")
	}
	if b, ok := wordCut(head, rest, w); ok {
		return ansi.Truncate(s, ansi.StringWidth(head[:b])+1, "…")
	}
	return out
}

// numberCut reports whether head followed by rest is cut inside a number
// (digits with their group commas and decimal point), and where in head
// that number starts.
func numberCut(head, rest string) (start int, ok bool) {
	numeric := func(r rune) bool { return r >= '0' && r <= '9' || r == ',' || r == '.' }
	last, _ := utf8.DecodeLastRuneInString(head)
	first, n := utf8.DecodeRuneInString(rest)
	next, _ := utf8.DecodeRuneInString(rest[n:])
	digit := func(r rune) bool { return r >= '0' && r <= '9' }
	if !numeric(last) || !(digit(first) || (first == ',' || first == '.') && digit(next)) {
		return 0, false
	}
	start = len(head)
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(head[:start])
		if !numeric(r) {
			break
		}
		start -= size
	}
	if !strings.ContainsAny(head[start:], "0123456789") {
		return 0, false // "etc.": a full stop, not a number
	}
	return start, true
}

// wordCut reports whether head followed by rest is cut inside a word of
// Latin script (rest going on with a letter or digit after anything but a
// space or a CJK character), and the last place in head where a word
// starts: after a space, or beside a CJK character, between which and
// Latin text a line may break too. A number just before that place goes
// with the word cut after it, its unit or its name ("the 10 days",
// "+0.58 pages_per_session"): the place is then the one before the
// number, if at least half of w stays filled. ok is false when head holds
// no such place.
func wordCut(head, rest string, w int) (b int, ok bool) {
	last, _ := utf8.DecodeLastRuneInString(head)
	first, _ := utf8.DecodeRuneInString(rest)
	if head == "" || last == ' ' || isWide(last) || isWide(first) || !unicode.IsLetter(first) && !unicode.IsDigit(first) {
		return 0, false
	}
	var starts []int
	prevWide := false
	for i, r := range head {
		if i > 0 && (isWide(r) || prevWide) {
			starts = append(starts, i)
		}
		if r == ' ' {
			starts = append(starts, i+len(" "))
		}
		prevWide = isWide(r)
	}
	filled := func(b int) bool { return 2*ansi.StringWidth(strings.TrimRight(head[:b], " ")) >= w }
	n := len(starts)
	if n == 0 || starts[n-1] >= len(head) || !filled(starts[n-1]) {
		return 0, false
	}
	b = starts[n-1]
	if n > 1 && isFigure(strings.TrimRight(head[starts[n-2]:b], " ")) && filled(starts[n-2]) {
		b = starts[n-2]
	}
	return b, true
}

// itemCut reports where in head the last item of a list joined by " · "
// or " • " starts (a key hint, "pgup/pgdn scroll"), when head followed by
// rest would cut that item, even between its words, and at least half of
// w stays filled before it: the item is then left out whole.
func itemCut(head, rest string, w int) (b int, ok bool) {
	for _, sep := range []string{" · ", " • ", "· ", "• "} {
		if strings.HasPrefix(rest, sep) {
			return 0, false // the cut falls between items
		}
	}
	b = lastSeparator(head)
	return b, b > 0 && 2*ansi.StringWidth(strings.TrimRight(head[:b], " ")) >= w
}

// itemSeparators join the items of a list on one line: the parts of a
// title, the key hints of a note or a footer (in Chinese, after a
// full-width bracket, with no space before the dot).
var itemSeparators = []string{" · ", " • ", "）· "}

// lastSeparator is the place just after the last item separator in s,
// where the item after it starts; 0 when s holds none.
func lastSeparator(s string) int {
	at := 0
	for _, sep := range itemSeparators {
		if i := strings.LastIndex(s, sep); i >= 0 && i+len(sep) < len(s) {
			at = max(at, i+len(sep))
		}
	}
	return at
}

// isFigure reports whether word is a number alone: digits with their
// separators, a sign or a per cent sign ("10", "+0.58", "−1,482").
func isFigure(word string) bool {
	return strings.ContainsAny(word, "0123456789") && strings.Trim(word, "0123456789,.+-−%") == ""
}

// TruncateCell cuts s to w cells with an ellipsis as Truncate does, a
// number shown whole or not at all, but cuts a word where the cells run
// out: a table's cell or row, a value or a name ("Electronic che…",
// "bad_mixed.c…"), whose first letters are what tells it from the others.
// common.Pad and common.PadLeft cut with it.
func TruncateCell(s string, w int) string {
	if w <= 0 {
		return ""
	}
	out := ansi.Truncate(s, w, "…")
	if out == s || w < 2 {
		return out
	}
	plain := ansi.Strip(s)
	head := ansi.Truncate(plain, w-1, "")
	if start, ok := numberCut(head, plain[len(head):]); ok && start > 0 {
		return ansi.Truncate(s, ansi.StringWidth(head[:start])+1, "…")
	}
	return out
}
