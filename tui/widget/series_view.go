package widget

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// render draws the whole chart at the current size: header with legend,
// plot with y labels, x axis with tick labels. It also returns the plot area
// (zero when only a placeholder fits) so Redraw can record the ranges.
func (c SeriesChart) render() (string, plotArea) {
	w, h := c.width, c.height
	legend := c.legendLines(w)
	place := c.captionPlace(w)
	titles := c.titleLines(len(legend), place)
	if w < minChartWidth || h < minChartHeight+titles {
		return placeholder(w, h, fmt.Sprintf(c.text.TooSmall, c.title), c.styles.Placeholder), plotArea{}
	}
	xlo, xhi := c.xExtent()

	// One pass over the full history per series: the reduced points (at
	// most four per column) serve both the y range and the drawing.
	reduced := make([][]point, 0, len(c.series)+len(c.previous))
	var ys []float64
	for _, set := range [][]series{c.previous, c.series} {
		for _, s := range set {
			pts := decimate(s.points, xlo, xhi, 2*w)
			reduced = append(reduced, pts)
			for _, p := range pts {
				if p.x >= xlo && p.x <= xhi {
					ys = append(ys, p.y)
				}
			}
		}
	}
	lo, hi, ok := RobustRange(ys)
	if c.yFull {
		lo, hi, ok = fullRange(ys)
	}
	if !ok {
		lo, hi = 0, 1
	}
	lo, hi = PadRange(lo, hi, 0.05, c.yLower, c.yUpper)

	gh := h - 3 - titles
	yt := AlignTicks(lo, hi, gh, 4, 0.25)
	decimals := yt.Decimals()
	labels := make([]string, yt.Count)
	labelW := 1
	for i := range labels {
		v := yt.Value(i)
		if v < c.yLower-1e-9*yt.Step || v > c.yUpper+1e-9*yt.Step {
			continue // an aligned tick beyond a hard limit (accuracy 1.05) would mislead
		}
		labels[i] = FormatTick(v, decimals)
		labelW = max(labelW, len(labels[i]))
	}
	gw := w - labelW - 2 - place.axisW
	if gw < 4 {
		return placeholder(w, h, fmt.Sprintf(c.text.TooSmall, c.title), c.styles.Placeholder), plotArea{}
	}
	// Width is scarcer than labels on the x axis: little slack.
	align := AlignTicks
	if c.xWhole {
		align = AlignWholeTicks
	}
	xt := align(xlo, xhi, gw, 10, 0.05)
	area := plotArea{gw: gw, gh: gh, x: xt, y: yt}

	var layers []layer
	for i := range c.previous {
		layers = append(layers, layer{pts: decimate(reduced[i], xt.Lo, xt.Hi, 2*gw), marker: MarkerBraille, style: c.styles.Previous})
	}
	for i, s := range c.series {
		buckets := gw
		if s.marker == MarkerBraille {
			buckets = 2 * gw
		}
		pts := decimate(reduced[len(c.previous)+i], xt.Lo, xt.Hi, buckets)
		layers = append(layers, layer{pts: pts, marker: s.marker, style: c.styles.seriesStyle(i)})
	}
	rows := area.plotRows(layers)
	if !c.hasData() {
		msg := c.text.NoData
		pad := max((gw-ansi.StringWidth(msg))/2, 0)
		rows[gh/2] = fitLine(strings.Repeat(" ", pad)+c.styles.Muted.Render(msg), gw)
	}

	var out strings.Builder
	if len(legend) > 0 {
		out.WriteString(fitLine(c.styles.Title.Render(c.title), w))
		for _, l := range legend {
			out.WriteString("\n" + fitLine(l, w))
		}
	} else {
		out.WriteString(fitLine(c.header(w), w))
	}
	if c.yTitle != "" {
		out.WriteString("\n" + c.yTitleLine(labelW, w))
	}
	rowLabel := make([]string, gh)
	for i, label := range labels {
		if cell := yt.Cell(i); cell < gh {
			rowLabel[gh-1-cell] = label
		}
	}
	for r, row := range rows {
		out.WriteByte('\n')
		label, axis := rowLabel[r], "│"
		if label != "" {
			axis = "┤"
		}
		out.WriteString(c.styles.Label.Render(strings.Repeat(" ", labelW-len(label)) + label + " "))
		out.WriteString(c.styles.Axis.Render(axis))
		out.WriteString(row + strings.Repeat(" ", place.axisW))
	}
	out.WriteByte('\n')
	out.WriteString(c.xAxis(labelW, area, place))
	if title := c.xTitleText(place); title != "" {
		out.WriteString("\n" + fitLine(c.xTitleLine(title, labelW, area), w))
	}
	return out.String(), area
}

// captionPlacement says where the x caption goes: on the axis line,
// right of the plot (axisW columns taken from the plot's width), or, when
// it would take more than a quarter of the chart's width, on a line of its
// own under the tick labels, as an axis title. Either way no tick label
// yields to it: the caption used to sit on the tick labels' line, over the
// last one, so a 10-epoch curve's axis ended at 8.
type captionPlacement struct {
	axisW   int
	asTitle bool
}

// captionPlace places the x caption on a chart w cells wide.
func (c SeriesChart) captionPlace(w int) captionPlacement {
	capW := ansi.StringWidth(c.xCaption)
	switch {
	case c.xTitle != "" || capW == 0:
		return captionPlacement{}
	case 4*(capW+1) <= w:
		return captionPlacement{axisW: capW + 1}
	}
	return captionPlacement{asTitle: true}
}

// xAxis returns the x axis line (with the caption at its end, when it
// goes there) and the tick label line below it. Every tick label that does
// not overlap the one before is written; the last one is pulled left to
// fit the line, so the end of the data is always labelled.
func (c SeriesChart) xAxis(labelW int, a plotArea, place captionPlacement) string {
	axis := []rune(strings.Repeat("─", a.gw))
	caption := ""
	if place.axisW > 0 {
		caption = " " + c.xCaption
	}
	line := []rune(strings.Repeat(" ", labelW+2+a.gw+place.axisW))
	decimals := a.x.Decimals()
	limit := len(line)
	lastEnd := -1
	for i := range a.x.Count {
		col := a.x.Cell(i)
		axis[col] = '┬'
		s := c.xTick(a.x.Value(i), decimals)
		start := max(labelW+2+col-len(s)/2, 0)
		if i == a.x.Count-1 && start+len(s) > limit {
			start = limit - len(s)
			if start <= lastEnd && i > 0 {
				// The last label wins over the one before it.
				prev := c.xTick(a.x.Value(i-1), decimals)
				pstart := max(labelW+2+a.x.Cell(i-1)-len(prev)/2, 0)
				copy(line[pstart:], []rune(strings.Repeat(" ", len(prev))))
				lastEnd = pstart - 1
			}
		}
		if start <= lastEnd || start+len(s) > limit {
			continue
		}
		copy(line[start:], []rune(s))
		lastEnd = start + len(s)
	}
	return c.styles.Axis.Render(strings.Repeat(" ", labelW+1)+"└"+string(axis)) + c.styles.Label.Render(caption) + "\n" +
		c.styles.Label.Render(string(line))
}

// header returns the title and the legend, shortened to fit width w:
// first the latest values go, then the text is truncated.
func (c SeriesChart) header(w int) string {
	title := c.styles.Title.Render(c.title)
	join := func(legend string) string {
		if legend == "" {
			return title
		}
		return title + "  " + legend
	}
	if s := join(c.legend(!c.noValues)); ansi.StringWidth(s) <= w {
		return s
	}
	return join(c.legend(false))
}

// legendLines are the legend's lines under the title: none when the
// title and the legend (without latest values) fit on one line of width w
// and SetLegendLines asks for none; otherwise the entries packed on as
// many lines as they need, an entry never split (one wider than w alone
// is cut), padded to the lines SetLegendLines asks for.
func (c SeriesChart) legendLines(w int) []string {
	entries := c.legendEntries(false)
	legend := strings.Join(entries, legendSep)
	if c.legendMin == 0 && (legend == "" || ansi.StringWidth(c.styles.Title.Render(c.title))+2+ansi.StringWidth(legend) <= w) {
		return nil
	}
	var lines []string
	if legend != "" {
		for i, e := range entries {
			if ansi.StringWidth(e) > w {
				entries[i] = ansi.Truncate(e, max(w, 1), "…")
			}
		}
		lines = PackItems(entries, legendSep, w)
	}
	for len(lines) < c.legendMin {
		lines = append(lines, "")
	}
	return lines
}

// legendSep separates the legend's entries.
const legendSep = "  "

// LegendLines returns how many lines of its own the legend takes under the
// title at the chart's width, leaving SetLegendLines aside: 0 when it
// fits beside the title. Charts drawn side by side ask each other, so
// that their plots stay level (SetLegendLines).
func (c SeriesChart) LegendLines() int {
	c.legendMin = 0
	return len(c.legendLines(c.width))
}

// SetLegendLines puts the legend under the title on at least n lines
// (blank ones padding it), even where it would fit beside the title: for a
// chart drawn beside one whose legend takes n lines. 0 lets the chart
// choose.
func (c *SeriesChart) SetLegendLines(n int) {
	n = max(n, 0)
	if c.legendMin != n {
		c.legendMin = n
		c.dirty = true
	}
}

// LegendWraps says whether, at its current width and without
// SetLegendLines, the chart puts its legend on lines of its own.
func (c SeriesChart) LegendWraps() bool { return c.LegendLines() > 0 }

// SetLegendLine puts the legend on a line of its own under the title (on)
// or lets the chart choose (off): SetLegendLines(1) or SetLegendLines(0).
func (c *SeriesChart) SetLegendLine(on bool) {
	if on {
		c.SetLegendLines(1)
	} else {
		c.SetLegendLines(0)
	}
}

// legend is the series' samples and names, with their latest values when
// withValues, then the previous run's entry and the skipped points.
func (c SeriesChart) legend(withValues bool) string {
	return strings.Join(c.legendEntries(withValues), legendSep)
}

// legendEntries are the legend's entries: each series' sample and name
// (with its latest value when withValues), then the previous run's entry
// and the skipped points.
func (c SeriesChart) legendEntries(withValues bool) []string {
	var parts []string
	for i, s := range c.series {
		entry := c.styles.seriesStyle(i).Render(s.marker.sample()) + " " + s.name
		if withValues && len(s.points) > 0 {
			entry += " " + c.styles.Title.Render(fmt.Sprintf(c.text.Latest, FormatValue(s.points[len(s.points)-1].y)))
		}
		parts = append(parts, entry)
	}
	if len(c.previous) > 0 {
		parts = append(parts, c.styles.Previous.Render(MarkerBraille.sample()+" "+c.previousName()))
	}
	if c.skipped > 0 {
		parts = append(parts, c.styles.Muted.Render(fmt.Sprintf(c.text.Skipped, c.skipped)))
	}
	return parts
}

// hasData reports whether any series of either run holds a point.
func (c SeriesChart) hasData() bool {
	for _, set := range [][]series{c.series, c.previous} {
		for _, s := range set {
			if len(s.points) > 0 {
				return true
			}
		}
	}
	return false
}
