package data

import (
	"bytes"
	"testing"
)

// TestTrimSpaceIsBytesTrimSpace: the cells' trim takes off the white space
// bytes.TrimSpace does whatever the other end holds; a cell padded with a
// no-break space or an ideographic space at one end and a letter or digit
// at the other kept it, since its shortcut took any byte above space for
// one that is not white space.
func TestTrimSpaceIsBytesTrimSpace(t *testing.T) {
	for in, want := range map[string]string{
		"12583\u00a0":            "12583",
		"\u00a0basic":            "basic",
		"\u3000c1":               "c1",
		"c1\u2003":               "c1",
		"\u00a0\tyes \u00a0":     "yes",
		"\u0085x\u2028":          "x",
		"plain":                  "plain",
		"é":                      "é",
		"a\u00a0b":               "a\u00a0b",
		"\u00a0":                 "",
		"":                       "",
		"\x7f":                   "\x7f",
		"\u200bzero-width\u200b": "\u200bzero-width\u200b", // not white space to unicode.IsSpace
	} {
		got := trimSpace([]byte(in))
		if string(got) != want || !bytes.Equal(got, bytes.TrimSpace([]byte(in))) {
			t.Errorf("trimSpace(%q) = %q, want %q (bytes.TrimSpace gives %q)", in, got, want, bytes.TrimSpace([]byte(in)))
		}
	}
}
