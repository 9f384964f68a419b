package widget

import (
	"math"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestSetPreviousDrawsOneNamedCurve: SetPrevious replaces the previous
// run by one curve, its non-finite point left out, named in the legend;
// no points draw no previous run; Reset forgets it and its name.
func TestSetPreviousDrawsOneNamedCurve(t *testing.T) {
	c := NewSeriesChart("Loss", DefaultStyles(), "train loss", "val loss")
	c.SetSize(60, 12)
	c.Push(1, 1, 0.5)
	c.SetPrevious([]float64{1, 2, 3}, []float64{0.7, math.NaN(), 0.6}, "previous run: val log loss")
	if len(c.previous) != 1 || len(c.previous[0].points) != 2 {
		t.Fatalf("previous %+v, want one curve of 2 points", c.previous)
	}
	c.Redraw()
	if view := ansi.Strip(c.View()); !strings.Contains(view, "previous run: val log loss") {
		t.Errorf("legend lacks the name:\n%s", view)
	}
	c.SetPrevious(nil, nil, "previous run: val log loss")
	c.Redraw()
	if view := ansi.Strip(c.View()); len(c.previous) != 0 || strings.Contains(view, "previous run") {
		t.Errorf("no points still draw a previous run:\n%s", view)
	}
	c.SetPrevious([]float64{1}, []float64{0.7}, "previous run: val log loss")
	c.Reset()
	if len(c.previous) != 0 || c.previousName() != DefaultChartText().Previous {
		t.Errorf("after Reset: previous %d curves named %q", len(c.previous), c.previousName())
	}
}
