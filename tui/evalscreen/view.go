package evalscreen

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// Sizes of the Evaluate screen's parts.
const (
	evalMetricsW = 57 // the metrics table
	evalGainsW   = 31 // the gains table beside the charts
	evalSideBy   = 100
)

// evalAllOnOne reports whether every part fits on one page.
func evalAllOnOne(w, h int) bool { return w >= 118 && h >= 34 }

// layoutCharts sizes the charts for the page shown.
func (s *Model) layoutCharts() {
	w, h := s.Width, s.Height
	chartsW, chartsH := w, h-2
	if evalAllOnOne(w, h) {
		chartsW, chartsH = w-evalGainsW-2, h-16
	}
	half := max((chartsW-2)/2, 0)
	s.roc.SetSize(half, max(chartsH, 0))
	s.calib.SetSize(max(chartsW-2-half, 0), max(chartsH, 0))
	s.roc.Redraw()
	s.calib.Redraw()
}

// render rebuilds the cached view.
func (s *Model) render() {
	w, h := s.Width, s.Height
	if w <= 0 || h <= 0 {
		s.view = ""
		return
	}
	st := s.Styles
	if s.data == nil {
		s.view = widget.Fit(s.placeholder(), w, h)
		return
	}
	d := s.data
	header := st.Title.Render(fmt.Sprintf("Run %d", d.run)) + st.Muted.Render(fmt.Sprintf(" · %s part, %s rows · threshold %.2f · %s",
		d.part, common.Thousands(d.sweep.Rows()), s.threshold, common.DescribeRun(s.config)))
	lines := []string{common.Truncate(header, w)}
	sentence := s.sentence(w)
	switch {
	case s.page == PageImportance:
		if !evalAllOnOne(w, h) {
			lines = append(lines, st.Muted.Render(common.Truncate(s.pageTabs(), w)))
		} else {
			lines = append(lines, st.Muted.Render("v: back to the overview"))
		}
		lines = append(lines, s.importance.lines(st, w, h-len(lines))...)
	case evalAllOnOne(w, h):
		top := common.JoinColumns([][]string{s.metricsLines(evalMetricsW), s.confusionLines(w - evalMetricsW - 3)}, []int{evalMetricsW, w - evalMetricsW - 3}, 3)
		lines = append(lines, top...)
		lines = append(lines, "")
		lines = append(lines, sentence...)
		lines = append(lines, "")
		chartsW := w - evalGainsW - 2
		lines = append(lines, common.JoinColumns([][]string{s.chartLines(chartsW), s.gainsLines(evalGainsW)}, []int{chartsW, evalGainsW}, 2)...)
	default:
		lines = append(lines, st.Muted.Render(common.Truncate(s.pageTabs(), w)))
		switch s.page {
		case PageSummary:
			if w >= evalSideBy {
				cw := w - evalMetricsW - 3
				lines = append(lines, common.JoinColumns([][]string{s.metricsLines(evalMetricsW), s.confusionLines(cw)}, []int{evalMetricsW, cw}, 3)...)
			} else {
				lines = append(lines, s.metricsLines(w)...)
				lines = append(lines, "")
				lines = append(lines, s.confusionLines(w)...)
			}
			lines = append(lines, "")
			lines = append(lines, sentence...)
		case PageCurves:
			lines = append(lines, s.chartLines(w)...)
		case PageGains:
			lines = append(lines, s.gainsLines(min(w, 40))...)
			lines = append(lines, "")
			lines = append(lines, sentence...)
		}
	}
	s.view = widget.Fit(strings.Join(lines, "\n"), w, h)
}

// placeholder says why there is nothing to evaluate yet.
func (s Model) placeholder() string {
	st := s.Styles
	switch {
	case s.err != nil:
		return st.Error.Render("The evaluation failed: ") + s.err.Error()
	case s.waiting != 0:
		return st.Muted.Render(fmt.Sprintf("Evaluating run %d…", s.waiting))
	}
	return common.NoRunYet(st)
}

func (s Model) pageTabs() string {
	var parts []string
	for p := range evalPages {
		name := evalPageNames[p]
		if p == s.page {
			name = "[" + name + "]"
		}
		parts = append(parts, name)
	}
	return "page " + strings.Join(parts, " ") + "  (v: next)"
}

// metricsLines is the table of scalar metrics, train against validation,
// with the Bayes limit beside them for the built-in data.
func (s Model) metricsLines(w int) []string {
	st, d := s.Styles, s.data
	tr := d.train.Report
	var va *metrics.Report
	if d.val != nil {
		va = &d.val.Report
	}
	bayes := d.main().Bayes
	const nameW, colW = 20, 10
	head := common.Pad("Metric", nameW) + common.PadLeft("train", colW)
	if va != nil {
		head += common.PadLeft("validation", colW+1)
	}
	if bayes != nil {
		head += common.PadLeft("best possible", 15)
	}
	lines := []string{st.Header.Render(common.Truncate(head, w))}
	row := func(name string, get func(metrics.Report) float64, bayesValue string) {
		l := common.Pad(name, nameW) + common.PadLeft(fmt.Sprintf("%.3f", get(tr)), colW)
		if va != nil {
			l += common.PadLeft(fmt.Sprintf("%.3f", get(*va)), colW+1)
		}
		if bayes != nil {
			l += st.Muted.Render(common.PadLeft(bayesValue, 15))
		}
		lines = append(lines, common.Truncate(l, w))
	}
	acc, auc := "", ""
	if bayes != nil {
		acc, auc = fmt.Sprintf("%.3f", bayes.Accuracy), fmt.Sprintf("%.3f", bayes.AUC)
	}
	at := fmt.Sprintf(" @%.2f", d.threshold)
	row("accuracy"+at, func(r metrics.Report) float64 { return r.Accuracy }, acc)
	row("precision"+at, func(r metrics.Report) float64 { return r.Precision }, "")
	row("recall"+at, func(r metrics.Report) float64 { return r.Recall }, "")
	row("F1"+at, func(r metrics.Report) float64 { return r.F1 }, "")
	row("ROC AUC", func(r metrics.Report) float64 { return r.ROCAUC }, auc)
	row("average precision", func(r metrics.Report) float64 { return r.AveragePrecision }, "")
	row("Brier score", func(r metrics.Report) float64 { return r.BrierScoreLoss }, "")
	row("log loss", func(r metrics.Report) float64 { return r.LogLoss }, "")
	if bayes != nil {
		lines = append(lines, st.Muted.Render(common.Truncate("best possible: the true probabilities (built-in data)", w)))
	}
	return lines
}

// confusionLines is the confusion matrix at the screen's threshold.
func (s Model) confusionLines(w int) []string {
	st, d := s.Styles, s.data
	c := d.confusionAt(s.threshold)
	neg, pos := d.risk.Negative, d.risk.Positive
	colW := max(len("predicted ")+max(len(neg), len(pos))+1, 12)
	rowW := max(len("actual ")+max(len(neg), len(pos))+2, 12)
	cell := func(v float64, good bool) string {
		text := common.PadLeft(common.Thousands(int(v)), colW)
		if good {
			return st.Good.Render(text)
		}
		return st.Warning.Render(text)
	}
	n := c.Total()
	flagged := c.PredictedPositive()
	lines := []string{
		st.Title.Render("Confusion matrix") + st.Muted.Render(fmt.Sprintf(" · %s · threshold ", d.part)) + st.Value.Render(fmt.Sprintf("%.2f", s.threshold)),
		st.Header.Render(common.Pad("", rowW) + common.PadLeft("predicted "+neg, colW) + common.PadLeft("predicted "+pos, colW)),
		common.Pad("actual "+neg, rowW) + cell(c.TN, true) + cell(c.FP, false),
		common.Pad("actual "+pos, rowW) + cell(c.FN, false) + cell(c.TP, true),
		"",
		fmt.Sprintf("precision %.3f  recall %.3f  F1 %.3f  accuracy %.3f", c.Precision(), c.Recall(), c.F1(), c.Accuracy()),
		fmt.Sprintf("predicted %s: %s of %s users (%s)", pos, common.Thousands(int(flagged)), common.Thousands(int(n)), common.Percent(c.PredictedPositiveRate())),
		st.Muted.Render(fmt.Sprintf("best F1 %.3f at threshold %.3f (f) · configured %.2f (r)", d.bestF1.F1, d.bestF1.Threshold, d.threshold)),
	}
	for i := range lines {
		lines[i] = common.Truncate(lines[i], w)
	}
	return lines
}

// gainsLines is the cumulative gains and lift table by decile.
func (s Model) gainsLines(w int) []string {
	st, d := s.Styles, s.data
	lines := []string{
		common.Truncate(st.Title.Render("Gains")+st.Muted.Render(" · reaching "+d.risk.Class()), w),
		st.Header.Render(common.Truncate(common.PadLeft("top", 5)+common.PadLeft("users", 9)+common.PadLeft("reached", 9)+common.PadLeft("lift", 7), w)),
	}
	for _, g := range d.gains {
		l := common.PadLeft(common.WholePercent(g.ShareTargeted), 5) + common.PadLeft(common.Thousands(int(g.Targeted+0.5)), 9) +
			common.PadLeft(common.Percent(g.ShareCaptured), 9) + common.PadLeft(fmt.Sprintf("%.2f×", g.Lift), 7)
		if g.Group == 2 {
			l = st.Value.Render(l)
		}
		lines = append(lines, common.Truncate(l, w))
	}
	return lines
}

// sentence is the manager's reading of the second decile, wrapped to w.
func (s Model) sentence(w int) []string {
	if len(s.data.gains) < 2 {
		return nil
	}
	text := s.data.risk.GainsSentence(s.data.gains[1])
	wrapped := lipgloss.NewStyle().Width(max(w, 10)).Render(text)
	return strings.Split(wrapped, "\n")
}

// chartLines puts the ROC and calibration charts side by side.
func (s Model) chartLines(w int) []string {
	half := s.roc.Width()
	rocLines := strings.Split(widget.Fit(s.roc.View(), half, s.roc.Height()), "\n")
	calLines := strings.Split(widget.Fit(s.calib.View(), s.calib.Width(), s.calib.Height()), "\n")
	return common.JoinColumns([][]string{rocLines, calLines}, []int{half, max(w-half-2, 0)}, 2)
}
