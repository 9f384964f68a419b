package evalscreen

import (
	tea "charm.land/bubbletea/v2"
)

// scrollKey moves the page by a line, a page or to an end; false when k
// is not a scrolling key or the page fits.
func (s *Model) scrollKey(k tea.KeyPressMsg) bool {
	if s.maxScroll == 0 {
		return false
	}
	top, ok := s.keys.Scroll.Scrolled(k, s.scroll, max(1, s.Height-4), s.maxScroll)
	s.scroll = top
	return ok
}

// scrolled fits a page to the window: its first fixed lines stay and
// the rest scrolls (common.ScrolledPage). It returns the lines and the
// largest offset.
func (s *Model) scrolled(lines []string, fixed int) ([]string, int) {
	out, most := s.ScrolledPage(lines, nil, fixed, s.scroll, s.Height, s.Width)
	s.scroll = min(max(s.scroll, 0), most)
	return out, most
}
