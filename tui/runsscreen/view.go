package runsscreen

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// Layout constants: the comparison beside the chart is at most sideMaxW
// cells wide and panelH lines tall; table columns are colGap cells apart.
const (
	sideMaxW = 44
	panelH   = 15
	colGap   = 2
	// dataMaxW is the widest the data column's names are drawn below
	// wideW cells (dataWideW from there): they come before the
	// configuration, which the comparison shows in full, and a wide window
	// has room to tell online_retail.parquet from online_retail_ii.csv.
	dataMaxW  = 14
	dataWideW = 28
	wideW     = 140
	// minConfigW is the fewest cells the configuration column is drawn in.
	minConfigW = 6
)

// layout returns how many table rows are visible and the chart's size.
func (s Model) layout() (tableRows, chartW, chartH int) {
	w, h := s.Width, s.Height
	tableRows = min(max(len(s.runs), 1), max(h-3-panelH, 3))
	chartH = max(h-tableRows-3, 0)
	if len(s.runs) > tableRows {
		chartH = max(chartH-1, 0) // a line says which runs are in view
	}
	chartW = max(w-min(sideMaxW, w/2)-colGap, 0)
	if len(s.runs) < 2 {
		chartW = w // no comparison beside it: the line above says why
	}
	return tableRows, chartW, chartH
}

// render rebuilds the cached view.
func (s *Model) render() {
	w, h := s.Width, s.Height
	if w <= 0 || h <= 0 {
		s.view = ""
		return
	}
	st := s.Styles
	if len(s.runs) == 0 {
		hint := s.T("Every training run since retain started is listed here with its settings and the validation figures of the epoch whose weights it kept; mark two with space to compare them.",
			"自 retain 启动以来的每次训练都会列在这里，附上它的设置和所保留权重那一轮的验证指标；用空格标记两次训练即可比较。")
		if s.Training > 0 {
			hint = s.Tf("Run %d is training on the Train screen (3); it is listed here when it ends or is stopped.",
				"第 %d 次训练正在“训练”页进行（按 3）；训练结束或停止后会列在这里。", s.Training)
		}
		s.view = s.Empty(s.T("No ended run yet.", "还没有结束的训练。"), hint)
		return
	}
	tableRows, chartW, chartH := s.layout()
	if s.chart.Width() != chartW || s.chart.Height() != chartH {
		s.chart.SetSize(chartW, chartH)
		s.chart.Redraw()
	}
	lines := []string{common.Truncate(st.Title.Render(s.T("Runs", "训练记录"))+st.Muted.Render(s.subtitle()), w)}
	lines = append(lines, s.table(w, tableRows)...)
	if len(s.runs) > tableRows {
		first := s.firstRow(tableRows)
		lines = append(lines, st.Muted.Render(common.Truncate(s.Tf("runs %d–%d of %d in view · ↑/↓ moves to the others",
			"显示第 %d–%d 次，共 %d 次 · ↑/↓ 查看其他", first+1, first+tableRows, len(s.runs)), w)))
	}
	_, _, why := s.compared()
	lines = append(lines, st.Muted.Render(common.Truncate(s.T("Compared: ", "比较：")+why, w)))
	chart := strings.Split(widget.Fit(s.chart.View(), chartW, chartH), "\n")
	if sideW := w - chartW - colGap; sideW > 0 {
		chart = common.JoinColumns([][]string{chart, s.compareLines(sideW, chartH)}, []int{chartW, sideW}, colGap)
	}
	lines = append(lines, chart...)
	s.view = widget.Fit(common.JoinLines(lines), w, h)
}

// subtitle says where the table's figures come from. The trainer measures
// each epoch on the network's own outputs; a run that calibrates shows
// calibrated figures on the Evaluate screen (accuracy at the threshold and
// log loss move, a Platt map leaves AUC as it is), so when one is listed
// the figures here are said to be before calibration.
func (s Model) subtitle() string {
	for _, r := range s.runs {
		if r.Exp != nil && r.Exp.Config.Calibrates() {
			return s.T(" · validation at the kept epoch, before calibration · ▸ analysed · ● marked",
				" · 保留轮次的验证指标（校准前）· ▸ 正在分析 · ● 已标记")
		}
	}
	return s.T(" · validation figures of the kept epoch · ▸ analysed · ● marked",
		" · 验证指标取自保留的轮次 · ▸ 正在分析 · ● 已标记")
}

// table returns the header and the visible rows of the runs table. Every
// column is as wide as its widest cell, with colGap cells between columns,
// so no two figures ever touch; the configuration takes what is left.
func (s Model) table(w, rows int) []string {
	head := []string{"", s.T("run", "训练"), s.T("epochs", "轮数"), s.T("ended", "结束方式"), s.T("kept", "保留轮"),
		s.T("val log loss", "验证对数损失"), s.T("val acc", "验证准确率"), s.T("val AUC", "验证 AUC"), s.T("data", "数据"), s.T("configuration", "配置")}
	cells := make([][]string, len(s.runs))
	for i, r := range s.runs {
		cells[i] = s.cells(r)
	}
	widths := make([]int, len(head))
	for c := range head {
		widths[c] = ansi.StringWidth(head[c])
		for _, row := range cells {
			widths[c] = max(widths[c], ansi.StringWidth(row[c]))
		}
	}
	widths[0] = 2 // the marks column has no gap after it
	// The configuration, last, takes what is left; with too little left
	// for a word of it, it is left out (the comparison shows it) rather
	// than drawn as a lone "…" that reads as the data's name cut short.
	start := widths[0]
	for c := 1; c < len(head)-1; c++ {
		start += widths[c] + colGap
	}
	if w-start < minConfigW {
		head = head[:len(head)-1]
		for i := range cells {
			cells[i] = cells[i][:len(cells[i])-1]
		}
	}
	line := func(row []string) string {
		var b strings.Builder
		for c, v := range row {
			if c == len(row)-1 {
				b.WriteString(v)
				break
			}
			gap := colGap
			if c == 0 {
				gap = 0
			}
			b.WriteString(common.Pad(v, widths[c]+gap))
		}
		return common.Pad(b.String(), w)
	}
	out := []string{s.Styles.Header.Render(line(head))}
	first := s.firstRow(rows)
	for i := first; i < min(first+rows, len(s.runs)); i++ {
		l := line(cells[i])
		if i == s.cursor {
			l = s.Styles.Selected.Render(l)
		}
		out = append(out, l)
	}
	return out
}

// firstRow is the index of the first run in view when rows fit: the
// chosen run is always in view, as low as it can be.
func (s Model) firstRow(rows int) int {
	return min(max(s.cursor-rows+1, 0), max(len(s.runs)-rows, 0))
}

// cells are one run's table cells, marks first.
func (s Model) cells(r common.Run) []string {
	mark := []rune("  ")
	if r.Number == s.analysed {
		mark[0] = '▸'
	}
	for _, n := range s.marked {
		if n == r.Number {
			mark[1] = '●'
		}
	}
	e, ok := kept(r)
	keptEpoch, loss, acc, auc := "–", "–", "–", "–"
	if ok {
		keptEpoch = fmt.Sprint(e.Epoch)
		if e.HasVal {
			loss, acc = common.FmtMetric(e.ValLogLoss), common.FmtMetric(e.ValAcc)
			if e.HasAUC {
				auc = common.FmtMetric(e.ValAUC)
			}
		}
	}
	epochs, cfg := fmt.Sprint(len(r.History)), ""
	if r.Exp != nil {
		epochs += fmt.Sprintf("/%d", r.Exp.Config.Train.Epochs)
		cfg = s.DescribeRun(r.Exp.Config)
	}
	return []string{string(mark), fmt.Sprint(r.Number), epochs, s.endingName(r), keptEpoch, loss, acc, auc,
		common.Truncate(s.dataName(r), s.dataW()), cfg}
}

// dataW is the widest the data column is drawn in this window.
func (s Model) dataW() int {
	if s.Width >= wideW {
		return dataWideW
	}
	return dataMaxW
}

// dataName is the short name of the data a run was trained on ("–" for a
// run without an experiment's data, which only tests build).
func (s Model) dataName(r common.Run) string {
	if r.Exp == nil || r.Exp.Loaded() == nil {
		return "–"
	}
	return s.SourceName(r.Exp.Loaded().Source)
}

// sameData reports whether two runs were trained on the same data set:
// the one loaded, or the same source with the same label and rows (a new
// split or seed of it counts as the same; another file, cutoff or label
// does not). Figures of runs on different data are not comparable.
func sameData(a, b common.Run) bool {
	if a.Exp == nil || b.Exp == nil {
		return a.Exp == b.Exp
	}
	da, db := a.Exp.Loaded(), b.Exp.Loaded()
	if da == db {
		return true
	}
	if da == nil || db == nil || da.Table == nil || db.Table == nil {
		return false
	}
	return da.Source.Describe() == db.Source.Describe() && da.Table.Label.Name == db.Table.Label.Name && da.Table.Rows == db.Table.Rows
}

// compareRow is one row of the comparison: a setting, how a run ended or
// a figure, with the runs' values. keep orders which rows give way when
// the comparison is taller than its room: settings the runs share first,
// then how they ended, then settings that differ; figures never do.
type compareRow struct {
	name, a, b string
	keep       int
}

// How long a comparison row stays when room is short (compareRow.keep).
const (
	keepShared = iota + 1
	keepEnding
	keepDiffers
	keepAlways
)

// compareLines puts the compared runs' settings and kept figures side by
// side in w×h cells: the main settings always, every other setting the
// two runs differ in (activation, positive weight, patience, momentum,
// scaling, log(1+v), …), and the figures, the better one starred when
// both ran on the same data. The loss compared is the validation log loss
// with every row weighing 1, which runs trained with different positive
// weights can be compared on. Runs on different data are shown with their
// data, unstarred, and said not to be comparable. When h is short, the
// title gives way first, then the rows as compareRow.keep orders them.
func (s Model) compareLines(w, h int) []string {
	st := s.Styles
	ia, ib, _ := s.compared()
	if ia < 0 {
		return nil // the line above the chart says why
	}
	a, b := s.runs[ia], s.runs[ib]
	ka, oka := kept(a)
	kb, okb := kept(b)
	same := sameData(a, b)
	var rows []compareRow
	if !same {
		// On the same data the table's column says which.
		rows = append(rows, compareRow{s.T("data", "数据"), s.dataName(a), s.dataName(b), keepAlways})
	}
	rows = append(rows, s.settingRows(configOf(a), configOf(b))...)
	rows = append(rows, []compareRow{
		{s.T("epochs run", "已训练轮数"), fmt.Sprint(len(a.History)), fmt.Sprint(len(b.History)), keepEnding},
		{s.T("ended", "结束方式"), s.endingName(a), s.endingName(b), keepEnding},
		{s.T("kept epoch", "保留的轮次"), fmt.Sprint(ka.Epoch), fmt.Sprint(kb.Epoch), keepEnding},
	}...)
	figure := func(name string, get func(engine.EpochStats) (float64, bool), lowerBetter bool) {
		va, hasA := get(ka)
		vb, hasB := get(kb)
		hasA, hasB = hasA && oka, hasB && okb
		sa, sb := "–", "–"
		if hasA {
			sa = common.FmtMetric(va)
		}
		if hasB {
			sb = common.FmtMetric(vb)
		}
		// A star only where the shown digits differ, on the same data: two
		// figures that read the same are not one better than the other, nor
		// are figures measured on different data.
		if same && hasA && hasB && sa != sb {
			if (va < vb) == lowerBetter {
				sa += " ★"
			} else {
				sb += " ★"
			}
		}
		rows = append(rows, compareRow{name, sa, sb, keepAlways})
	}
	figure(s.T("val log loss", "验证对数损失"), func(e engine.EpochStats) (float64, bool) { return e.ValLogLoss, e.HasVal }, true)
	figure(s.T("val accuracy", "验证准确率"), func(e engine.EpochStats) (float64, bool) { return e.ValAcc, e.HasVal }, false)
	figure(s.T("val AUC", "验证 AUC"), func(e engine.EpochStats) (float64, bool) { return e.ValAUC, e.HasVal && e.HasAUC }, false)

	title := st.Title.Render(common.Truncate(s.Tf("Run %d against run %d", "训练 %d 对比训练 %d", a.Number, b.Number), w))
	// The header row and the note under the rows always show.
	if h > 0 && len(rows)+3 > h {
		title = "" // the header row names the runs too
		rows = fitRows(rows, h-2)
	}
	nameW := 0
	for _, r := range rows {
		nameW = max(nameW, ansi.StringWidth(r.name)+2)
	}
	colW := max((w-nameW)/2, 6)
	// A value cut to its column keeps a cell before the next.
	line := func(name, va, vb string) string {
		return common.Truncate(common.Pad(name, nameW)+common.Pad(common.Truncate(va, colW-1), colW)+common.Pad(vb, colW), w)
	}
	var lines []string
	if title != "" {
		lines = append(lines, title)
	}
	lines = append(lines, st.Header.Render(line("", s.Tf("run %d", "训练 %d", a.Number), s.Tf("run %d", "训练 %d", b.Number))))
	for _, r := range rows {
		lines = append(lines, line(r.name, r.a, r.b))
	}
	note := st.Muted.Render(common.Truncate(s.T("★ better, where the shown digits differ", "★ 所示数字不同时较好的一方"), w))
	if !same {
		note = st.Warning.Render(common.Truncate(s.T("different data: not comparable", "数据不同：不可比较"), w))
	}
	return append(lines, note)
}

// fitRows drops the rows that give way first (compareRow.keep, the last
// of a kind first) until at most room are left, keeping their order.
func fitRows(rows []compareRow, room int) []compareRow {
	for keep := keepShared; keep < keepAlways && len(rows) > room; keep++ {
		for i := len(rows) - 1; i >= 0 && len(rows) > room; i-- {
			if rows[i].keep == keep {
				rows = append(rows[:i:i], rows[i+1:]...)
			}
		}
	}
	return rows
}

// settingRows are the rows of the two configurations' settings: the
// main ones (layers, optimiser, learning rate, batch, L2, seed) always,
// the others only where the runs differ.
func (s Model) settingRows(ca, cb experiment.Config) []compareRow {
	var rows []compareRow
	add := func(name string, show func(experiment.Config) string, always bool) {
		va, vb := show(ca), show(cb)
		keep := keepDiffers
		if va == vb {
			if !always {
				return
			}
			keep = keepShared
		}
		rows = append(rows, compareRow{name, va, vb, keep})
	}
	num := common.Number
	add(s.T("hidden", "隐藏层"), s.layers, true)
	add(s.T("activation", "激活函数"), activations, false)
	add(s.T("optimiser", "优化器"), func(c experiment.Config) string { return c.Train.Optimizer.Kind }, true)
	add(s.T("momentum", "动量"), func(c experiment.Config) string { return num(c.Train.Optimizer.Momentum) }, false)
	add("Nesterov", func(c experiment.Config) string { return s.OnOff(c.Train.Optimizer.Nesterov) }, false)
	add(s.T("learning rate", "学习率"), func(c experiment.Config) string { return num(c.Train.Optimizer.LR) }, true)
	add(s.T("LR schedule", "学习率调度"), s.schedule, false)
	add(s.T("batch", "批大小"), func(c experiment.Config) string { return fmt.Sprint(c.Train.BatchSize) }, true)
	add(s.T("max epochs", "最多轮数"), func(c experiment.Config) string { return fmt.Sprint(c.Train.Epochs) }, false)
	add("L2", func(c experiment.Config) string { return num(c.Train.L2) }, true)
	add(s.T("decay check", "衰减检验"), s.decayCheck, false)
	add(s.T("positive weight", "正类权重"), func(c experiment.Config) string { return num(posWeight(c)) }, false)
	add(s.T("patience", "早停耐心"), s.patience, false)
	add(s.T("gradient clip", "梯度裁剪"), func(c experiment.Config) string { return num(c.Train.ClipNorm) }, false)
	add(s.T("scaling", "缩放"), func(c experiment.Config) string { return s.ScalingName(c.Pipeline.Scale) }, false)
	add("log(1+v)", func(c experiment.Config) string { return s.OnOff(c.Pipeline.Log1p) }, false)
	add(s.T("validation share", "验证集比例"), func(c experiment.Config) string { return num(c.ValFrac) }, false)
	add(s.T("seed", "随机种子"), func(c experiment.Config) string { return fmt.Sprint(c.Seed) }, true)
	return rows
}

// posWeight is a configuration's positive-class weight, an unset one
// (0, which trains as 1) as 1.
func posWeight(c experiment.Config) float64 {
	if c.Train.PosWeight == 0 {
		return 1
	}
	return c.Train.PosWeight
}

// activations writes the hidden layers' activations: one name when they
// share it, else each layer's, "relu,tanh".
func activations(c experiment.Config) string {
	names := make([]string, len(c.Hidden))
	for i, l := range c.Hidden {
		names[i] = l.Activation.String()
	}
	if len(names) == 0 {
		return "–"
	}
	if slices.Equal(names[1:], names[:len(names)-1]) { // all alike
		return names[0]
	}
	return strings.Join(names, ",")
}

// schedule names a configuration's learning-rate schedule.
func (s Model) schedule(c experiment.Config) string {
	if c.Train.Schedule.Kind == "" {
		return s.T("none", "无")
	}
	return c.Train.Schedule.Kind
}

// patience is early stopping's patience, "off" for none.
func (s Model) patience(c experiment.Config) string {
	if c.Train.EarlyStop.Patience <= 0 {
		return s.T("off", "关")
	}
	return fmt.Sprint(c.Train.EarlyStop.Patience)
}

// decayCheck is the decay check's alternative prior, "off" for none.
func (s Model) decayCheck(c experiment.Config) string {
	if !c.ChecksDecay() {
		return s.T("off", "关")
	}
	return s.Tf("%g/rows", "%g/训练行", c.L2PriorAlt)
}

// configOf returns a run's configuration (the zero one for a run without
// an experiment, which only tests build).
func configOf(r common.Run) experiment.Config {
	if r.Exp == nil {
		return experiment.Config{}
	}
	return r.Exp.Config
}

// layers writes a configuration's hidden layer sizes, "64→32".
func (s Model) layers(cfg experiment.Config) string {
	var parts []string
	for _, l := range cfg.Hidden {
		parts = append(parts, fmt.Sprint(l.Units))
	}
	if len(parts) == 0 {
		return s.T("none", "无")
	}
	return strings.Join(parts, "→")
}
