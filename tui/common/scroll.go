package common

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// ScrollKeys move a view taller than the window: a line, a page or to an
// end.
type ScrollKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
}

// Scrolled returns top moved by k, kept within [0, last], and whether k is
// one of the keys; page is how many lines a page key moves.
func (s ScrollKeys) Scrolled(k tea.KeyPressMsg, top, page, last int) (int, bool) {
	switch {
	case key.Matches(k, s.Up):
		top--
	case key.Matches(k, s.Down):
		top++
	case key.Matches(k, s.PageUp):
		top -= page
	case key.Matches(k, s.PageDown):
		top += page
	case key.Matches(k, s.Top):
		top = 0
	case key.Matches(k, s.Bottom):
		top = last
	default:
		return top, false
	}
	return min(max(top, 0), max(last, 0)), true
}
