package widget

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestSeriesChartCJKCaptionFits checks that a Chinese x caption is
// measured in cells: the axis line keeps the chart's width and shows the
// caption whole at its end.
func TestSeriesChartCJKCaptionFits(t *testing.T) {
	c := lossCurves(10)
	c.SetXCaption("轮次")
	c.SetSize(40, 12)
	c.Redraw()
	lines := strings.Split(ansi.Strip(c.View()), "\n")
	axis := lines[len(lines)-2]
	if w := ansi.StringWidth(axis); w != 40 || !strings.HasSuffix(axis, "┬ 轮次") {
		t.Errorf("x axis %q: %d cells, want 40 ending in a tick and the caption", axis, w)
	}
}

// TestSeriesChartLastTickLabelled: the caption sat on the tick labels'
// line over the last one, so a 10-epoch run's axis read "0 2 4 6 8 epoch"
// and a sweep whose caption is a long feature name showed ticks without
// numbers. The data's end is labelled at every width, in both cases.
func TestSeriesChartLastTickLabelled(t *testing.T) {
	for _, caption := range []string{"epoch", "轮次", "days_since_last_order"} {
		for _, w := range []int{30, 40, 49, 60, 80, 120, 200} {
			c := NewSeriesChart("Loss", DefaultStyles(), "train")
			c.SetXCaption(caption)
			c.SetXWhole(true)
			c.SetXRange(0, 10)
			for e := 0; e <= 10; e++ {
				c.Push(0, float64(e), 1/float64(e+1))
			}
			c.SetSize(w, 12)
			c.Redraw()
			lines := strings.Split(ansi.Strip(c.View()), "\n")
			labels := lines[len(lines)-1]
			if strings.Contains(labels, caption+" →") {
				labels = lines[len(lines)-2] // a caption too wide for the axis line has its own line
			} else if !strings.HasSuffix(lines[len(lines)-2], " "+caption) {
				t.Errorf("%q at %d: the caption is on neither the axis line nor one of its own:\n%s", caption, w, strings.Join(lines, "\n"))
			}
			fields := strings.Fields(labels)
			if len(fields) < 2 || fields[len(fields)-1] != "10" {
				t.Errorf("%q at %d: tick labels %q do not end at 10", caption, w, labels)
			}
			for i, l := range lines {
				if lw := ansi.StringWidth(l); lw != w {
					t.Errorf("%q at %d: line %d is %d cells: %q", caption, w, i, lw, l)
				}
			}
		}
	}
}

// TestRelabelKeepsADataCaption: a chart built afresh in another language
// without a caption (the what-if sweep's, set from the data) leaves the
// chart's caption alone; one with a caption of its own replaces it. A new
// chart has no caption, so no English word reaches a Chinese screen.
func TestRelabelKeepsADataCaption(t *testing.T) {
	c := NewSeriesChart("What-if sweep", DefaultStyles(), "probability")
	if c.xCaption != "" {
		t.Fatalf("a new chart's caption is %q, want none", c.xCaption)
	}
	c.SetXCaption("sessions_30d")
	c.Relabel(NewSeriesChart("假设分析扫描", DefaultStyles(), "概率"))
	if c.xCaption != "sessions_30d" || c.title != "假设分析扫描" || c.series[0].name != "概率" {
		t.Errorf("relabelled: caption %q, title %q, series %q; want sessions_30d, 假设分析扫描, 概率", c.xCaption, c.title, c.series[0].name)
	}
	fresh := NewSeriesChart("损失", DefaultStyles(), "训练")
	fresh.SetXCaption("轮次")
	c.Relabel(fresh)
	if c.xCaption != "轮次" {
		t.Errorf("relabelled by a captioned chart: caption %q, want 轮次", c.xCaption)
	}
}
