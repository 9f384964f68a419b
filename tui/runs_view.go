package tui

import (
	"fmt"
	"strings"

	"github.com/retainlab/retain/engine"
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
func (s *runsScreen) render() {
	w, h := s.width, s.height
	if w <= 0 || h <= 0 {
		s.view = ""
		return
	}
	st := s.styles
	if len(s.runs) == 0 {
		s.view = widget.Fit(st.Title.Render("No ended run yet.")+"\n"+
			st.Muted.Render("Every training run since retain started is listed here with its settings and final validation figures; mark two with space to compare them."), w, h)
		return
	}
	tableRows, chartW, chartH := runsLayout(w, h, len(s.runs))
	if s.chart.Width() != chartW || s.chart.Height() != chartH {
		s.chart.SetSize(chartW, chartH)
		s.chart.Redraw()
	}
	lines := []string{truncate(st.Title.Render("Runs")+st.Muted.Render(" · ▸ analysed by the other screens · ● marked to compare"), w)}
	head := "  " + pad("run", 4) + pad("epochs", 7) + pad("ended", 11) + pad("val loss", 9) + pad("val acc", 9) + pad("val AUC", 9) + "configuration"
	lines = append(lines, st.Header.Render(pad(head, w)))
	first := min(max(s.cursor-tableRows+1, 0), max(len(s.runs)-tableRows, 0))
	for i := first; i < min(first+tableRows, len(s.runs)); i++ {
		lines = append(lines, s.runLine(i, w))
	}
	lines = append(lines, "")
	sideW := w - chartW - 2
	chart := strings.Split(widget.Fit(s.chart.View(), chartW, chartH), "\n")
	lines = append(lines, joinColumns([][]string{chart, s.compareLines(sideW)}, []int{chartW, sideW}, 2)...)
	s.view = widget.Fit(joinLines(lines), w, h)
}

// runLine is one run's row of the table.
func (s runsScreen) runLine(i, w int) string {
	st, r := s.styles, s.runs[i]
	mark := "  "
	if r.number == s.analysed {
		mark = "▸ "
	}
	for _, n := range s.marked {
		if n == r.number {
			mark = mark[:len(mark)-1] + "●"
			if r.number != s.analysed {
				mark = " ●"
			}
		}
	}
	last, ok := lastEpoch(r)
	loss, acc, auc := "–", "–", "–"
	if ok && last.HasVal {
		loss, acc = fmtMetric(last.ValLoss), fmtMetric(last.ValAcc)
		if last.HasAUC {
			auc = fmtMetric(last.ValAUC)
		}
	}
	line := mark + pad(fmt.Sprint(r.number), 4) + pad(fmt.Sprintf("%d/%d", len(r.history), r.exp.Config.Train.Epochs), 7) +
		pad(runEnding(r), 11) + pad(loss, 9) + pad(acc, 9) + pad(auc, 9) + describeRun(r.exp.Config)
	line = pad(line, w)
	if i == s.cursor {
		return st.Selected.Render(line)
	}
	return line
}

// compareLines puts the compared runs' settings and final figures side by
// side, with the better figure marked.
func (s runsScreen) compareLines(w int) []string {
	st := s.styles
	runs := s.compared()
	if len(runs) < 2 {
		return []string{st.Muted.Render(truncate("Train another run to compare two.", w))}
	}
	a, b := runs[0], runs[1]
	colW := max((w-14)/2, 6)
	row := func(name, va, vb string) string {
		return truncate(pad(name, 14)+pad(va, colW)+pad(vb, colW), w)
	}
	lines := []string{
		st.Title.Render(truncate(fmt.Sprintf("Run %d against run %d", a.number, b.number), w)),
		st.Header.Render(row("", fmt.Sprintf("run %d", a.number), fmt.Sprintf("run %d", b.number))),
	}
	ca, cb := a.exp.Config, b.exp.Config
	layers := func(r finishedRun) string {
		var parts []string
		for _, l := range r.exp.Config.Hidden {
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
		row("learning rate", number(ca.Train.Optimizer.LR), number(cb.Train.Optimizer.LR)),
		row("batch", fmt.Sprint(ca.Train.BatchSize), fmt.Sprint(cb.Train.BatchSize)),
		row("L2", number(ca.Train.L2), number(cb.Train.L2)),
		row("seed", fmt.Sprint(ca.Seed), fmt.Sprint(cb.Seed)),
		row("epochs run", fmt.Sprint(len(a.history)), fmt.Sprint(len(b.history))),
		row("ended", runEnding(a), runEnding(b)),
	)
	la, oka := lastEpoch(a)
	lb, okb := lastEpoch(b)
	figure := func(name string, get func(engine.EpochStats) float64, lowerBetter bool) {
		if !oka || !okb || !la.HasVal || !lb.HasVal {
			return
		}
		va, vb := get(la), get(lb)
		sa, sb := fmtMetric(va), fmtMetric(vb)
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
	lines = append(lines, st.Muted.Render(truncate("★ the better figure of the weights kept", w)))
	return lines
}
