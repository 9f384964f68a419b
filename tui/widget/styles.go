package widget

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Styles holds every style the widgets draw with. Build it with
// DefaultStyles, adjust fields, and pass it to the widgets' New functions.
// Colours are chosen from the 16 ANSI colours where possible so that the
// terminal's own theme (dark or light) decides their exact shade.
type Styles struct {
	Title       lipgloss.Style // chart titles
	Axis        lipgloss.Style // axis lines and tick marks
	Label       lipgloss.Style // tick labels and row/column labels
	Muted       lipgloss.Style // secondary text: notes, counts, "… n more"
	Placeholder lipgloss.Style // the text shown when a widget is too small

	// Series styles the current run's curves, in series order (cycled).
	Series []lipgloss.Style
	// Previous styles the curves of the previous run (drawn dimmed).
	Previous lipgloss.Style

	// Positive and Negative style signed quantities: attributions and
	// weights. Sign is also shown by a marker, never by colour alone.
	Positive lipgloss.Style
	Negative lipgloss.Style

	// ClassA and ClassB style the two label classes in distributions.
	ClassA lipgloss.Style
	ClassB lipgloss.Style

	// Highlight marks the selected row or cell (reverse video, which
	// survives NO_COLOR).
	Highlight lipgloss.Style

	// HeatPositive and HeatNegative are background colour ramps from weak
	// to strong for heatmap cells; their lengths set the number of levels.
	HeatPositive []color.Color
	HeatNegative []color.Color
}

// DefaultStyles returns the house styles for the widgets.
func DefaultStyles() Styles {
	red, blue := lipgloss.Color("#d7263d"), lipgloss.Color("#1b6ac9")
	pale := lipgloss.Color("#8a8a8a")
	return Styles{
		Title:       lipgloss.NewStyle().Bold(true),
		Axis:        lipgloss.NewStyle().Foreground(lipgloss.Color("8")),
		Label:       lipgloss.NewStyle().Foreground(lipgloss.Color("7")),
		Muted:       lipgloss.NewStyle().Foreground(lipgloss.Color("8")),
		Placeholder: lipgloss.NewStyle().Foreground(lipgloss.Color("8")).Italic(true),
		Series: []lipgloss.Style{
			lipgloss.NewStyle().Foreground(lipgloss.Color("12")), // bright blue
			lipgloss.NewStyle().Foreground(lipgloss.Color("11")), // bright yellow
			lipgloss.NewStyle().Foreground(lipgloss.Color("13")), // bright magenta
			lipgloss.NewStyle().Foreground(lipgloss.Color("14")), // bright cyan
		},
		Previous:  lipgloss.NewStyle().Foreground(lipgloss.Color("8")).Faint(true),
		Positive:  lipgloss.NewStyle().Foreground(lipgloss.Color("9")),  // bright red: raises risk
		Negative:  lipgloss.NewStyle().Foreground(lipgloss.Color("12")), // bright blue: lowers risk
		ClassA:    lipgloss.NewStyle().Foreground(lipgloss.Color("10")),
		ClassB:    lipgloss.NewStyle().Foreground(lipgloss.Color("9")),
		Highlight: lipgloss.NewStyle().Reverse(true).Bold(true),
		// Five-step blends without their grey start: even the weakest
		// level is tinted towards its sign.
		HeatPositive: lipgloss.Blend1D(5, pale, red)[1:],
		HeatNegative: lipgloss.Blend1D(5, pale, blue)[1:],
	}
}

// seriesStyle returns the style of series i, cycling through s.Series.
func (s Styles) seriesStyle(i int) lipgloss.Style {
	if len(s.Series) == 0 {
		return lipgloss.NewStyle()
	}
	return s.Series[i%len(s.Series)]
}
