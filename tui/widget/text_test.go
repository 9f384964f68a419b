package widget

import (
	"strings"
	"testing"
)

// englishBars and englishHeatmap are the English wording the widget tests
// draw with (the screens pass theirs through common.Common).
var (
	englishBars    = BarsText{More: "… %d more with smaller |value|", MoreInOrder: "… %d more", NoValues: "no values", TooSmall: "enlarge to see the bars"}
	englishHeatmap = HeatmapText{Rows: "rows %d–%d/%d", Cols: "cols %d–%d/%d", NoValues: "%s: no values", TooSmall: "%s: enlarge to see the matrix"}
)

// TestWidgetsWriteTheCallersWording: a heatmap's and a bar chart's
// placeholders and the too-small notice are written in the wording or
// language the caller gives, with no English of their own (review29 #10).
func TestWidgetsWriteTheCallersWording(t *testing.T) {
	hm := NewHeatmap(DefaultStyles(), "W1", HeatmapText{NoValues: "%s：没有数值", TooSmall: "%s：放大窗口才能看到矩阵"})
	hm.SetSize(30, 3)
	if got := hm.View(); !strings.Contains(got, "W1：没有数值") {
		t.Errorf("empty heatmap:\n%s", got)
	}
	hm.SetRows([][]float64{{1, 2}, {3, 4}})
	hm.SetSize(30, 2)
	if got := hm.View(); !strings.Contains(got, "W1：放大窗口才能看到矩阵") {
		t.Errorf("small heatmap:\n%s", got)
	}
	b := NewSignedBars(DefaultStyles(), BarsText{NoValues: "没有数值"})
	b.SetSize(20, 2)
	if got := b.View(); !strings.Contains(got, "没有数值") || strings.Contains(got, "no values") {
		t.Errorf("empty bars:\n%s", got)
	}
	if got, want := TooSmallFor(50, 9, 40, 10, true), "窗口 50×9 太小：请放大到至少 40×10。"; got != want {
		t.Errorf("TooSmallFor zh = %q, want %q", got, want)
	}
	if got, want := TooSmall(14, 5, true), "请放大到 80×24"; got != want {
		t.Errorf("TooSmall zh = %q, want %q", got, want)
	}
}
