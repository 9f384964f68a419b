package runsscreen

import (
	"fmt"
	"strings"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// runsLayout returns how many table rows are visible and the chart's size.
func runsLayout(w, h, runs int) (tableRows, chartW, chartH int) {
	tableRows = min(max(runs, 1), max(h/3, 3))
	chartH = max(h-tableRows-3, 0)
	chartW = max(w-min(runsSideW, w/2)-2, 0)
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
		s.view = widget.Fit(st.Title.Render(s.T("No ended run yet.", "还没有结束的训练。"))+"\n"+
			st.Muted.Render(s.T("Every training run since retain started is listed here with its settings and final validation figures; mark two with space to compare them.", "")), w, h)
		return
	}
	tableRows, chartW, chartH := runsLayout(w, h, len(s.runs))
	if s.chart.Width() != chartW || s.chart.Height() != chartH {
		s.chart.SetSize(chartW, chartH)
		s.chart.Redraw()
	}
	lines := []string{common.Truncate(st.Title.Render("Runs")+st.Muted.Render(" · ▸ analysed by the other screens · ● marked to compare"), w)}
	head := "  " + common.Pad("run", 4) + common.Pad("epochs", 7) + common.Pad("ended", 11) + common.Pad("val loss", 9) + common.Pad("val acc", 9) + common.Pad("val AUC", 9) + "configuration"
	lines = append(lines, st.Header.Render(common.Pad(head, w)))
	first := min(max(s.cursor-tableRows+1, 0), max(len(s.runs)-tableRows, 0))
	for i := first; i < min(first+tableRows, len(s.runs)); i++ {
		lines = append(lines, s.runLine(i, w))
	}
	lines = append(lines, "")
	sideW := w - chartW - 2
	chart := strings.Split(widget.Fit(s.chart.View(), chartW, chartH), "\n")
	lines = append(lines, common.JoinColumns([][]string{chart, s.compareLines(sideW)}, []int{chartW, sideW}, 2)...)
	s.view = widget.Fit(common.JoinLines(lines), w, h)
}

// runLine is one run's row of the table.
func (s Model) runLine(i, w int) string {
	st, r := s.Styles, s.runs[i]
	mark := "  "
	if r.Number == s.analysed {
		mark = "▸ "
	}
	for _, n := range s.marked {
		if n == r.Number {
			mark = mark[:len(mark)-1] + "●"
			if r.Number != s.analysed {
				mark = " ●"
			}
		}
	}
	last, ok := lastEpoch(r)
	loss, acc, auc := "–", "–", "–"
	if ok && last.HasVal {
		loss, acc = common.FmtMetric(last.ValLoss), common.FmtMetric(last.ValAcc)
		if last.HasAUC {
			auc = common.FmtMetric(last.ValAUC)
		}
	}
	line := mark + common.Pad(fmt.Sprint(r.Number), 4) + common.Pad(fmt.Sprintf("%d/%d", len(r.History), r.Exp.Config.Train.Epochs), 7) +
		common.Pad(runEnding(r), 11) + common.Pad(loss, 9) + common.Pad(acc, 9) + common.Pad(auc, 9) + common.DescribeRun(r.Exp.Config)
	line = common.Pad(line, w)
	if i == s.cursor {
		return st.Selected.Render(line)
	}
	return line
}

// compareLines puts the compared runs' settings and final figures side by
// side, with the better figure marked.
func (s Model) compareLines(w int) []string {
	st := s.Styles
	runs := s.compared()
	if len(runs) < 2 {
		return []string{st.Muted.Render(common.Truncate("Train another run to compare two.", w))}
	}
	a, b := runs[0], runs[1]
	colW := max((w-14)/2, 6)
	row := func(name, va, vb string) string {
		return common.Truncate(common.Pad(name, 14)+common.Pad(va, colW)+common.Pad(vb, colW), w)
	}
	lines := []string{
		st.Title.Render(common.Truncate(fmt.Sprintf("Run %d against run %d", a.Number, b.Number), w)),
		st.Header.Render(row("", fmt.Sprintf("run %d", a.Number), fmt.Sprintf("run %d", b.Number))),
	}
	ca, cb := a.Exp.Config, b.Exp.Config
	layers := func(r common.Run) string {
		var parts []string
		for _, l := range r.Exp.Config.Hidden {
			parts = append(parts, fmt.Sprint(l.Units))
		}
		if len(parts) == 0 {
			return "none"
		}
		return strings.Join(parts, "→")
	}
	lines = append(lines,
		row("hidden", layers(a), layers(b)),
		row("optimiser", ca.Train.Optimizer.Kind, cb.Train.Optimizer.Kind),
		row("learning rate", common.Number(ca.Train.Optimizer.LR), common.Number(cb.Train.Optimizer.LR)),
		row("batch", fmt.Sprint(ca.Train.BatchSize), fmt.Sprint(cb.Train.BatchSize)),
		row("L2", common.Number(ca.Train.L2), common.Number(cb.Train.L2)),
		row("seed", fmt.Sprint(ca.Seed), fmt.Sprint(cb.Seed)),
		row("epochs run", fmt.Sprint(len(a.History)), fmt.Sprint(len(b.History))),
		row("ended", runEnding(a), runEnding(b)),
	)
	la, oka := lastEpoch(a)
	lb, okb := lastEpoch(b)
	figure := func(name string, get func(engine.EpochStats) float64, lowerBetter bool) {
		if !oka || !okb || !la.HasVal || !lb.HasVal {
			return
		}
		va, vb := get(la), get(lb)
		sa, sb := common.FmtMetric(va), common.FmtMetric(vb)
		if (va < vb) == lowerBetter && va != vb {
			sa += " ★"
		} else if va != vb {
			sb += " ★"
		}
		lines = append(lines, row(name, sa, sb))
	}
	figure("val loss", func(e engine.EpochStats) float64 { return e.ValLoss }, true)
	figure("val accuracy", func(e engine.EpochStats) float64 { return e.ValAcc }, false)
	figure("val AUC", func(e engine.EpochStats) float64 { return e.ValAUC }, false)
	lines = append(lines, st.Muted.Render(common.Truncate("★ the better figure of the weights kept", w)))
	return lines
}
