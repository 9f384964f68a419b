package evalscreen

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/tui/common"
)

// scrollKeys move a page taller than the window (the gains and bands, or
// the summary, at 80×24).
func scrollKeys(c common.Common) common.ScrollKeys {
	return common.ScrollKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", c.T("scroll", "滚动"))),
		Down:     key.NewBinding(key.WithKeys("down", "j")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup/pgdn", c.T("page", "翻页"))),
		PageDown: key.NewBinding(key.WithKeys("pgdown")),
		Top:      key.NewBinding(key.WithKeys("home")),
		Bottom:   key.NewBinding(key.WithKeys("end")),
	}
}

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

// scrolled fits a page to the window: its first fixed lines stay, the
// rest shows from the scroll offset, and a last line says where the view
// is when the page is taller than the window. It returns the lines and
// the largest offset.
func (s *Model) scrolled(lines []string, fixed int) ([]string, int) {
	h := s.Height
	if len(lines) <= h || h < fixed+2 {
		return lines, 0
	}
	body := lines[fixed:]
	rows := h - fixed - 1
	most := len(body) - rows
	s.scroll = min(max(s.scroll, 0), most)
	out := append(append([]string{}, lines[:fixed]...), body[s.scroll:s.scroll+rows]...)
	where := s.Tf("lines %d–%d of %d · ↑/↓ pgup/pgdn scroll", "第 %d–%d 行，共 %d 行 · ↑/↓ pgup/pgdn 滚动",
		s.scroll+1, s.scroll+rows, len(body))
	return append(out, s.Styles.Muted.Render(common.Truncate(where, s.Width))), most
}
