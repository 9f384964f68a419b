package widget

// Relabel gives the chart the wording of fresh, the same chart built
// afresh in another language: its title, series names, axis caption and
// titles and its own text. A fresh chart without an x caption keeps this
// one's: a caption set from the data (the what-if sweep's feature name)
// is no word of either language, and a chart built afresh, without the
// data, cannot know it. The points, previous run, size and every other
// setting stay; the previous run's legend (SetPrevious) is the caller's
// to set again.
func (c *SeriesChart) Relabel(fresh SeriesChart) {
	c.title, c.xTitle, c.yTitle, c.text = fresh.title, fresh.xTitle, fresh.yTitle, fresh.text
	if fresh.xCaption != "" {
		c.xCaption = fresh.xCaption
	}
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
