package common

import "strings"

// TerminalSafe replaces control characters (C0 including tab and line
// ends, DEL, C1 and so ESC) by U+FFFD: data shown on screen must not drive
// the terminal (colours, titles, cursor moves, clipboard writes), nor break
// the layout. Text without any is returned as it is, without copying.
func TerminalSafe(s string) string {
	if strings.IndexFunc(s, isControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return '\uFFFD'
		}
		return r
	}, s)
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
