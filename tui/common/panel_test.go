package common

import (
	"slices"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestPanel: the text and the note are wrapped inside the box (12 cells
// between the border and the padding at 16), each line padded to the
// width; below PanelMinWidth the same lines come unboxed.
func TestPanel(t *testing.T) {
	c := New("en")
	for _, tc := range []struct {
		w    int
		want []string
	}{
		{16, []string{
			"╭──────────────╮",
			"│ Head         │",
			"│ alpha beta   │",
			"│ gamma --log  │",
			"│ note         │",
			"╰──────────────╯",
		}},
		{10, []string{"Head", "alpha beta", "gamma", "--log", "note"}},
	} {
		got := c.Panel("Head", "alpha beta gamma --log", "note", tc.w)
		for i := range got {
			got[i] = ansi.Strip(got[i])
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("width %d:\n%q\nwant\n%q", tc.w, got, tc.want)
		}
	}
}
