package tunescreen

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

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
	if s.data == nil {
		s.view = s.Empty(s.T("No data yet.", "还没有数据。"),
			s.T("Load a table on the Data screen, then search for a better configuration here.",
				"请先在数据页加载表格，然后在这里搜索更好的配置。"))
		return
	}
	st := s.Styles
	lines := []string{st.Title.Render(s.T("Search for a better configuration", "搜索更好的配置")) + "  " +
		st.Muted.Render(s.Tf("%d-fold CV, successive halving", "%d 折交叉验证，逐级淘汰", s.folds))}
	lines = append(lines, s.budgetLine())
	lines = append(lines, s.dataLines()...)
	if l := s.limitLine(); l != "" {
		lines = append(lines, st.Muted.Render(l))
	}
	// A refusal is wrapped in full: its reason is at its end.
	for _, l := range common.StatusLines(s.refusal.In(s.Common), s.Width) {
		lines = append(lines, st.Error.Render(l))
	}
	lines = append(lines, s.stateLine(), s.bestLine())
	lines = append(lines, s.gainLines()...)
	lines = append(lines, "")
	board := s.board()
	room := s.Height - len(lines)
	var table []string
	table, s.top, s.pageRows = boardLines(s.Common, board, s.folds, boardView{sel: s.selectedIndex(), top: s.top, detail: s.detailNote()}, s.Width, room)
	lines = append(lines, table...)
	for i := range lines {
		lines[i] = common.Truncate(lines[i], s.Width)
	}
	s.view = widget.Fit(common.JoinLines(lines), s.Width, s.Height)
}

// limitLine says that trials stay within the session's limits ("" when
// it has none).
func (s Model) limitLine() string {
	limits := s.NetworkLimits(s.limits)
	if limits == "" {
		return ""
	}
	return s.T("Trials stay within this session's limit: ", "试验不超出本会话上限：") + limits
}

// plural is the English format for a count n: one for 1, many otherwise.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func (s Model) rungs() int { return len(experiment.RungFolds(s.folds, 3)) }

// budgetLabel and budgetHint stand before and after the budget's field.
func (s Model) budgetLabel() string { return s.T("Budget: ", "时间预算：") }
func (s Model) budgetHint() string {
	return s.T("enter to set, esc to keep", "enter 确定，esc 保留")
}

// inputWidth is the room the budget's field has between its label and
// hint (and a cell for the cursor): a longer value, typed or pasted,
// scrolls in it with the cursor's end in view.
func (s Model) inputWidth() int {
	return max(s.Width-ansi.StringWidth(s.budgetLabel())-2-ansi.StringWidth(s.budgetHint())-1, 8)
}

// budgetLine shows the budget, or the field it is typed in.
func (s Model) budgetLine() string {
	label := s.budgetLabel()
	if s.typing {
		return label + s.input.InlineView() + "  " + s.Styles.Muted.Render(s.budgetHint())
	}
	text := label + budgetText(s.Common, s.budget)
	if s.trials > 0 {
		text += s.Tf(plural(s.trials, " · %s trial", " · %s trials"), " · %s 次试验", common.Thousands(s.trials))
	} else {
		text += s.T(" · trials until the budget ends", " · 试验直到预算用完")
	}
	return text
}

// dataLines name the data a search runs on: the loaded data before one,
// the searched data during and after it, and, when other data has loaded
// since, that the result is the earlier data's, wrapped in full.
func (s Model) dataLines() []string {
	switch {
	case s.otherData() && !s.Running():
		text := s.Tf("Data searched: %s; other data is loaded now (%s), and the result below is the earlier data's",
			"搜索的数据：%s；现在加载的是其他数据（%s），下面的结果属于之前的数据",
			s.DataName(s.searched), s.DataName(s.data))
		lines := common.StatusLines(text, s.Width)
		for i := range lines {
			lines[i] = s.Styles.Warning.Render(lines[i])
		}
		return lines
	case s.searched != nil:
		return []string{s.T("Data searched: ", "搜索的数据：") + s.DataName(s.searched)}
	}
	return []string{s.T("Data: ", "数据：") + s.DataName(s.data)}
}

// stateLine says what the search is doing or how it ended.
func (s Model) stateLine() string {
	switch {
	case s.err != nil:
		return s.Styles.Error.Render(s.Tf("The search failed: %v", "搜索失败：%v", s.err))
	case s.run != nil && s.progress != nil:
		p := s.progress
		return s.Tf(plural(p.FoldsDone, "Searching: round %s, rung %d of %d · %s fold trained · %s (s stops)",
			"Searching: round %s, rung %d of %d · %s folds trained · %s (s stops)"),
			"搜索中：第 %s 阶段，第 %d/%d 级 · 已训练 %s 折 · %s（s 停止）", common.Thousands(p.Round), p.Rung+1, s.rungs(), common.Thousands(p.FoldsDone), roundDur(s.Common, p.Elapsed))
	case s.run != nil:
		return s.T("Searching: the first folds are training… (s stops)", "搜索中：正在训练第一批折……（s 停止）")
	case s.result != nil:
		r := s.result
		why := map[string]string{"budget": s.T("the budget ended", "预算用完"), "cancelled": s.T("stopped", "已停止"),
			"done": s.T("every trial measured", "所有试验已测完")}[r.Ended]
		if m := r.Measured(); r.Ended != "done" && m < r.Tried {
			// Drawn is not measured: a stop after one trial said "9 trials".
			return s.Tf(plural(r.Tried, "Done: %s of %s trial measured in %s (%s)", "Done: %s of %s trials measured in %s (%s)"),
				"完成：%[2]s 次试验中测了 %[1]s 次，用时 %[3]s（%[4]s）", common.Thousands(m), common.Thousands(r.Tried), roundDur(s.Common, r.Elapsed), why)
		}
		return s.Tf(plural(r.Tried, "Done: %s trial in %s (%s)", "Done: %s trials in %s (%s)"), "完成：%s 次试验，用时 %s（%s）", common.Thousands(r.Tried), roundDur(s.Common, r.Elapsed), why)
	}
	return s.T("Press s to search around the Model screen's configuration.", "按 s 以模型页的配置为起点开始搜索。")
}

// bestLine names the best trial measured on every fold.
func (s Model) bestLine() string {
	var best *experiment.Trial
	if s.result != nil {
		best = s.result.Best
	}
	if best == nil {
		for _, t := range s.board() {
			if t.Complete && t.Err == "" {
				best = &t
				break
			}
		}
	}
	if best == nil {
		return ""
	}
	text := s.Tf("Best: trial %s, CV ROC AUC %.4f ± %.4f", "最佳：试验 %s，交叉验证 ROC AUC %.4f ± %.4f", common.Thousands(best.Number), best.AUC, best.AUCStd)
	switch {
	case s.otherData():
		text += s.T(" · of the earlier data", " · 属于之前的数据")
	case s.applied == best.Number:
		text += s.T(" · applied to the Model screen", " · 已用于模型页")
	case s.result != nil && s.result.Best != nil && s.selectedNumber() == best.Number:
		text += s.T(" · a copies it to the Model screen", " · 按 a 用于模型页")
	}
	return s.Styles.Good.Render(text)
}

// gainLines say, once a search has ended with a best other than the
// default, whether the best is clearly better than the default, by
// experiment.TuneGain's rule (the difference and its noise), wrapped to
// the width; none otherwise.
func (s Model) gainLines() []string {
	if s.result == nil || s.result.BestVsDefault == nil {
		return nil
	}
	g := s.result.BestVsDefault
	from := s.T("twice the standard error of the two means", "两个均值标准误的 2 倍")
	if g.Paired {
		from = s.Tf("twice the standard error of the %d paired fold differences", "%d 个配对折差值标准误的 2 倍", g.Folds)
	}
	text, style := s.Tf("Not clearly better than the default: difference %+.4f, noise ±%.4f (%s); the default does as well as far as these folds can tell",
		"并不明显优于默认配置：差值 %+.4f，噪声 ±%.4f（%s）；就这几折而言，默认配置一样好", g.Difference, g.Noise, from), s.Styles.Warning
	if g.ClearlyBetter {
		text, style = s.Tf("Better than the default: difference %+.4f, beyond the noise ±%.4f (%s)",
			"优于默认配置：差值 %+.4f，超出噪声 ±%.4f（%s）", g.Difference, g.Noise, from), s.Styles.Good
	}
	var out []string
	for _, l := range widget.WrapUnmarked(text, s.Width) {
		out = append(out, style.Render(l))
	}
	return out
}

// board is the leaderboard to show: the result's, else the latest progress.
func (s Model) board() []experiment.Trial {
	switch {
	case s.result != nil:
		return s.result.Board
	case s.progress != nil:
		return s.progress.Board
	}
	return nil
}

// roundDur writes a duration to a tenth of a second: "9.3s", "1m5s" (Go's
// form), in Chinese "9.3秒", "1分5秒".
func roundDur(c common.Common, d time.Duration) string {
	d = d.Round(100 * time.Millisecond)
	if !c.Zh() {
		return d.String()
	}
	secs := d.Seconds()
	switch {
	case d < time.Minute:
		return strconv.FormatFloat(secs, 'f', -1, 64) + "秒"
	case d < time.Hour:
		return fmt.Sprintf("%d分%s秒", int(d/time.Minute), strconv.FormatFloat(math.Round((secs-60*float64(int(d/time.Minute)))*10)/10, 'f', -1, 64))
	}
	return fmt.Sprintf("%d小时%d分", int(d/time.Hour), int(d%time.Hour/time.Minute))
}

// budgetText writes a budget as FormatBudget does, "1m30s", with Chinese
// units in Chinese: "1分钟30秒", "1小时", "5秒" (ParseBudget reads both).
// A bare "1分" reads as a point or a cent, not a minute.
func budgetText(c common.Common, d time.Duration) string {
	text := FormatBudget(d)
	if !c.Zh() {
		return text
	}
	return strings.NewReplacer("h", "小时", "m", "分钟", "s", "秒").Replace(text)
}
