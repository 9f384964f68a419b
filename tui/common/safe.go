package common

import (
	"fmt"
	"strings"
	"unicode"
)

// TerminalSafe makes a text of the data safe to show: control characters
// (C0 including tab and line ends, DEL, C1 and so ESC) become U+FFFD, and
// format characters (isFormat: bidi overrides and isolates, zero-width
// spaces and joiners, the byte-order mark, the line and paragraph
// separators) are shown by their code point, "<U+202E>". Data shown on
// screen must not drive the terminal (colours, titles, cursor moves,
// clipboard writes), nor break the layout, nor, by reordering or hiding
// what follows, make one value read as another ("Trojan Source"): the
// code point says what was there. Text without any is returned as it is,
// without copying.
func TerminalSafe(s string) string {
	if strings.IndexFunc(s, unsafeRune) < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch {
		case isControl(r):
			b.WriteRune('\uFFFD')
		case isFormat(r):
			fmt.Fprintf(&b, "<U+%04X>", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TerminalSafeAll returns ss with every string TerminalSafe, in a new slice
// only when one changes (ss itself otherwise).
func TerminalSafeAll(ss []string) []string {
	var out []string
	for i, s := range ss {
		safe := TerminalSafe(s)
		if out == nil {
			if safe == s {
				continue
			}
			out = make([]string, len(ss))
			copy(out, ss[:i])
		}
		out[i] = safe
	}
	if out == nil {
		return ss
	}
	return out
}

func isControl(r rune) bool { return r < 0x20 || (r >= 0x7f && r < 0xa0) }

// isFormat reports whether r is a format character (Unicode category Cf:
// the bidi embeddings, overrides and isolates U+202A–202E and U+2066–2069,
// the marks U+200E–200F, the zero-width space, joiners and non-joiner
// U+200B–200D, the byte-order mark U+FEFF, the soft hyphen, …) or the line
// or paragraph separator (U+2028, U+2029): none is drawn as itself, and
// each can change how the rest of a line is drawn.
func isFormat(r rune) bool {
	return r >= 0xa0 && (unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029')
}

// unsafeRune reports whether TerminalSafe changes r.
func unsafeRune(r rune) bool { return isControl(r) || isFormat(r) }

// typedText is text typed or pasted into a field as the field keeps it:
// format characters (isFormat) are dropped, as the field drops control
// characters, so the field shows, and the screens echo, only what is
// drawn.
func typedText(s string) string {
	if strings.IndexFunc(s, isFormat) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isFormat(r) {
			return -1
		}
		return r
	}, s)
}
