package data

import "strconv"

// Thousands writes n with comma thousands separators (12,345), the one
// spelling of counts in messages, the CLI and the TUI.
func Thousands(n int) string {
	if n < 0 {
		return "-" + Thousands(-n)
	}
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
