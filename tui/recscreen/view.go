package recscreen

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/recommend"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// Layout constants.
const (
	bothMinW = 120 // from this size the metrics and the customers
	bothMinH = 40  // share the screen; below, v switches between them
	listMinW = 100 // from this width the customer list sits beside the items
	listW    = 24
)

// bothFit reports whether the metrics and the customers fit together.
func (s Model) bothFit() bool { return s.Width >= bothMinW && s.Height >= bothMinH }

// render rebuilds the cached view.
func (s *Model) render() {
	w, h := s.Width, s.Height
	if w <= 0 || h <= 0 {
		s.view = ""
		return
	}
	s.checkHorizon()
	title := s.T("Recommend", "推荐")
	switch {
	case !s.loaded:
		s.view = s.Empty(title, s.T("Loading the data…", "正在加载数据…"))
		return
	case s.refusal.In(s.Common) != "":
		s.view = s.Empty(s.T("Nothing to recommend.", "没有可推荐的内容。"), s.refusal.In(s.Common))
		return
	case s.reading || s.log == nil:
		s.view = s.Empty(title, s.T("Reading the items of the order log…", "正在读取订单日志中的商品…"))
		return
	}
	lines := append(s.titleLines(w), s.futureLines(w)...)
	lines = append(lines, s.amountLines(w)...)
	lines = append(lines, s.settingsLines(w)...)
	lines = append(lines, s.statusLines(w)...)
	lines = append(lines, s.staleLines(w)...)
	bodyH := max(h-len(lines), 0)
	var body []string
	switch {
	case s.state != runIdle && s.state != runEnded:
		body = s.chartLines(w, bodyH)
	default:
		body = s.failureLines(w)
		rest := max(bodyH-len(body), 0)
		if s.res != nil {
			body = append(body, s.resultLines(w, rest)...)
		} else if hint := s.hintLines(w); len(body) == 0 || len(hint) <= rest {
			// Under a failure only whole: cut, it would end mid-sentence.
			body = append(body, hint...)
		}
	}
	s.view = widget.Fit(strings.Join(append(lines, body...), "\n"), w, h)
}

// titleLines name the log and its items, wrapped between its parts.
func (s Model) titleLines(w int) []string {
	l, muted := s.log, s.Styles.Muted
	return common.PackStyled([]string{s.Styles.Title.Render(s.T("Recommend", "推荐")),
		muted.Render(filepath.Base(l.Name)),
		muted.Render(s.itemColumn()),
		muted.Render(s.Tf("%s, %s, %s to %s", "%s 件商品，%s 位有未退货购买的客户，%s 至 %s",
			s.T(common.Plural(l.ItemCount(), "item", "items"), common.Thousands(l.ItemCount())),
			s.T(common.Plural(s.customers, "customer", "customers")+" with a purchase not returned", common.Thousands(s.customers)), date(l.First), date(l.LastUpToToday)))},
		muted.Render(" · "), w, muted)
}

// itemColumn names the log's item column, a headerless log's by its
// position as the Data screen's column chooser (l) names it: "items in
// column 2", where "item column 2" read as a column named 2.
func (s Model) itemColumn() string {
	name := s.log.ItemColumn
	if common.Positional(name) {
		return s.Tf("items in %s", "商品在%s", s.ColumnLabel(name))
	}
	return s.Tf("item column %s", "商品列 %s", name)
}

// futureLines warn, as recommend does, of the log's lines dated after
// today: the screen reads nothing after the last date up to today, the
// end the title names (none when there are no such lines).
func (s Model) futureLines(w int) []string {
	if s.future == nil {
		return nil
	}
	text := "⚠ " + s.FutureWarningText(s.future)
	if !s.future.AllFuture() {
		// When every order is after today none is left out, as the
		// warning says (recommend.Log.LastUpToToday is then the last).
		text += s.Tf("; this screen leaves them out: it reads nothing dated after the last date up to today, %s",
			"；本页不计这些行：不读取今天及以前的最后日期 %s 之后的任何订单", date(s.log.LastUpToToday))
	}
	var lines []string
	for _, l := range widget.WrapUnmarked(text, max(w, 1)) {
		lines = append(lines, s.Styles.Warning.Render(l))
	}
	return lines
}

// amountLines warn, as recommend does, of an item column that holds
// amounts (none when it does not).
func (s Model) amountLines(w int) []string {
	a := s.amount
	if a == nil {
		return nil
	}
	text := "⚠ " + a.Reason() + " — if it is not one, " + s.ColumnsAdvice("item", "the item column", "商品列")
	if s.Zh() {
		examples := strings.Join(a.Examples, "、")
		if a.Decimals > len(a.Examples) {
			examples += "……"
		}
		text = fmt.Sprintf("⚠ 商品列 %s 是带小数的数字（%s：%s 个值中有 %s 个），像金额或价格；每个值都会被当作商品推荐——如果它不是商品，%s",
			a.Column, examples, common.Thousands(a.Items), common.Thousands(a.Decimals), s.ColumnsAdvice("item", "the item column", "商品列"))
	}
	var lines []string
	for _, l := range widget.WrapUnmarked(text, max(w, 1)) {
		lines = append(lines, s.Styles.Warning.Render(l))
	}
	return lines
}

// settingsLines show the cutoff and the horizon, or the field being
// typed, wrapped between settings: a cut hid the warning at the end of
// the items left out ("(i; no item ZZZZ)").
func (s Model) settingsLines(w int) []string {
	st := s.Styles
	cutoff := st.Value.Render(date(s.cutoff))
	horizon := st.Value.Render(s.Tf("%d days", "%d 天", s.horizon))
	switch s.editing {
	case fieldCutoff:
		cutoff = s.input.InlineView()
	case fieldHorizon:
		horizon = s.input.InlineView()
	}
	without := ""
	switch {
	case s.editing == fieldExclude:
		without = s.settingItem(fieldExclude, s.input.InlineView())
	case len(s.exclude) > 0 && (len(s.log.NotFound) > 0 || len(s.log.LeftOutOnly) > 0):
		// An id on no line at all, and one only on lines left out (a
		// postage code on lines without a customer), are told apart.
		var notes []string
		if len(s.log.NotFound) > 0 {
			notes = append(notes, s.Tf("no item %s", "无此商品：%s", s.shortList(s.log.NotFound)))
		}
		if len(s.log.LeftOutOnly) > 0 {
			notes = append(notes, s.Tf("%s only on lines left out", "%s 只在未读入的行上", s.shortList(s.log.LeftOutOnly)))
		}
		without = s.Tf("without %s (i; %s)", "排除 %s（i；%s）",
			st.Value.Render(s.shortList(s.exclude)), strings.Join(notes, s.T("; ", "；")))
	case len(s.exclude) > 0:
		without = s.Tf("without %s (i)", "排除 %s（i）", st.Value.Render(s.shortList(s.exclude)))
	}
	what := s.T("evaluates the model and the baselines on it", "在其上评估模型和基准")
	if e := s.emptyHorizon(); e != nil {
		what = s.noBuyers(e) + s.T(": recommends without measuring", "：只推荐，不评估")
	} else if !s.evaluates(s.cutoff, s.horizon) {
		what = s.Tf("no whole horizon after it in the log: recommends without measuring (to measure, choose %s or earlier)",
			"日志中其后不足一个观察期：只推荐，不评估（如需评估，请选 %s 或更早）", date(s.log.LatestEvaluationCutoff(int32(s.horizon))))
	}
	// The recommender's cutoff is the first day after the history; the
	// Data screen's is the last day of it: "history before" says which,
	// so the two screens agree on one split (2011-11-09 is the last day
	// of history there, 2011-11-10 the first day after it here).
	return common.PackStyled([]string{s.settingItem(fieldCutoff, cutoff), s.settingItem(fieldHorizon, horizon), without, st.Muted.Render(what)},
		s.T(" · ", "· "), w, st.Muted)
}

// settingItem is setting f as the settings line shows it, with its value
// v, or its field while it is typed.
func (s Model) settingItem(f field, v string) string {
	switch f {
	case fieldCutoff:
		return s.Tf("history before %s (c)", "历史在 %s 之前（c）", v)
	case fieldHorizon:
		return s.Tf("horizon %s (h)", "观察期 %s（h）", v)
	case fieldExclude:
		return s.T("leaving out ", "排除 ") + v
	}
	return v
}

// shortList is ids as the settings line names them: each quoted as
// common.Short quotes it, and those past listWidth cells counted, so a
// page of text pasted by mistake does not take the screen.
func (s Model) shortList(ids []string) string {
	var b strings.Builder
	for i, id := range ids {
		next := common.Short(id)
		if i > 0 {
			next = ", " + next
		}
		if i > 0 && ansi.StringWidth(b.String()+next) > listWidth {
			return b.String() + s.Tf(" and %s more", " 等另 %s 个", common.Thousands(len(ids)-i))
		}
		b.WriteString(next)
	}
	return b.String()
}

// listWidth is the most cells of ids the settings line names.
const listWidth = 2 * common.QuoteWidth

// inputWidth is the room the typed setting's field has on a line of its
// own, after its words (and a cell for the cursor): a longer value, typed
// or pasted, scrolls in it with the cursor's end in view, where the
// packed line would cut it.
func (s Model) inputWidth() int {
	return max(s.Width-ansi.StringWidth(s.settingItem(s.editing, ""))-1, 1)
}

// statusLines are a refused value (wrapped: it names the valid range),
// or the run's progress or how it ended on one line.
func (s Model) statusLines(w int) []string {
	if s.fieldErr.In(s.Common) == "" {
		// A failed run's reason is said whole in failureLines' box.
		return []string{s.statusLine(w)}
	}
	var lines []string
	for _, l := range widget.WrapUnmarked(s.T("refused: ", "不接受：")+s.fieldErr.In(s.Common), max(w, 1)) {
		lines = append(lines, s.Styles.Error.Render(l))
	}
	return lines
}

// statusLine is the run's progress or how it ended.
func (s Model) statusLine(w int) string {
	st := s.Styles
	var text string
	switch s.state {
	case runIdle:
		return ""
	case runPreparing:
		text = s.Tf("run %d · building the training pairs…", "第 %d 次 · 正在构建训练样本…", s.runs)
	case runRunning, runPaused:
		if s.cur.isRanking() {
			text = s.Tf("run %d · ranking every customer's items…", "第 %d 次 · 正在为每位客户排序商品…", s.runs)
			break
		}
		word := s.T("running", "训练中")
		if s.state == runPaused {
			word = s.T("paused", "已暂停")
		}
		m := s.run.Model
		text = s.Tf("run %d · epoch %d/%d · %s · loss %s · %s pairs (%s bought) at %d cutoffs",
			"第 %d 次 · 第 %d/%d 轮 · %s · 损失 %s · %s 对样本（%s 对已购买），%d 个训练截止日",
			s.runs, s.latest.Epoch, m.Config.Train.Epochs, word, common.FmtMetric(s.batchLoss),
			common.Thousands(m.TrainRows), common.Thousands(m.Positives), len(m.TrainCutoffs))
	case runStopping:
		text = s.Tf("run %d · stopping…", "第 %d 次 · 正在停止…", s.runs)
	case runEnded:
		if s.failed {
			return "" // failureLines show why
		}
		if s.outcome.In(s.Common) != "" {
			return common.Truncate(st.Muted.Render(s.outcome.In(s.Common)), w)
		}
		if s.res == nil {
			return ""
		}
		text = s.Tf("run %d · trained %d epochs, ranked %s customers", "第 %d 次 · 训练 %d 轮，已为 %s 位客户排序",
			s.runs, s.latest.Epoch, common.Thousands(len(s.res.Customers)))
	}
	return common.Truncate(st.Muted.Render(text), w)
}

// failureLines are the boxed reason the last run failed, the whole
// message with the command line's advice, and whether the result below
// is an earlier one; nil unless the last run failed.
func (s Model) failureLines(w int) []string {
	if s.state != runEnded || !s.failed {
		return nil
	}
	note := ""
	if s.res != nil {
		note = s.T("The previous result below is kept.", "下面保留的是之前的结果。")
	}
	return s.Panel(s.Styles.Error.Render(s.Tf("Run %d failed", "第 %d 次运行失败", s.runs)), s.outcome.In(s.Common), note, w)
}

// staleLines say, when the cutoff or the horizon changed after the shown
// result was computed, which settings it is for and that space brings it
// up to date: its metrics and its "last N days ago" are measured from its
// own cutoff, not the one the settings line now shows. Nil while a run
// trains (the chart is shown) or when the result matches the settings.
func (s Model) staleLines(w int) []string {
	res := s.res
	if res == nil || s.Alive() || (recommend.Day(res.Cutoff) == s.cutoff && res.HorizonDays == s.horizon) {
		return nil
	}
	text := s.Tf("⚠ The results below are for history before %s with a %d-day horizon, not the settings above: space retrains.",
		"⚠ 下面的结果对应 %s 之前的历史、%d 天观察期，不是上面的设置：按空格重新训练。", date(recommend.Day(res.Cutoff)), res.HorizonDays)
	var lines []string
	for _, l := range widget.WrapUnmarked(text, max(w, 1)) {
		lines = append(lines, s.Styles.Warning.Render(l))
	}
	return lines
}

// hintLines say what space does before the first run.
func (s Model) hintLines(w int) []string {
	text := s.T("space trains the recommender: a network over (customer, item) pairs learns, on the horizons before the cutoff, which items a customer buys next; it never sees an order or a return dated on or after the cutoff. Then its hit rate, recall and NDCG are shown beside TopPop, P-TopFreq and GP-TopFreq, and every customer's top 10 items with the reason. Its lists are used only when it ranks customers held out of training better than GP-TopFreq; otherwise GP-TopFreq's are.",
		"按空格训练推荐模型：一个基于（客户，商品）对的神经网络在截止日之前的各个观察期上学习客户接下来会买什么；它不会看到截止日当天及之后的订单或退货。训练后会显示它与 TopPop、P-TopFreq、GP-TopFreq 的命中率、召回率和 NDCG 对比，以及每位客户的前 10 件推荐商品和理由。只有当它在未参与训练的客户上排得比 GP-TopFreq 好时才使用它的列表，否则使用 GP-TopFreq 的。")
	lines := []string{""}
	for _, l := range widget.WrapUnmarked(text, min(w, 72)) {
		lines = append(lines, s.Styles.Muted.Render(l))
	}
	return lines
}

// chartLines is the live loss chart.
func (s *Model) chartLines(w, h int) []string {
	if s.loss.Width() != w || s.loss.Height() != h {
		s.loss.SetSize(max(w, 8), max(h, 4))
		s.loss.Redraw()
	}
	return strings.Split(widget.Fit(s.loss.View(), w, h), "\n")
}

// resultLines lays out the metrics and the customers.
func (s *Model) resultLines(w, h int) []string {
	if s.bothFit() {
		metrics := s.metricLines(w)
		lines := append(metrics, "")
		return append(lines, s.customerLines(w, max(h-len(lines), 1))...)
	}
	if s.showCust {
		return s.customerLines(w, h)
	}
	return s.scrolledMetrics(w, h)
}

// rankerName is a ranker's name in the table.
func (s Model) rankerName(name string) string {
	if name == recommend.ModelName {
		return s.T("model", "模型")
	}
	return name
}
