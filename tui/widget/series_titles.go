package widget

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// SetAxisTitles names the axes on lines of their own: the x title centred
// under the tick labels (where it hides none of them, unlike the caption
// of SetXCaption, which it replaces) and the y title above the plot, over
// the y axis. An empty title takes no line; each other takes one line of
// the chart's height. Widths are measured in cells, so CJK titles fit.
func (c *SeriesChart) SetAxisTitles(x, y string) {
	if c.xTitle == x && c.yTitle == y {
		return
	}
	c.xTitle, c.yTitle = x, y
	c.dirty = true
}

// titleLines counts the lines the axis titles take, and the legend's own
// lines under the title (legendLines).
func (c SeriesChart) titleLines(legendLines int, place captionPlacement) int {
	n := legendLines
	if c.xTitleText(place) != "" {
		n++
	}
	if c.yTitle != "" {
		n++
	}
	return n
}

// yTitleLine is the y title with an arrow above the y axis, cut to w.
func (c SeriesChart) yTitleLine(labelW, w int) string {
	line := strings.Repeat(" ", labelW+1) + "↑ " + c.yTitle
	return c.styles.Label.Render(Truncate(line, w))
}

// xTitleText is the x axis title: the one SetAxisTitles set, else the
// caption when it is too wide for the axis line, else "".
func (c SeriesChart) xTitleText(place captionPlacement) string {
	if place.asTitle {
		return c.xCaption
	}
	return c.xTitle
}

// xTitleLine is the x title with an arrow, centred under the plot area.
func (c SeriesChart) xTitleLine(title string, labelW int, a plotArea) string {
	text := Truncate(title+" →", a.gw)
	pad := labelW + 2 + max((a.gw-ansi.StringWidth(text))/2, 0)
	return c.styles.Label.Render(strings.Repeat(" ", pad) + text)
}
