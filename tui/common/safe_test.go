package common

import "testing"

func TestTerminalSafe(t *testing.T) {
	for in, want := range map[string]string{
		"plain é 中":              "plain é 中",
		"a\x1b[31mb":             "a\uFFFD[31mb",
		"t\tn\nr\r":              "t\uFFFDn\uFFFDr\uFFFD",
		"del\x7f c1\u009b bel\a": "del\uFFFD c1\uFFFD bel\uFFFD",
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
