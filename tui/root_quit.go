package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/retainlab/retain/tui/widget"
)

// quitKey handles q: it quits at once when quitting loses nothing, and
// otherwise asks first (quitPanel), since the TUI keeps no model file.
func (m *Model) quitKey() tea.Cmd {
	if len(m.quitLosses()) == 0 {
		return m.quit()
	}
	m.confirmQuit = true
	m.layout()
	return nil
}

// confirmKey answers the question quitPanel asks: q or y quits, any other
// key (which does nothing else) keeps the program running. ctrl+c never
// gets here: it quits at once.
func (m *Model) confirmKey(k tea.KeyPressMsg) tea.Cmd {
	m.confirmQuit = false
	m.layout()
	if s := k.String(); s == "q" || s == "y" || s == "Y" {
		return m.quit()
	}
	return nil
}

// quitLosses names, in the interface's language, what quitting would
// lose: a run training, the ended runs, a Tune search and its results
// (none: nothing to lose, so q quits at once).
func (m *Model) quitLosses() []string {
	c := m.com
	var out []string
	if m.trainScr.Alive() {
		out = append(out, c.Tf("run %d (still training)", "仍在训练的第 %d 次训练", m.trainScr.Runs()))
	}
	switch n := len(m.trainScr.Finished()); {
	case n == 1:
		out = append(out, c.T("1 ended run", "1 次已结束的训练"))
	case n > 1:
		out = append(out, c.Tf("%d ended runs", "%d 次已结束的训练", n))
	}
	switch {
	case m.tuneScr.Running():
		out = append(out, c.T("the Tune search under way", "正在进行的调参搜索"))
	case m.tuneScr.Result() != nil:
		out = append(out, c.T("the Tune results", "调参结果"))
	}
	return out
}

// quitPanel asks whether to quit and lose what quitLosses names ("" when
// not asking).
func (m *Model) quitPanel() string {
	if !m.confirmQuit {
		return ""
	}
	losses := m.quitLosses()
	if len(losses) == 0 {
		return ""
	}
	c := m.com
	var lost string
	if c.Zh() {
		lost = strings.Join(losses, "、")
	} else {
		lost = losses[0]
		if n := len(losses); n > 1 {
			lost = strings.Join(losses[:n-1], ", ") + " and " + losses[n-1]
		}
	}
	// The box is as wide as its text, wrapped to at most quitPanelW
	// cells: across a wide screen a question of two short lines read as
	// a banner with its right half empty.
	w := min(max(m.width-2, 10), quitPanelW)
	inner := max(w-4, 1)
	// The command is kept on one line ("retain train" / "--out" read as
	// two things), and so is 模型文件 (a line ended at 模型文).
	head := c.Tf("Quit retain? You would lose %s: the TUI keeps no model file (%s writes one).",
		"要退出 retain 吗？以下内容将丢失：%s。TUI 不保存"+widget.Keep("模型文件")+"（%s 可保存）。", lost, widget.Keep("retain train --out"))
	keys := c.T("q or y quits · any other key stays · ctrl+c quits at once",
		"q 或 y 退出 · 其他任意键留下 · ctrl+c 立即退出")
	lines := widget.WrapParagraphs(head, inner)
	lines[0] = m.styles.Warning.Render(lines[0])
	for _, l := range widget.WrapParagraphs(keys, inner) {
		lines = append(lines, m.styles.Muted.Render(l))
	}
	widest := 0
	for _, l := range lines {
		widest = max(widest, lipgloss.Width(l))
	}
	box := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(lipgloss.Color("11")).
		Padding(0, 1).Width(min(widest+4, w))
	return box.Render(strings.Join(lines, "\n"))
}

// quitPanelW is the widest the quit question's box gets: its question on
// one line at 160 columns, in either language, but no banner across a
// wider screen.
const quitPanelW = 120

// quit stops training first: the program ends when the worker has.
func (m *Model) quit() tea.Cmd {
	if !m.trainScr.Alive() {
		return m.end()
	}
	m.quitting = true
	return m.trainScr.Stop()
}

// end ends the program: tea.Interrupt after ctrl+c (Run then returns
// tea.ErrInterrupted, exit 130, as for SIGINT), tea.Quit after q.
func (m *Model) end() tea.Cmd {
	if m.interrupted {
		return tea.Interrupt
	}
	return tea.Quit
}
