package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// summaryWidth is the width of the summary pane beside the form.
const summaryWidth = 44

// View renders the Model screen: the form on the left, the summary on the
// right (below it when the window is narrow).
func (s modelScreen) View() string {
	if s.width <= 0 || s.height <= 0 {
		return ""
	}
	sumW := min(summaryWidth, s.width/2)
	formW := s.width - sumW - 3
	form := s.formLines(formW)
	summary := s.summaryLines(sumW)
	var out []string
	for i := range max(len(form), len(summary)) {
		left, right := "", ""
		if i < len(form) {
			left = form[i]
		}
		if i < len(summary) {
			right = summary[i]
		}
		out = append(out, pad(left, formW)+s.styles.Border.Render(" │ ")+right)
	}
	return strings.Join(out, "\n")
}

// formLines lists the settings, the selected one highlighted, with a
// refused value's reason right under its field.
func (s modelScreen) formLines(w int) []string {
	st := s.styles
	const labelW, valueW = 21, 12
	hintW := max(w-labelW-valueW-2, 0)
	lines := []string{st.Title.Render("Network") + st.Muted.Render("  (changes apply to the next run)")}
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
		label := pad("  "+f.label, labelW)
		if i == s.sel {
			label = st.Selected.Render(pad("▸ "+f.label, labelW))
		}
		line := label + " " + pad(value, valueW) + " " + st.Muted.Render(truncate(f.hint, hintW))
		lines = append(lines, ansi.Truncate(line, w, ""))
		if i == s.refused && s.refusal != "" {
			lines = append(lines, st.Error.Render(truncate("  ✗ refused: "+s.refusal, w)))
		}
	}
	if len(s.cfg.Hidden) == 0 {
		lines = append(lines[:1], append([]string{st.Muted.Render("  no hidden layers: logistic regression (a adds one)")}, lines[1:]...)...)
	}
	return lines
}
