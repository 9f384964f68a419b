package common

import (
	"slices"

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

// NewScrollKeys are the keys that move a page taller than the window:
// ↑/↓ (k/j) a line, pgup/pgdn a page, home/end to an end.
func NewScrollKeys(c Common) ScrollKeys {
	return ScrollKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", c.T("scroll", "滚动"))),
		Down:     key.NewBinding(key.WithKeys("down", "j")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup/pgdn", c.T("page", "翻页"))),
		PageDown: key.NewBinding(key.WithKeys("pgdown")),
		Top:      key.NewBinding(key.WithKeys("home"), key.WithHelp("home/end", c.T("top/bottom", "到开头/结尾"))),
		Bottom:   key.NewBinding(key.WithKeys("end")),
	}
}

// ScrolledPage fits a page of lines to a window of height rows and width
// cells: its first fixed lines stay, the rest shows from offset, then a
// line says which lines are in view, then the foot lines, always in view.
// A page that fits is returned with its foot (cut to height). It returns
// the lines and the largest offset (0 when the page fits).
func (c Common) ScrolledPage(lines, foot []string, fixed, offset, height, width int) ([]string, int) {
	// The fixed lines, a line of the page and the position keep their rows.
	foot = foot[:min(len(foot), max(height-fixed-2, 0))]
	if len(lines)+len(foot) <= height || height < fixed+2 || len(lines) <= fixed {
		out := append(slices.Clip(lines), foot...)
		return out[:min(len(out), max(height, 0))], 0
	}
	body := lines[fixed:]
	rows := height - fixed - 1 - len(foot)
	most := len(body) - rows
	off := min(max(offset, 0), most)
	out := append(slices.Clone(lines[:fixed]), body[off:off+rows]...)
	where := c.Tf("lines %d–%d of %d · ↑/↓ pgup/pgdn scroll", "第 %d–%d 行，共 %d 行 · ↑/↓ pgup/pgdn 滚动",
		off+1, off+rows, len(body))
	out = append(out, c.Styles.Muted.Render(Truncate(where, width)))
	return append(out, foot...), most
}
