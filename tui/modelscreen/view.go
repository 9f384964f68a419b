package modelscreen

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// summaryWidth is the width of the summary pane beside the form.
const summaryWidth = 44

// View returns the Model screen as rendered after the last change.
func (s Model) View() string { return s.view }

// render draws the Model screen: the form on the left, the summary on the
// right (below it when the window is narrow).
func (s Model) render() string {
	if s.Width <= 0 || s.Height <= 0 {
		return ""
	}
	sumW := min(summaryWidth, s.Width/2)
	formW := min(s.Width-sumW-3, 100)
	form := s.formLines(formW)
	summary := s.summaryLines(sumW)
	return strings.Join(common.BesideRule(form, summary, formW, max(len(form), len(summary)), s.Styles), "\n")
}

// formLines lists the settings, the selected one highlighted, with a
// refused value's whole reason right under its field. A form taller than
// the screen scrolls so the selected field and its reason show; the hint
// of a narrow form stays at the bottom.
func (s Model) formLines(w int) []string {
	st := s.Styles
	const labelW, valueW = 21, 14 // "◂ leaky_relu ▸" and "◂ 20/训练行 ▸" whole
	hintW := max(w-labelW-valueW-2, 0)
	// Hints need room; in a narrow form only the selected one is shown,
	// under the list. A hint longer than its column goes on under itself.
	inline := hintW >= 30
	title := s.T("Network", "网络")
	lines := []string{st.Title.Render(title) + st.Muted.Render(common.Truncate(s.T("  applies to the next run", "  下次训练时生效"), w-ansi.StringWidth(title)))}
	if s.presetNote.In(s.Common) != "" {
		for _, l := range widget.WrapUnmarked(s.presetNote.In(s.Common), max(w-2, 8)) {
			lines = append(lines, st.Muted.Render(common.Truncate("  "+l, w)))
		}
	}
	if s.aside != "" {
		// Said until the data come back, edits or not: the user's own
		// data are not lost, only set aside.
		text := s.Tf("%s set aside for the preset's own users: p or r brings it back",
			"%s 已暂时搁置，改用预设自带的用户：按 p 或 r 恢复", s.aside)
		for _, l := range widget.WrapUnmarked(text, max(w-2, 8)) {
			lines = append(lines, st.Warning.Render(common.Truncate("  "+l, w)))
		}
	}
	if len(s.cfg.Hidden) == 0 {
		note := ansi.Wrap(s.T("no hidden layers: logistic regression (a adds one)", "没有隐藏层：即逻辑回归（按 a 添加一层）"), max(w-2, 8), "")
		for _, l := range strings.Split(note, "\n") {
			lines = append(lines, st.Muted.Render(common.Truncate("  "+l, w)))
		}
	}
	fs := s.fieldList()
	focus, focusEnd := 0, 0    // the selected field's lines
	at := make([]int, len(fs)) // each field's line
	for i, f := range fs {
		if f.section != "" {
			lines = append(lines, "", st.Title.Render(f.section))
		}
		value := f.get(s.cfg)
		if i == s.sel && s.typing {
			value = s.input.View()
		} else if i == s.sel {
			value = "◂ " + value + " ▸"
		}
		label := common.Pad("  "+f.label, labelW)
		if i == s.sel {
			label = st.Selected.Render(common.Pad("▸ "+f.label, labelW))
			focus = len(lines)
		}
		at[i] = len(lines)
		line := label + " " + common.Pad(value, valueW)
		var more []string
		if inline {
			hint := widget.WrapUnmarked(f.hint, hintW)
			line += " " + st.Muted.Render(common.Truncate(hint[0], hintW))
			for _, l := range hint[1:] {
				more = append(more, strings.Repeat(" ", labelW+valueW+2)+st.Muted.Render(common.Truncate(l, hintW)))
			}
		}
		lines = append(lines, ansi.Truncate(line, w, ""))
		lines = append(lines, more...)
		if i == s.refused && s.refusal.In(s.Common) != "" {
			lines = append(lines, s.refusalLines(w)...)
		}
		if i == s.sel {
			focusEnd = len(lines)
		}
	}
	var foot []string
	if !inline && s.sel < len(fs) {
		// The selected field's hint, on two lines when it needs them
		// (the decay's λ = prior ÷ rows = value).
		foot = []string{""}
		hint := widget.WrapUnmarked(s.Tf("%s: %s", "%s：%s", fs[s.sel].label, fs[s.sel].hint), max(w, 8))
		for _, l := range hint[:min(len(hint), 2)] {
			foot = append(foot, st.Muted.Render(common.Truncate(l, w)))
		}
	}
	room := max(s.Height-len(foot), 1)
	if len(lines) > room {
		top := min(max(focusEnd-room, 0), focus)
		// Settings below the window are counted on its last line, so
		// the last ones (the preprocessing) are known to be there.
		var more []string
		if below := fieldsFrom(at, top+room); below > 0 && room > 3 {
			top = min(max(focusEnd-room+1, 0), focus)
			below = fieldsFrom(at, top+room-1)
			more = []string{st.Muted.Render(common.Truncate(s.Tf(plural(below, "↓ %d more setting", "↓ %d more settings"),
				"↓ 下面还有 %d 项设置", below), w))}
		}
		lines = append(lines[top:min(top+room-len(more), len(lines))], more...)
	}
	return append(lines, foot...)
}

// refusalLines is the refused value's reason, wrapped at word boundaries
// with a hanging indent under the text after the ✗.
func (s Model) refusalLines(w int) []string {
	const lead, indent = "  ✗ ", "    "
	text := s.T("refused: ", "未接受：") + s.refusal.In(s.Common)
	// A bound stays with its sign: "≥ 0" never ends one line and starts
	// the next.
	glued := strings.NewReplacer("≥ ", "≥\u00a0", "≤ ", "≤\u00a0", "> ", ">\u00a0", "< ", "<\u00a0").Replace(text)
	wrapped := strings.ReplaceAll(ansi.Wrap(glued, max(w-len(indent), 8), ""), "\u00a0", " ")
	var out []string
	for i, l := range strings.Split(wrapped, "\n") {
		prefix := indent
		if i == 0 {
			prefix = lead
		}
		out = append(out, s.Styles.Error.Render(common.Truncate(prefix+strings.TrimRight(l, " "), w)))
	}
	return out
}

// limitLines state the session's limits on the network under its summary
// and, when the network is beyond them, why it cannot train (nothing when
// the session has no such limits).
func (s Model) limitLines(w int) []string {
	limits := s.NetworkLimits(s.limits)
	if limits == "" {
		return nil
	}
	var lines []string
	for _, l := range wrapSizes(s.T("Limit: ", "上限：")+limits, w) {
		lines = append(lines, s.Styles.Muted.Render(l))
	}
	if err := s.limits.CheckNetwork(s.shape, s.cfg, 1); err != nil {
		text := "✗ " + s.ErrorText(err) + s.T(": make it smaller to train.", "：缩小后才能训练。")
		for _, l := range wrapSizes(text, w) {
			lines = append(lines, s.Styles.Error.Render(l))
		}
	}
	return lines
}

// wrapSizes wraps text to w cells; widget's wrapping never breaks between
// a size's number and unit ("6.4 GiB").
func wrapSizes(text string, w int) []string { return widget.WrapUnmarked(text, w) }

// fieldsFrom counts the fields whose line (at, in order) is line or below.
func fieldsFrom(at []int, line int) int {
	n := 0
	for _, l := range at {
		if l >= line {
			n++
		}
	}
	return n
}

// plural is the English format for a count n: one for 1, many otherwise.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
