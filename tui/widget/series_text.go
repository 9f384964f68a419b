package widget

// ChartText is the wording a SeriesChart writes by itself, so that a
// screen in another language can translate it, and so that the legend can
// say what its numbers are.
type ChartText struct {
	// Latest formats a series' latest value in the legend (one %s, the
	// value), e.g. "last %s"; "%s" shows the bare value.
	Latest string
	// Previous is the legend entry of the dimmed previous run.
	Previous string
	// Skipped formats the count of dropped non-finite points (one %d).
	Skipped string
	// NoData is written across an empty chart.
	NoData string
	// TooSmall formats the notice of a chart too small to draw (one %s,
	// the title).
	TooSmall string
}

// DefaultChartText is the English wording, with bare legend values.
func DefaultChartText() ChartText {
	return ChartText{Latest: "%s", Previous: "previous run", Skipped: "(%d non-finite skipped)", NoData: "no data yet",
		TooSmall: "%s: enlarge to see the chart"}
}

// SetText replaces the chart's own wording; empty fields keep the default.
func (c *SeriesChart) SetText(t ChartText) {
	d := DefaultChartText()
	orDefault(&t.Latest, d.Latest)
	orDefault(&t.Previous, d.Previous)
	orDefault(&t.Skipped, d.Skipped)
	orDefault(&t.NoData, d.NoData)
	orDefault(&t.TooSmall, d.TooSmall)
	c.text = t
	c.dirty = true
}

// orDefault fills an empty wording with its default.
func orDefault(field *string, def string) {
	if *field == "" {
		*field = def
	}
}
