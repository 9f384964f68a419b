package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestOpenFieldFollowsAResize: a field open when the window narrows keeps
// to its line in the new width, the end of its value in view, on every
// screen with a field. The Data and Users fields measured their room only
// when they opened, so at 80 columns a value pasted at 100 ran past the
// window's edge.
func TestOpenFieldFollowsAResize(t *testing.T) {
	long := strings.Repeat("1234567890", 20) + "END"
	base := pasteFixture(t, false)
	for _, c := range []struct {
		keys  []string
		start string // the field's line starts with it
	}{
		{[]string{"0", "b"}, "b budget  "},
		{[]string{"R", "c"}, "history before "},
		{[]string{"T", "b"}, "Budget: "},
		{[]string{"1", "o"}, "Open table (CSV, Parquet or xlsx): "},
		{[]string{"1", "s"}, "Split seed: "},
		{[]string{"5", "/"}, "Find id: "},
	} {
		m := paste(t, drive(t, base, c.keys...), long)
		m, _ = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
		view := screen(m)
		checkFrame(t, view, 80, 24)
		found := false
		for _, l := range strings.Split(view, "\n") {
			if strings.HasPrefix(l, c.start) {
				found = true
				if !strings.Contains(l, "7890END") {
					t.Errorf("%q: after the resize the field's line does not show the value's end: %q", c.keys, l)
				}
			}
		}
		if !found {
			t.Errorf("%q: no line starts with %q:\n%s", c.keys, c.start, view)
		}
	}
}
