package widget

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestSeriesChartAxisTitlesHideNoTicks: the titles take lines of their
// own, so every x tick label of a 0–1 axis stays readable and the y axis
// is named; without titles the caption still shares the tick line.
func TestSeriesChartAxisTitlesHideNoTicks(t *testing.T) {
	c := NewSeriesChart("ROC", DefaultStyles(), "model")
	c.SetXRange(0, 1)
	c.SetYLimits(0, 1)
	for _, x := range []float64{0, 0.2, 0.5, 1} {
		c.Push(0, x, x)
	}
	c.SetAxisTitles("false positive rate", "true positive rate")
	c.SetSize(39, 20)
	c.Redraw()
	lines := strings.Split(ansi.Strip(c.View()), "\n")
	if len(lines) != 20 {
		t.Fatalf("%d lines, want 20:\n%s", len(lines), c.View())
	}
	if got := strings.TrimSpace(lines[1]); got != "↑ true positive rate" {
		t.Errorf("line 2 %q, want the y title", got)
	}
	ticks, title := lines[len(lines)-2], lines[len(lines)-1]
	for _, want := range []string{"0.00", "0.25", "0.50", "0.75", "1.00"} {
		if !strings.Contains(ticks, want) {
			t.Errorf("tick line %q lacks %s", ticks, want)
		}
	}
	if strings.Contains(ticks, "rate") || strings.TrimSpace(title) != "false positive rate →" {
		t.Errorf("ticks %q, title %q: the x title must have its own line", ticks, title)
	}
}
