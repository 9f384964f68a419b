package runsscreen

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

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
	var unshown []string // settings that differ but found no room
	if h > 0 && len(rows)+3 > h {
		title = "" // the header row names the runs too
		var dropped []compareRow
		rows, dropped = fitRows(rows, h-2)
		for _, r := range dropped {
			if r.keep == keepDiffers {
				unshown = append(unshown, r.name)
			}
		}
	}
	nameW := 0
	for _, r := range rows {
		nameW = max(nameW, ansi.StringWidth(r.name)+2)
	}
	colW := max((w-nameW)/2, 6)
	// A value cut to its column keeps a cell before the next.
	line := func(name, va, vb string) string {
		return common.TruncateCell(common.Pad(name, nameW)+common.Pad(common.TruncateCell(va, colW-1), colW)+common.Pad(vb, colW), w)
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
	switch {
	case !same:
		note = st.Warning.Render(common.Truncate(s.T("different data: not comparable", "数据不同：不可比较"), w))
	case len(unshown) > 0:
		// Every setting that differs is named, if not all with values.
		note = st.Muted.Render(common.Truncate(s.Tf("also differ: %s", "另有不同：%s", strings.Join(unshown, s.T(", ", "、"))), w))
	}
	return append(lines, note)
}

// fitRows drops the rows that give way first (compareRow.keep, the last
// of a kind first) until at most room are left, keeping their order, and
// returns the rows left and those dropped (in order).
func fitRows(rows []compareRow, room int) (kept, dropped []compareRow) {
	for keep := keepShared; keep < keepAlways && len(rows) > room; keep++ {
		for i := len(rows) - 1; i >= 0 && len(rows) > room; i-- {
			if rows[i].keep == keep {
				dropped = append([]compareRow{rows[i]}, dropped...)
				rows = append(rows[:i:i], rows[i+1:]...)
			}
		}
	}
	return rows, dropped
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
	add(s.T("patience", "提前停止耐心"), s.patience, false)
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
