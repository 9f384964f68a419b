package widget

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestSplitBar(t *testing.T) {
	st := DefaultStyles()
	cases := []struct {
		a, b, scale, w int
		want           string
	}{
		{30, 10, 40, 8, "██░░░░░░"},
		{10, 4, 40, 20, "██░░░░░             "},
		{0, 0, 40, 4, "    "},
		{1, 0, 1000, 4, "░   "}, // a tiny count still shows
		{99, 1, 100, 4, "█░░░"}, // so does a rare class
		{1, 99, 100, 4, "███░"}, // and the other one
		{5, 5, 0, 3, "   "},     // no scale: nothing to draw against
		{50, 50, 10, 4, "██░░"}, // a count above the scale is cut to w
		{-3, 2, 2, 2, "██"},     // negative counts count as zero
	}
	for _, c := range cases {
		got := ansi.Strip(SplitBar(st, c.a, c.b, c.scale, c.w))
		if got != c.want {
			t.Errorf("SplitBar(%d, %d, scale %d, w %d) = %q, want %q", c.a, c.b, c.scale, c.w, got, c.want)
		}
		if ansi.StringWidth(got) != c.w {
			t.Errorf("SplitBar(%d, %d) is %d cells, want %d", c.a, c.b, ansi.StringWidth(got), c.w)
		}
	}
}
