package widget

import "math"

// SetPrevious makes the previous run one curve of the points (xs[i],
// ys[i]), drawn dimmed and named legend in the legend (ChartText.Previous
// when ""), in place of the curves NewRun keeps: a screen chooses which
// of the previous run's figures compares with the current curves. No
// points: no previous run. Non-finite points are left out.
func (c *SeriesChart) SetPrevious(xs, ys []float64, legend string) {
	c.previous, c.prevName = nil, legend
	s := series{marker: MarkerBraille}
	for i := range min(len(xs), len(ys)) {
		x, y := xs[i], ys[i]
		if !finite(x) || !finite(y) {
			continue
		}
		if len(s.points) == 0 {
			s.xMin, s.xMax = x, x
		}
		s.xMin, s.xMax = math.Min(s.xMin, x), math.Max(s.xMax, x)
		s.points = append(s.points, point{x, y})
	}
	if len(s.points) > 0 {
		c.previous = []series{s}
	}
	c.dirty = true
}

// previousName is the previous run's legend entry.
func (c SeriesChart) previousName() string {
	if c.prevName != "" {
		return c.prevName
	}
	return c.text.Previous
}
