package datascreen

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// keyW is the width of the header's key column ("Source", "来源").
const keyW = 9

// schemaRows is how many rows of the schema a short window (80×24) shows
// at least below the header, whose fields are shortened to make room
// (review19: an order log's header of 14 lines left 3).
const schemaRows = 8

// View returns the Data screen as rendered after the last change.
func (s Model) View() string { return s.view }

// render draws the Data screen in its area. The preview's sideways offset
// is kept no further than where its last feature shows (see previewLines).
func (s *Model) render() string {
	if s.Width <= 0 || s.Height <= 0 {
		return ""
	}
	if s.ask != nil {
		return strings.Join(s.askLines(s.Height), "\n")
	}
	if s.cols != nil {
		return strings.Join(append(s.colsLines(s.Height-len(s.flashLine())), s.flashLine()...), "\n")
	}
	if s.data == nil {
		return s.noDataView()
	}
	var foot []string
	if s.prompt.active() {
		foot = strings.Split(s.prompt.view(s.Common, s.Width), "\n")
	}
	foot = append(foot, s.flashLine()...)
	// The header gives way to the body on a short window, never the
	// other way round (see fitHeader): its fields are shortened to leave
	// the body schemaRows rows of the schema (with its head and the
	// selected column's two lines of detail), and left out only to leave
	// it 8 lines.
	room := max(s.Height-len(foot)-8, 4)
	lines := s.fitHeader(s.header(), s.Height-len(foot)-2-(schemaRows+3), room)
	bodyH := s.Height - len(lines) - 2 - len(foot)
	var body []string
	switch {
	case s.picking:
		body = s.pickerLines(bodyH)
	case s.section == sectionSchema && s.wide():
		body = s.wideSchemaLines(bodyH)
	case s.section == sectionSchema:
		body = s.schemaLines(s.Width, bodyH, true)
	case s.section == sectionPreview:
		body, s.colOff = s.previewLines(s.Width, bodyH)
	default:
		body = s.distLines(s.Width, bodyH)
	}
	for len(body) < bodyH {
		body = append(body, "")
	}
	if bodyH >= 0 && len(body) > bodyH {
		body = body[:bodyH]
	}
	out := append(lines, "", s.sectionTabs())
	out = append(out, body...)
	out = append(out, foot...)
	return strings.Join(out, "\n")
}

// noDataView is the screen while no data is loaded: the first load still
// running, or its failure and the keys that load other data, with the
// prompt those keys open.
func (s Model) noDataView() string {
	var lines []string
	switch {
	case s.bare != nil:
		lines = s.bareLines()
	case s.loadErr == "":
		lines = append(lines, s.Styles.Muted.Render(s.T("Loading data…", "正在加载数据…")))
	default:
		lines = append(lines, s.Styles.Title.Render(s.T("No data is loaded.", "没有加载任何数据。")), "")
		for _, l := range widget.WrapUnmarked(s.T("The load failed: ", "加载失败：")+s.loadErr, s.Width) {
			lines = append(lines, s.Styles.Warning.Render(l))
		}
		lines = append(lines, "")
	}
	if s.bare != nil || s.loadErr != "" {
		hint := s.T("o opens a table (CSV, Parquet, xlsx), g an order log, b the built-in data.",
			"按 o 打开表格（CSV、Parquet 或 xlsx），g 打开订单日志，b 加载内置数据。")
		switch {
		case s.Served && s.ServedFile.Path != "":
			hint = s.T("o reloads the served file, b loads the built-in data.", "按 o 重新载入服务的文件，b 加载内置数据。")
		case s.Served:
			hint = s.T("b loads the built-in data.", "按 b 加载内置数据。")
		}
		for _, l := range widget.WrapUnmarked(hint, s.Width) {
			lines = append(lines, s.Styles.Muted.Render(l))
		}
	}
	var foot []string
	if s.prompt.active() {
		foot = strings.Split(s.prompt.view(s.Common, s.Width), "\n")
	}
	foot = append(foot, s.flashLine()...)
	room := max(s.Height-len(foot), 0)
	lines = lines[:min(len(lines), room)]
	for len(lines) < room {
		lines = append(lines, "")
	}
	return strings.Join(append(lines, foot...), "\n")
}

// field writes a header line: the key, then the text wrapped (not cut)
// over at most maxLines lines under the key column.
func (s Model) field(key, text string, maxLines int, style func(...string) string) []string {
	var out []string
	for i, l := range wrap(text, max(s.Width-keyW, 1), maxLines) {
		k := ""
		if i == 0 {
			k = key
		}
		out = append(out, s.Styles.Muted.Render(common.Pad(k, keyW))+style(l))
	}
	return out
}

// header says where the data came from, its size, label balance, split
// and the load's warnings, field by field, ranked for fitHeader.
func (s Model) header() []headerField {
	st, info := s.Styles, s.info
	plain := func(strs ...string) string { return strings.Join(strs, " ") }
	var fields []headerField
	// add adds a field drawn by lines: over its usual lines, or over one.
	add := func(key string, rank int, lines func(maxLines int) []string) {
		if full := lines(warningLines); len(full) > 0 {
			fields = append(fields, headerField{key: key, lines: full, short: lines(1), rank: rank})
		}
	}
	addField := func(key, text string, maxLines, rank int, style func(...string) string) {
		add(key, rank, func(most int) []string { return s.field(key, text, min(maxLines, most), style) })
	}
	add(s.T("Source", "来源"), rankSource, s.sourceLines)
	if sheets := s.sheetsLine(); sheets != "" {
		addField(s.T("Sheets", "工作表"), sheets, 2, rankExtra, plain)
	}
	if titles := s.titlesLine(); titles != "" {
		addField(s.T("Titles", "标题行"), titles, 2, rankExtra, plain)
	}
	if renamed := s.renamedLine(); renamed != "" {
		// Said nowhere else: the names the columns are read under.
		addField(s.T("Renamed", "重命名"), renamed, 2, rankCohort, plain)
	}
	addField(s.T("Rows", "规模"), s.sizeLine(), 2, rankSize, plain)
	add(s.T("Label", "标签"), rankSize, s.balance)
	add(s.T("Plan", "计划"), rankPlan, s.targetLines)
	if s.isLog() {
		add(s.T("Scheme", "验证方式"), rankSplit, s.validationLines)
		add(s.T("Scheme", "验证方式"), rankWarning, func(int) []string { return s.validationNote() })
	} else {
		addField(s.T("Split", "划分"), s.Tf("seed %d: train %s · validation %s · test %s%s (stratified)%s",
			"种子 %d：训练 %s · 验证 %s · 测试 %s%s（分层）%s",
			info.Seed, common.Thousands(info.Train), common.Thousands(info.Val), common.Thousands(info.Test), s.calibPart(), s.calibOnVal()), 2, rankSplit, plain)
	}
	if codes := s.codesLine(); codes != "" {
		// Also on the column's detail line, which shows only when its
		// row is selected.
		addField(s.T("Codes?", "代码？"), codes, 2, rankPlan, plain)
	}
	if c := s.data.Cohort; c != nil {
		// A label window past the log's end is one of the warnings below.
		// The log ends, as everywhere, on its last date up to today (lines
		// dated later move nothing; a warning below says so).
		end := c.Last
		if s.data.Log != nil {
			end = s.data.Log.LastKnown()
		}
		first, last := c.First.Format(time.DateOnly), end.Format(time.DateOnly)
		if s.data.Log != nil && s.data.Log.DayNumbers() {
			// Day numbers, not dates: the log's span in its own units.
			first = s.Tf("day %d (%s)", "第 %d 天（%s）", data.DayNumber(c.First), first)
			last = s.Tf("day %d (%s)", "第 %d 天（%s）", data.DayNumber(end), last)
		}
		addField(s.T("Cohort", "客户群"), s.Tf(
			"cutoff %s · horizon %d days · %s · log %s → %s · %s left out",
			"截止日 %s · 观察期 %d 天 · %s 位客户 · 日志 %s → %s · 未计入 %s 条取消行",
			c.Cutoff.Format(time.DateOnly), c.HorizonDays,
			s.T(common.Plural(c.Customers, "customer", "customers"), common.Thousands(c.Customers)), first,
			last, s.T(common.Plural(c.Cancelled, "cancelled line", "cancelled lines"), common.Thousands(c.Cancelled)))+s.leftOut(c), 2, rankCohort, plain)
		if cols := s.columnsLine(); cols != "" {
			addField(s.T("Columns", "列"), cols, 2, rankExtra, plain)
		}
		if flag := s.flagLine(); flag != "" {
			// Said nowhere else, and asked for: kept before the rest.
			addField(s.T("Flag", "参数"), flag, 2, rankCohort, plain)
		}
		addField(s.T("Features", "特征"), s.featuresLine(), 2, rankFeatures, plain)
		if d := s.datesLine(); d != "" {
			// How the dates were read is said nowhere else.
			addField(s.T("Dates", "日期"), d, 2, rankDates, plain)
		}
	}
	for _, w := range s.data.Warnings {
		// Wrapped, not cut: the end of a warning says what was done.
		addField(s.T("Warning", "警告"), s.warning(w), warningLines, rankWarning, st.Warning.Render)
	}
	return fields
}

// sourceLines is the header's Source field over at most maxLines lines
// (two at most). On one line an order log's is its path: the Cohort field
// gives its cutoff and horizon.
func (s Model) sourceLines(maxLines int) []string {
	key, src := s.T("Source", "来源"), s.data.Source
	text := s.DescribeSource(src)
	if maxLines == 1 && s.isLog() && s.data.Cohort != nil && src.Path != "" {
		text = s.Tf("%s (order log)", "%s（订单日志）", src.Path)
	}
	return s.field(key, text, min(maxLines, 2), s.Styles.Value.Render)
}

// sizeLine gives the table's size and what the pipeline made of it.
func (s Model) sizeLine() string {
	t := s.data.Table
	features := 0
	for _, c := range s.info.Schema.Columns {
		if c.Role == "feature" {
			features++
		}
	}
	line := s.T(common.Plural(t.Rows, "row", "rows")+" · "+common.Plural(len(t.Columns)+1, "column", "columns")+" · "+
		common.Plural(features, "feature", "features")+" → "+common.Plural(s.info.Inputs, "model input", "model inputs"),
		fmt.Sprintf("%s 行 · %d 列 · %d 个特征 → %d 个模型输入", common.Thousands(t.Rows), len(t.Columns)+1, features, s.info.Inputs))
	if d := s.info.Schema.Duplicates; d > 0 {
		line += s.T(" · "+common.Plural(d, "duplicate training row", "duplicate training rows")+" dropped",
			fmt.Sprintf(" · 去掉了 %s 条重复的训练行", common.Thousands(d)))
	}
	if b := t.BlankLabels; b.Rows > 0 {
		line += s.Tf(" · %[1]s without a label left out (the first on %[2]s)", " · 去掉了 %s 条没有标签的行（第一条在第 %[3]d 行）",
			s.T(common.Plural(b.Rows, "row", "rows"), common.Thousands(b.Rows)), b.Where(), b.First)
	}
	return line
}

// balance names the label, its positive class with the count and share of
// its rows, then the negative class, with a bar when there is room, over
// at most maxLines lines.
func (s Model) balance(maxLines int) []string {
	rep := s.info.Schema
	l := rep.Label
	neg := rep.Rows - rep.Positives
	text := s.Tf("%s = %s: %s (%s) · %s: %s (%s)", "%s = %s：%s 位用户（%s）· %s：%s（%s）",
		l.Name, l.Positive, s.T(common.Plural(rep.Positives, "user", "users"), common.Thousands(rep.Positives)), common.Percent(rep.PositiveRate),
		l.Negative, common.Thousands(neg), common.Percent(1-rep.PositiveRate))
	key := s.T("Label", "标签")
	room := s.Width - keyW - ansi.StringWidth(text) - 2
	if room < 10 || rep.Rows == 0 {
		return s.field(key, text, min(maxLines, 2), func(strs ...string) string { return strings.Join(strs, " ") })
	}
	bar := widget.SplitBar(s.Styles.Widget, neg, rep.Positives, rep.Rows, min(room, 30))
	return []string{s.Styles.Muted.Render(common.Pad(key, keyW)) + text + "  " + bar}
}

func (s Model) sectionTabs() string {
	names := [sectionCount]string{s.T("Schema", "结构"), s.T("Preview", "预览"), s.T("Distributions by label", "按标签看分布")}
	var parts []string
	for i, n := range names {
		if dataSection(i) == s.section {
			parts = append(parts, s.Styles.TabActive.Render(n))
		} else {
			parts = append(parts, s.Styles.TabInactive.Render(n))
		}
	}
	return common.Truncate(strings.Join(parts, " "), s.Width)
}

// wide reports whether the schema has room for the selected column's
// panel beside it.
func (s Model) wide() bool { return s.Width >= 140 && s.Height >= 16 }

// window returns the lines from the section's scroll offset that fit h,
// clamping the offset so the last page stays full.
func window(lines []string, offset, h int) []string {
	if h <= 0 {
		return nil
	}
	offset = min(offset, max(len(lines)-h, 0))
	return lines[offset:min(offset+h, len(lines))]
}

// pickerLines lists the columns that could be the label.
func (s Model) pickerLines(h int) []string {
	lines := []string{s.Styles.Title.Render(s.T("Choose the label column (two-valued columns of the file)",
		"选择标签列（文件中只有两种取值的列）"))}
	for i, c := range s.info.Candidates {
		line := "  " + c
		if i == 0 {
			line += s.Styles.Muted.Render(s.T("  (current)", "（当前）"))
		}
		if i == s.pick {
			line = s.Styles.Selected.Render(common.Pad("▸ "+c, s.Width/2))
		}
		lines = append(lines, line)
	}
	return window(lines, max(s.pick+2-h, 0), h)
}

// datesLine says how an order log's dates written with the year last were
// read, with an example, or that its dates are day numbers, or returns ""
// when it has neither.
func (s Model) datesLine() string {
	if s.data.Log != nil && s.data.Log.DayNumbers() {
		line := s.T("day numbers, not dates: day n is shown as n days after 1970-01-01 (give cutoffs the same way)",
			"日序号而非日期：第 n 天显示为 1970-01-01 之后的第 n 天（截止日也按此给出）")
		if first, date, ok := s.data.Log.SpreadsheetSerial(); ok {
			line += s.Tf("; %s and more are often spreadsheet serial dates (%s would be %s): convert the column to dates to read them so",
				"；%s 及以上的数常是电子表格的日期序号（%s 即 %s）：先把该列转成日期才能按日期读取",
				common.Thousands(data.SpreadsheetSerialFrom), common.Thousands(first), date.Format(time.DateOnly))
		}
		return line
	}
	switch s.data.Source.DateOrder {
	case "dmy":
		return s.T("year last, day first: 1/12/2010 is 1 December 2010 (--date-order mdy reads them the other way)",
			"年份在后、日在前：1/12/2010 即 2010 年 12 月 1 日（--date-order mdy 按另一种顺序读）")
	case "mdy":
		return s.T("year last, month first: 12/1/2010 is 1 December 2010 (--date-order dmy reads them the other way)",
			"年份在后、月在前：12/1/2010 即 2010 年 12 月 1 日（--date-order dmy 按另一种顺序读）")
	}
	return ""
}
