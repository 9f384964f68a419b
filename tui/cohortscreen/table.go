package cohortscreen

import (
	"math"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/tui/common"
)

// table holds the column widths and heat scale of one triangle and
// metric.
type table struct {
	metric        Metric
	money         moneyFormat // the revenue cells' unit and decimals
	labelW, sizeW int
	cellW         int     // figure plus the partial mark
	hi            float64 // the largest value after period 0
	heat          [4]lipgloss.Style
	acquisition   lipgloss.Style
}

// heatBackgrounds are the cell shades from faint to strong (xterm-256
// blues to greens, readable with white or black figures); the acquisition
// period is grey.
var heatBackgrounds = [4]string{"24", "30", "36", "78"}

func (s Model) newTable(r *data.Retention) table {
	t := table{metric: s.metric, labelW: lipgloss.Width(s.T("average", "平均")), sizeW: lipgloss.Width(s.T("size", "规模"))}
	t.labelW = max(t.labelW, lipgloss.Width(s.T("cohort", "同期群")), lipgloss.Width(s.T("curve", "曲线")),
		lipgloss.Width(s.T("cohorts", "同期群数")))
	if withoutFirst(r) {
		t.labelW = max(t.labelW, lipgloss.Width(s.T("w/o ^", "不含 ^")))
	}
	if len(r.Cohorts) > 0 {
		t.labelW = max(t.labelW, len(r.Cohorts[0].Label+firstMark))
	}
	t.sizeW = max(t.sizeW, len(common.Thousands(r.Customers)))
	t.cellW = 5
	if s.metric == Revenue {
		t.money = revenueFormat(r)
	}
	for _, c := range r.Cohorts {
		t.labelW = max(t.labelW, len(c.Label))
		for k, cell := range c.Cells {
			t.cellW = max(t.cellW, len(t.cellText(cell)))
			if k > 0 {
				t.hi = math.Max(t.hi, cellValue(cell, s.metric))
			}
		}
	}
	t.cellW++ // the partial mark
	for i, bg := range heatBackgrounds {
		fg := "15"
		if i >= 2 {
			fg = "16"
		}
		t.heat[i] = lipgloss.NewStyle().Background(lipgloss.Color(bg)).Foreground(lipgloss.Color(fg))
	}
	t.acquisition = lipgloss.NewStyle().Background(lipgloss.Color("238")).Foreground(lipgloss.Color("15"))
	return t
}

// lead is the cohort label and size columns of a line.
func (t table) lead(label, size string) string {
	return common.Pad(label, t.labelW) + strings.Repeat(" ", gap) + common.PadLeft(size, t.sizeW)
}

// header is the line of column heads: periods since acquisition.
func (t table) header(s *Model, left, n int) string {
	var b strings.Builder
	b.WriteString(t.lead(s.T("cohort", "同期群"), s.T("size", "规模")))
	for k := left; k < left+n; k++ {
		b.WriteString(strings.Repeat(" ", gap) + common.PadLeft(strconv.Itoa(k), t.cellW-1) + " ")
	}
	return s.Styles.Header.Render(strings.TrimRight(b.String(), " "))
}

// row is one cohort's line: its cells shaded by value, figures inside, a
// partly observed cell marked with *, cells after the log's end blank.
func (t table) row(s *Model, c data.RetentionCohort, first bool, left, n int) string {
	var b strings.Builder
	label := c.Label
	if first {
		label += firstMark
	}
	b.WriteString(t.lead(label, common.Thousands(c.Size)))
	for k := left; k < left+n && k < len(c.Cells); k++ {
		cell := c.Cells[k]
		mark := " "
		if cell.Partial {
			mark = "*"
		}
		text := common.PadLeft(t.cellText(cell), t.cellW-1) + mark
		switch lvl := Shade(cellValue(cell, t.metric), t.hi, k); {
		case lvl < 0:
			text = t.acquisition.Render(text)
		case lvl > 0:
			text = t.heat[lvl-1].Render(text)
		}
		b.WriteString(strings.Repeat(" ", gap) + text)
	}
	return b.String()
}

// average is the line of the average retention curve, in percent
// whatever the metric; without the first cohort's, pts is
// Retention.AverageWithoutFirst.
func (t table) average(s *Model, pts []data.RetentionPoint, without bool, left, n int) string {
	label := s.T("average", "平均")
	if t.metric != Share {
		label = s.T("avg %", "平均 %")
	}
	if without {
		label = s.T("w/o ^", "不含 ^")
	}
	var b strings.Builder
	// The size beside the average is the customers its first period
	// covers: a partial cohort (the log's last period) is left out of it.
	b.WriteString(t.lead(label, common.Thousands(pts[0].Base)))
	for k := left; k < left+n && k < len(pts); k++ {
		b.WriteString(strings.Repeat(" ", gap) + common.PadLeft(strconv.FormatFloat(100*pts[k].Share, 'f', 1, 64), t.cellW-1) + " ")
	}
	return s.Styles.Value.Render(strings.TrimRight(b.String(), " "))
}

// barLevels draw the compact curve, one cell per period.
var barLevels = []rune("▁▂▃▄▅▆▇█")

// bars is the compact curve under the average: one bar per period after
// period 0 (which is 100 % by definition and left blank), scaled to the
// highest average after period 0, which the lead names as full height
// ("curve █ = 32.1 %").
func (t table) bars(s *Model, r *data.Retention, left, n int) string {
	hi := 0.0
	for _, p := range r.Average[1:] {
		hi = math.Max(hi, p.Share)
	}
	var b strings.Builder
	b.WriteString(t.barsLead(s, hi))
	for k := left; k < left+n && k < len(r.Average); k++ {
		bar := barLevels[0]
		switch {
		case k == 0:
			bar = ' '
		case hi > 0:
			bar = barLevels[min(int(r.Average[k].Share/hi*float64(len(barLevels)-1)+0.5), len(barLevels)-1)]
		}
		b.WriteString(strings.Repeat(" ", gap) + strings.Repeat(" ", t.cellW-2) + string(bar) + " ")
	}
	return s.Styles.Muted.Render(strings.TrimRight(b.String(), " "))
}

// barsLead is the bar row's label and size columns: what full height
// means, as long a form as fits ("curve █ = 32.1 %", "█ = 32.1 %").
func (t table) barsLead(s *Model, hi float64) string {
	w := t.labelW + gap + t.sizeW
	if !(hi > 0) {
		return common.Pad(s.T("curve", "曲线"), w)
	}
	full := "█ = " + strconv.FormatFloat(100*hi, 'f', 1, 64) + " %"
	for _, lead := range []string{s.T("curve ", "曲线 ") + full, full} {
		if lipgloss.Width(lead) <= w {
			return common.Pad(lead, w)
		}
	}
	return common.Pad(common.Truncate(full, w), w)
}

// cellText is a cell's figure for the table's metric: revenue in the
// table's one format.
func (t table) cellText(c data.RetentionCell) string {
	switch t.metric {
	case Customers:
		return common.Thousands(c.Customers)
	case Revenue:
		return t.money.text(c.Revenue)
	case Orders:
		return common.Thousands(c.Orders)
	}
	return strconv.FormatFloat(100*c.Share, 'f', 1, 64)
}
