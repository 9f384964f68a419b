package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// footer is the key help: the screen's keys on the left and the global
// ones on the right; while the help overlay is open, how to close it.
func (m *Model) footer() string {
	h := m.help
	keys := m.helpKeys()
	if h.ShowAll {
		return m.helpFooter()
	}
	right := h.ShortHelpView(m.footerGlobal(keys))
	room := m.width - lipgloss.Width(right) - 3
	if room <= 0 {
		return common.Truncate(right, m.width)
	}
	return common.Pad(shortHelpFit(h, keys.ShortHelp(), room), room) + "   " + right
}

// footerGlobal are the global keys the footer shows on its right: the
// language key too when the screen's own keys all fit beside them. The
// screen's keys come first: the language key gives way to them (the help
// overlay always lists it).
func (m *Model) footerGlobal(keys helpKeys) []key.Binding {
	all := keys.globalShort()
	if fitsWhole(m.help, keys.ShortHelp(), m.width-lipgloss.Width(m.help.ShortHelpView(all))-3) {
		return all
	}
	keys.global.Lang.SetEnabled(false)
	return keys.globalShort()
}

// shortHelpFit lays out the enabled keys of bindings as help's short view
// does ("o open file • g open order log"), in w cells: whole items only,
// and " …" after the last that fits when some do not. help.ShortHelpView
// adds an item that does not fit when its ellipsis would not fit either,
// which the footer then cut in the middle of a word.
func shortHelpFit(h help.Model, bindings []key.Binding, w int) string {
	out, _ := shortHelpFitted(h, bindings, w)
	return out
}

// fitsWhole reports whether every enabled key of bindings fits in w cells
// as shortHelpFit lays them out.
func fitsWhole(h help.Model, bindings []key.Binding, w int) bool {
	_, whole := shortHelpFitted(h, bindings, w)
	return whole
}

// shortHelpFitted is shortHelpFit, and whether every key fitted.
func shortHelpFitted(h help.Model, bindings []key.Binding, w int) (string, bool) {
	sep := h.Styles.ShortSeparator.Inline(true).Render(h.ShortSeparator)
	tail := " " + h.Styles.Ellipsis.Inline(true).Render(h.Ellipsis)
	var items []string
	for _, b := range bindings {
		if b.Enabled() {
			items = append(items, h.Styles.ShortKey.Inline(true).Render(b.Help().Key)+" "+
				h.Styles.ShortDesc.Inline(true).Render(b.Help().Desc))
		}
	}
	var out strings.Builder
	used := 0
	for i, item := range items {
		if i > 0 {
			item = sep + item
		}
		need := lipgloss.Width(item)
		if i < len(items)-1 {
			need += lipgloss.Width(tail) // room to say more follow
		}
		if used+need > w {
			if used == 0 {
				tail = strings.TrimPrefix(tail, " ")
			}
			if used+lipgloss.Width(tail) <= w {
				out.WriteString(tail)
			}
			return out.String(), false
		}
		out.WriteString(item)
		used += lipgloss.Width(item)
	}
	return out.String(), true
}

func (m *Model) helpKeys() helpKeys {
	keys := m.keys
	keys.Dismiss.SetEnabled(m.err != nil || m.loading != "")
	if m.loading != "" {
		keys.Dismiss.SetHelp("esc", m.com.T("cancel load", "取消加载"))
	}
	// On a walkthrough step tab moves to the next layer, not the next
	// screen (handleKey gives it to the walkthrough first).
	keys.NextTab.SetEnabled(!(m.active == tabWalk && m.walkScr.WantsTab(tea.KeyPressMsg{Code: tea.KeyTab})))
	hk := helpKeys{global: keys, editing: m.editing()}
	if m.blocked(m.active) {
		hk.screen = [][]key.Binding{{m.chooseLabelKey()}}
		return hk
	}
	switch m.active {
	case tabData:
		hk.screen = m.dataScr.HelpGroups()
	case tabModel:
		hk.screen = m.modelScr.HelpGroups()
	case tabTrain:
		hk.screen = m.trainScr.HelpGroups()
	case tabEvaluate:
		hk.screen = m.evalScr.HelpGroups()
	case tabUsers:
		hk.screen = m.usersScr.HelpGroups()
	case tabWalk:
		hk.screen = m.walkScr.HelpGroups()
	case tabRuns:
		hk.screen = m.runsScr.HelpGroups()
	case tabMap:
		hk.screen = m.mapScr.HelpGroups()
	case tabCohorts:
		hk.screen = m.cohScr.HelpGroups()
	case tabPlan:
		hk.screen = m.planScr.HelpGroups()
	case tabRecommend:
		hk.screen = m.recScr.HelpGroups()
	case tabTune:
		hk.screen = m.tuneScr.HelpGroups()
	case tabAnomalies:
		hk.screen = m.anomScr.HelpGroups()
	}
	return hk
}

func (m *Model) errorPanel() string {
	if m.err == nil {
		return ""
	}
	w := max(m.width-2, 10)
	msg := m.errorText(m.err)
	box := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(lipgloss.Color("9")).
		Padding(0, 1).Width(w)
	after := m.com.T("The previous data and settings are unchanged. esc dismisses this message.", "之前的数据和设置没有改变。按 esc 关闭此消息。")
	if m.data == nil && m.bare == nil {
		after = m.com.T("No data is loaded yet. esc dismisses this message.", "尚未加载任何数据。按 esc 关闭此消息。")
	}
	// Wrapped here, as prose in either language is, not by the box: its
	// wrap breaks a Chinese sentence anywhere and a flag after a hyphen.
	inner := max(w-4, 1)
	heading := m.com.T("Error", "错误")
	// A no-break space keeps the two spaces after the heading through the
	// wrap, which joins words with one.
	lines := widget.WrapParagraphs(heading+"\u00a0 "+msg, inner)
	if rest, ok := strings.CutPrefix(lines[0], heading+"\u00a0"); ok {
		lines[0] = m.styles.Error.Render(heading) + " " + rest
	}
	if note := errorNote(m.err); note != "" {
		for _, l := range widget.WrapParagraphs(note, inner) {
			lines = append(lines, m.styles.Warning.Render(l))
		}
	}
	for _, l := range widget.WrapParagraphs(after, inner) {
		lines = append(lines, m.styles.Muted.Render(l))
	}
	return box.Render(strings.Join(lines, "\n"))
}

// layout gives every screen the space left by the tab bar, footer and error
// panel. It is pure arithmetic on the window size.
func (m *Model) layout() {
	if m.width <= 0 || m.height <= 0 {
		return
	}
	w, h := m.contentSize()
	m.laidW, m.laidH = w, h
	m.tabs = tabsDrawn{active: m.active, width: m.width, zh: m.com.Zh(), labels: m.tabLabels()}
	m.tabs.labelsW = lipgloss.Width(m.tabs.labels)
	m.dataScr.SetSize(w, h)
	m.modelScr.SetSize(w, h)
	m.trainScr.SetSize(w, h)
	// The analysis screens redraw charts, tables and grids on a resize:
	// only the visible one is laid out now, the others when shown
	// (switchTo lays out again).
	switch m.active {
	case tabEvaluate:
		m.evalScr.SetSize(w, h)
	case tabUsers:
		m.usersScr.SetSize(w, h)
	case tabWalk:
		m.walkScr.SetSize(w, h)
	case tabRuns:
		m.runsScr.SetSize(w, h)
	case tabMap:
		m.mapScr.SetSize(w, h)
	case tabCohorts:
		m.cohScr.SetSize(w, h)
	case tabPlan:
		m.planScr.SetSize(w, h)
	case tabRecommend:
		m.recScr.SetSize(w, h)
	case tabTune:
		m.tuneScr.SetSize(w, h)
	case tabAnomalies:
		m.anomScr.SetSize(w, h)
	}
}

func (m *Model) contentSize() (int, int) {
	h := m.height - 2 - lipgloss.Height(m.footer()) // tab bar, rule, footer
	if p := m.errorPanel(); p != "" {
		h -= lipgloss.Height(p)
	}
	if p := m.loadPanel(); p != "" {
		h -= lipgloss.Height(p)
	}
	if p := m.quitPanel(); p != "" {
		h -= lipgloss.Height(p)
	}
	return m.width, max(h, 0)
}

// View implements tea.Model. It joins the screens' cached views with the
// tab bar, footer and error panel.
func (m Model) View() tea.View { return m.view() }

// view is View on the model in place (Live's View).
func (m *Model) view() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	return v
}

// render draws the whole window. The body gets the size the screens were
// laid out at (Update re-lays them whenever it changes), which spares
// rendering the footer and error panel twice per frame.
func (m *Model) render() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	if !widget.Fits(m.width, m.height) {
		return m.tooSmall()
	}
	w, h := m.laidW, m.laidH
	var body string
	switch m.active {
	case tabData:
		body = m.dataScr.View()
	case tabModel:
		body = m.modelScr.View()
	case tabTrain:
		body = m.trainScr.View()
	case tabEvaluate:
		body = m.evalScr.View()
	case tabUsers:
		body = m.usersScr.View()
	case tabWalk:
		body = m.walkScr.View()
	case tabRuns:
		body = m.runsScr.View()
	case tabMap:
		body = m.mapScr.View()
	case tabCohorts:
		body = m.cohScr.View()
	case tabPlan:
		body = m.planScr.View()
	case tabRecommend:
		body = m.recScr.View()
	case tabTune:
		body = m.tuneScr.View()
	case tabAnomalies:
		body = m.anomScr.View()
	}
	if m.blocked(m.active) {
		body = m.noLabelPanel(w, h)
	}
	if m.help.ShowAll {
		body = m.helpOverlay(w, h)
	}
	parts := []string{m.tabBar(), m.rule(), widget.Fit(body, w, h)}
	if p := m.loadPanel(); p != "" {
		parts = append(parts, p)
	}
	if p := m.errorPanel(); p != "" {
		parts = append(parts, p)
	}
	if p := m.quitPanel(); p != "" {
		parts = append(parts, p)
	}
	parts = append(parts, m.footer())
	return widget.Fit(strings.Join(parts, "\n"), m.width, m.height)
}

// tabBar shows the product, the tabs with their number keys, and on the
// right what is going on in the background.
func (m *Model) tabBar() string {
	left, leftW := m.drawnTabs()
	status := m.statusText()
	room := m.width - leftW - 1
	if status == "" || lipgloss.Width(status) > room {
		return left // the status goes into the rule below
	}
	return left + strings.Repeat(" ", room-lipgloss.Width(status)) + m.styles.Muted.Render(status) + " "
}

// tabsDrawn are the tab labels drawn by layout for the active tab, the
// window width and the language: measuring the names to fit them is most
// of the cost of the tab bar, which every frame shows.
type tabsDrawn struct {
	active  tab
	width   int
	zh      bool
	labels  string
	labelsW int // the labels' width in cells
}

// drawnTabs returns the tab labels and their width, as layout drew them
// or, when the tab, the width or the language has changed since, drawn
// now.
func (m *Model) drawnTabs() (string, int) {
	if m.tabs.labels != "" && m.tabs.active == m.active && m.tabs.width == m.width && m.tabs.zh == m.com.Zh() {
		return m.tabs.labels, m.tabs.labelsW
	}
	labels := m.tabLabels()
	return labels, lipgloss.Width(labels)
}

// tabLabels is the product name and the tabs with their number keys, in
// the layout tabLayout picks for the window's width: the same on every
// screen, so switching screens only moves the highlight. The name gives
// way to the tabs when both do not fit (80 columns with thirteen tabs).
func (m *Model) tabLabels() string {
	l := m.tabLayout()
	var b strings.Builder
	for t := range tabCount {
		label := m.tabLabel(t, l)
		style := m.styles.TabInactive
		if t == m.active {
			style = m.styles.TabActive
		}
		if !l.padded {
			if t > 0 {
				b.WriteString(" ")
			}
			style = style.Padding(0)
		}
		b.WriteString(style.Render(label))
	}
	brand := m.styles.Brand.Render(" retain ")
	if lipgloss.Width(brand)+lipgloss.Width(b.String()) > m.width {
		return b.String()
	}
	return brand + b.String()
}

// tabLayout is how the tab bar writes every tab at one window width,
// whichever is active: full or short names, each in a padded cell or one
// space apart, names cut to a number of cells.
type tabLayout struct {
	short  bool // tabShort's names, not tabNames'
	padded bool // a cell of padding each side of every tab; else one space between tabs
	cut    int  // names cut to this many cells (0: whole)
	// whole are the tabs whose names are not cut (bit t for tab t).
	whole uint32
}

// tabLayout is the roomiest layout that fits the window: full names when
// they leave room for the product name and a status on the right, then
// short names padded, then one space apart, then cut to three cells in
// English (a fourth letter makes "Mode" and "Trai") and to two characters
// in Chinese (thirteen tabs at 80 columns: "1 Dat 2 Mod 3 Tra …",
// "1数据 2模型 … 8决策 9同期 …"), then to two cells.
func (m *Model) tabLayout() tabLayout {
	if full := (tabLayout{padded: true}); m.tabsWidth(full)+8+30 <= m.width {
		return full
	}
	cut := 3
	if m.com.Zh() {
		cut = 4
	}
	for _, l := range []tabLayout{{short: true, padded: true}, {short: true}, {short: true, cut: cut}} {
		if m.tabsWidth(l) <= m.width {
			if l.cut > 0 && m.com.Zh() {
				// A Chinese name cut short can name something else (决策图,
				// the decision map, cut to 决策, "decisions"): the names are
				// kept whole, in tab order, as long as the bar fits.
				for t := range tabCount {
					if w := (tabLayout{short: true, cut: cut, whole: l.whole | 1<<t}); m.tabsWidth(w) <= m.width {
						l = w
					}
				}
			}
			return l
		}
	}
	return tabLayout{short: true, cut: 2}
}

// tabsWidth is the width of the tabs in layout l.
func (m *Model) tabsWidth(l tabLayout) int {
	width := 0
	for t := range tabCount {
		width += lipgloss.Width(m.tabLabel(t, l))
		if l.padded {
			width += 2
		}
	}
	if !l.padded {
		width += int(tabCount) - 1
	}
	return width
}

// tabLabel is a tab's key and name in layout l. Unpadded Chinese names
// follow their key without a space ("8决策", as the names are wide and
// need no space to be told from the key).
func (m *Model) tabLabel(t tab, l tabLayout) string {
	name := m.tabName(t, l.short)
	if l.cut > 0 && l.whole&(1<<t) == 0 {
		name = ansi.Truncate(name, l.cut, "")
	}
	sep := " "
	if !l.padded && m.com.Zh() {
		sep = ""
	}
	return m.keys.TabKeys()[t].Help().Key + sep + name
}

// statusText says what is going on in the background.
func (m *Model) statusText() string {
	switch {
	case m.notice != "":
		return m.notice
	case m.quitting:
		return m.com.T("stopping training…", "正在停止训练…")
	case m.loading != "":
		return m.loading + m.com.T(" (esc cancels)", "（esc 取消）")
	}
	return m.trainScr.Status()
}

// rule is the line under the tab bar; it carries the status when the tab
// bar has no room for it (narrow windows with eight tabs).
func (m *Model) rule() string {
	line := strings.Repeat("─", m.width)
	status := m.statusText()
	if _, tabsW := m.drawnTabs(); status == "" || tabsW+lipgloss.Width(status)+1 <= m.width {
		return m.styles.Border.Render(line)
	}
	status = common.Truncate(status, max(m.width-6, 0))
	dashes := max(m.width-lipgloss.Width(status)-4, 0)
	return m.styles.Border.Render(strings.Repeat("─", dashes)+" ") + m.styles.Muted.Render(status) + m.styles.Border.Render(" ──")
}

// tabName is a tab's name in the interface language, short or full.
func (m *Model) tabName(t tab, short bool) string {
	switch {
	case m.com.Zh() && short:
		return tabShortZh[t]
	case m.com.Zh():
		return tabNamesZh[t]
	case short:
		return tabShort[t]
	}
	return tabNames[t]
}

// tooSmall is the one-line notice shown instead of the screens in a window
// smaller than widget.MinWidth×widget.MinHeight, cut to its width.
func (m *Model) tooSmall() string {
	w, h := max(m.width, 0), max(m.height, 0)
	msg := m.com.Tf("Window %d×%d is too small: enlarge it to at least %d×%d.", "窗口 %d×%d 太小：请放大到至少 %d×%d。",
		w, h, widget.MinWidth, widget.MinHeight)
	if lipgloss.Width(msg) > w {
		msg = m.com.Tf("Enlarge to %d×%d", "请放大到 %d×%d", widget.MinWidth, widget.MinHeight)
	}
	return common.Truncate(msg, w)
}
