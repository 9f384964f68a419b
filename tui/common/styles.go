package common

import (
	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"

	"github.com/retainlab/retain/tui/widget"
)

// Styles holds every style the screens draw with. The root builds one with
// DefaultStyles and passes it down; nothing keeps styles in package
// variables, so each SSH session's program downsamples colours for its own
// terminal (and NO_COLOR leaves bold, faint and reverse video).
type Styles struct {
	Widget widget.Styles

	TabActive   lipgloss.Style // the selected tab
	TabInactive lipgloss.Style // the other tabs
	Brand       lipgloss.Style // the product name in the tab bar
	Title       lipgloss.Style // panel titles
	Text        lipgloss.Style // ordinary text
	Muted       lipgloss.Style // secondary text and notes
	Value       lipgloss.Style // figures the eye looks for
	Header      lipgloss.Style // table headers
	Selected    lipgloss.Style // the selected row (reverse video survives NO_COLOR)
	Error       lipgloss.Style // error panels and refused values
	Warning     lipgloss.Style // divergence and other trouble worth reading
	Good        lipgloss.Style // finished runs and accepted values
	Border      lipgloss.Style // panel frames
	Help        help.Styles    // the key-map footer
}

// DefaultStyles returns retain's house styles, using the 16 ANSI colours so
// the terminal's theme decides the exact shades.
func DefaultStyles() Styles {
	hs := help.DefaultDarkStyles()
	hs.ShortKey = lipgloss.NewStyle().Bold(true)
	hs.FullKey = lipgloss.NewStyle().Bold(true)
	hs.ShortDesc = lipgloss.NewStyle().Foreground(lipgloss.Color("7"))
	hs.FullDesc = lipgloss.NewStyle().Foreground(lipgloss.Color("7"))
	hs.ShortSeparator = lipgloss.NewStyle().Foreground(lipgloss.Color("8"))
	hs.FullSeparator = lipgloss.NewStyle().Foreground(lipgloss.Color("8"))
	hs.Ellipsis = lipgloss.NewStyle().Foreground(lipgloss.Color("8"))
	return Styles{
		Widget:      widget.DefaultStyles(),
		TabActive:   lipgloss.NewStyle().Bold(true).Reverse(true).Padding(0, 1),
		TabInactive: lipgloss.NewStyle().Foreground(lipgloss.Color("7")).Padding(0, 1),
		Brand:       lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("14")),
		Title:       lipgloss.NewStyle().Bold(true),
		Text:        lipgloss.NewStyle(),
		Muted:       lipgloss.NewStyle().Foreground(lipgloss.Color("8")),
		Value:       lipgloss.NewStyle().Bold(true),
		Header:      lipgloss.NewStyle().Bold(true).Underline(true),
		Selected:    lipgloss.NewStyle().Reverse(true),
		Error:       lipgloss.NewStyle().Foreground(lipgloss.Color("9")).Bold(true),
		Warning:     lipgloss.NewStyle().Foreground(lipgloss.Color("11")).Bold(true),
		Good:        lipgloss.NewStyle().Foreground(lipgloss.Color("10")),
		Border:      lipgloss.NewStyle().Foreground(lipgloss.Color("8")),
		Help:        hs,
	}
}
