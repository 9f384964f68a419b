package anomalyscreen

import (
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

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
