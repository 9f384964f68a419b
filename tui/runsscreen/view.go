package runsscreen

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

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
			if s.TrainingPaused {
				hint = s.Tf("Run %d is paused on the Train screen (3); it is listed here when it ends or is stopped.",
					"第 %d 次训练已在“训练”页暂停（按 3）；训练结束或停止后会列在这里。", s.Training)
			}
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
// the figures here are said to be before calibration. When a run was
// validated out of time its "val" figures are of the early-stopping share
// of the training customers, not the out-of-time figures Evaluate and Plan
// lead with: the subtitle says so first, so that no width cuts it off.
func (s Model) subtitle() string {
	calib, oot := false, false
	for _, r := range s.runs {
		if r.Exp != nil {
			calib = calib || r.Exp.Config.Calibrates()
			oot = oot || r.Exp.Scheme() == experiment.OutOfTime
		}
	}
	parts := []string{s.T("validation figures of the kept epoch", "验证指标取自保留的轮次")}
	if calib {
		parts[0] = s.T("validation at the kept epoch, before calibration", "保留轮次的验证指标（校准前）")
	}
	if oot {
		parts = append([]string{s.T("val = early-stop set (out of time: on Evaluate)", "验证 = 提前停止集（跨时间指标见评估页）")}, parts...)
	}
	parts = append(parts, s.T("▸ analysed", "▸ 正在分析"), s.T("● marked", "● 已标记"))
	var b strings.Builder
	for _, p := range parts {
		// A full-width bracket already spaces the dot after it.
		if strings.HasSuffix(b.String(), "）") {
			b.WriteString("· ")
		} else {
			b.WriteString(" · ")
		}
		b.WriteString(p)
	}
	return b.String()
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
		common.TruncateCell(s.dataName(r), s.dataW()), cfg}
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
