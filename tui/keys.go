package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// helpKeys joins the current screen's keys with the global ones, so the
// footer shows exactly what works now.
type helpKeys struct {
	screen  [][]key.Binding // the screen's groups; the first is its short help
	global  common.KeyMap
	editing bool // a text field has the keyboard: global keys are off
}

// ShortHelp is the screen's main keys, the footer's left part.
func (h helpKeys) ShortHelp() []key.Binding {
	if len(h.screen) > 0 {
		return h.screen[0]
	}
	return nil
}

// globalShort are the global keys the footer always shows on its right,
// so quitting and help are never cut off by a narrow window.
func (h helpKeys) globalShort() []key.Binding {
	if h.editing {
		return nil
	}
	return []key.Binding{h.global.Dismiss, h.global.Lang, h.global.Help, h.global.Quit}
}

// helpSection is one titled group of keys in the help overlay.
type helpSection struct {
	title string
	keys  []key.Binding
}

// sections groups every key that works now for the help overlay: the
// screen's own under its name, then the screen switches, then the keys
// that work everywhere. A key the screen lists twice is shown once.
func (h helpKeys) sections(c common.Common, screen string) []helpSection {
	var own []key.Binding
	seen := map[string]bool{}
	for _, g := range h.screen {
		for _, b := range g {
			if id := b.Help().Key + "\x00" + b.Help().Desc; b.Enabled() && !seen[id] {
				seen[id] = true
				own = append(own, b)
			}
		}
	}
	var out []helpSection
	if len(own) > 0 {
		out = append(out, helpSection{screen, own})
	}
	if h.editing {
		return out
	}
	g := h.global
	g.Help.SetHelp("?", c.T("show or hide this help", "打开或关闭本帮助"))
	g.Lang.SetHelp(g.Lang.Help().Key, c.T("switch to 中文 (Chinese)", "切换到 English（英文）"))
	var always []key.Binding
	for _, b := range []key.Binding{g.Help, g.Lang, g.Dismiss, g.Quit} {
		if b.Enabled() {
			always = append(always, b)
		}
	}
	var screens []key.Binding
	for _, b := range append([]key.Binding{g.NextTab, g.PrevTab}, g.TabKeys()...) {
		if b.Enabled() {
			screens = append(screens, b)
		}
	}
	return append(out,
		helpSection{c.T("Screens", "切换页面"), screens},
		helpSection{c.T("Everywhere", "任何页面"), always})
}

// helpGap is the space between two columns of the help overlay.
const helpGap = 4

// helpLines lays the sections out for a w-cell-wide area h lines tall:
// whole sections poured into as few rows as let the columns fit the
// width (a section longer than a column goes on in the next), or, when
// even h rows are too few, one column to scroll through.
func helpLines(st *common.Styles, sections []helpSection, w, h int) []string {
	var blocks [][]string
	for _, s := range sections {
		kw := 0
		for _, b := range s.keys {
			kw = max(kw, lipgloss.Width(b.Help().Key))
		}
		block := []string{st.Title.Render(s.title)}
		for _, b := range s.keys {
			block = append(block, st.Help.FullKey.Render(common.Pad(b.Help().Key, kw))+"  "+st.Help.FullDesc.Render(b.Help().Desc))
		}
		blocks = append(blocks, block)
	}
	tallest := 0
	for _, b := range blocks {
		tallest = max(tallest, len(b))
	}
	// From the tallest block's height up, no block is split.
	for rows := max(min(tallest, h), 1); rows <= h; rows++ {
		if cols, ok := pourHelp(blocks, rows, w); ok {
			return cols
		}
	}
	var one []string
	for i, b := range blocks {
		if i > 0 {
			one = append(one, "")
		}
		for _, l := range b {
			one = append(one, common.Truncate(l, w))
		}
	}
	return one
}

// pourHelp fills columns of at most rows lines with the blocks in order,
// a blank line between two blocks of a column, and joins them side by
// side; ok is false when the columns are wider than w together.
func pourHelp(blocks [][]string, rows, w int) ([]string, bool) {
	var cols [][]string
	var col []string
	for _, b := range blocks {
		if len(col) > 0 && (len(col)+1+len(b) > rows && len(b) <= rows || len(col)+1 >= rows) {
			cols, col = append(cols, col), nil
		}
		if len(col) > 0 {
			col = append(col, "")
		}
		for _, l := range b {
			if len(col) >= rows {
				cols, col = append(cols, col), nil
			}
			col = append(col, l)
		}
	}
	cols = append(cols, col)
	widths := make([]int, len(cols))
	total := helpGap * (len(cols) - 1)
	for i, c := range cols {
		for _, l := range c {
			widths[i] = max(widths[i], lipgloss.Width(l))
		}
		total += widths[i]
	}
	if total > w {
		return nil, false
	}
	return common.JoinColumns(cols, widths, helpGap), true
}

// helpKey handles a key while the help overlay is open: ? or esc closes
// it, ↑/↓ (pgup/pgdown) scroll it, a screen key closes it and switches,
// quitting quits; every other key is swallowed, so reading the help never
// starts anything.
func (m *Model) helpKey(k tea.KeyPressMsg) tea.Cmd {
	g := m.keys
	switch {
	case key.Matches(k, g.Quit):
		return m.quit()
	case key.Matches(k, g.Help), k.String() == "esc":
		m.help.ShowAll = false
		return nil
	case key.Matches(k, g.NextTab):
		m.help.ShowAll = false
		m.switchTo((m.active + 1) % tabCount)
		return nil
	case key.Matches(k, g.PrevTab):
		m.help.ShowAll = false
		m.switchTo((m.active + tabCount - 1) % tabCount)
		return nil
	}
	for t, b := range g.TabKeys() {
		if key.Matches(k, b) {
			m.help.ShowAll = false
			m.switchTo(tab(t))
			return nil
		}
	}
	step := map[string]int{"up": -1, "k": -1, "down": 1, "j": 1, "pgup": -m.laidH / 2, "pgdown": m.laidH / 2}[k.String()]
	last := max(len(m.helpOverlayLines())-m.laidH+1, 0) // one line is kept for the scroll note
	m.helpTop = min(max(m.helpTop+step, 0), last)
	return nil
}

// helpOverlayLines are the help overlay's lines at the laid-out size.
func (m *Model) helpOverlayLines() []string {
	return helpLines(m.styles, m.helpKeys().sections(m.com, m.tabName(m.active, false)), m.laidW, m.laidH)
}

// helpOverlay draws the help overlay in w×h cells: the whole of it, or the
// part from helpTop with a note saying where the rest is.
func (m *Model) helpOverlay(w, h int) string {
	lines := m.helpOverlayLines()
	if len(lines) <= h {
		return widget.Fit(common.JoinLines(lines), w, h)
	}
	top := min(m.helpTop, max(len(lines)-h+1, 0))
	shown := lines[top:min(top+h-1, len(lines))]
	note := m.com.Tf("↑/↓ scroll · lines %d–%d of %d", "↑/↓ 滚动 · 第 %d–%d 行，共 %d 行", top+1, top+len(shown), len(lines))
	return widget.Fit(common.JoinLines(append(shown, m.styles.Muted.Render(note))), w, h)
}

// helpFooter is the footer while the help overlay is open: how to close
// it (and to scroll it when it is cut), not the keys it lists.
func (m *Model) helpFooter() string {
	hs := m.styles.Help
	item := func(k, desc string) string { return hs.ShortKey.Render(k) + " " + hs.ShortDesc.Render(desc) }
	parts := []string{item("? / esc", m.com.T("close help", "关闭帮助"))}
	if len(m.helpOverlayLines()) > m.laidH {
		parts = append(parts, item("↑/↓", m.com.T("scroll", "滚动")))
	}
	return common.Truncate(strings.Join(parts, hs.ShortSeparator.Render(" • ")), m.width)
}
