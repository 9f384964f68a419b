package planscreen

import (
	"slices"

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
// the rest shows from the scroll offset, and a line says where the view is
// when the page is taller than the screen. The foot lines (the export's
// prompt or outcome) follow, always in view: at the bottom of a scrolled
// page, right after one that fits. It returns the lines and the largest
// offset.
func (s Model) scrolled(lines, foot []string) ([]string, int) {
	// The title, a line of the plan and the position keep their rows.
	foot = foot[:min(len(foot), max(s.Height-3, 0))]
	if len(lines)+len(foot) <= s.Height || s.Height < 3 {
		out := append(slices.Clip(lines), foot...)
		return out[:min(len(out), max(s.Height, 0))], 0
	}
	body := lines[1:]
	rows := s.Height - 2 - len(foot)
	most := len(body) - rows
	off := min(max(s.scroll, 0), most)
	out := append([]string{lines[0]}, body[off:off+rows]...)
	where := s.Tf("lines %d–%d of %d · ↑/↓ pgup/pgdn scroll", "第 %d–%d 行，共 %d 行 · ↑/↓ pgup/pgdn 滚动",
		off+1, off+rows, len(body))
	out = append(out, s.Styles.Muted.Render(common.Truncate(where, s.Width)))
	return append(out, foot...), most
}
