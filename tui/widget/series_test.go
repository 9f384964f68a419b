package widget

import (
	"math"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// lossCurves returns a chart with deterministic training curves: a
// per-batch train loss (10 batches per epoch, with a fixed wobble), an
// epoch-end validation loss, and an early spike of 50 in the first batch.
func lossCurves(epochs int) SeriesChart {
	c := NewSeriesChart("Loss", DefaultStyles(), "train loss", "val loss")
	c.SetXCaption("epoch")
	c.SetXRange(0, float64(epochs))
	c.Push(0, 0, 50)
	for b := 1; b <= epochs*10; b++ {
		x := float64(b) / 10
		c.Push(0, x, 0.3+0.4*math.Exp(-x/2)+0.03*math.Sin(float64(b)*1.7))
		if b%10 == 0 {
			c.Push(1, x, 0.33+0.4*math.Exp(-x/2.5))
		}
	}
	return c
}

// checkBlock fails unless view is exactly h lines of exactly w cells.
func checkBlock(t *testing.T, view string, w, h int) {
	t.Helper()
	if w <= 0 || h <= 0 {
		if view != "" {
			t.Fatalf("%d×%d: view should be empty, got %q", w, h, view)
		}
		return
	}
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Fatalf("%d×%d: view has %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got != w {
			t.Fatalf("%d×%d: line %d is %d cells wide: %q", w, h, i, got, ansi.Strip(l))
		}
	}
}

func TestSeriesChartNonFiniteAndManyPoints(t *testing.T) {
	c := NewSeriesChart("Loss", DefaultStyles(), "train loss", "val loss")
	bad := []float64{math.NaN(), math.Inf(1), math.Inf(-1)}
	for _, v := range bad {
		if c.Push(0, 1, v) || c.Push(0, v, 1) {
			t.Fatalf("Push accepted %v", v)
		}
	}
	for i := range 10000 {
		x := float64(i) / 100
		c.Push(0, x, 1/(1+x)+1e-3*math.Sin(float64(i)))
		c.Push(1, x, bad[i%3]) // a non-finite value for every point
	}
	c.Push(0, 100.5, 1e299) // finite but huge: must be clipped, not looped over
	if got, want := c.Skipped(), 6+10000; got != want {
		t.Fatalf("Skipped = %d, want %d", got, want)
	}
	if c.Len(0) != 10001 || c.Len(1) != 0 {
		t.Fatalf("lengths = %d, %d, want 10001, 0", c.Len(0), c.Len(1))
	}
	for _, size := range [][2]int{{80, 24}, {300, 100}} {
		c.SetSize(size[0], size[1])
		c.Redraw()
		view := c.View()
		checkBlock(t, view, size[0], size[1])
		if !strings.Contains(ansi.Strip(view), "(10006 non-finite skipped)") {
			t.Fatalf("%v: the legend does not report the skipped points:\n%s", size, ansi.Strip(view))
		}
	}
}

func TestSeriesChartEverySmallSize(t *testing.T) {
	c := lossCurves(5)
	c.NewRun()
	c.Push(0, 0.5, 0.4)
	for w := 0; w <= 40; w++ {
		for h := 0; h <= 12; h++ {
			c.SetSize(w, h)
			c.Redraw()
			checkBlock(t, c.View(), w, h)
		}
	}
	for w := 41; w <= 300; w += 13 {
		for h := 13; h <= 100; h += 11 {
			c.SetSize(w, h)
			c.Redraw()
			checkBlock(t, c.View(), w, h)
		}
	}
	c.SetSize(10, 3)
	c.Redraw()
	if got := ansi.Strip(c.View()); !strings.HasPrefix(got, "Loss: enl…") {
		t.Fatalf("a 10×3 chart should show the placeholder, got %q", got)
	}
}

func TestSeriesChartEarlySpikeDoesNotFlatten(t *testing.T) {
	c := lossCurves(20)
	c.SetSize(80, 24)
	c.Redraw()
	lo, hi := c.YRange()
	// The curves live in about [0.27, 0.73]; the spike at 50 must not set
	// the scale, and the lowest value must stay in view.
	if hi > 1 || lo > 0.27 || lo < 0 {
		t.Fatalf("y range = [%v, %v], want it to frame [0.27, 0.73]", lo, hi)
	}
	view := ansi.Strip(c.View())
	for _, label := range []string{"0.3", "0.5"} {
		if !strings.Contains(view, label+" ┤") {
			t.Fatalf("tick label %s missing:\n%s", label, view)
		}
	}
}

func TestSeriesChartLimitsAndFlatSeries(t *testing.T) {
	c := NewSeriesChart("Accuracy", DefaultStyles(), "accuracy", "AUC")
	c.SetYLimits(0, 1)
	for e := 1; e <= 10; e++ {
		c.Push(0, float64(e), 1)
		c.Push(1, float64(e), 1)
	}
	c.SetSize(60, 12)
	c.Redraw()
	lo, hi := c.YRange()
	if !(lo < 1 && hi >= 1 && hi-lo < 0.2) {
		t.Fatalf("flat series at 1: y range [%v, %v], want a narrow range ending at or above 1", lo, hi)
	}
	if view := ansi.Strip(c.View()); strings.Contains(view, "1.01") || strings.Contains(view, "1.02") {
		t.Fatalf("a tick above the limit 1 is labelled:\n%s", view)
	}
}

func TestSeriesChartRedrawIsCached(t *testing.T) {
	c := lossCurves(3)
	c.SetSize(60, 14)
	if !c.Dirty() {
		t.Fatal("a new chart must be dirty")
	}
	c.Redraw()
	before := c.View()
	if c.Dirty() {
		t.Fatal("Redraw must clear Dirty")
	}
	c.Push(0, 3.1, 0.2)
	if !c.Dirty() || c.View() != before {
		t.Fatal("Push must mark the chart dirty and leave the cached view until Redraw")
	}
	c.Redraw()
	if c.View() == before {
		t.Fatal("Redraw after Push did not change the view")
	}
	c.SetSize(50, 14)
	checkBlock(t, c.View(), 50, 14) // a resize shows at the new size before the next Redraw
}

func TestSeriesChartPushUnknownSeries(t *testing.T) {
	c := NewSeriesChart("Loss", DefaultStyles(), "train loss")
	if c.Push(1, 0, 0) || c.Push(-1, 0, 0) {
		t.Fatal("Push to an unknown series must be refused")
	}
	if _, _, ok := c.Latest(3); ok {
		t.Fatal("Latest of an unknown series must report ok=false")
	}
	c.SetMarker(7, MarkerDots) // ignored, must not panic
}

func TestSeriesChartNewRunKeepsPrevious(t *testing.T) {
	c := lossCurves(4)
	c.NewRun()
	if c.Len(0) != 0 || c.Len(1) != 0 {
		t.Fatal("NewRun must empty the current series")
	}
	c.SetSize(80, 16)
	c.Redraw()
	if view := ansi.Strip(c.View()); !strings.Contains(view, "⠤⠤ previous run") || !strings.ContainsAny(view, "⡀⡄⡆⡇⣀⣄⣆⣇⠁⠃⠇⠈⠘⠸") {
		t.Fatalf("the previous run is neither in the legend nor drawn:\n%s", view)
	}
	c.ClearPrevious()
	c.Redraw()
	if strings.Contains(ansi.Strip(c.View()), "previous run") {
		t.Fatal("ClearPrevious left the previous run in the legend")
	}
}

func TestSeriesChartGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(ansi.Strip(strings.Join([]string{itoa(size[0]), "x", itoa(size[1])}, "")), func(t *testing.T) {
			c := lossCurves(12)
			c.SetSize(size[0], size[1])
			c.Redraw()
			view := c.View()
			checkBlock(t, view, size[0], size[1])
			golden.RequireEqual(t, ansi.Strip(view))
		})
	}
}

func itoa(n int) string { return FormatTick(float64(n), 0) }

func BenchmarkSeriesChartRedraw(b *testing.B) {
	c := NewSeriesChart("Loss", DefaultStyles(), "train loss", "val loss")
	for i := range 100000 {
		x := float64(i) / 1000
		c.Push(0, x, 1/(1+x)+0.01*math.Sin(float64(i)))
		if i%1000 == 0 {
			c.Push(1, x, 1/(1+x))
		}
	}
	for _, size := range [][2]int{{80, 24}, {300, 100}} {
		b.Run(itoa(size[0])+"x"+itoa(size[1]), func(b *testing.B) {
			c.SetSize(size[0], size[1])
			for b.Loop() {
				c.Push(0, 100, 0.5) // dirty it as a tick with new data would
				c.Redraw()
			}
		})
	}
}

func TestSeriesChartLegendValuesCanBeHidden(t *testing.T) {
	c := NewSeriesChart("ROC curve", DefaultStyles(), "model")
	c.SetSize(60, 12)
	c.Push(0, 0, 0)
	c.Push(0, 1, 0.75)
	c.Redraw()
	if !strings.Contains(ansi.Strip(c.View()), "model 0.75") {
		t.Fatalf("legend without the latest value by default:\n%s", ansi.Strip(c.View()))
	}
	c.SetLegendValues(false)
	c.Redraw()
	if v := strings.SplitN(ansi.Strip(c.View()), "\n", 2)[0]; strings.Contains(v, "0.75") || !strings.Contains(v, "model") {
		t.Fatalf("legend still shows the latest value or lost the name:\n%s", v)
	}
}

// SetText translates what the chart writes by itself and says what the
// legend's numbers are.
func TestSeriesChartText(t *testing.T) {
	c := NewSeriesChart("损失", Styles{}, "训练")
	c.SetText(ChartText{Latest: "最新 %s", NoData: "还没有数据"})
	c.SetXCaption("轮次")
	c.SetSize(60, 8)
	c.Redraw()
	if v := ansi.Strip(c.View()); !strings.Contains(v, "还没有数据") || !strings.Contains(v, "轮次") {
		t.Fatalf("empty chart:\n%s", v)
	}
	checkBlock(t, c.View(), 60, 8)
	c.Push(0, 1, 0.5)
	c.Push(0, 2, math.NaN())
	c.NewRun()
	c.Push(0, 1, 0.25)
	c.Redraw()
	v := ansi.Strip(c.View())
	for _, want := range []string{"训练 最新 0.25", "previous run"} {
		if !strings.Contains(v, want) {
			t.Fatalf("legend lacks %q:\n%s", want, v)
		}
	}
}

// TestSeriesChartLegendWrapsRatherThanCut: a legend that does not fit
// beside the title takes a line of its own, whole, and the plot gives up a
// row for it; SetLegendLine asks for that line where the legend would fit.
func TestSeriesChartLegendWrapsRatherThanCut(t *testing.T) {
	build := func(w int) SeriesChart {
		c := NewSeriesChart("Calibration · ECE 0.044→0.048", DefaultStyles(), "after", "perfect", "before")
		c.SetAxisTitles("predicted probability", "observed rate")
		c.SetLegendValues(false)
		c.SetSize(w, 20)
		c.Push(0, 0, 0)
		c.Push(0, 1, 1)
		c.Redraw()
		return c
	}
	lines := func(c SeriesChart) []string { return strings.Split(ansi.Strip(c.View()), "\n") }
	wide := build(80)
	if wide.LegendWraps() || !strings.HasPrefix(lines(wide)[0], "Calibration · ECE 0.044→0.048  ") ||
		!strings.Contains(lines(wide)[0], "after  ") || !strings.Contains(lines(wide)[0], "before") {
		t.Fatalf("at 80 cells the legend belongs beside the title:\n%s", strings.Join(lines(wide), "\n"))
	}
	narrow := build(40)
	got := lines(narrow)
	if !narrow.LegendWraps() || strings.TrimRight(got[0], " ") != "Calibration · ECE 0.044→0.048" ||
		!strings.HasPrefix(got[1], "── after  •· perfect  ") || !strings.Contains(got[1], "before") || strings.Contains(got[1], "…") {
		t.Fatalf("at 40 cells the legend wants a whole line of its own:\n%s", strings.Join(got, "\n"))
	}
	if len(got) != 20 || !strings.Contains(got[2], "↑ observed rate") {
		t.Fatalf("the chart must keep its height (20) with the y title under the legend, got %d lines:\n%s", len(got), strings.Join(got, "\n"))
	}
	wide.SetLegendLine(true)
	wide.Redraw()
	if got := lines(wide); strings.TrimRight(got[0], " ") != "Calibration · ECE 0.044→0.048" || !strings.Contains(got[1], "after") {
		t.Fatalf("SetLegendLine(true) keeps the legend beside the title:\n%s", strings.Join(got, "\n"))
	}
	if wide.LegendWraps() {
		t.Fatal("LegendWraps answers for the chart's own width, not for SetLegendLine")
	}
}

// TestSeriesChartLegendTakesLinesRatherThanCut: a legend wider than the
// chart is packed on as many lines as it needs, entries whole, and
// SetLegendLines pads a shorter one to level it with a neighbour.
func TestSeriesChartLegendTakesLinesRatherThanCut(t *testing.T) {
	c := NewSeriesChart("ROC", DefaultStyles(), "model", "chance", "threshold", "BG/NBD")
	c.SetAxisTitles("false positive rate", "true positive rate")
	c.SetLegendValues(false)
	c.SetMarker(2, MarkerPoint)
	c.Push(0, 0, 0)
	c.Push(0, 1, 1)
	c.SetSize(42, 20)
	c.Redraw()
	got := strings.Split(ansi.Strip(c.View()), "\n")
	if c.LegendLines() != 2 || strings.TrimSpace(got[0]) != "ROC" ||
		strings.TrimSpace(got[1]) != "── model  •· chance  + threshold" ||
		strings.TrimSpace(got[2]) != "── BG/NBD" || strings.Contains(strings.Join(got, "\n"), "…") {
		t.Fatalf("at 42 cells the legend wants two whole lines under the title:\n%s", strings.Join(got, "\n"))
	}
	if len(got) != 20 || !strings.Contains(got[3], "↑ true positive rate") || !strings.Contains(got[19], "false positive rate →") {
		t.Fatalf("the chart must keep its height (20), y title under the legend, x title last:\n%s", strings.Join(got, "\n"))
	}
	c.SetSize(80, 20)
	c.SetLegendLines(3)
	c.Redraw()
	got = strings.Split(ansi.Strip(c.View()), "\n")
	if c.LegendLines() != 0 || !strings.Contains(got[1], "BG/NBD") || strings.TrimSpace(got[2]) != "" || strings.TrimSpace(got[3]) != "" ||
		!strings.Contains(got[4], "↑ true positive rate") {
		t.Fatalf("SetLegendLines(3) must put the legend on three lines under the title:\n%s", strings.Join(got, "\n"))
	}
}
