package anomalyscreen

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/anomaly"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// render caches the view.
func (s *Model) render() {
	if s.Width <= 0 || s.Height <= 0 {
		s.view = ""
		return
	}
	if s.data == nil && s.res == nil {
		s.view = s.Empty(s.T("No data yet.", "还没有数据。"),
			s.T("Load a table or an order log on the Data screen, then score its users here.",
				"请先在数据页加载表格或订单日志，然后在这里给用户评分。"))
		return
	}
	if s.res != nil {
		s.recount() // the state line reads the summary too
	}
	lines := append([]string{s.title()}, s.stateLines()...)
	if s.res != nil {
		s.clampList()
		lines = append(lines, s.cutLine(), s.baselineLine())
		lines = append(lines, s.constantLines()...)
		lines = append(lines, s.histogram(s.histRows())...)
		lines = append(lines, s.evaluationLines()...)
		lines = append(lines, s.retrainLines()...)
		detail := s.detailLines()
		lines = append(lines, s.listLines(s.Height-len(lines)-len(detail))...)
		lines = append(lines, detail...)
	}
	for i := range lines {
		lines[i] = common.Truncate(lines[i], s.Width)
	}
	s.view = widget.Fit(common.JoinLines(lines), s.Width, s.Height)
}

// title names what is scored.
func (s Model) title() string {
	st := s.Styles
	text := st.Title.Render(s.T("Abnormal users", "异常用户"))
	src := ""
	switch {
	case s.res != nil:
		src = s.Tf("%s · %s", "%s · %s 个用户", s.scoredName(), s.T(common.Plural(len(s.res.Score), "user", "users"), common.Thousands(len(s.res.Score))))
		if s.scored != nil && s.scored.Cohort != nil {
			// An order log's loaded cohort, the customers the churn model
			// trains on (retain anomalies --log scores them as of the
			// log's last date instead).
			src += s.Tf(" at the cutoff %s", "（截止日 %s）", s.scored.Cohort.Cutoff.Format(time.DateOnly))
		}
		if s.scoredPlant > 0 {
			src += s.Tf(" · %s planted abusers", " · 植入 %s 作弊用户", common.Percent(s.scoredPlant))
		}
	case s.data != nil:
		// The file's base name, as once scored and as the Recommend screen
		// names it: a full path pushed the rest off a narrow screen.
		src = s.SourceName(s.data.Source)
		if s.data.Table != nil {
			src = s.Tf("%s · %s", "%s · %s 个用户", src, s.T(common.Plural(s.data.Table.Rows, "user", "users"), common.Thousands(s.data.Table.Rows)))
		}
	}
	if s.canPlant() && s.plant != s.scoredPlant {
		if s.plant > 0 {
			src += s.Tf(" · s plants %s abusers", " · 按 s 植入 %s 作弊用户", common.Percent(s.plant))
		} else {
			src += s.T(" · s scores without planted abusers", " · 按 s 不植入作弊用户重新评分")
		}
	}
	return text + "  " + st.Muted.Render(src)
}

// scoredName names the table res scored as the title does before scoring
// (common.Common.SourceName): a file by its base name, the built-in and
// textbook shops (their tables are named in English, both as the built-in
// shop) in the interface's language.
func (s Model) scoredName() string {
	if s.scored != nil {
		return s.SourceName(s.scored.Source)
	}
	return filepath.Base(s.res.Source)
}

// stateLines say what runs, how the last job ended, or what to press:
// a failure boxed and whole (failureLines), anything else on one line.
func (s Model) stateLines() []string {
	if s.err != nil && s.job == nil {
		return s.failureLines()
	}
	return []string{s.stateLine()}
}

// failureLines are the boxed reason the last job failed, the whole
// message, and what is kept of the results before it (nothing is said
// of a result there is none of).
func (s Model) failureLines() []string {
	heading := s.T("Scoring failed", "评分失败")
	note := ""
	switch {
	case s.errKind == retraining:
		heading = s.T("Training the churn model failed", "流失模型训练失败")
		note = s.T("The scores are kept.", "评分结果保留不变。")
		if s.retrain != nil {
			note = s.T("The scores and the previous comparison are kept.", "评分结果和之前的对比保留不变。")
		}
	case s.res != nil:
		note = s.T("The previous result is kept.", "之前的结果保留不变。")
	}
	return s.Panel(s.Styles.Error.Render(heading), s.ErrorText(s.err), note, s.Width)
}

// stateLine says what runs, how the last job ended, or what to press.
func (s Model) stateLine() string {
	st := s.Styles
	switch {
	case s.job != nil && s.job.kind == scoring:
		step, _, _, seen := s.job.latest()
		if !seen {
			return s.T("Scoring: preparing the features… (x/esc stops)", "评分中：正在准备特征……（x/esc 停止）")
		}
		p := step.Progress
		return s.Tf("Scoring: autoencoder %d of %d, round %d · epoch %d of %d · loss %s (x/esc stops)",
			"评分中：自编码器 %d/%d，第 %d 阶段 · 第 %d/%d 轮 · 损失 %s（x/esc 停止）",
			step.Member+1, step.Members, step.Round, p.Epoch, p.Epochs, common.Significant(p.BatchLoss, 4))
	case s.job != nil:
		_, phase, p, seen := s.job.latest()
		which := s.T("with every user", "全部用户")
		if phase == 1 {
			which = s.T("without the flagged users", "去掉标记用户")
		}
		if !seen {
			return s.Tf("Churn model %s: preparing… (x/esc stops)", "流失模型（%s）：准备中……（x/esc 停止）", which)
		}
		return s.Tf("Churn model %s: epoch %d of %d · loss %s (x/esc stops)",
			"流失模型（%s）：第 %d/%d 轮 · 损失 %s（x/esc 停止）", which, p.Epoch, p.Epochs, common.Significant(p.BatchLoss, 4))
	case s.stopped == scoring && s.res == nil:
		return st.Warning.Render(s.T("Scoring stopped. s scores again.", "评分已停止。按 s 重新评分。"))
	case s.stopped == scoring:
		return st.Warning.Render(s.T("Scoring stopped; the previous result is kept. s scores again.", "评分已停止，之前的结果保留不变。按 s 重新评分。"))
	case s.stopped == retraining:
		return st.Warning.Render(s.T("Training stopped; the previous figures are kept.", "训练已停止，之前的数字保留不变。"))
	case s.res == nil && s.canPlant():
		return s.T("Press s to score every user (p plants 1 % abusers with known truth first).",
			"按 s 给每个用户评分（按 p 先植入 1 % 已知身份的作弊用户）。")
	case s.res == nil:
		return s.T("Press s to score every user by how abnormal they are.", "按 s 按异常程度给每个用户评分。")
	}
	text := s.T("Default cut-off: Tukey's fence on the scores; a mark overrides it per user.",
		"默认阈值是分数的 Tukey 界限；标记会覆盖该用户的判断。")
	if !s.caveatOnCutLine() {
		// What the count above the cut-off is comes first (as retain
		// anomalies says it); how the cut-off is made is said before it
		// when the line has room.
		caveat := s.T("Users above the cut-off are unlike most: to review, not a count of abusers.",
			"高于阈值的用户与多数用户不同：供人工复核，并非作弊人数。")
		if ansi.StringWidth(text+" "+caveat) > s.Width {
			return st.Muted.Render(caveat)
		}
		text += " " + caveat
	}
	if s.res.Neighbours > 0 && s.wideList() {
		more := s.Tf("Score: each user's error averaged with its %d nearest users'. ", "分数：每个用户的重构误差与其最近 %d 个用户的误差的平均。",
			s.res.Neighbours)
		if n := s.sum.outside; n > 0 {
			more += s.Tf("Users with a value far out of range, listed first: %s. ", "有远超常见范围的值、排在最前的用户：%s。", common.Thousands(n))
		}
		if ansi.StringWidth(more+text) <= s.Width {
			text = more + text
		}
	}
	return st.Muted.Render(text)
}

// cutCaveat says what the count above the cut-off is, as retain anomalies
// does, on the cut-off's line.
func (s Model) cutCaveat() string {
	return s.T(" · users unlike most: to review, not a count of abusers", " · 与多数用户不同：供人工复核，并非作弊人数")
}

// caveatOnCutLine reports whether the cut-off's line has room for
// cutCaveat (else the state line says it).
func (s Model) caveatOnCutLine() bool {
	return ansi.StringWidth(s.cutText()+s.cutCaveat()) <= s.Width
}

// constantLines name the columns left out of the model because every
// user has the same value, as it is or as the model reads it (nil when
// there are none).
func (s Model) constantLines() []string {
	if s.res == nil || len(s.res.Constant)+len(s.res.Clipped) == 0 {
		return nil
	}
	// Clipped columns are constant as the model reads them.
	names := append(slices.Clone(s.res.Constant), s.res.Clipped...)
	return []string{s.Styles.Muted.Render(s.Tf("Constant, unused: %s", "取值恒定，未使用：%s", strings.Join(names, ", ")))}
}

// wideList reports whether the list has room for the raw error beside the
// score (and the state line for how the score is made).
func (s Model) wideList() bool { return s.Width >= 120 }

// cutLine shows the cut-off, the count above it and the marks, and what
// the count is when there is room.
func (s Model) cutLine() string {
	text := s.cutText()
	if s.caveatOnCutLine() {
		text += s.Styles.Muted.Render(s.cutCaveat())
	}
	return text
}

// cutText is the cut-off, the count above it and the marks.
func (s Model) cutText() string {
	res := s.res
	above := s.sum.above
	abusive, normal, flagged := res.Marked(s.cut, above, s.marks)
	usersAbove := "Cut-off %.4f: %s users above (%s)"
	if above == 1 {
		usersAbove = "Cut-off %.4f: %s user above (%s)"
	}
	text := s.Tf(usersAbove, "阈值 %.4f：%s 个用户高于阈值（%s）",
		s.cut, common.Thousands(above), common.Percent(float64(above)/float64(len(res.Score))))
	text = s.Styles.Value.Render(text)
	if s.cut != res.Cutoff {
		text += s.Styles.Muted.Render(s.Tf(" · default %.4f (r)", " · 默认 %.4f（r）", res.Cutoff))
	}
	if abusive+normal > 0 {
		text += s.Tf(" · marked %d abusive, %d not · %s flagged", " · 标记：作弊 %d、正常 %d · 共标出 %s 人",
			abusive, normal, common.Thousands(flagged))
	}
	return text
}

// baselineLine puts the robust baseline's count beside the network's.
func (s Model) baselineLine() string {
	above, both := s.sum.baseAbove, s.sum.baseBoth
	return s.Styles.Muted.Render(s.Tf("Baseline (max robust z, own fence): %s above, %s also above the cut-off",
		"基线（最大稳健 z 分数，自身界限）：%s 个用户高于界限，其中 %s 个也高于阈值",
		common.Thousands(above), common.Thousands(both)))
}

// histWidth is the number of the histogram's bars: the width left by the
// axis labels (the lowest and highest scores), at most 100.
func (s Model) histWidth() int {
	lo, hi := fmt.Sprintf("%.3f", s.sum.lo), fmt.Sprintf("%.3f", s.sum.hi)
	return min(s.Width-len(lo)-len(hi)-4, 100)
}

// histRows is the height of the histogram's bars.
func (s Model) histRows() int {
	if s.Height >= 40 {
		return 8
	}
	return 3
}

// histogram draws the distribution of scores as columns of block
// characters, on a square-root scale so the tail shows; the column that
// holds the cut-off is drawn in the warning colour, with a marker below.
func (s Model) histogram(rows int) []string {
	left, right := fmt.Sprintf("%.3f", s.sum.lo), fmt.Sprintf("%.3f", s.sum.hi)
	bins := s.sum.bins
	if len(bins) < 10 {
		return nil
	}
	most := 0
	for _, b := range bins {
		most = max(most, b.Count)
	}
	cutBin := -1
	for i, b := range bins {
		if s.cut >= b.Low && (s.cut < b.High || i == len(bins)-1) {
			cutBin = i
		}
	}
	levels := []rune(" ▁▂▃▄▅▆▇█")
	out := make([]string, 0, rows+1)
	for r := rows - 1; r >= 0; r-- {
		var b strings.Builder
		for i, bin := range bins {
			h := 0.0
			if bin.Count > 0 {
				h = math.Sqrt(float64(bin.Count)/float64(most)) * float64(rows)
				h = math.Max(h, 1.0/8) // every non-empty bin shows
			}
			fill := math.Min(math.Max(h-float64(r), 0), 1)
			ch := string(levels[int(math.Ceil(fill*8))])
			if i > cutBin && cutBin >= 0 {
				ch = s.Styles.Warning.Render(ch)
			}
			b.WriteString(ch)
		}
		out = append(out, strings.Repeat(" ", len(left)+2)+b.String())
	}
	axis := []rune(strings.Repeat("─", len(bins)))
	if cutBin >= 0 {
		axis[cutBin] = '▲'
	}
	// The axis brackets the range of scores, its ends turned inward.
	line := left + " ├" + string(axis) + "┤ " + right
	if note := s.T("  score; bar height √ users", "  分数；柱高 √ 人数"); lipgloss.Width(line+note) <= s.Width {
		line += s.Styles.Muted.Render(note)
	}
	out = append(out, line)
	return out
}

// evaluationLines compare the network and the baseline with the truth:
// ROC AUC, average precision, precision@k and recall per archetype in the
// top 2k.
// evaluationHeight is how many lines evaluationLines takes, without
// rendering them: a title, a header and the autoencoder, raw error (when
// the score is smoothed) and baseline rows.
func (s Model) evaluationHeight() int {
	if s.res == nil || s.res.Evaluation == nil {
		return 0
	}
	if s.res.Evaluation.Error != nil {
		return 5
	}
	return 4
}

func (s Model) evaluationLines() []string {
	ev := s.res.Evaluation
	if ev == nil {
		return nil
	}
	st := s.Styles
	title := s.Tf("Against %s: %s abusive (k), recall per archetype in the top 2k", "对照 %s：%s 个作弊用户（k），各类型在前 2k 名中的召回率",
		ev.Truth, common.Thousands(ev.Positives))
	head := common.Pad("", 12) + common.PadLeft("ROC AUC", 8) + common.PadLeft("AP", 7) + common.PadLeft("P@k", 6)
	for _, r := range ev.Network.Recall {
		head += "  " + s.archetypeName(r.Archetype)
	}
	row := func(name string, m anomaly.Metrics) string {
		text := common.Pad(name, 12) + fmt.Sprintf("%8.3f%7.3f%6.2f", m.AUC, m.AveragePrecision, m.PrecisionAtK)
		for _, r := range m.Recall {
			text += "  " + common.PadLeft(fmt.Sprintf("%.2f", r.Recall), ansi.StringWidth(s.archetypeName(r.Archetype)))
		}
		return text
	}
	lines := []string{st.Title.Render(title), st.Header.Render(head), row(s.T("autoencoder", "自编码器"), ev.Network)}
	if ev.Error != nil {
		lines = append(lines, st.Muted.Render(row(s.T("raw error", "原始误差"), *ev.Error)))
	}
	return append(lines, st.Muted.Render(row(s.T("baseline", "基线"), ev.Baseline)))
}

// retrainLines show the churn model trained with every user and without
// the flagged ones, both measured on the same held-out users: those not
// flagged, then all of them.
func (s Model) retrainLines() []string {
	c := s.retrain
	if c == nil {
		return nil
	}
	scheme := s.T("random split", "随机划分")
	if c.Scheme == experiment.OutOfTime {
		scheme = s.T("out of time", "跨时间验证")
	}
	head := s.Tf("Churn model trained without %s flagged users (%s → %s training rows, %s), measured on the same %s users:",
		"去掉 %s 个标记用户训练的流失模型（训练行 %s → %s，%s），在相同的%s用户上评估：",
		common.Thousands(c.Dropped), common.Thousands(c.TrainBefore), common.Thousands(c.TrainAfter), scheme, partName(s.Common, c.Part))
	if s.compactRetrain() {
		head = s.Tf("Without %s flagged in training · %s · same %s users:",
			"流失模型去掉 %s 个标记用户训练 · %s · 相同的%s用户：", common.Thousands(c.Dropped), scheme, partName(s.Common, c.Part))
	}
	lines := []string{s.Styles.Title.Render(head),
		s.populationLine(s.T("not flagged", "未标记"), c.Clean), s.Styles.Muted.Render(s.populationLine(s.T("all", "全部"), c.All))}
	if c.Fallback != nil {
		text := "Not out of time: " + c.Fallback.Error()
		if s.Zh() {
			text = s.FallbackReason(c.Fallback)
		}
		lines = append(lines, s.Styles.Warning.Render(text))
	}
	if v := s.verdictLine(c.Verdict()); v != "" {
		lines = append(lines, s.Styles.Value.Render(v))
	}
	return lines
}

// verdictLine says in words what the comparison on the users not flagged
// shows ("" when it could not be tested).
func (s Model) verdictLine(v experiment.RetrainVerdict) string {
	compact := s.compactRetrain()
	switch v {
	case experiment.VerdictWorse:
		if compact {
			return s.T("So: worse without them (p < 0.05): they teach the model; keep them.",
				"结论：去掉后变差（p < 0.05）：他们对模型有用，应保留。")
		}
		return s.T("So: the model is worse without the flagged users (p < 0.05): they teach it something real; keep them in training.",
			"结论：去掉标记用户后模型变差（p < 0.05）：他们教给模型真实的规律，应留在训练中。")
	case experiment.VerdictBetter:
		if compact {
			return s.T("So: better without them (p < 0.05): review them; consider leaving them out.",
				"结论：去掉后变好（p < 0.05）：请复核他们，可考虑剔除。")
		}
		return s.T("So: the model is better without the flagged users (p < 0.05): review them, and consider training without them.",
			"结论：去掉标记用户后模型变好（p < 0.05）：请复核他们，并考虑不用他们训练。")
	case experiment.VerdictNegligible:
		if compact {
			return s.T("So: negligible (|Δ| < 0.01, though p < 0.05): no reason to act.",
				"结论：差异可忽略（|Δ| < 0.01，虽然 p < 0.05）：无需据此行动。")
		}
		return s.T("So: detectable (p < 0.05) but negligible (|Δ| < 0.01 ROC AUC, one split, one seed): no reason to drop or keep them.",
			"结论：差异可检测（p < 0.05）但可忽略（ROC AUC 的 |Δ| < 0.01，仅一次划分、一个种子）：不足以据此剔除或保留标记用户。")
	case experiment.VerdictNoDifference:
		if compact {
			return s.T("So: no clear difference (p ≥ 0.05): leaving them out neither helps nor hurts.",
				"结论：差异不明显（p ≥ 0.05）：去掉他们既无帮助也无损害。")
		}
		return s.T("So: no clear difference (p ≥ 0.05): leaving the flagged users out neither helps nor hurts the model.",
			"结论：差异不明显（p ≥ 0.05）：去掉标记用户对模型既无帮助也无损害。")
	}
	return ""
}

// populationLine reads "not flagged 988: ROC AUC 0.843 [0.80–0.88] →
// 0.845 [...] · Δ +0.002 (p 0.41) · AP 0.61 → 0.62".
func (s Model) populationLine(name string, p experiment.RetrainPopulation) string {
	text := s.Tf("  %s %s: ", "  %s %s：", name, common.Thousands(p.Rows))
	if !p.OK {
		return text + s.T("one class only, no figures", "只有一个类别，无法评估")
	}
	if s.compactRetrain() {
		text += fmt.Sprintf("AUC %.3f → %.3f", p.Before.AUC, p.After.AUC)
		if t := p.Paired; t != nil {
			text += s.Tf(", Δ %s (p %s)", "，Δ %s（p %s）", common.Signed(t.Diff, 3), pValue(t.P))
		}
		return text + fmt.Sprintf(" · AP %.3f → %.3f", p.Before.AveragePrecision, p.After.AveragePrecision)
	}
	ci := func(f experiment.RetrainFigures) string {
		if f.AUCInterval == nil {
			return fmt.Sprintf("%.3f", f.AUC)
		}
		return fmt.Sprintf("%.3f [%.3f–%.3f]", f.AUC, f.AUCInterval.Low, f.AUCInterval.High)
	}
	text += s.Tf("ROC AUC %s → %s", "ROC AUC %s → %s", ci(p.Before), ci(p.After))
	if t := p.Paired; t != nil {
		text += s.Tf(" · Δ %s (paired p %s)", " · Δ %s（配对 p %s）", common.Signed(t.Diff, 3), pValue(t.P))
	}
	return text + s.Tf(" · AP %.3f → %.3f · accuracy %.3f → %.3f (majority %.3f)", " · AP %.3f → %.3f · 准确率 %.3f → %.3f（多数类 %.3f）",
		p.Before.AveragePrecision, p.After.AveragePrecision, p.Before.Accuracy, p.After.Accuracy, p.Majority)
}

// pValue reads "0.26", "< 0.01" below that, and near the verdict's 5 %
// level (0.01 to 0.1) three decimals, "0.049", so that a p-value under it
// never reads as 0.05 (four when three round it up to the level itself).
func pValue(p float64) string {
	switch {
	case p < 0.01:
		return "< 0.01"
	case p < 0.1:
		text := fmt.Sprintf("%.3f", p)
		if p < experiment.VerdictLevel && text == fmt.Sprintf("%.3f", experiment.VerdictLevel) {
			text = fmt.Sprintf("%.4f", p)
		}
		return text
	}
	return fmt.Sprintf("%.2f", p)
}

// compactRetrain reports whether the retraining's figures are drawn
// without intervals and accuracy, to fit a narrow screen.
func (s Model) compactRetrain() bool { return s.Width < 120 }

func partName(c common.Common, p experiment.Part) string {
	switch p {
	case experiment.TestPart:
		return c.T("test", "测试")
	case experiment.ValPart:
		return c.T("validation", "验证")
	case experiment.LaterPart:
		return c.T("later-cohort", "较晚队列")
	}
	return c.T("training", "训练")
}

// listRows is how many users the list shows.
func (s Model) listRows() int {
	used := 4 + s.histRows() + 1 + len(s.constantLines())
	used += s.evaluationHeight()
	used += len(s.retrainLines())
	used += len(s.detailLines())
	return max(s.Height-used, 1)
}

// clampList keeps the selected user on the page.
func (s *Model) clampList() {
	rows := s.listRows()
	s.sel = min(max(s.sel, 0), len(s.res.Order)-1)
	if s.sel < s.top {
		s.top = s.sel
	}
	if s.sel >= s.top+rows {
		s.top = s.sel - rows + 1
	}
}

// listLines are the header and the most abnormal users from s.top.
func (s Model) listLines(room int) []string {
	if room < 2 {
		return nil
	}
	res := s.res
	arch := res.Archetype != nil
	idW := s.idWidth()
	withError := s.wideList() && res.Neighbours > 0
	head := common.PadLeft(s.T("rank", "排名"), 6) + "  " + common.Pad(s.T("user", "用户"), idW) + "  " +
		common.PadLeft(s.T("score", "分数"), 6) + "  "
	if withError {
		head += common.PadLeft(s.T("error", "误差"), 6) + "  "
	}
	head += common.Pad(s.T("mark", "标记"), 5) + "  "
	if arch {
		head += common.Pad(s.T("archetype", "类型"), 12) + "  "
	}
	head += s.T("top features: value exp (typ)", "特征：取值 预期（通常）")
	lines := []string{s.Styles.Header.Render(common.Truncate(head, s.Width))}
	for i := s.top; i < len(res.Order) && len(lines) < room; i++ {
		row := res.Order[i]
		mark := ""
		if a, ok := s.marks[row]; ok {
			mark = s.T("abuse", "作弊")
			if !a {
				mark = s.T("ok", "正常")
			}
		} else if res.Score[row] > s.cut {
			mark = "▲"
		}
		line := fmt.Sprintf("%6d  %s  %6.3f  ", i+1, common.Pad(cutID(res.IDs[row], idW), idW), res.Score[row])
		if withError {
			line += fmt.Sprintf("%6.3f  ", res.Error[row])
		}
		line += common.Pad(mark, 5) + "  "
		if arch {
			line += common.Pad(s.archetypeName(res.Archetype[row]), 12) + "  "
		}
		line = fitReasons(line, s.reasonPieces(row), s.reasonSep(), s.Width)
		if i == s.sel {
			line = s.Styles.Selected.Render(common.Pad(line, s.Width))
		}
		lines = append(lines, line)
	}
	return lines
}

// reasonText reads "cart_adds_30d 0 exp 6 (typ 0)": the user's value, the
// value the networks expect from the other columns and the typical one,
// digits grouped except a year's (birth_year 1985).
func (s Model) reasonText(r anomaly.Reason) string { return strings.Join(s.reasonParts(r), "") }

// reasonParts are reasonText in the pieces a row may be cut after:
// "cart_adds_30d 0", " exp 6", " (typ 0)".
func (s Model) reasonParts(r anomaly.Reason) []string {
	if r.Missing {
		return []string{r.Column + s.T(" missing", " 缺失")}
	}
	v, e, t := r.Texts()
	if r.Level == "" && r.TypicalLevel == "" && !r.Date && !r.Year {
		num := func(text string) string { return common.WithMinus(common.GroupDigits(text)) }
		v, e, t = num(v), num(e), num(t)
	}
	if r.Outside > 0 && r.Usual != nil {
		// Far beyond the column's usual range: the range, not the
		// networks' expectation, says why.
		f := anomaly.FormatValues(r.Value, r.Usual.Low, r.Usual.High)
		for i := range f {
			f[i] = common.WithMinus(common.GroupDigits(f[i]))
		}
		usual := s.Tf(" (usual %s to %s)", "（常见 %s 至 %s）", f[1], f[2])
		if r.Negative {
			return []string{r.Column + " " + f[0], s.T(" negative, others ≥ 0", " 为负，其余不小于 0"), usual}
		}
		return []string{r.Column + " " + f[0], s.T(" far out of range", " 远超常见范围"), usual}
	}
	typ := s.Tf(" (typ %s)", "（通常 %s）", t)
	if r.Unsure() {
		return []string{r.Column + " " + v, s.T(" as expected but unsure", " 预期如此但不确定"), typ}
	}
	return []string{r.Column + " " + v, s.Tf(" exp %s", " 预期 %s", e), typ}
}

// reasonTexts are row's reasons, worded.
func (s Model) reasonTexts(row int) []string {
	var reasons []string
	for _, r := range s.res.Reasons(row, anomaly.DefaultReasons) {
		reasons = append(reasons, s.reasonText(r))
	}
	return reasons
}

// reasonPieces are row's reasons, each in reasonParts' pieces.
func (s Model) reasonPieces(row int) [][]string {
	var reasons [][]string
	for _, r := range s.res.Reasons(row, anomaly.DefaultReasons) {
		reasons = append(reasons, s.reasonParts(r))
	}
	return reasons
}

// reasonSep separates reasons: "; ", or the full-width "；" in Chinese.
func (s Model) reasonSep() string { return s.T("; ", "；") }

// detailLines are the selected user's reasons in full, packed whole
// reasons to a line under its name, when its row in the list cannot show
// them all (nil when it can, or before scoring).
func (s Model) detailLines() []string {
	if s.res == nil || len(s.res.Order) == 0 || s.Width < 20 {
		return nil
	}
	row := s.res.Order[min(max(s.sel, 0), len(s.res.Order)-1)]
	reasons, sep := s.reasonTexts(row), s.reasonSep()
	id := s.res.IDs[row]
	idCut := ansi.StringWidth(id) > s.idWidth()
	if len(reasons) == 0 || !idCut && s.rowPrefixWidth()+ansi.StringWidth(strings.Join(reasons, sep)) <= s.Width {
		return nil
	}
	// The whole id when it takes at most half the line (a 32-character
	// order-platform id at 80 columns): the list's column cuts a long one
	// (see idWidth), so the line is shown for it even when the reasons fit.
	if ansi.StringWidth(id) > max(14, s.Width/2) {
		id = common.TruncateCell(id, max(14, s.Width/2))
	}
	head := s.Tf("▸ %s: ", "▸ %s：", id)
	indent := ansi.StringWidth(head)
	if indent > s.Width/3 {
		indent = 2
	}
	mark := strings.TrimRight(sep, " ") // ";" ends a reason, " " parts it from the next
	gap := sep[len(mark):]
	var lines []string
	cur, fresh := head, true
	for i, r := range reasons {
		piece := r
		if i < len(reasons)-1 {
			piece += mark
		}
		switch {
		case fresh:
			cur += piece
		case ansi.StringWidth(cur+gap+piece) <= s.Width:
			cur += gap + piece
		default:
			lines = append(lines, cur)
			cur = strings.Repeat(" ", indent) + piece
		}
		fresh = false
	}
	lines = append(lines, cur)
	for i := range lines {
		lines[i] = s.Styles.Value.Render(common.Truncate(lines[i], s.Width))
	}
	return lines
}

// idWidth is the width of the list's user column: the longest ID from the
// first one shown on (at most a screen's height of them), at most 14, or
// at most 24 on a wide screen (a pseudonym, p_ and 20 hex digits, whole).
func (s Model) idWidth() int {
	res := s.res
	most := 14
	if s.wideList() {
		most = 24
	}
	idW := 4
	for i := s.top; i < min(len(res.Order), s.top+max(s.Height, 1)); i++ {
		idW = max(idW, min(ansi.StringWidth(res.IDs[res.Order[i]]), most))
	}
	return idW
}

// cutID cuts an id to w cells with an ellipsis, as text: every id longer
// than w is cut to the same width (a hex pseudonym is no number to keep
// whole, which TruncateCell would back off to the start of), and the
// detail line under the list shows the selected one whole.
func cutID(id string, w int) string { return ansi.Truncate(id, w, "…") }

// rowPrefixWidth is the width of a list row before its reasons.
func (s Model) rowPrefixWidth() int {
	res := s.res
	w := 6 + 2 + s.idWidth() + 2 + 6 + 2 + 5 + 2
	if s.wideList() && res.Neighbours > 0 {
		w += 8
	}
	if res.Archetype != nil {
		w += 14
	}
	return w
}

// fitReasons appends to line the reasons (each in reasonParts' pieces),
// joined by sep, that fit in w cells. When they do not all fit they are
// cut after the last whole reason that does, then "…": a cut inside a
// reason's number would change its digits ("interval_mean_days 340 exp 6…"
// read as an expected 6). When not even the first reason fits it is cut
// after its last whole piece that does ("interval_std_days 189 exp 27.9 …"),
// so that the row still says which column stands out; the detail lines
// under the list show them all.
func fitReasons(line string, reasons [][]string, sep string, w int) string {
	const more = " …"
	texts := make([]string, len(reasons))
	for i, r := range reasons {
		texts[i] = strings.Join(r, "")
	}
	if text := strings.Join(texts, sep); ansi.StringWidth(line+text) <= w {
		return line + text
	}
	kept := 0
	for kept < len(texts) && ansi.StringWidth(line+strings.Join(texts[:kept+1], sep)+more) <= w {
		kept++
	}
	if kept > 0 {
		return line + strings.Join(texts[:kept], sep) + more
	}
	pieces := 0
	for pieces < len(reasons[0]) && ansi.StringWidth(line+strings.Join(reasons[0][:pieces+1], "")+more) <= w {
		pieces++
	}
	if pieces == 0 {
		return common.Truncate(line+texts[0], w)
	}
	return line + strings.Join(reasons[0][:pieces], "") + more
}
