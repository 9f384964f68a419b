package planscreen

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/tui/common"
)

func defaultScrollKeys(c common.Common) common.ScrollKeys {
	return common.ScrollKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", c.T("scroll", "滚动"))),
		Down:     key.NewBinding(key.WithKeys("down", "j")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup/pgdn", c.T("page", "翻页"))),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "space")),
		Top:      key.NewBinding(key.WithKeys("home", "g")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G")),
	}
}

// scrollKey moves the plan by a line, a page or to an end; false when k
// is not a scrolling key.
func (s *Model) scrollKey(k tea.KeyPressMsg) bool {
	top, ok := s.scrollKeys.Scrolled(k, s.scroll, max(1, s.Height-2), s.maxScroll)
	s.scroll = top
	return ok
}

// scrolled fits a page of lines to the screen: the title (line 0) stays,
// the rest shows from the scroll offset, and a last line says where the
// view is when the page is taller than the screen. It returns the lines
// and the largest offset.
func (s Model) scrolled(lines []string) ([]string, int) {
	if len(lines) <= s.Height || s.Height < 3 {
		if len(lines) > s.Height {
			lines = lines[:max(s.Height, 0)]
		}
		return lines, 0
	}
	body := lines[1:]
	rows := s.Height - 2
	most := len(body) - rows
	off := min(max(s.scroll, 0), most)
	out := append([]string{lines[0]}, body[off:off+rows]...)
	where := s.Tf("lines %d–%d of %d · ↑/↓ pgup/pgdn scroll", "第 %d–%d 行，共 %d 行 · ↑/↓ pgup/pgdn 滚动",
		off+1, off+rows, len(body))
	return append(out, s.Styles.Muted.Render(common.Truncate(where, s.Width))), most
}
