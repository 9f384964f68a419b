package planscreen

import (
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/tui/common"
)

// defaultScrollKeys are common.NewScrollKeys with space for a page down
// and g/G for the ends.
func defaultScrollKeys(c common.Common) common.ScrollKeys {
	k := common.NewScrollKeys(c)
	k.PageDown.SetKeys("pgdown", "space")
	k.Top.SetKeys("home", "g")
	k.Bottom.SetKeys("end", "G")
	return k
}

// scrollKey moves the plan by a line, a page or to an end; false when k
// is not a scrolling key.
func (s *Model) scrollKey(k tea.KeyPressMsg) bool {
	top, ok := s.scrollKeys.Scrolled(k, s.scroll, max(1, s.Height-2), s.maxScroll)
	s.scroll = top
	s.atSuggestions = s.atSuggestions && !ok
	return ok
}

// scrolled fits a page of lines to the screen: the title (line 0) stays,
// the rest shows from the scroll offset, and a line says where the view is
// when the page is taller than the screen. The foot lines (the export's
// prompt or outcome) follow, always in view: at the bottom of a scrolled
// page, right after one that fits. It returns the lines and the largest
// offset.
func (s Model) scrolled(lines, foot []string) ([]string, int) {
	return s.ScrolledPage(lines, foot, 1, s.scroll, s.Height, s.Width)
}
