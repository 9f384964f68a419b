package walkthrough

import (
	"charm.land/lipgloss/v2"

	"github.com/retainlab/retain/tui/widget"
)

// Styles holds every style the walkthrough draws with. The root passes one
// down (DefaultStyles unless it has its own theme); nothing is kept in
// package variables, so every SSH session downsamples its own colours.
type Styles struct {
	Widget widget.Styles

	Title    lipgloss.Style // the step title
	Phase    lipgloss.Style // the article phase the step belongs to
	Text     lipgloss.Style // explanations
	Muted    lipgloss.Style // notes, units, counters
	Header   lipgloss.Style // table headers
	Formula  lipgloss.Style // the symbolic formula of a step
	Value    lipgloss.Style // the figure a step arrives at
	Focus    lipgloss.Style // the chosen neuron or weight in a table
	Positive lipgloss.Style // positive contributions (marked + as well)
	Negative lipgloss.Style // negative contributions (marked − as well)
	Good     lipgloss.Style // a correct prediction
	Bad      lipgloss.Style // a wrong prediction, errors
	DotDone  lipgloss.Style // progress dots already visited
	DotTodo  lipgloss.Style // progress dots still ahead
	Rule     lipgloss.Style // separators
}

// DefaultStyles returns the house styles, from the 16 ANSI colours so the
// terminal's theme decides the exact shades.
func DefaultStyles() Styles {
	w := widget.DefaultStyles()
	return Styles{
		Widget:   w,
		Title:    lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("14")),
		Phase:    lipgloss.NewStyle().Foreground(lipgloss.Color("13")),
		Text:     lipgloss.NewStyle(),
		Muted:    lipgloss.NewStyle().Foreground(lipgloss.Color("8")),
		Header:   lipgloss.NewStyle().Bold(true).Underline(true),
		Formula:  lipgloss.NewStyle().Foreground(lipgloss.Color("11")),
		Value:    lipgloss.NewStyle().Bold(true),
		Focus:    lipgloss.NewStyle().Reverse(true).Bold(true),
		Positive: w.Positive,
		Negative: w.Negative,
		Good:     lipgloss.NewStyle().Foreground(lipgloss.Color("10")).Bold(true),
		Bad:      lipgloss.NewStyle().Foreground(lipgloss.Color("9")).Bold(true),
		DotDone:  lipgloss.NewStyle().Foreground(lipgloss.Color("14")),
		DotTodo:  lipgloss.NewStyle().Foreground(lipgloss.Color("8")),
		Rule:     lipgloss.NewStyle().Foreground(lipgloss.Color("8")),
	}
}
