package evalscreen

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// wrap breaks plain text into lines of at most w cells (CJK text between
// characters) and styles each line.
func wrap(text string, w int, style lipgloss.Style) []string {
	return widget.WrapStyled(text, max(w, 10), style)
}

// partName names a part of the split in the interface's language.
func (s Model) partName(p experiment.Part) string { return s.PartName(p) }

// render rebuilds the cached view, sizing the charts to the room the
// lines above them leave.
func (s *Model) render() {
	w, h := s.Width, s.Height
	top, allOnOne := s.overview()
	s.onePage = allOnOne
	if w <= 0 || h <= 0 {
		s.view = ""
		return
	}
	st := s.Styles
	if s.data == nil {
		s.view = widget.Fit(s.placeholder(w), w, h)
		return
	}
	lines := s.headLines(w)
	fixed := len(lines) + 1 // the head and the page tabs stay in view
	// Only the paged summary, curves and gains scroll; any other view
	// fits (or shows only what fits), so no scroll keys are offered there.
	s.maxScroll = 0
	switch {
	case s.page == PageImportance:
		if !allOnOne {
			lines = append(lines, st.Muted.Render(common.Truncate(s.pageTabs(), w)))
		} else {
			lines = append(lines, st.Muted.Render(common.Truncate(s.T("v: back to the overview", "v：回到总览"), w)))
		}
		lines = append(lines, s.importance.lines(s.Common, w, h-len(lines))...)
	case allOnOne:
		lines = top
		chartsW := w - evalGainsW - 2
		s.layoutCharts(chartsW, h-len(lines))
		side := s.gainsLines(evalGainsW)
		if bands := s.bandLines(evalGainsW); len(side)+1+len(bands) <= h-len(lines) {
			side = append(append(side, ""), bands...)
		}
		lines = append(lines, common.JoinColumns([][]string{s.chartLines(chartsW), side}, []int{chartsW, evalGainsW}, 2)...)
	default:
		lines = append(lines, st.Muted.Render(common.Truncate(s.pageTabs(), w)))
		switch s.page {
		case PageSummary:
			lines = append(lines, s.summaryLines(w)...)
			lines = append(lines, "")
			lines = append(lines, s.sentence(w)...)
		case PageCurves:
			s.layoutCharts(w, h-len(lines))
			lines = append(lines, s.chartLines(w)...)
		case PageGains:
			gw := min(w, 40)
			if w >= 2*gw+2 {
				lines = append(lines, common.JoinColumns([][]string{s.gainsLines(gw), s.bandLines(gw)}, []int{gw, gw}, 2)...)
			} else {
				lines = append(lines, s.gainsLines(gw)...)
				lines = append(lines, "")
				lines = append(lines, s.bandLines(gw)...)
			}
			lines = append(lines, "")
			lines = append(lines, s.sentence(w)...)
		}
		// The head and the page tabs stay; the page scrolls under them.
		lines, s.maxScroll = s.scrolled(lines, fixed)
	}
	s.view = widget.Fit(strings.Join(lines, "\n"), w, h)
}

// headLines are the lines every page opens with: the run, its part and
// threshold, and a diverged run's warning.
func (s Model) headLines(w int) []string {
	st, d := s.Styles, s.data
	// On a narrow window the parts that do not fit whole are left out, the
	// settings first (Runs shows them), so no figure is cut and the head
	// stays one line; a part too long for the line wraps.
	run := s.Tf("Run %d", "第 %d 次训练", d.run)
	switch {
	case d.stopped && d.kept > 0:
		run += s.Tf(" (stopped by you; weights of epoch %d)", "（已由你停止；权重取自第 %d 轮）", d.kept)
	case d.stopped:
		run += s.T(" (stopped by you in its first epoch)", "（已由你在第 1 轮中停止）")
	}
	head := []string{run}
	for i, part := range []string{s.partLine(), s.Tf("threshold %.2f", "阈值 %.2f", s.threshold), s.DescribeRun(s.config)} {
		if lipgloss.Width(head[0]+" · "+part) <= w {
			head[0] += " · " + part
			continue
		}
		if i == 0 {
			head = widget.WrapText(head[0]+" · "+part, w)
		}
		break
	}
	var lines []string
	for i, line := range head {
		if rest, ok := strings.CutPrefix(line, run); ok && i == 0 {
			line = st.Title.Render(run) + st.Muted.Render(rest)
		} else {
			line = st.Muted.Render(line)
		}
		lines = append(lines, line)
	}
	if d.diverged != nil {
		// A broken model's gains sentence would be advice; the warning
		// replaces it and stays on every page.
		lines = append(lines, s.divergedLines(w)...)
	}
	for _, c := range d.copies {
		lines = append(lines, s.copyLines(c, w)...)
	}
	if s.refused != nil {
		lines = append(lines, s.Panel(st.Warning.Render(s.T("Threshold not changed", "阈值未改变")), s.ErrorText(s.refused),
			s.Tf("It stays %.2f.", "仍为 %.2f。", s.threshold), w)...)
	}
	return lines
}

// copyLines say that many rows of a held-out part repeat a training row,
// so its figures are optimistic, wrapped to w. For an order log the rows
// are customers with identical histories, which no one can remove: the
// lines say so, and what can be done.
func (s Model) copyLines(c experiment.CopyWarning, w int) []string {
	if c.Log {
		return wrap(s.logCopyText(c), w, s.Styles.Warning)
	}
	en, zh := "⚠ %s of the %s test rows (%s) repeat a training row in every input column and the label, so the test figures are optimistic: remove the repeated rows from the file.",
		"⚠ 测试集 %[2]s 行中有 %[1]s 行（%[3]s）在每个输入列和标签上都与某个训练行相同，因此测试数字偏乐观：请从文件中去掉重复的行。"
	if c.Part == "validation" {
		en, zh = "⚠ %s of the %s validation rows (%s) repeat a training row in every input column and the label, so the validation figures and early stopping are optimistic: remove the repeated rows from the file.",
			"⚠ 验证集 %[2]s 行中有 %[1]s 行（%[3]s）在每个输入列和标签上都与某个训练行相同，因此验证数字和提前停止偏乐观：请从文件中去掉重复的行。"
	}
	text := s.Tf(en, zh, common.Thousands(c.Copies), common.Thousands(c.Rows), common.Percent(c.Share()))
	return wrap(text, w, s.Styles.Warning)
}

// logCopyText is copyLines' text for an order log's customers: what the
// repeated rows are, what they mean for the figures and what to do — for
// a run validated out of time, nothing, as its figures are of later
// customers; for one that fell back to a random split, nothing either, as
// out of time is impossible there.
func (s Model) logCopyText(c experiment.CopyWarning) string {
	n, rows, share := common.Thousands(c.Copies), common.Thousands(c.Rows), common.Percent(c.Share())
	head := s.Tf("%s of the %s validation customers (%s) have the same features and label as a training customer: different customers with identical histories, not rows anyone could remove. ",
		"验证集 %[2]s 位客户中有 %[1]s 位（%[3]s）的特征和标签与某位训练客户完全相同：他们是历史相同的不同客户，不是可以删去的行。", n, rows, share)
	if c.Part == "test" {
		head = s.Tf("%s of the %s test customers (%s) have the same features and label as a training customer: different customers with identical histories, not rows anyone could remove. ",
			"测试集 %[2]s 位客户中有 %[1]s 位（%[3]s）的特征和标签与某位训练客户完全相同：他们是历史相同的不同客户，不是可以删去的行。", n, rows, share)
	}
	if s.data != nil && s.data.later != nil {
		return "⚠ " + head + s.T("The network cannot tell them apart, in training or in use; the figures here are of later customers (out of time), so nothing needs doing.",
			"网络在训练和使用时都无法区分他们；这里的数字来自更晚的客户（跨时间验证），因此无需处理。")
	}
	if s.data != nil && s.data.fallback != nil {
		// Out of time was asked for and impossible, so t would not give it.
		fb := s.data.fallback
		if fb.OneClass != "" || fb.Few {
			return "⚠ " + head + s.T("The network cannot tell them apart, in training or in use, so the figures stay a fair measure of customers like them. This log cannot be validated out of time (the reason is on the Data screen), so nothing needs doing.",
				"网络在训练和使用时都无法区分他们，因此这些数字仍能公平地衡量这类客户。此日志无法跨时间验证（原因见数据页），因此无需处理。")
		}
		return "⚠ " + head + s.T("The network cannot tell them apart, in training or in use, so the figures stay a fair measure of customers like them. The log is too short to validate out of time, so nothing needs doing.",
			"网络在训练和使用时都无法区分他们，因此这些数字仍能公平地衡量这类客户。日志太短，无法跨时间验证，因此无需处理。")
	}
	return "⚠ " + head + s.T("The network cannot tell them apart, in training or in use, so the figures stay a fair measure of customers like them. To measure on later customers, as the model will be used, validate out of time (t on the Data screen); otherwise nothing needs doing.",
		"网络在训练和使用时都无法区分他们，因此这些数字仍能公平地衡量这类客户。若要在更晚的客户上评估（模型实际就是这样使用的），请改用跨时间验证（在数据页按 t）；否则无需处理。")
}

// divergedLines says plainly that the run diverged and what the figures
// below are of, wrapped to w.
func (s Model) divergedLines(w int) []string {
	dv := s.data.diverged
	text := s.Tf("⚠ Run %d diverged at epoch %d, batch %d (%s). Every figure here is of its last finite weights, not of a trained model: lower the learning rate and train again.",
		"⚠ 第 %d 次训练在第 %d 轮第 %d 批发散（%s）。这里的每个数字都来自它最后一组有限的权重，而不是训练好的模型：请降低学习率后重新训练。",
		s.data.run, dv.Epoch, dv.Batch, s.DivergedReason(dv))
	return wrap(text, w, s.Styles.Error)
}

// placeholder says why there is nothing to evaluate yet: a failure, or,
// centred as on the other screens, the run being evaluated or that there
// is none.
func (s Model) placeholder(w int) string {
	st := s.Styles
	switch {
	case s.err != nil:
		return strings.Join(wrap(s.T("The evaluation failed: ", "评估失败：")+s.err.Error(), w, st.Error), "\n")
	case s.waiting != 0:
		return s.Empty(s.Tf("Evaluating run %d…", "正在评估第 %d 次训练…", s.waiting), "")
	}
	return s.Empty(s.NoRunTitle(), s.NoRunHint(s.T("Train one on the Train screen (3, then space); this screen fills in when the run ends or is stopped.",
		"先在“训练”页训练一个（按 3，再按空格）；训练结束或停止后，这里会显示评估结果。")))
}

func (s Model) pageTabs() string {
	var parts []string
	for p := range evalPages {
		name := s.pageName(p)
		if p == s.page {
			name = "[" + name + "]"
		}
		parts = append(parts, name)
	}
	return s.T("page ", "页面 ") + strings.Join(parts, " ") + s.T("  (v: next)", "  （v：下一页）")
}

// metricsLines is the table of scalar metrics, train against validation,
// with the Bayes limit beside them for the built-in data, and for an order
// log the customers at the cutoff (out of time) and BG/NBD on the same
// customers, with the top-decile lift.
func (s Model) metricsLines(w int) []string {
	st, d := s.Styles, s.data
	cols := s.metricColumns()
	bayes := d.main().Bayes
	const nameW = evalMetricNameW
	head := common.Pad(s.T("Metric", "指标"), nameW)
	for i, c := range cols {
		head += common.PadLeft(c.name, s.colWidth(i))
	}
	if bayes != nil {
		head += common.PadLeft(s.T("best possible", "理论最优"), evalBayesW)
	}
	lines := []string{st.Header.Render(common.Truncate(head, w))}
	// unit follows each figure: "×" after a lift, as the gains table has it.
	rowUnit := func(name, unit string, get func(metrics.Report) float64, bayesValue string) {
		l := common.Pad(name, nameW)
		for i, c := range cols {
			l += common.PadLeft(fmt.Sprintf("%.3f", get(*c.report))+unit, s.colWidth(i))
		}
		if bayes != nil {
			l += st.Muted.Render(common.PadLeft(bayesValue, evalBayesW))
		}
		lines = append(lines, common.Truncate(l, w))
	}
	row := func(name string, get func(metrics.Report) float64, bayesValue string) {
		rowUnit(name, "", get, bayesValue)
	}
	acc, auc := "", ""
	if bayes != nil {
		acc, auc = fmt.Sprintf("%.3f", bayes.Accuracy), fmt.Sprintf("%.3f", bayes.AUC)
	}
	at := fmt.Sprintf(" @%.2f", d.threshold)
	row(s.T("accuracy", "准确率")+at, func(r metrics.Report) float64 { return r.Accuracy }, acc)
	row(s.T("precision", "精确率")+at, func(r metrics.Report) float64 { return r.Precision }, "")
	row(s.T("recall", "召回率")+at, func(r metrics.Report) float64 { return r.Recall }, "")
	row("F1"+at, func(r metrics.Report) float64 { return r.F1 }, "")
	row("ROC AUC", func(r metrics.Report) float64 { return r.ROCAUC }, auc)
	ci := common.Pad(s.T("  95 % CI (DeLong)", "  95 % 置信区间"), nameW)
	for i, c := range cols {
		ci += common.PadLeft(ciText(c.report.ROCAUCCI), s.colWidth(i))
	}
	lines = append(lines, st.Muted.Render(common.Truncate(ci, w)))
	row(s.T("average precision", "平均精确率"), func(r metrics.Report) float64 { return r.AveragePrecision }, "")
	row(s.T("Brier score", "Brier 分数"), func(r metrics.Report) float64 { return r.BrierScoreLoss }, "")
	row(s.T("log loss", "对数损失"), func(r metrics.Report) float64 { return r.LogLoss }, "")
	if d.isLog {
		rowUnit(s.T("lift, top 10 %", "前 10 % 提升"), "×", func(r metrics.Report) float64 { return experiment.BacktestScoresOf(r).TopDecileLift }, "")
	}
	if bayes != nil {
		lines = append(lines, st.Muted.Render(common.Truncate(s.T("best possible: the true probabilities (built-in data)", "理论最优：真实概率（内置数据）"), w)))
	}
	return lines
}

// configuredNote names the run's configured threshold, the one r returns
// to. Once the live threshold has moved off it, it also says that the
// metrics table's rows marked @ stay there while the matrix follows the
// live one; it shares the line under the matrix with the best F1, so
// saying it takes no line of its own at 80×24.
func (s Model) configuredNote() string {
	if s.threshold != s.data.threshold {
		return s.Tf("the table's @ rows stay at the configured %.2f (r)", "指标表中带 @ 的行仍按配置值 %.2f（r）", s.data.threshold)
	}
	return s.Tf("configured %.2f (r)", "配置值 %.2f（r）", s.data.threshold)
}

// confusionLines is the confusion matrix at the screen's threshold and
// its notes, in w cells: the matrix as confusionTable draws it, the notes
// wrapped to w.
func (s Model) confusionLines(w int) []string {
	lines := s.confusionTable()
	for i := range lines {
		lines[i] = common.Truncate(lines[i], w) // only when even stacked it is wider than the window
	}
	return append(lines, s.confusionNotes(w)...)
}

// confusionTable is the title and the matrix of the confusion matrix, at
// their natural width (confusionW).
func (s Model) confusionTable() []string {
	st, d := s.Styles, s.data
	c := d.confusionAt(s.threshold)
	neg, pos := d.label.Negative, d.label.Positive
	predicted := func(class string) string { return s.Tf("predicted %s", "预测 %s", class) }
	actual := func(class string) string { return s.Tf("actual %s", "实际 %s", class) }
	colW := max(ansi.StringWidth(predicted(neg))+1, ansi.StringWidth(predicted(pos))+1, 12)
	rowW := max(ansi.StringWidth(actual(neg))+2, ansi.StringWidth(actual(pos))+2, 12)
	cell := func(v float64, good bool) string {
		text := common.PadLeft(common.Thousands(int(v)), colW)
		if good {
			return st.Good.Render(text)
		}
		return st.Warning.Render(text)
	}
	return []string{
		st.Title.Render(s.T("Confusion matrix", "混淆矩阵")) + st.Muted.Render(s.Tf(" · %s · threshold ", " · %s · 阈值 ", s.partName(d.part))) + st.Value.Render(fmt.Sprintf("%.2f", s.threshold)),
		st.Header.Render(common.Pad("", rowW) + common.PadLeft(predicted(neg), colW) + common.PadLeft(predicted(pos), colW)),
		common.Pad(actual(neg), rowW) + cell(c.TN, true) + cell(c.FP, false),
		common.Pad(actual(pos), rowW) + cell(c.FN, false) + cell(c.TP, true),
	}
}

// confusionW is the width the confusion matrix needs whole: its title and
// rows (the notes under it wrap).
func (s Model) confusionW() int {
	w := 0
	for _, l := range s.confusionTable() {
		w = max(w, ansi.StringWidth(l))
	}
	return w
}

// confusionNotes are the figures at the threshold, the best-F1 threshold
// and the calibration under the matrix, broken between figures and
// wrapped to w cells.
func (s Model) confusionNotes(w int) []string {
	st, d := s.Styles, s.data
	c := d.confusionAt(s.threshold)
	pos := d.label.Positive
	lines := []string{""}
	lines = append(lines, widget.PackItems([]string{
		s.Tf("precision %.3f", "精确率 %.3f", c.Precision()), s.Tf("recall %.3f", "召回率 %.3f", c.Recall()),
		fmt.Sprintf("F1 %.3f", c.F1()), s.Tf("accuracy %.3f", "准确率 %.3f", c.Accuracy()),
	}, "  ", w)...)
	lines = append(lines, widget.WrapText(s.Tf("predicted %s: %s of %s users (%s)", "预测为 %s：%s / %s 位用户（%s）",
		pos, common.Thousands(int(c.PredictedPositive())), common.Thousands(int(c.Total())), common.Percent(c.PredictedPositiveRate())), w)...)
	for _, l := range widget.PackItems([]string{
		s.Tf("best F1 %.3f at threshold %.3f (f)", "最佳 F1 %.3f，阈值 %.3f（f）", d.bestF1.F1, d.bestF1.Threshold),
		s.configuredNote(),
	}, s.T(" · ", "· "), w) {
		lines = append(lines, st.Muted.Render(l))
	}
	return append(lines, s.calibrationLines(d, w)...)
}

// gainsLines is the cumulative gains and lift table by decile.
func (s Model) gainsLines(w int) []string {
	st := s.Styles
	lines := []string{
		common.Truncate(st.Title.Render(s.T("Gains", "收益"))+st.Muted.Render(" · "+s.DirectionName(s.plan.target.Direction)+s.T(" (p)", "（p）")), w),
		st.Muted.Render(common.Truncate(s.plan.target.Outcome(), w)),
		st.Header.Render(common.Truncate(common.PadLeft(s.T("top", "前"), 5)+common.PadLeft(s.T("users", "用户"), 9)+common.PadLeft(s.T("reached", "触达"), 9)+common.PadLeft(s.T("lift", "提升"), 7), w)),
	}
	for _, g := range s.plan.gains {
		l := common.PadLeft(common.WholePercent(g.ShareTargeted), 5) + common.PadLeft(usersCount(g.Targeted), 9) +
			common.PadLeft(common.Percent(g.ShareCaptured), 9) + common.PadLeft(fmt.Sprintf("%.2f×", g.Lift), 7)
		if g.Group == 2 {
			l = st.Value.Render(l)
		}
		lines = append(lines, common.Truncate(l, w))
	}
	return lines
}

// sentence is the manager's reading of the second decile, wrapped to w;
// none for a diverged run, whose warning stands in its place.
func (s Model) sentence(w int) []string {
	if len(s.plan.gains) < 2 || s.data.diverged != nil {
		return nil
	}
	r, g := s.risk(), s.plan.gains[1]
	text := r.GainsSentence(g)
	if s.Zh() {
		text = r.GainsSentenceZh(g)
	}
	return wrap(text, w, lipgloss.NewStyle())
}

// chartLines puts the ROC and calibration charts side by side.
func (s Model) chartLines(w int) []string {
	half := s.roc.Width()
	rocLines := strings.Split(widget.Fit(s.roc.View(), half, s.roc.Height()), "\n")
	calLines := strings.Split(widget.Fit(s.calib.View(), s.calib.Width(), s.calib.Height()), "\n")
	return common.JoinColumns([][]string{rocLines, calLines}, []int{half, max(w-half-2, 0)}, 2)
}

// ciText writes an interval as "0.80–0.89" ("–" for none: a class with
// fewer than two rows).
func ciText(iv *metrics.Interval) string {
	if iv == nil {
		return "–"
	}
	return ciBound(iv.Low) + "–" + ciBound(iv.High)
}

// ciBound writes a bound of an AUC's interval with the estimate's three
// decimals, without the leading 0 (".849", "1.000"), so that the interval
// fits the estimate's column: with two decimals a narrow interval read
// "0.85–0.85" beside an AUC of 0.849.
func ciBound(v float64) string {
	t := fmt.Sprintf("%.3f", v)
	if rest, ok := strings.CutPrefix(t, "0."); ok {
		return "." + rest
	}
	return t
}

// usersCount writes a gains row's users: whole, or to one decimal in a model
// file written when a share's cut could count a user in part, as the CLI's
// table does (experiment.GainsCountDecimals).
func usersCount(v float64) string {
	return common.Decimal(v, experiment.GainsCountDecimals(v))
}
