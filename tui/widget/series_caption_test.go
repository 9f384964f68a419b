package widget

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestSeriesChartCJKCaptionFits checks that a Chinese x caption is
// measured in cells: the axis line keeps the chart's width and shows the
// caption whole.
func TestSeriesChartCJKCaptionFits(t *testing.T) {
	c := lossCurves(10)
	c.SetXCaption("轮次")
	c.SetSize(40, 12)
	c.Redraw()
	lines := strings.Split(ansi.Strip(c.View()), "\n")
	last := lines[len(lines)-1]
	if w := ansi.StringWidth(last); w != 40 || !strings.HasSuffix(last, "轮次") {
		t.Errorf("x axis labels %q: %d cells, want 40 ending in the caption", last, w)
	}
}
