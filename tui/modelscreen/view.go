package modelscreen

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/charmbracelet/x/ansi"
	"github.com/retainlab/retain/tui/common"
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
	formW := min(s.Width-sumW-3, 72)
	form := s.formLines(formW)
	summary := s.summaryLines(sumW)
	return strings.Join(common.BesideRule(form, summary, formW, max(len(form), len(summary)), s.Styles), "\n")
}

// formLines lists the settings, the selected one highlighted, with a
// refused value's reason right under its field.
func (s Model) formLines(w int) []string {
	st := s.Styles
	const labelW, valueW = 21, 12
	hintW := max(w-labelW-valueW-2, 0)
	// Hints need room; in a narrow form only the selected one is shown,
	// under the list.
	inline := hintW >= 16
	lines := []string{st.Title.Render("Network") + st.Muted.Render(common.Truncate("  applies to the next run", w-7))}
	fs := fields(s.cfg, s.limits)
	for i, f := range fs {
		if i == 2*len(s.cfg.Hidden) {
			lines = append(lines, "", st.Title.Render("Training"))
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
		}
		line := label + " " + common.Pad(value, valueW)
		if inline {
			line += " " + st.Muted.Render(common.Truncate(f.hint, hintW))
		}
		lines = append(lines, ansi.Truncate(line, w, ""))
		if i == s.refused && s.refusal != "" {
			wrapped := lipgloss.NewStyle().Width(max(w-4, 10)).Render("✗ refused: " + s.refusal)
			for _, l := range strings.Split(wrapped, "\n") {
				lines = append(lines, st.Error.Render(common.Truncate("  "+strings.TrimRight(l, " "), w)))
			}
		}
	}
	if !inline && s.sel < len(fs) {
		lines = append(lines, "", st.Muted.Render(common.Truncate(fs[s.sel].label+": "+fs[s.sel].hint, w)))
	}
	if len(s.cfg.Hidden) == 0 {
		lines = append(lines[:1], append([]string{st.Muted.Render("  no hidden layers: logistic regression (a adds one)")}, lines[1:]...)...)
	}
	return lines
}
