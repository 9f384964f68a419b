package cohortscreen

import (
	"math"
	"path/filepath"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// Layout constants of the triangle view.
const (
	minChartH = 8  // the least height the curve gets as a chart
	maxChartH = 16 // the most below 32 lines (half the height above)
	gap       = 1  // cells between two columns
)

// newChart returns the average retention chart, in the screen's language;
// with the average without the first cohort as a second line when it
// looks like earlier customers (withoutFirst).
func (s Model) newChart(r *data.Retention) widget.SeriesChart {
	names := []string{s.T("customer-weighted", "按客户加权")}
	if withoutFirst(r) {
		names = append(names, s.T("w/o ^", "不含 ^"))
	}
	c := widget.NewSeriesChart(s.T("Average retention (periods 1+; period 0 is 100 %)", "平均留存（第 1 期起；第 0 期为 100 %）"),
		s.Styles.Widget, names...)
	c.SetText(widget.ChartText{
		Latest:   s.T("last %s", "最新 %s"),
		NoData:   s.T("no later periods yet", "还没有之后的周期"),
		TooSmall: s.T("%s: enlarge to see the chart", "%s：放大窗口才能看到图表"),
	})
	c.SetYLimits(0, 100)
	c.SetLegendValues(false)
	c.SetXWhole(true) // periods are whole months or weeks
	return c
}

// render draws the view for the current state and size.
func (s *Model) render() {
	if s.Width <= 0 || s.Height <= 0 {
		s.view = ""
		return
	}
	title := s.T("Cohort retention", "同期群留存")
	switch {
	case !s.loaded:
		s.view = s.Empty(title, s.T("Loading the data…", "正在加载数据…"))
	case s.log == nil:
		s.view = s.Empty(s.T("Cohorts need an order log.", "同期群分析需要订单日志。"),
			s.T("A per-user table has no purchase dates to group customers by. ", "按用户汇总的表没有购买日期，无法把客户分组。")+
				s.OpenLogSentence("one line per order: customer, date, amount", "每行一笔订单：客户、日期、金额"))
	case s.err != nil:
		s.view = s.Empty(s.T("Cannot compute the cohorts.", "无法计算同期群。"), common.PlainError(s.err))
	case s.Result() == nil:
		s.view = s.Empty(title, s.T("Counting the cohorts…", "正在统计同期群…"))
	default:
		s.view = widget.Fit(s.triangle(s.Result()), s.Width, s.Height)
	}
}

// triangle lays out the heatmap, the curve and the notes.
func (s *Model) triangle(r *data.Retention) string {
	w, h := s.Width, s.Height
	notes := s.notes(r, w)
	tab := s.newTable(r)
	// The cohort rows come first; the chart takes what is left when every
	// cohort fits, else the curve is one row of bars under the average.
	fixed := 2 + len(notes) // title, header
	if len(r.Average) > 0 {
		fixed += 2 // the average and the cohorts it is over
		if withoutFirst(r) {
			fixed++
		}
	}
	rows := len(r.Cohorts)
	chartH := min(h-fixed-rows-1, max(maxChartH, h/2)) // a blank line above the chart
	switch {
	case len(r.Average) == 0:
		chartH = 0 // no curve: the notes say why
	case chartH < minChartH:
		chartH = 0
		fixed++ // the bar row
	}
	rowsShown := max(min(rows, h-fixed-max(chartH, 0)-boolInt(chartH > 0)), 1)
	colsShown := max((w-tab.labelW-gap-tab.sizeW)/(tab.cellW+gap), 1)
	nPeriods := r.MaxPeriods()
	s.top = min(max(s.top, 0), max(rows-rowsShown, 0))
	s.left = min(max(s.left, 0), max(nPeriods-colsShown, 0))
	colsShown = min(colsShown, nPeriods-s.left)

	lines := []string{s.titleLine(r, w, rowsShown, colsShown)}
	lines = append(lines, tab.header(s, s.left, colsShown))
	for i := s.top; i < s.top+rowsShown && i < rows; i++ {
		lines = append(lines, tab.row(s, r.Cohorts[i], i == 0, s.left, colsShown))
	}
	if len(r.Average) > 0 {
		lines = append(lines, tab.average(s, r.Average, false, s.left, colsShown), tab.counts(s, r, s.left, colsShown))
		if withoutFirst(r) {
			lines = append(lines, tab.average(s, r.AverageWithoutFirst, true, s.left, colsShown))
		}
		if chartH == 0 {
			lines = append(lines, tab.bars(s, r, s.left, colsShown))
		} else {
			lines = append(lines, "", s.chartView(r, w, chartH))
		}
	}
	body := strings.Join(lines, "\n")
	// The notes sit at the bottom of the screen.
	pad := h - lipgloss.Height(body) - len(notes)
	if pad > 0 {
		body += strings.Repeat("\n", pad)
	}
	return body + "\n" + strings.Join(notes, "\n")
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// titleLine names the metric and period on the left and says which part
// of the triangle is shown on the right (shorter when the line is short).
func (s Model) titleLine(r *data.Retention, w, rowsShown, colsShown int) string {
	what := []string{
		s.T("% of cohort buying", "购买客户占比 %"),
		s.T("customers buying", "购买客户数"),
		s.T("revenue", "收入"),
		s.T("orders", "订单数"),
	}[s.metric]
	by := s.T("monthly", "按月")
	if r.Period == data.ByWeek {
		by = s.T("weekly (Mon–Sun)", "按周（周一至周日）")
	}
	left := s.Styles.Title.Render(s.T("Cohort retention", "同期群留存")) + " · " + what + " · " + by
	first, last := s.top+1, min(s.top+rowsShown, len(r.Cohorts))
	rights := []string{
		s.Tf("cohorts %d–%d of %d · periods %d–%d of %d", "同期群 %d–%d/%d · 周期 %d–%d/%d",
			first, last, len(r.Cohorts), s.left, s.left+colsShown-1, r.MaxPeriods()),
		s.Tf("%d–%d/%d × %d–%d/%d", "%d–%d/%d × %d–%d/%d",
			first, last, len(r.Cohorts), s.left, s.left+colsShown-1, r.MaxPeriods()),
	}
	for _, right := range rights {
		if room := w - lipgloss.Width(left) - lipgloss.Width(right); room >= 2 {
			return left + strings.Repeat(" ", room) + s.Styles.Muted.Render(right)
		}
	}
	return common.Truncate(left, w)
}

// notes say how the figures were counted, wrapped to the width.
func (s Model) notes(r *data.Retention, w int) []string {
	parts := []string{s.Tf("%s: %s customers, %s orders, %s … %s.", "%s：%s 位客户，%s 笔订单，%s 至 %s。",
		filepath.Base(r.Name), common.Thousands(r.Customers), common.Thousands(r.Orders), r.First.Format(time.DateOnly), r.Last.Format(time.DateOnly)),
		s.T("Average: customer-weighted, over the cohorts that fully observed the period.",
			widget.Keep("平均")+"：按客户加权，只计完整观察到该周期的同期群。")}
	if out := r.Customers - r.AverageSize(); len(r.Average) > 0 && out > 0 {
		// The average row's size is period 1's: the customers of cohorts
		// too recent to have observed it are not in it.
		parts[1] = s.Tf("Average (%s customers): customer-weighted, over the cohorts that fully observed the period; the %s customers of cohorts too recent for period 1 are not in it.",
			widget.Keep("平均")+"（%s 位客户）：按客户加权，只计完整观察到该周期的同期群；尚未观察满"+widget.Keep("第 1 期")+"的同期群的 %s 位客户不在其中。",
			common.Thousands(r.AverageSize()), common.Thousands(out))
	}
	if len(r.Average) == 0 {
		parts = parts[:1] // no average to describe: firstNotes says why
	}
	if r.EndPartial {
		parts = append(parts, s.Tf("* partly observed (the log ends on %s).", "* 只观察到一部分（日志止于 %s）。", r.Last.Format(time.DateOnly)))
	}
	parts = append(parts, s.firstNotes(r)...)
	parts = append(parts, s.T("Blank: after the log's end.", "空白：日志结束之后。"))
	if out := s.leftOutNote(); out != "" {
		parts = append(parts, out)
	}
	var lines []string
	sep := " "
	if s.Zh() {
		sep = "" // Chinese sentences follow each other without a space
	}
	for _, l := range widget.WrapUnmarked(strings.Join(parts, sep), w) {
		lines = append(lines, s.Styles.Muted.Render(l))
	}
	return append(append(s.futureLines(r, w), s.earlyLines(r, w)...), lines...)
}

// futureLines warn, as cohorts does, of the log's lines dated after today:
// the table leaves them out and ends on the last date up to today, the
// end the notes name (none when there are no such lines).
func (s Model) futureLines(r *data.Retention, w int) []string {
	fd := s.log.FutureDated()
	if fd == nil {
		return nil
	}
	fw := &experiment.FutureWarning{FutureDated: *fd, LastUpToToday: s.log.LastUpToToday}
	text := "⚠ " + s.FutureWarningText(fw)
	if r.FutureOrders > 0 {
		text += s.Tf("; the table leaves them out: it ends on the last date up to today, %s",
			"；表中不计这些行：表止于今天及以前的最后日期 %s", r.Last.Format(time.DateOnly))
	}
	var lines []string
	for _, l := range widget.WrapUnmarked(text, max(w, 1)) {
		lines = append(lines, s.Styles.Warning.Render(l))
	}
	return lines
}

// chartView draws the average curve from period 1 on.
func (s *Model) chartView(r *data.Retention, w, h int) string {
	c := s.newChart(r)
	caption := s.T("months since first purchase", "距首购的月数")
	if r.Period == data.ByWeek {
		caption = s.T("weeks since first purchase", "距首购的周数")
	}
	c.SetXCaption(caption)
	for _, p := range r.Average[1:] {
		c.Push(0, float64(p.Period), 100*p.Share)
	}
	if withoutFirst(r) {
		for _, p := range r.AverageWithoutFirst[1:] {
			c.Push(1, float64(p.Period), 100*p.Share)
		}
	}
	c.SetXRange(1, math.Max(float64(len(r.Average)-1), 2))
	c.SetSize(w, h)
	c.Redraw()
	return c.View()
}

// cellValue is the number a cell is shaded by.
func cellValue(c data.RetentionCell, m Metric) float64 {
	switch m {
	case Customers:
		return float64(c.Customers)
	case Revenue:
		return c.Revenue
	case Orders:
		return float64(c.Orders)
	}
	return c.Share
}

// Shade is the heat level of a cell: 0 for nothing, 1 to 4 for a quarter
// of hi each; period 0 (the acquisition itself) is shaded apart, as -1, so
// it does not flatten the scale of the later periods.
func Shade(v, hi float64, period int) int {
	switch {
	case period == 0:
		return -1
	case v <= 0 || hi <= 0 || math.IsNaN(v):
		return 0
	}
	return min(max(int(math.Ceil(4*v/hi)), 1), 4)
}
