package widget

import (
	"math"
	"strings"
)

// Marker is how a series is drawn. Markers differ in shape, not only in
// colour, so curves stay distinguishable without colour.
type Marker int

const (
	// MarkerLine draws a rounded box-drawing line (╭─╯).
	MarkerLine Marker = iota
	// MarkerDots draws a bullet at each point joined by a dotted path (•··•).
	MarkerDots
	// MarkerBraille draws a fine braille-dot line (⠤⠒); the previous run
	// always uses it.
	MarkerBraille
	// MarkerPoint draws a + at each point and does not join them, for a
	// single operating point on a curve.
	MarkerPoint
)

// sample returns the two-cell legend sample of the marker.
func (m Marker) sample() string {
	switch m {
	case MarkerDots:
		return "•·"
	case MarkerBraille:
		return "⠤⠤"
	case MarkerPoint:
		return "+"
	default:
		return "──"
	}
}

// Minimum size below which SeriesChart shows a placeholder instead of a plot:
// a header line, three plot rows, the x axis and its labels.
const (
	minChartWidth  = 16
	minChartHeight = 6
)

type point struct{ x, y float64 }

type series struct {
	name       string
	marker     Marker
	points     []point
	xMin, xMax float64 // the x extent of points, kept up to date by Push
}

// SeriesChart is a line chart of named series against a fractional epoch,
// built for training curves. It keeps the full history, chooses its own
// axis ranges (see RobustRange), and redraws only in Redraw, so View is a
// cached string. Copies share the history's backing arrays: keep one live
// copy, as Bubble Tea models do.
type SeriesChart struct {
	title    string
	xCaption string
	styles   Styles
	series   []series
	previous []series
	prevName string // the previous run's legend entry (SetPrevious; "": ChartText.Previous)

	width, height int

	xMin, xMax     float64 // the x extent to show at least (NaN when unset)
	yLower, yUpper float64 // hard limits of the y range (±Inf when unset)
	skipped        int
	// noValues hides the latest values in the legend, for curves whose last
	// point means nothing on its own (ROC, calibration, sweeps).
	noValues bool
	text     ChartText // the chart's own wording (see SetText)

	dirty        bool
	view         string
	viewW, viewH int
	yLo, yHi     float64 // the y range of the last redraw
	xLo, xHi     float64 // the x range of the last redraw

	// xTitle and yTitle name the axes on lines of their own (SetAxisTitles).
	xTitle, yTitle string
	// legendMin is the fewest lines the legend takes under the title
	// (SetLegendLines); 0 lets the chart choose.
	legendMin int
	// xWhole ticks the x axis at whole numbers only (SetXWhole).
	xWhole bool
	// xUngrouped writes the x labels without thousands separators
	// (SetXUngrouped).
	xUngrouped bool
	// yFull makes the y range hold every value in view (SetYFull).
	yFull bool
}

// SetLegendValues shows (the default) or hides each series' latest value in
// the legend. Training curves want it; a ROC or calibration curve's last
// point is always (1, 1) and would only mislead.
func (c *SeriesChart) SetLegendValues(show bool) {
	if c.noValues == !show {
		return
	}
	c.noValues = !show
	c.dirty = true
}

// NewSeriesChart returns a chart titled title with one empty series per
// name and no x caption (SetXCaption names the axis in the caller's
// language; a default word would be English on a Chinese screen). Series
// get markers in the order line, dots, braille, line, …;
// change them with SetMarker.
func NewSeriesChart(title string, styles Styles, names ...string) SeriesChart {
	c := SeriesChart{
		title:  title,
		styles: styles,
		xMin:   math.NaN(),
		xMax:   math.NaN(),
		yLower: math.Inf(-1),
		yUpper: math.Inf(1),
		dirty:  true,
		text:   DefaultChartText(),
	}
	for i, name := range names {
		c.series = append(c.series, series{name: name, marker: []Marker{MarkerLine, MarkerDots, MarkerBraille}[i%3]})
	}
	return c
}

// SetStyles replaces the styles (after the terminal's background is known,
// for example).
func (c *SeriesChart) SetStyles(styles Styles) {
	c.styles = styles
	c.dirty = true
}

// SetMarker changes how series i is drawn. Unknown indices are ignored.
func (c *SeriesChart) SetMarker(i int, m Marker) {
	if i >= 0 && i < len(c.series) {
		c.series[i].marker = m
		c.dirty = true
	}
}

// SetXCaption sets the word printed at the right end of the x axis
// ("epoch" by default; empty for none).
func (c *SeriesChart) SetXCaption(caption string) {
	c.xCaption = caption
	c.dirty = true
}

// SetXWhole labels the x axis with whole numbers only, for an axis that
// counts whole units (epochs, months, weeks): no tick reads 2.5, and a
// short range gets one tick per whole number rather than repeated labels.
// Points may still lie between whole numbers (a batch within an epoch).
func (c *SeriesChart) SetXWhole(whole bool) {
	if c.xWhole != whole {
		c.xWhole = whole
		c.dirty = true
	}
}

// SetXUngrouped writes the x axis's labels without thousands separators,
// for an axis of years (1985, not 1,985; data.YearLike says which).
func (c *SeriesChart) SetXUngrouped(ungrouped bool) {
	if c.xUngrouped != ungrouped {
		c.xUngrouped = ungrouped
		c.dirty = true
	}
}

// xTick formats an x axis label (FormatTick), ungrouped when SetXUngrouped
// asks.
func (c SeriesChart) xTick(v float64, decimals int) string {
	s := FormatTick(v, decimals)
	if c.xUngrouped {
		s = strings.ReplaceAll(s, ",", "")
	}
	return s
}

// SetXRange sets the x extent the chart shows at least, typically 0 to the
// planned number of epochs, so the axis stays still while training runs.
// Data beyond it widens the axis. Non-finite or reversed bounds unset it.
func (c *SeriesChart) SetXRange(lo, hi float64) {
	if finite(lo) && finite(hi) && lo < hi {
		c.xMin, c.xMax = lo, hi
	} else {
		c.xMin, c.xMax = math.NaN(), math.NaN()
	}
	c.dirty = true
}

// SetYFull makes the y range hold every value in view instead of the
// RobustRange that leaves spikes outside: for per-epoch figures, whose
// first epochs are no spike but part of the curve to compare.
func (c *SeriesChart) SetYFull(full bool) {
	if c.yFull != full {
		c.yFull = full
		c.dirty = true
	}
}

// SetYLimits bounds the y range the chart may choose, for quantities with
// known limits such as accuracy and AUC (0 and 1). Pass ±Inf for no limit.
func (c *SeriesChart) SetYLimits(lower, upper float64) {
	if math.IsNaN(lower) || math.IsNaN(upper) || lower >= upper {
		lower, upper = math.Inf(-1), math.Inf(1)
	}
	c.yLower, c.yUpper = lower, upper
	c.dirty = true
}

// Push appends the point (x, y) to series i. Points with a non-finite
// coordinate are counted (see Skipped) and dropped, as are pushes to an
// unknown series; Push reports whether the point was kept.
func (c *SeriesChart) Push(i int, x, y float64) bool {
	if i < 0 || i >= len(c.series) {
		return false
	}
	if !finite(x) || !finite(y) {
		c.skipped++
		return false
	}
	s := &c.series[i]
	if len(s.points) == 0 {
		s.xMin, s.xMax = x, x
	}
	s.xMin, s.xMax = math.Min(s.xMin, x), math.Max(s.xMax, x)
	s.points = append(s.points, point{x, y})
	c.dirty = true
	return true
}

// Len returns how many points series i holds.
func (c SeriesChart) Len(i int) int {
	if i < 0 || i >= len(c.series) {
		return 0
	}
	return len(c.series[i].points)
}

// Latest returns the most recent point of series i.
func (c SeriesChart) Latest(i int) (x, y float64, ok bool) {
	if c.Len(i) == 0 {
		return 0, 0, false
	}
	p := c.series[i].points[len(c.series[i].points)-1]
	return p.x, p.y, true
}

// Skipped returns how many non-finite points have been dropped since the
// chart was made or reset.
func (c SeriesChart) Skipped() int { return c.skipped }

// NewRun keeps the current curves as the previous run (drawn dimmed, the
// run before that is dropped) and empties the current series.
func (c *SeriesChart) NewRun() {
	c.previous, c.prevName = c.previous[:0], ""
	for i, s := range c.series {
		if len(s.points) > 0 {
			s.marker = MarkerBraille
			c.previous = append(c.previous, s)
		}
		c.series[i].points = nil
	}
	c.skipped = 0
	c.dirty = true
}

// ClearPrevious forgets the previous run.
func (c *SeriesChart) ClearPrevious() {
	c.previous, c.prevName = nil, ""
	c.dirty = true
}

// Reset empties every series and forgets the previous run.
func (c *SeriesChart) Reset() {
	for i := range c.series {
		c.series[i].points = nil
	}
	c.previous, c.prevName = nil, ""
	c.skipped = 0
	c.dirty = true
}

// SetSize sets the size of the view in cells. Negative sizes count as 0.
func (c *SeriesChart) SetSize(w, h int) {
	w, h = max(w, 0), max(h, 0)
	if w != c.width || h != c.height {
		c.width, c.height = w, h
		c.dirty = true
	}
}

// Width returns the width of the view.
func (c SeriesChart) Width() int { return c.width }

// Height returns the height of the view.
func (c SeriesChart) Height() int { return c.height }

// Dirty reports whether data or size changed since the last Redraw.
func (c SeriesChart) Dirty() bool { return c.dirty }

// YRange returns the y range shown by the last Redraw.
func (c SeriesChart) YRange() (lo, hi float64) { return c.yLo, c.yHi }

// XRange returns the x range shown by the last Redraw.
func (c SeriesChart) XRange() (lo, hi float64) { return c.xLo, c.xHi }

// Redraw renders the chart into its cached view if anything changed since
// the last call. Call it from Update on a tick (10–20 Hz), not per point.
func (c *SeriesChart) Redraw() {
	if !c.dirty && c.viewW == c.width && c.viewH == c.height {
		return
	}
	var area plotArea
	c.view, area = c.render()
	c.xLo, c.xHi, c.yLo, c.yHi = area.x.Lo, area.x.Hi, area.y.Lo, area.y.Hi
	c.viewW, c.viewH = c.width, c.height
	c.dirty = false
}

// View returns the chart as drawn by the last Redraw. If the size changed
// since, it renders afresh (without caching) so the view always fits.
func (c SeriesChart) View() string {
	if c.viewW == c.width && c.viewH == c.height && c.view != "" {
		return c.view
	}
	view, _ := c.render()
	return view
}
