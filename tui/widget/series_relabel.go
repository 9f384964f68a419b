package widget

// Relabel gives the chart the wording of fresh, the same chart built
// afresh in another language: its title, series names, axis caption and
// titles and its own text. The points, previous run, size and every other
// setting stay; the previous run's legend (SetPrevious) is the caller's
// to set again.
func (c *SeriesChart) Relabel(fresh SeriesChart) {
	c.title, c.xCaption, c.xTitle, c.yTitle, c.text = fresh.title, fresh.xCaption, fresh.xTitle, fresh.yTitle, fresh.text
	series := make([]series, len(c.series))
	copy(series, c.series)
	for i := range series {
		if i < len(fresh.series) {
			series[i].name = fresh.series[i].name
		}
	}
	c.series = series
	c.dirty = true
}
