package widget

import "testing"

// TestTruncateNeverCutsANumber: a cut that would leave part of a number
// ("3,…" of 3,380, "0.9…" of 0.941) takes the whole number off; a cut
// between words or after a whole number is as before.
func TestTruncateNeverCutsANumber(t *testing.T) {
	cases := []struct {
		s    string
		w    int
		want string
	}{
		{"monetary_total 8,442 (model: 3,380)", 32, "monetary_total 8,442 (model: …"},
		{"AUC 0.941", 8, "AUC …"},
		{"\x1b[1mAUC 0.941\x1b[0m", 8, "\x1b[1mAUC …\x1b[0m"},
		{"8,442 customers", 4, "8,4…"}, // nothing before the number: cut as before
		{"labels from the day after", 16, "labels from the…"},
		{"model: 3,380 more", 13, "model: 3,380…"},
	}
	for _, c := range cases {
		if got := Truncate(c.s, c.w); got != c.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", c.s, c.w, got, c.want)
		}
	}
}
