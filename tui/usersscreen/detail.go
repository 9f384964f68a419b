package usersscreen

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// detailLines renders the selected user in h rows: in what-if laid out
// so the result stays in view (whatIfLines), otherwise scrolled by
// pgup/pgdn when alone on the screen.
func (s Model) detailLines(w, h int) []string {
	row := s.list.selected()
	if row < 0 {
		return []string{s.Styles.Muted.Render(s.T("no user selected", "未选中用户"))}
	}
	if s.whatIf.active {
		return s.whatIfLines(w, h, row)
	}
	lines := s.detailHead(w, row)
	lines = append(lines, s.recLines(s.list.users.id(row), w)...)
	lines = append(lines, "")
	lines = append(lines, s.reasonLines(w, row)...)
	lines = append(lines, "")
	features, _ := s.featureLines(w, row, 0)
	lines = append(lines, features...)
	lines = append(lines, s.clipFootnote(w, row)...)
	lines = append(lines, s.averageFootnote(w)...)
	if len(lines) <= h {
		return lines
	}
	// Alone on the screen, pgup/pgdn scroll the pane: its last line says
	// so (the feature table was cut at 80×24 without a sign).
	where := !s.usesSplit() && h >= 4
	rows := h
	if where {
		rows--
	}
	top := min(max(s.detailScroll, 0), len(lines)-rows)
	out := lines[top : top+rows]
	if where {
		out = append(out[:rows:rows], s.Styles.Muted.Render(common.Truncate(s.Tf("lines %d–%d of %d · pgup/pgdn scroll",
			"第 %d–%d 行，共 %d 行 · pgup/pgdn 滚动", top+1, top+rows, len(lines)), w)))
	}
	return out
}

// detailHead is the selected user's first three lines: who, the
// probability and band, the label and whether the prediction is right.
func (s Model) detailHead(w, row int) []string {
	st, u := s.Styles, s.list.users
	th := s.list.threshold
	actual := u.label.Negative
	if u.positive(row) {
		actual = u.label.Positive
	}
	predicted := u.label.Negative
	if u.predicted(row, th) {
		predicted = u.label.Positive
	}
	mark := st.Good.Render(s.T("✓ right", "✓ 正确"))
	if !u.correct(row, th) {
		mark = st.Error.Render(s.T("✗ wrong", "✗ 错误"))
	}
	lines := []string{
		common.Truncate(st.Title.Render(s.T("User ", "用户 ")+u.id(row))+st.Muted.Render(s.rowRef(row)+s.Tf("%s part", "%s部分",
			s.partName(u.part(row)))), w),
		common.Truncate(s.Tf("%s = %s · band %s", "%s = %s · 档位 %s", s.risk().ProbName(), st.Value.Render(fmt.Sprintf("%.3f", u.prob(row))), s.bandOf(row)), w),
		common.Truncate(s.Tf("actual %s · predicted %s at %.2f · ", "实际 %s · 按 %.2[3]f 预测 %[2]s · ", actual, predicted, th)+mark, w),
	}
	if u.measured != nil && u.current == nil {
		lines[0] = common.Truncate(st.Title.Render(s.T("Customer ", "客户 ")+u.id(row))+st.Muted.Render(s.rowRef(row)+s.Tf("at %s, measured out of time", "%s 的客户，跨时间评估",
			u.measured.Cutoff.Format(time.DateOnly))), w)
	}
	if u.current != nil {
		lines[0] = common.Truncate(st.Title.Render(s.T("Customer ", "客户 ")+u.id(row))+st.Muted.Render(s.rowRef(row)+s.T("current, unlabelled", "当前客户，无标签")), w)
		lines[2] = common.Truncate(s.Tf("predicted %s at %.2f · ", "按 %.2[2]f 预测 %[1]s · ", predicted, th)+s.historyLine(u, row), w)
	}
	return lines
}

// reasonLines are the selected user's reasons: a sentence naming the
// strongest ones, then every attribution as a bar.
func (s Model) reasonLines(w, row int) []string {
	st := s.Styles
	ex, ok, whatIf := s.shownExplanation(row)
	failed := s.explainErr
	if whatIf {
		failed = s.whatIf.explErr
	}
	switch {
	case !ok && failed != nil:
		return []string{st.Error.Render(common.Truncate(s.T("no explanation: ", "无法解释：")+failed.Error(), w))}
	case !ok && whatIf:
		return []string{st.Muted.Render(s.T("explaining the what-if values…", "正在解释假设取值…"))}
	case !ok:
		return []string{st.Muted.Render(s.T("explaining…", "正在解释…"))}
	}
	sentence := lipgloss.NewStyle().Width(max(w, 10)).Render(s.reasonSentence(s.risk(), ex, row))
	reasons := strings.Split(sentence, "\n")
	how := s.Tf("integrated gradients against the average user (%.3f), largest first:",
		"相对平均用户（%.3f）的积分梯度，从大到小：", ex.BaselineProb)
	if whatIf {
		// Told apart from the user's own: the values above are the
		// what-if's, marked * in the table.
		how = s.Tf("of the what-if values: integrated gradients against the average user (%.3f), largest first:",
			"按假设取值：相对平均用户（%.3f）的积分梯度，从大到小：", ex.BaselineProb)
	}
	reasons = append(reasons, st.Muted.Render(common.Truncate(how, w)))
	return append(reasons, strings.Split(s.bars.View(), "\n")...)
}

// averageFootnote says, under the feature table of a model with a column
// that goes through ln(1+v), what the "average" column's numbers are: the
// mean of the scaled input turned back into units, which for such a
// column is a geometric-type mean, below the arithmetic mean a blank is
// filled with (2,264.695 beside an average of 1,025). Nil without such a
// column, where the two agree.
func (s Model) averageFootnote(w int) []string {
	e := s.Exp()
	if e == nil {
		return nil
	}
	logged := false
	for _, pc := range e.Pipeline.Columns {
		logged = logged || pc.Log
	}
	if !logged {
		return nil
	}
	text := s.T("average: the user the reasons compare with, every scaled input at its training mean, turned back into units; after ln(1+v) that is e^(mean of ln(1+v)) − 1, a geometric-type mean, not the arithmetic mean.",
		"平均用户：原因所对照的用户，每个缩放后的输入都取训练均值，再换回原单位；经过 ln(1+v) 的列即 e^(ln(1+v) 的均值) − 1，是一种几何型均值，不是算术均值。")
	var out []string
	for _, l := range widget.WrapText(text, max(w, 10)) {
		out = append(out, s.Styles.Muted.Render(l))
	}
	return out
}

// clipFootnote says, under the feature table of a user with a value the
// model clipped ("37 (model: 27.4)"), what the model's value is: the end
// of the range it keeps, which is not the training data's own minimum or
// maximum, so a value seen in training can lie beyond it. Nil when no
// value of row was clipped.
func (s Model) clipFootnote(w, row int) []string {
	e := s.Exp()
	if e == nil {
		return nil
	}
	for ci := range e.Pipeline.Columns {
		if _, ok := e.ClippedValue(row, ci); ok {
			text := s.ModelValueNote()
			var out []string
			for _, l := range widget.WrapText(text, max(w, 10)) {
				out = append(out, s.Styles.Muted.Render(l))
			}
			return out
		}
	}
	return nil
}
