package common

import "testing"

func TestTerminalSafe(t *testing.T) {
	for in, want := range map[string]string{
		"plain é 中":              "plain é 中",
		"a\x1b[31mb":             "a\uFFFD[31mb",
		"t\tn\nr\r":              "t\uFFFDn\uFFFDr\uFFFD",
		"del\x7f c1\u009b bel\a": "del\uFFFD c1\uFFFD bel\uFFFD",
		// Format characters (category Cf) and the line and paragraph
		// separators, by code point: a bidi override, an isolate pair,
		// a zero-width space, joiner and mark, a byte-order mark.
		"\u202eDEKCAH-1234":      "<U+202E>DEKCAH-1234",
		"admin\u200b":            "admin<U+200B>",
		"a\u2066b\u2069c\u202ad": "a<U+2066>b<U+2069>c<U+202A>d",
		"\ufeffid":               "<U+FEFF>id",
		"x\u200dy\u200fz":        "x<U+200D>y<U+200F>z",
		"l\u2028p\u2029":         "l<U+2028>p<U+2029>",
		"esc\x1b\u202e":          "esc\uFFFD<U+202E>",
		"客户编号 ñ ü Ω ｶ":           "客户编号 ñ ü Ω ｶ",
	} {
		if got := TerminalSafe(in); got != want {
			t.Errorf("TerminalSafe(%q) = %q, want %q", in, got, want)
		}
	}
	clean := []string{"a", "b"}
	if got := TerminalSafeAll(clean); &got[0] != &clean[0] {
		t.Error("a clean slice was copied")
	}
	dirty := []string{"a", "\x1bb"}
	if got := TerminalSafeAll(dirty); got[0] != "a" || got[1] != "\uFFFDb" || dirty[1] != "\x1bb" {
		t.Errorf("TerminalSafeAll = %q (input now %q)", got, dirty)
	}
}
