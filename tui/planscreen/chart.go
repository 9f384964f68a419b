package planscreen

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// minChartW is the least width the net value chart gets beside the curve
// table; below it the table stands alone.
const minChartW = 40

// withChart sets the chart of net value against the share contacted (the
// per-percent curve, the best point marked +) beside the curve table when
// the screen is wide enough, else returns the table.
func (s Model) withChart(table []string) []string {
	tw := 0
	for _, l := range table {
		tw = max(tw, ansi.StringWidth(l))
	}
	cw := s.Width - tw - 3
	if cw < minChartW || len(table) < 8 {
		return table
	}
	rep := s.report
	c := widget.NewSeriesChart(s.T("Net value by % of customers contacted", "净值与联系客户比例（%）"), s.Styles.Widget,
		s.T("net value", "净值"), s.T("best", "最佳"))
	c.SetText(widget.ChartText{
		Latest:   "%s",
		NoData:   s.T("no curve", "没有曲线"),
		TooSmall: s.T("%s: enlarge to see the chart", "%s：放大窗口才能看到图表"),
	})
	c.SetMarker(1, widget.MarkerPoint)
	c.SetXCaption("%")
	c.SetXRange(0, 100)
	c.SetLegendValues(false)
	c.Push(0, 0, 0)
	for _, p := range rep.CurveByPercent {
		c.Push(0, 100*p.Share, p.Net)
	}
	c.Push(1, 100*rep.Best.Share, rep.Best.Net)
	c.SetSize(cw, len(table))
	c.Redraw()
	return common.JoinColumns([][]string{table, strings.Split(c.View(), "\n")}, []int{tw, cw}, 3)
}
