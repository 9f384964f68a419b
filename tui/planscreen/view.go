package planscreen

import (
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// render draws the screen into s.view.
func (s *Model) render() {
	// A view at the end of the plan stays there when the export's lines
	// at its foot take rows from it.
	atEnd := s.maxScroll > 0 && s.scroll >= s.maxScroll
	s.maxScroll = 0
	s.buildCommands()
	if s.report != nil && s.base != nil && s.err == nil && s.picking == nil && !s.out.Showing() {
		var lines []string
		lines, s.suggestAt, s.fieldsAt = s.pageBody()
		_, s.maxScroll = s.scrolled(lines, s.exportLines())
		if atEnd {
			s.scroll = s.maxScroll
		}
		if s.atSuggestions {
			s.scroll = s.suggestAt - 1
		}
		s.scroll = max(min(s.scroll, s.maxScroll), 0)
	}
	s.view = s.draw()
}

func (s Model) draw() string {
	switch {
	case s.Width <= 0 || s.Height <= 0:
		return ""
	case s.run.Exp == nil:
		return s.NoRun()
	case s.err != nil:
		return s.Empty(s.T("The run could not be scored for a plan.", "无法为计划给这次训练的客户打分。"), s.refusalText(s.err))
	case s.base == nil && s.today:
		return s.Empty(s.T("Planning…", "正在计算计划…"), s.T("Scoring today's customers, at the order log's last date.", "正在给今天的客户（订单日志最后一天的客户）打分。"))
	case s.base == nil:
		return s.Empty(s.T("Planning…", "正在计算计划…"), s.T("Scoring the run's validation customers.", "正在给这次训练的验证集客户打分。"))
	case len(s.base.customers.Rows) == 0:
		return s.Empty(s.T("This run has no validation customers to plan for.", "这次训练没有可用于计划的验证集客户。"), s.noRowsWhy())
	case s.report == nil:
		return s.Empty(s.T("Planning…", "正在计算计划…"), "")
	case s.picking != nil:
		return strings.Join(s.checklistLines(), "\n")
	case s.out.Showing():
		lines := append([]string{common.Truncate(s.out.ShownTitle(s.Common), s.Width), common.Truncate(s.status.In(s.Common), s.Width)},
			s.out.ShownLines(s.Width, s.Height-2)...)
		return strings.Join(lines, "\n")
	}
	return s.page()
}

// noRowsWhy says why the run has no validation customers: it held out no
// validation share, or its table had too few rows for the share to take
// any.
func (s Model) noRowsWhy() string {
	e := s.run.Exp
	if e.Config.ValFrac == 0 {
		return s.T("A plan is made for customers the model did not learn from, and this run held out none: set a validation share on the Model screen (2) and train again.",
			"计划只针对模型没有学习过的客户，而这次训练没有留出任何客户：请在“模型”页（按 2）设置验证集比例，然后重新训练。")
	}
	return s.Tf("A plan is made for customers the model did not learn from. This run's validation share was %s, but its table's %s rows were too few for that share to hold out anyone: load a larger table (Data screen, 1) or raise the share (Model screen, 2).",
		"计划只针对模型没有学习过的客户。这次训练的验证集比例为 %s，但表格只有 %s 行，按这个比例留不出任何客户：请加载更大的表格（“数据”页，按 1），或调高验证集比例（“模型”页，按 2）。",
		common.Number(e.Config.ValFrac), data.Thousands(e.Data.Table.Rows))
}

// page is the plan fitted to the screen (see scrolled).
func (s Model) page() string {
	lines, _ := s.scrolled(s.pageLines(), s.exportLines())
	return strings.Join(lines, "\n")
}

// exportPrompt introduces the export's file name while it is typed.
func (s Model) exportPrompt() string {
	return s.T("x export the contacted customers to ", "x 将待联系客户导出到 ")
}

// exportLines are the export's prompt while its path is typed, else its
// progress or its outcome. They stay at the foot of the screen whatever
// part of the plan is scrolled into view: the user sees what is typed and
// how the export ended.
func (s Model) exportLines() []string {
	w := s.Width
	switch {
	case s.field == fieldExport:
		return []string{common.Truncate(s.exportPrompt()+s.input.View(), w)}
	case s.out.Running() && s.status.In(s.Common) == "":
		return []string{common.Truncate(s.out.Line(s.Common), w)}
	case s.status.In(s.Common) != "":
		return common.StatusLines(s.status.In(s.Common), w)
	}
	return nil
}

// pageLines is the whole plan: title, headline, inputs, checks, curve,
// segments, suggestions for the platform, contacts, each line cut to the
// screen's width.
func (s Model) pageLines() []string {
	lines, _, _ := s.pageBody()
	return lines
}

// pageBody is pageLines, the line the suggestions for the platform start
// on and the line of the first input.
func (s Model) pageBody() (lines []string, suggestAt, fieldsAt int) {
	w := s.Width
	rep := s.report
	t := common.TargetFor(s.chosen, s.base.label)
	st := s.Styles
	title := s.Tf("Plan · run %d · %s · %s", "计划 · 第 %d 次训练 · %s · %s", s.run.Number, s.TargetLine(t), s.customersNoun())
	// Two lines, not one cut, when it does not fit (the Chinese title's
	// "(not trained on)" at 80 columns): the count of customers on its own.
	parts := []string{title}
	if i := strings.LastIndex(title, " · "); ansi.StringWidth(title) > w && i > 0 {
		parts = []string{title[:i], title[i+len(" · "):]}
	}
	// The customers' part wraps rather than being cut: it names whose
	// plan it is and at which date.
	for i, l := range parts {
		if i == len(parts)-1 && len(parts) > 1 {
			for _, wl := range widget.WrapUnmarked(l, w) {
				lines = append(lines, st.Title.Render(wl))
			}
			continue
		}
		lines = append(lines, st.Title.Render(common.Truncate(l, w)))
	}
	for _, l := range widget.WrapUnmarked(s.headline(), w) {
		lines = append(lines, st.Value.Render(l))
	}
	full := s.Height >= 40 && s.Width >= 120
	lines = append(lines, s.everyoneLines(full)...)
	if h := s.todayHint(); h != "" {
		for _, l := range widget.WrapUnmarked(h, w) {
			lines = append(lines, st.Warning.Render(l))
		}
	}
	if why := s.whyLeastLikely(); why != "" {
		lines = append(lines, wrapFormulas(why, w)...)
	}
	if c := s.check; c != nil && c.AtChance {
		for _, l := range widget.WrapUnmarked(s.chanceNote(), w) {
			lines = append(lines, st.Warning.Render(l))
		}
	}
	if n := s.notCalibratedNote(); n != "" {
		for _, l := range widget.WrapUnmarked(n, w) {
			lines = append(lines, st.Warning.Render(l))
		}
	}
	if n := s.extrapolationNote(); n != "" {
		for _, l := range widget.WrapUnmarked(n, w) {
			lines = append(lines, st.Warning.Render(l))
		}
	}
	if rep.BudgetBinds() {
		for _, l := range widget.WrapUnmarked(s.budgetNote(), w) {
			lines = append(lines, st.Warning.Render(l))
		}
	}
	fieldsAt = len(lines)
	lines = append(lines, s.fields()...)
	// Under the assumptions, what they imply: where a contact starts to
	// pay, and how the plan moves with the success rate.
	gap := " "
	if s.Zh() {
		gap = ""
	}
	lines = append(lines, wrapFormulas(s.breakEven()+gap+s.sensitivity(), w)...)
	note := s.T("Figures under your assumptions: the model's association, not a measured effect of the campaign.",
		"以上数字基于你的假设：这是模型给出的关联，不是实测的营销效果。")
	for _, l := range widget.WrapUnmarked(note, w) {
		lines = append(lines, st.Muted.Render(l))
	}
	if full {
		lines = append(lines, "")
	}
	lines = append(lines, s.checkLines(full)...)
	lines = append(lines, "")
	// Every share, whatever the height: the page scrolls, and the curve
	// is the plan's trade-off, not a detail to drop on a small screen.
	lines = append(lines, s.withChart(s.curve())...)
	lines = append(lines, "")
	lines = append(lines, s.segments()...)
	// The article's last step, after the segments as in `retain plan`'s
	// report.
	lines = append(lines, "")
	suggestAt = len(lines)
	lines = append(lines, s.suggestionLines()...)
	if len(rep.Contacts) > 0 {
		lines = append(lines, "")
		lines = append(lines, s.contacts()...)
	}
	lines = append(lines, s.everyoneFoot(full)...)
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "…")
		}
	}
	return lines, suggestAt, fieldsAt
}

// headline is the report's sentence, in Chinese rebuilt from its best
// point.
func (s Model) headline() string {
	rep := s.report
	if !s.Zh() {
		return rep.Headline
	}
	b := rep.Best
	if b.Contacted == 0 {
		return "按你的假设，联系任何客户都不划算：即使排名第一的客户，其预期价值也低于一次联系的成本。"
	}
	encourage := rep.Target == "encourage"
	changed := "留住"
	if encourage {
		changed = "转化"
	}
	if b.TooSmall() {
		return s.Tf("", "按你的假设，没有值得开展的活动：最佳做法只联系 %s 位客户（%s），预计%s约 %s 位，不到一位客户，净值 %s。",
			data.Thousands(b.Contacted), experiment.Percent(b.Share), changed, experiment.Count(b.Outcomes), experiment.Money(b.Net))
	}
	who, anyway := "风险最高的", ""
	switch {
	case encourage && rep.ValueColumn != "":
		who = "可争取价值最大的"
	case encourage:
		who = "最不可能自行转化的"
	case rep.ValueColumn != "":
		who = "涉及价值最大的"
	}
	if encourage {
		anyway = "；本来就会转化的客户不计为转化"
	}
	return s.Tf("", "联系%s %s 位客户（%s）：预计%s约 %s 位，按你的假设净值 %s%s。",
		who, data.Thousands(b.Contacted), experiment.Percent(b.Share), changed, experiment.Count(b.Outcomes), experiment.Money(b.Net), anyway)
}

// customersNoun names the plan's customers for the title: the held-out
// ones of a random split, or, validated out of time, the customers at the
// cutoff, whom the model trained on at an earlier date (not held out).
func (s Model) customersNoun() string {
	n := data.Thousands(s.report.Customers)
	if b := s.base; b.today {
		if b.trainedAt.IsZero() {
			return s.Tf("today's %s customers at %s, the log's last date (unlabelled)", "今天的 %[1]s 位客户，截至订单日志最后一天 %[2]s（无标签）",
				n, b.cutoff.Format(time.DateOnly))
		}
		return s.Tf("today's %s customers at %s, the log's last date (unlabelled; trained on those at %s)", "今天的 %[1]s 位客户，截至订单日志最后一天 %[2]s（无标签；模型用 %[3]s 的客户训练）",
			n, b.cutoff.Format(time.DateOnly), b.trainedAt.Format(time.DateOnly))
	}
	if b := s.base; b.later {
		return s.Tf("%s customers at %s (out of time: trained on those at %s)", "%[2]s 的 %[1]s 位客户（跨时间：模型用 %[3]s 的客户训练）",
			n, b.cutoff.Format(time.DateOnly), b.trainedAt.Format(time.DateOnly))
	}
	return s.Tf("%s held-out customers", "%s 位留出客户（未参与训练）", n)
}

// whyLeastLikely says, under a plan that encourages the outcome and
// contacts someone, why it contacts the customers least likely to have it
// first while the Evaluate screen's gains rank the most likely first; ""
// otherwise.
func (s Model) whyLeastLikely() string {
	rep := s.report
	if rep.Target != "encourage" || rep.Best.Contacted == 0 || rep.Best.TooSmall() {
		return ""
	}
	if rep.ValueColumn != "" {
		return s.T("Ranked by (1 − P) × value, as a contact can only convert a customer who would not convert anyway; Evaluate's gains (4) rank the most likely first to measure the model, not to choose whom to contact.",
			"按 (1 − P) × 价值排序，因为联系只能让本来不会转化的客户转化；评估页（4）的收益表把最可能转化的排在前面，是为了衡量模型，而不是为了挑选联系对象。")
	}
	return s.T("The least likely first, as a contact can only convert a customer who would not convert anyway (s × (1 − P) each); Evaluate's gains (4) rank the most likely first to measure the model, not to choose whom to contact.",
		"先联系最不可能转化的客户，因为联系只能让本来不会转化的客户转化（每位 s × (1 − P)）；评估页（4）的收益表把最可能转化的排在前面，是为了衡量模型，而不是为了挑选联系对象。")
}

// wrapFormulas wraps text to w as widget.WrapUnmarked does, without
// breaking a line inside a formula such as "s × (1 − P)": the spaces
// around × and − hold while it wraps (the Chinese sentence at 80 columns
// ended a line at "(1 −").
func wrapFormulas(text string, w int) []string {
	glued := strings.NewReplacer(" × ", "\u00a0×\u00a0", " − ", "\u00a0−\u00a0").Replace(text)
	lines := widget.WrapUnmarked(glued, w)
	for i, l := range lines {
		lines[i] = strings.ReplaceAll(l, "\u00a0", " ")
	}
	return lines
}

// chanceNote says that the model ranks these customers no better than at
// random, by the Evaluate screen's rule (experiment.PlanCheck.AtChance).
func (s Model) chanceNote() string {
	return s.Tf("The model ranks these customers no better than at random (lift of the top 20 %% %.1f×): the plan's ranking and figures are no better than a random list's.",
		"模型对这些客户的排序不比随机好（前 20 %% 的提升度 %.1f×）：计划的排序和数字并不比随机名单更可靠。", s.check.ChanceLift)
}

// notCalibratedNote says, as `retain plan` does, that the probabilities
// the plan adds up are the network's own because the run's Platt scaling
// was not applied, and why; "" when it was applied or none was asked for.
func (s Model) notCalibratedNote() string {
	d := s.base.dropped
	if d == nil {
		return ""
	}
	rows := s.Tf("the %s calibration rows", "%s 行校准数据", data.Thousands(d.Rows))
	if d.FitPart == experiment.ValPart {
		rows = s.Tf("the %s validation rows", "%s 行验证数据", data.Thousands(d.Rows))
	}
	return s.Tf("The probabilities are the network's own, not calibrated (%s hold %s positive and %s negative: too few to fit Platt scaling, which needs at least %d of each class and %s rows at this positive rate): expected counts may be off.",
		"概率是网络自己的，未经校准（%s中正例 %s 行、负例 %s 行，不足以拟合 Platt 缩放：它至少需要每类 %d 行，且在此正例率下需要 %s 行）：预期人数可能有偏差。",
		rows, data.Thousands(d.Positives), data.Thousands(d.Rows-d.Positives), d.MinClassRows, data.Thousands(d.MinRows))
}

// extrapolationNote says in one sentence, as `retain plan` warns, the
// columns for which many of the plan's customers lie beyond the range the
// model keeps (common.ExtrapolationNote, which the Users screen's current
// customers say too), and to read the plan with care; "" when none does.
func (s Model) extrapolationNote() string {
	n := s.ExtrapolationNote(s.base.extrapolating)
	if n == "" {
		return ""
	}
	return n + s.T(" Read the plan's figures with care.", "请谨慎看待计划的数字。")
}

// budgetNote says, as `retain plan` does, that the budget binds and what
// the best plan would be without it.
func (s Model) budgetNote() string {
	u := s.report.BestWithoutBudget
	return s.Tf("The budget binds: without it the best is to contact %s (%s), net value %s.",
		"预算限制了计划：不设预算时，最佳做法是联系 %s 位客户（%s），净值 %s。",
		data.Thousands(u.Contacted), experiment.Percent(u.Share), experiment.Money(u.Net))
}

// fieldNames label the four inputs.
func (s Model) fieldNames() [fieldCount]string {
	return [fieldCount]string{
		s.T("b budget", "b 预算"), s.T("c cost per contact", "c 单次联系成本"),
		s.T("v value per customer", "v 每位客户价值"), s.T("s success rate (your assumption)", "s 成功率（你的假设）")}
}

// labelWidth is the width of the widest input's label.
func (s Model) labelWidth() int {
	w := 0
	for _, n := range s.fieldNames() {
		w = max(w, ansi.StringWidth(n))
	}
	return w
}

// fields are the four inputs, each followed by its refusal when it has one.
func (s Model) fields() []string {
	st := s.Styles
	names, labelW := s.fieldNames(), s.labelWidth()
	var out []string
	for f := range fieldCount {
		shown := s.in.text[f]
		if f == fieldBudget && shown == "" {
			shown = s.T("none", "不限")
		}
		val := st.Value.Render(shown)
		if f == s.field {
			val = s.input.View()
		}
		out = append(out, common.Pad(names[f], labelW)+"  "+val)
		if r := s.refusals[f].In(s.Common); r != "" {
			for _, l := range widget.WrapUnmarked(r, max(10, s.Width-labelW-2)) {
				out = append(out, strings.Repeat(" ", labelW+2)+st.Error.Render(l))
			}
		} else if note := s.valueReadNote(); f == fieldValue && note != "" {
			for _, l := range widget.WrapUnmarked(note, max(10, s.Width-labelW-2)) {
				out = append(out, strings.Repeat(" ", labelW+2)+st.Muted.Render(l))
			}
		}
	}
	return append(out, s.leverLine(labelW))
}

// valueReadNote says how the value column's blank and negative cells were
// valued ("" when it had none or values are an amount).
func (s Model) valueReadNote() string {
	rep := s.report
	if rep == nil || rep.ValueColumn == "" {
		return ""
	}
	var parts []string
	if rep.ValueBlanks > 0 {
		n, fill := data.Thousands(rep.ValueBlanks), experiment.Money(rep.ValueFill)
		en := n + " blank cells valued at " + fill + ", as the model filled them"
		if rep.ValueBlanks == 1 {
			en = "1 blank cell valued at " + fill + ", as the model filled it"
		}
		zh := n + " 个空白单元格按模型的填充值 " + fill + " 计"
		if rep.ValueFillMean {
			en = n + " blank cells valued at " + fill + ", the mean of the others"
			if rep.ValueBlanks == 1 {
				en = "1 blank cell valued at " + fill + ", the mean of the others"
			}
			zh = n + " 个空白单元格按其余单元格的均值 " + fill + " 计"
		}
		parts = append(parts, s.T(en, zh))
	}
	if rep.ValueZeroed > 0 {
		n := data.Thousands(rep.ValueZeroed)
		en := n + " negative values counted as 0"
		if rep.ValueZeroed == 1 {
			en = "1 negative value counted as 0"
		}
		parts = append(parts, s.T(en, n+" 个负值按 0 计"))
	}
	return strings.Join(parts, s.T("; ", "；"))
}

// curve is the table of the plan at every one of the report's shares, the
// best point first (and not again where it is one of the shares, as a
// budget of 5 % is).
func (s Model) curve() []string {
	rep := s.report
	head := []string{s.T("share", "比例"), s.T("contacted", "联系人数"), s.T("outcomes", "改变结果"),
		s.T("value", "价值"), s.T("cost", "成本"), s.T("net", "净值"), "ROI"}
	// The rows the report shows (experiment.PlanReport.CurveRows), the
	// best first; each share with the decimals that tell it from the
	// others (★ 99.5 % above 100 %, not ★ 100 % above 100 %).
	rows, all, best := rep.CurveRows()
	points := append([]experiment.PlanPoint{rows[best]}, slices.Delete(slices.Clone(rows), best, best+1)...)
	labels := append([]string{"★ " + all[best]}, slices.Delete(slices.Clone(all), best, best+1)...)
	// Shares the budget does not allow are marked, as in the report: their
	// net value may be above the ★ row's.
	for i, p := range points {
		if !p.InBudget {
			labels[i] += s.T(" (over budget)", "（超出预算）")
		}
	}
	// The amounts of the three columns are written alike, all whole or all
	// to the cent (a cost of 339.00 sat beside a value of 4,544), with the
	// minus sign.
	var amounts []float64
	for _, p := range points {
		amounts = append(amounts, p.Value, p.Cost, p.Net)
	}
	money := experiment.MoneyColumn(amounts)
	value, cost, net := make([]string, len(points)), make([]string, len(points)), make([]string, len(points))
	for i := range points {
		value[i], cost[i], net[i] = common.WithMinus(money[3*i]), common.WithMinus(money[3*i+1]), common.WithMinus(money[3*i+2])
	}
	var body [][]string
	for i, p := range points {
		// ROI to one decimal on every row: the short form of
		// experiment.Percent read "3 %" above "-7.3 %".
		roi := "–"
		if p.Cost > 0 {
			roi = common.Decimal(100*p.ROI, 1) + " %"
		}
		body = append(body, []string{labels[i], data.Thousands(p.Contacted), experiment.Count(p.Outcomes), value[i], cost[i], net[i], roi})
	}
	out := []string{s.Styles.Title.Render(s.T("Net value by share contacted (★ best within the budget)", "按联系比例的净值（★ 预算内最佳）"))}
	return append(out, s.table(head, body)...)
}

// inPlayNote says what the segment table's "value in play" is: the value
// of the outcomes a contact can change (experiment.Cell.ValueInPlay).
func (s Model) inPlayNote() string {
	if s.base != nil && common.TargetFor(s.chosen, s.base.label).Direction == experiment.Encourage {
		return s.T("value in play: Σ (1 − P) × value, what a contact could win (not from those who would convert anyway), before the success rate",
			"可争取价值：Σ (1 − P) × 价值，即联系可能赢得的价值（不含本来就会转化的客户），未乘成功率")
	}
	return s.T("value in play: Σ P × value, what a contact could save, before the success rate",
		"可争取价值：Σ P × 价值，即联系可能挽回的价值，未乘成功率")
}

// segments is the segment table: each segment's customers, how many of
// them the plan contacts and their action (PlanReport.ActionOf), and, under
// a segment the plan contacts in part, the action of the others.
func (s Model) segments() []string {
	rep := s.report
	head := []string{s.T("segment", "分群"), s.T("customers", "客户数"), s.T("contacted", "联系人数"), s.T("value in play", "可争取价值")}
	// Wide screens show the mean P and the model's main drivers in each
	// segment's high-risk cell (for an outcome to encourage, its most
	// likely to convert), the evidence behind its action.
	wide := s.Width >= 120
	drivers := map[experiment.Segment]string{}
	if wide {
		title := s.T("main drivers (high risk)", "主要驱动因素（高风险）")
		if s.base != nil && common.TargetFor(s.chosen, s.base.label).Direction == experiment.Encourage {
			title = s.T("main drivers (likely to convert)", "主要驱动因素（较可能转化）")
		}
		head = append(head, s.T("mean P", "平均 P"), title)
		for _, a := range rep.Actions {
			if a.Risk != nil && *a.Risk == experiment.High {
				var names []string
				for _, d := range a.Drivers {
					names = append(names, d.Column)
				}
				drivers[a.Segment] = strings.Join(names, s.T(", ", "、"))
			}
		}
	}
	var atStake []float64
	for _, g := range rep.Segments {
		atStake = append(atStake, g.ValueInPlay)
	}
	stake := experiment.MoneyColumn(atStake)
	rows := make([][]string, len(rep.Segments))
	actions := make([][]string, len(rep.Segments)) // each row's: its first, then the others'
	for i, g := range rep.Segments {
		rows[i] = []string{s.segmentName(g.Segment), data.Thousands(g.Customers), data.Thousands(g.Contacted), stake[i]}
		if wide {
			rows[i] = append(rows[i], common.FmtMetric(g.MeanProb), drivers[g.Segment])
		}
		first := g.Contact
		if first == nil {
			first = g.Others
		}
		actions[i] = []string{s.actionText(*first)}
		if g.Contact != nil && g.Others != nil {
			actions[i] = append(actions[i], s.Tf("the other %s: %s", "其余 %s 位：%s",
				data.Thousands(g.Customers-g.Contacted), s.actionText(*g.Others)))
		}
	}
	// The title says what the value column is, on its line when it fits.
	var out []string
	for _, l := range widget.WrapUnmarked(s.T("Segments · ", "客户分群 · ")+s.inPlayNote(), s.Width) {
		out = append(out, s.Styles.Title.Render(l))
	}
	action := s.T("action", "建议行动")
	widest := 0
	for _, as := range actions {
		for _, a := range as {
			widest = max(widest, ansi.StringWidth(a))
		}
	}
	if room := s.Width - leadWidth(append(colWidths(head, rows), 0)); room < minActionW || widest > room {
		// Too little room beside the figures for every action on one
		// line (the English table at 80 columns left them 22 cells): each
		// row's actions go on lines of their own under it, indented, as
		// wide as the screen, rather than wrap in a narrow column.
		lines := s.table(head, rows)
		out = append(out, lines[0], s.Styles.Header.Render(common.Truncate(strings.Repeat(" ", hangIndent)+action, s.Width)))
		for i := range rows {
			out = append(out, lines[1+i])
			for _, a := range actions[i] {
				for _, l := range hang(a, s.Width-hangIndent) {
					out = append(out, strings.Repeat(" ", hangIndent)+l)
				}
			}
		}
		return out
	}
	var body [][]string
	for i, row := range rows {
		body = append(body, append(slices.Clone(row), actions[i][0]))
		for _, a := range actions[i][1:] {
			body = append(body, append(make([]string, len(row)), a))
		}
	}
	return append(out, s.table(append(head, action), body)...)
}

// minActionW is the least room the segment table gives its actions
// beside the figures; with less, or when one of them is wider than the
// room, they go under each row.
const minActionW = 30

// contacts lists the best plan's first customers.
func (s Model) contacts() []string {
	head := []string{"#", "ID", "P", s.T("segment", "分群"), s.T("action", "建议行动")}
	// With levers, narrow screens give the action's place (the segments'
	// table has it) to the lever.
	levers := len(s.shownLevers) > 0
	action := !levers || s.Width >= 120
	if !action {
		head = head[:4]
	}
	if levers {
		head = append(head, s.T("lever", "可调因素"))
	}
	var body [][]string
	clipped := false
	for _, c := range s.report.Contacts {
		clipped = clipped || levers && action && c.Lever != nil && c.Lever.Model != ""
		row := []string{data.Thousands(c.Rank), c.ID, common.FmtMetric(c.Prob), s.segmentName(c.Segment)}
		if action {
			row = append(row, s.actionText(c.Action))
		}
		if levers {
			row = append(row, s.leverText(c.Lever, !action))
		}
		body = append(body, row)
	}
	out := []string{s.Styles.Title.Render(s.T("First contacts", "优先联系的客户"))}
	out = append(out, s.table(head, body)...)
	if clipped {
		// A lever "2 (model: 1.5)" is said under the table, as on Users.
		for _, l := range widget.WrapText(s.ModelValueNote(), max(s.Width, 10)) {
			out = append(out, s.Styles.Muted.Render(l))
		}
	}
	return out
}

// table lays out rows under a header, columns as wide as their widest
// cell, numbers right-aligned. The last column takes what is left: a text
// (an action, a lever) longer than that wraps within it, its further
// lines indented by hangIndent, so that no action is cut at 80 columns.
func (s Model) table(head []string, body [][]string) []string {
	widths := colWidths(head, body)
	last := len(head) - 1
	lead := leadWidth(widths)
	room := s.Width - lead
	format := func(r []string, header bool) []string {
		cells := make([]string, len(r))
		var more []string
		for i, c := range r {
			switch {
			case i > 0 && !header && isNumber(c):
				// Figures right-aligned, the last column's too (ROI).
				cells[i] = common.PadLeft(c, widths[i])
			case i == last && !header && room >= minWrapW && ansi.StringWidth(c) > room:
				lines := hang(c, room)
				cells[i], more = lines[0], lines[1:]
			case i == last:
				cells[i] = c
			default:
				cells[i] = common.Pad(c, widths[i])
			}
		}
		out := []string{common.TruncateCell(strings.Join(cells, "  "), s.Width)}
		for _, l := range more {
			out = append(out, strings.Repeat(" ", lead)+l)
		}
		if header {
			out[0] = s.Styles.Header.Render(out[0])
		}
		return out
	}
	out := format(head, true)
	for _, r := range body {
		out = append(out, format(r, false)...)
	}
	return out
}

// colWidths are the widths of a table's columns: each its widest cell.
func colWidths(head []string, body [][]string) []int {
	widths := make([]int, len(head))
	for _, r := range append([][]string{head}, body...) {
		for i, c := range r {
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	return widths
}

// leadWidth is where a table's last column starts: the columns before it
// with their gaps.
func leadWidth(widths []int) int {
	lead := 0
	for _, w := range widths[:len(widths)-1] {
		lead += w + 2
	}
	return lead
}

// minWrapW is the narrowest last column a table wraps its text in; in
// less room the text is cut.
const minWrapW = 12

// hangIndent indents the further lines of a wrapped cell, so that they
// are not read as a row of their own.
const hangIndent = 2

// hang wraps a cell's text to w cells, its lines after the first
// indented by hangIndent (the first is as narrow as they are).
func hang(text string, w int) []string {
	lines := widget.WrapCell(text, w-hangIndent)
	for i := 1; i < len(lines); i++ {
		lines[i] = strings.Repeat(" ", hangIndent) + lines[i]
	}
	return lines
}

// isNumber reports whether a cell holds a figure (right-aligned).
func isNumber(c string) bool {
	return c != "" && strings.IndexFunc(c, func(r rune) bool {
		return !strings.ContainsRune("0123456789.,-–% <×"+common.Minus, r)
	}) < 0
}
