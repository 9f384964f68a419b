package common

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/retainlab/retain/tui/widget"
)

// PanelMinWidth is the narrowest a Panel is boxed: the border, the padding
// and a few cells of text.
const PanelMinWidth = 12

// Panel is a boxed message w cells wide, each line padded to w: heading
// (styled by the caller) on the first line, then text wrapped to the box
// by widget.WrapParagraphs (a paragraph a line, so the command line's
// advice after a message stays whole), then note, muted, wrapped the same
// way ("" for none). The text is wrapped here, not by the box, whose wrap
// breaks a Chinese sentence anywhere and "--log" after its hyphens. Below
// PanelMinWidth the lines are not boxed. The screens draw a refusal or a
// failed run with it, so the whole message shows at any width.
func (c Common) Panel(heading, text, note string, w int) []string {
	inner := max(w-4, 1) // the border and one cell of padding each side
	if w < PanelMinWidth {
		inner = max(w, 1)
	}
	body := append([]string{heading}, widget.WrapParagraphs(text, inner)...)
	if note != "" {
		for _, l := range widget.WrapParagraphs(note, inner) {
			body = append(body, c.Styles.Muted.Render(l))
		}
	}
	if w < PanelMinWidth {
		return body
	}
	box := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).Padding(0, 1).Width(w).Render(strings.Join(body, "\n"))
	lines := strings.Split(box, "\n")
	for i, line := range lines {
		lines[i] = Pad(line, w)
	}
	return lines
}
