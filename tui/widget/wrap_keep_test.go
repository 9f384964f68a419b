package widget

import (
	"slices"
	"strings"
	"testing"
)

// TestWrapKeepsUnitsTogether: a key hint joined by Keep, a comparison
// and a Chinese term joined by Keep each stay on one line; the kept
// text reads with ordinary spaces and no joiner left in it.
func TestWrapKeepsUnitsTogether(t *testing.T) {
	cases := []struct {
		text  string
		width int
		want  []string
	}{
		// The review's line: "· p" ended a line and "prevent" began the next.
		{"guessed from the label's name · " + Keep("p prevent") + ", " + Keep("e encourage") + ")", 33,
			[]string{"guessed from the label's name ·", "p prevent, e encourage)"}},
		{"measured on the 23,570 at 1998-05-31 · " + Keep("t: random split"), 42,
			[]string{"measured on the 23,570 at 1998-05-31 ·", "t: random split"}},
		{"2/rows is taken only if z < −1.5", 27, []string{"2/rows is taken only if", "z < −1.5"}},
		{"2/rows is taken only if z < −1.5", 25, []string{"2/rows is taken only if", "z < −1.5"}},
		{"拟合区间 r 0.3 · " + Keep("对数似然") + " −31,626.3", 17, []string{"拟合区间 r 0.3 ·", "对数似然", "−31,626.3"}},
	}
	for _, c := range cases {
		got := WrapText(c.text, c.width)
		if !slices.Equal(got, c.want) {
			t.Errorf("WrapText(%q, %d)\n got %q\nwant %q", c.text, c.width, got, c.want)
		}
		for _, l := range got {
			if strings.ContainsRune(l, NoBreakSpace) || strings.ContainsRune(l, wordJoiner) {
				t.Errorf("line %q keeps a joiner", l)
			}
		}
	}
}
