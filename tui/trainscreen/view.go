package trainscreen

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

var inf = math.Inf(1)

// Sizes of the Train screen's parts.
const (
	numbersWidth = 29 // the text column beside the charts
	headerLines  = 3  // status, progress bar, blank
	// minSideBySide is the least chart area width split into two charts.
	minSideBySide = 100
)

// trainLayoutSizes are the sizes of the Train screen's parts.
type trainLayoutSizes struct {
	chartW, chartH   int // loss chart
	metricW, metricH int // accuracy and AUC chart
	barW             int
	numbersW         int
	stacked          bool
}

// trainLayout places the charts: the numbers on the right, the two charts
// stacked, or side by side when there is room.
func trainLayout(w, h int) trainLayoutSizes {
	l := trainLayoutSizes{numbersW: numbersWidth, barW: min(max(w/3, 10), 40)}
	chartsW := max(w-numbersWidth-2, 0)
	chartsH := max(h-headerLines, 0)
	// Side by side or stacked, whichever gives each chart a shape closer to
	// a comfortable 3.5 cells wide per cell high (about 7:4 on screen).
	half := (chartsW - 2) / 2
	side := math.Abs(math.Log(float64(half) / float64(max(chartsH, 1)) / 3.5))
	stack := math.Abs(math.Log(float64(chartsW) / float64(max(chartsH/2, 1)) / 3.5))
	if chartsW >= minSideBySide && side < stack {
		l.chartW, l.chartH = half, chartsH
		l.metricW, l.metricH = chartsW-2-half, chartsH
		return l
	}
	l.stacked = true
	l.chartW, l.chartH = chartsW, chartsH/2
	l.metricW, l.metricH = chartsW, chartsH-chartsH/2
	return l
}

func (s Model) parentContext() context.Context {
	if s.parent != nil {
		return s.parent
	}
	return context.Background()
}

// render rebuilds the cached view.
func (s *Model) render() {
	if s.Width <= 0 || s.Height <= 0 {
		s.view = ""
		return
	}
	l := trainLayout(s.Width, s.Height)
	// A long status wraps into the second line, blank otherwise.
	status := strings.Split(lipgloss.NewStyle().Width(s.Width).Render(s.statusLine()), "\n")
	second := ""
	if len(status) > 1 {
		second = status[1]
	}
	lines := []string{common.Pad(status[0], s.Width), common.Pad(second, s.Width), common.Pad(s.progressLine(l), s.Width)}
	var charts string
	if l.stacked {
		charts = widget.Fit(s.loss.View(), l.chartW, l.chartH) + "\n" + widget.Fit(s.metric.View(), l.metricW, l.metricH)
	} else {
		left := strings.Split(widget.Fit(s.loss.View(), l.chartW, l.chartH), "\n")
		right := strings.Split(widget.Fit(s.metric.View(), l.metricW, l.metricH), "\n")
		rows := make([]string, len(left))
		for i := range left {
			rows[i] = left[i] + "  " + right[i]
		}
		charts = strings.Join(rows, "\n")
	}
	chartRows := strings.Split(charts, "\n")
	numbers := s.numberLines(l.numbersW, max(s.Height-headerLines, 0))
	chartsW := max(s.Width-l.numbersW-2, 0)
	if panel := s.refusalPanel(chartsW); panel != nil {
		// Over the top of the charts, which keep the last run's curves.
		copy(chartRows, panel[:min(len(panel), len(chartRows))])
	}
	for i := range max(s.Height-headerLines, 0) {
		left, right := "", ""
		if i < len(chartRows) {
			left = chartRows[i]
		}
		if i < len(numbers) {
			right = numbers[i]
		}
		lines = append(lines, common.Pad(left, chartsW)+"  "+right)
	}
	s.view = widget.Fit(strings.Join(lines, "\n"), s.Width, s.Height)
}

// refusalPanel is the boxed reason the data cannot train, w cells wide,
// while no run is under way (nil without one).
func (s Model) refusalPanel(w int) []string {
	if s.refusal.In(s.Common) == "" || (s.state != trainIdle && s.state != trainEnded) {
		return nil
	}
	return s.Panel(s.Styles.Warning.Render(s.T("Cannot train", "无法训练")), s.refusal.In(s.Common), "", w)
}

// Status is the short state for the tab bar.
func (s Model) Status() string {
	switch s.state {
	case trainStarting:
		return s.Tf("run %d · preparing", "第 %d 次训练 · 准备中", s.runs)
	case trainRunning, trainPaused:
		// The progress line's epoch (shownPosition): between two epochs,
		// the one just ended, not the next one no batch of has trained.
		epoch, _ := shownPosition(s.latest)
		return s.Tf("run %d · epoch %d/%d · %s", "第 %d 次训练 · 第 %d/%d 轮 · %s", s.runs, epoch,
			max(s.latest.Epochs, s.cfg.Train.Epochs), s.stateWord())
	case trainStopping:
		return s.Tf("run %d · stopping", "第 %d 次训练 · 正在停止", s.runs)
	case trainEnded:
		return s.Tf("run %d · %s", "第 %d 次训练 · %s", s.runs, s.endWord())
	}
	return ""
}

func (s Model) stateWord() string {
	switch s.state {
	case trainRunning:
		return s.T("running", "训练中")
	case trainPaused:
		if s.moving {
			return s.T("stepping", "单步中")
		}
		return s.T("paused", "已暂停")
	}
	return ""
}

func (s Model) endWord() string {
	if s.exp != nil && s.exp.Trainer.Done() || s.latest.State != engine.Running {
		return stateName(s.Common, s.latest.State)
	}
	return s.T("ended", "已结束")
}

// stateName is a trainer state in words.
func stateName(s common.Common, st engine.State) string {
	switch st {
	case engine.Running:
		return s.T("running", "训练中")
	case engine.Paused:
		return s.T("paused", "已暂停")
	case engine.Finished:
		return s.T("finished", "已完成")
	case engine.StoppedEarly:
		return s.T("stopped early", "提前停止")
	case engine.Diverged:
		return s.T("diverged", "已发散")
	case engine.Cancelled:
		// A run the user stopped: "stopped", as the outcome ("Stopped by
		// you at …") and the Runs screen say it.
		return s.T("stopped", "已停止")
	}
	return st.String()
}

// statusLine says what is happening or how the last run ended, in words.
func (s Model) statusLine() string {
	st := s.Styles
	switch s.state {
	case trainIdle:
		switch {
		case s.outcome.In(s.Common) != "":
			return st.Warning.Render(s.outcome.In(s.Common))
		case s.data == nil && s.noData:
			return st.Warning.Render(s.NoData())
		case s.data == nil:
			return st.Muted.Render(s.T("Waiting for the data to load…", "正在等待数据加载…"))
		}
		return s.T("Ready: ", "就绪：") + s.plan() + st.Muted.Render(s.T(" — space starts, n/e step one batch/epoch", " — 空格开始，n/e 单步一批/一轮"))
	case trainStarting:
		return st.Muted.Render(s.Tf("Preparing run %d: splitting, fitting the preprocessing, initialising the network…",
			"正在准备第 %d 次训练：划分数据、拟合预处理、初始化网络……", s.runs))
	case trainStopping:
		switch {
		case s.restart:
			return st.Warning.Render(s.Tf("Stopping run %d to restart… (x or esc cancels the restart)", "正在停止第 %d 次训练以重新开始……（按 x 或 esc 取消重新开始）", s.runs))
		case s.restartCancelled:
			return st.Warning.Render(s.Tf("Stopping run %d… (restart cancelled: no new run will start)", "正在停止第 %d 次训练……（已取消重新开始：不会开始新的训练）", s.runs))
		}
		return st.Warning.Render(s.Tf("Stopping run %d…", "正在停止第 %d 次训练……", s.runs))
	case trainRunning, trainPaused:
		if s.checkingDecay() {
			prior := s.cfg.L2Prior
			if s.exp != nil {
				prior = s.exp.TrainedPrior() // raised on a wide table
			}
			return st.Value.Render(s.Tf("▶ Run %d: checking the decay — training again at %g / rows instead of %.4g, from the same first weights…",
				"▶ 第 %d 次训练：检验权重衰减——以 %g / 训练行（而非 %.4g）从相同初始权重再训练一次……",
				s.runs, s.cfg.L2PriorAlt, prior))
		}
		mark := "▶ "
		if s.state == trainPaused {
			mark = "‖ "
		}
		return st.Value.Render(mark+s.Tf("Run %d %s", "第 %d 次训练：%s", s.runs, s.stateWord())) + st.Muted.Render(" · "+s.plan())
	}
	if s.failed {
		return st.Warning.Render(s.outcome.In(s.Common))
	}
	return st.Good.Render(s.outcome.In(s.Common))
}

// checkingDecay reports whether the run's own training has ended and the
// decay check (experiment.CheckDecay) is training the second network (a
// run paused by stepping through its last epoch checks too).
func (s Model) checkingDecay() bool {
	st := s.latest.State
	return (s.state == trainRunning || s.state == trainPaused) && s.cfg.ChecksDecay() &&
		(st == engine.Finished || st == engine.StoppedEarly)
}

// plan describes the settings of the next or current run in one line.
func (s Model) plan() string {
	c := s.cfg
	if s.exp != nil && s.state != trainIdle {
		c = s.exp.Config
	}
	var widths []string
	for _, h := range c.Hidden {
		widths = append(widths, fmt.Sprint(h.Units))
	}
	arch := s.T("no hidden layer", "无隐藏层")
	if len(widths) > 0 {
		arch = strings.Join(widths, "→") + " " + c.Hidden[0].Activation.String()
	}
	return s.Tf("%s · %s lr %s · batch %d · %d epochs", "%s · %s 学习率 %s · 批大小 %d · %d 轮", arch, c.Train.Optimizer.Kind,
		common.Number(c.Train.Optimizer.LR), c.Train.BatchSize, c.Train.Epochs) + s.validation()
}

// progressLine is the bar with the epoch and batch.
func (s Model) progressLine(l trainLayoutSizes) string {
	p := s.latest
	frac := 0.0
	if total := p.Epochs * p.Batches; total > 0 {
		frac = min(float64(p.Step)/float64(total), 1)
	}
	epoch, batch := shownPosition(p)
	batches := p.Batches
	if batches == 0 {
		// Before the first run: the next run's, not "batch 0/0".
		batches = s.shape.Batches(s.cfg)
	}
	text := s.Tf(" %3.0f %%  epoch %d/%d · batch %s/%s", " %3.0f %%  第 %d/%d 轮 · 第 %s/%s 批", 100*frac, epoch,
		max(p.Epochs, s.cfg.Train.Epochs), common.Thousands(batch), common.Thousands(batches))
	if batches == 0 { // no data yet: no batches to count
		text = s.Tf(" %3.0f %%  epoch %d/%d", " %3.0f %%  第 %d/%d 轮", 100*frac, epoch, max(p.Epochs, s.cfg.Train.Epochs))
	}
	return s.bar.ViewAs(frac) + common.Truncate(text, s.Width-l.barW)
}

// shownPosition is the epoch and batch the progress line shows for p: the
// epoch in progress and its batches done, or, before the first batch of
// an epoch, the epoch just ended as whole ("epoch 18 · batch 199/199",
// not "epoch 19 · batch 0/199"), as the stop message counts it.
func shownPosition(p engine.Progress) (epoch, batch int) {
	if p.Batch == 0 && p.Last.Epoch > 0 && p.Last.Epoch >= p.Epoch-1 {
		return p.Last.Epoch, p.Batches
	}
	return p.Epoch, p.Batch
}

func finiteOr(v, alt float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return alt
	}
	return v
}

func eta(p engine.Progress, st trainState) string {
	if st != trainRunning || p.ETA <= 0 {
		return "–"
	}
	return clock(p.ETA)
}

// clock writes a duration as m:ss or h:mm:ss.
func clock(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	sec := int(d.Round(time.Second) / time.Second)
	if sec >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", sec/3600, sec/60%60, sec%60)
	}
	return fmt.Sprintf("%d:%02d", sec/60, sec%60)
}

// numberLines are the current figures as text: readable without colour and
// by screen readers, and exact where the charts are approximate. Each box
// says which epoch its numbers belong to (the last one, or the best). The
// decay check's box and then the previous run's come only whole, when h
// rows hold them.
func (s Model) numberLines(w, h int) []string {
	st := s.Styles
	row := func(name, train, val string) string {
		return common.Pad(name, 11) + common.PadLeft(train, 9) + common.PadLeft(val, 9)
	}
	p := s.latest
	lines := []string{
		st.Title.Render(s.T("Speed", "速度")),
		// The rate of the last second of training, as the engine measures
		// it: the average since the start lagged a change of pace by minutes.
		row(s.T("rows/s now", "当前行/秒"), common.Thousands(int(finiteOr(p.RecentRowsPerSec, 0))), ""),
		row(s.T("trained for", "训练用时"), clock(p.Training), ""),
		row(s.T("ETA", "预计剩余"), eta(p, s.state), ""),
		s.Tf("pace: %s", "节奏：%s", s.paceLabel()),
		"",
	}
	var last engine.EpochStats
	title := s.T("Last epoch", "最新一轮")
	if n := len(s.history); n > 0 {
		last = s.history[n-1]
		title = s.Tf("Epoch %d (last)", "第 %d 轮（最新）", last.Epoch)
	}
	lines = append(lines, st.Title.Render(title),
		common.Pad("", 11)+st.Header.Render(common.PadLeft(s.T("train", "训练"), 9)+common.PadLeft(s.T("val", "验证"), 9)))
	have := len(s.history) > 0
	val := func(ok bool, v float64) string {
		if !have || !ok {
			return "–"
		}
		return common.FmtMetric(v)
	}
	lines = append(lines,
		row(s.T("loss", "损失"), val(true, last.TrainLoss), val(last.HasVal, last.ValLoss)),
		row(s.T("accuracy", "准确率"), val(last.HasAccuracy, last.TrainAcc), val(last.HasVal && last.HasAccuracy, last.ValAcc)),
		row("AUC", "–", val(last.HasAUC, last.ValAUC)),
		row(s.T("batch loss", "批损失"), s.batchLoss, ""),
		row(s.T("lr", "学习率"), val(true, last.LR), ""),
	)
	if best, ok := engine.BestEpoch(s.history, s.runCfg.Train.EarlyStop); ok {
		lines = append(lines, "", st.Title.Render(s.T("Best epoch", "最佳轮次")),
			row(s.Tf("epoch %d", "第 %d 轮", best.Epoch), s.monitoredName(best), common.FmtMetric(best.Monitored())))
	}
	if d := s.decayLines(row, w); len(lines)+len(d) <= h {
		lines = append(lines, d...)
	}
	if p := s.previousLines(row, w); len(lines)+len(p) <= h {
		lines = append(lines, p...)
	}
	for i := range lines {
		lines[i] = common.Truncate(lines[i], w)
	}
	return lines
}

// previousLines are the previous run's best epoch, dimmed as its curves
// are, and why its loss is not drawn when its rows were weighed otherwise
// (none before a second run); w is the column's width.
func (s Model) previousLines(row func(name, a, b string) string, w int) []string {
	prevBest, ok := engine.BestEpoch(s.prev, s.prevCfg.Train.EarlyStop)
	if !ok {
		return nil
	}
	muted := s.Styles.Muted
	lines := []string{"", muted.Render(s.T("Previous run (dimmed)", "上一次训练（暗色）")),
		muted.Render(row(s.Tf("best ep %d", "最佳轮 %d", prevBest.Epoch), s.monitoredName(prevBest), common.FmtMetric(prevBest.Monitored())))}
	if prevBest.HasAUC {
		lines = append(lines, muted.Render(row("", s.T("val AUC", "验证 AUC"), common.FmtMetric(prevBest.ValAUC))))
	}
	if note := s.previousNote(); note != "" {
		for _, l := range widget.WrapText(note, max(w, 20)) {
			lines = append(lines, muted.Render(l))
		}
	}
	return lines
}

// monitoredName names the loss an epoch is judged by.
func (s Model) monitoredName(e engine.EpochStats) string {
	if e.HasVal {
		return s.T("val loss", "验证损失")
	}
	return s.T("loss", "训练损失")
}

// describeOutcome says in plain words how a run ended and whether that is
// a problem for the user to act on.
func describeOutcome(c common.Common, exp *experiment.Experiment, last engine.Progress, err error) (string, bool) {
	var div *engine.DivergedError
	switch {
	case errors.As(err, &div):
		return c.Tf("✗ Diverged at epoch %d, batch %d (%s) — lower the learning rate and start again.",
			"✗ 在第 %d 轮第 %d 批发散（%s）——请降低学习率后重新开始。", div.Epoch, div.Batch, c.DivergedReason(div)), true
	case errors.Is(err, context.Canceled):
		if exp == nil {
			return c.T("■ Stopped before training began.", "■ 训练开始前已停止。"), false
		}
		if exp.Trainer.Done() && exp.ChecksDecay() {
			// Stopped while the decay check trained its second network:
			// the first had ended its training and is the one kept.
			msg, failed := describeStop(c, exp, last)
			return msg + c.Tf(" Decay check stopped by you: kept %.4g/rows.", "衰减检验已由你停止：保留 %.4g/训练行。", exp.TrainedPrior()), failed
		}
		ep, b := exp.Trainer.Position()
		return describeUserStop(c, ep, b) + describeKept(c, exp) + c.T(" space starts a new run.", "按空格开始新的训练。"), false
	case err != nil:
		return c.T("✗ Could not train: ", "✗ 无法训练：") + c.ErrorText(err), true
	case exp == nil:
		return "", false
	}
	if d := exp.Decay; d != nil && d.Switched {
		// The charts are the first run's; the network kept is the second's.
		return c.Tf("✓ The decay check kept the %g/rows network (z %+.2f): %d epochs, weights of epoch %d. The curves show the %.4g/rows run.",
			"✓ 衰减检验保留了 %g/训练行的网络（z %+.2f）：训练 %d 轮，保留第 %d 轮的权重。曲线为 %.4g/训练行那次训练的。",
			d.AltPrior, d.Z, len(exp.Trainer.History()), exp.Trainer.BestEpoch(), d.FirstPrior()) + describeWide(c, exp), false
	}
	msg, failed := describeStop(c, exp, last)
	return msg + describeDecay(c, exp.Decay) + describeWide(c, exp), failed
}

// describeWide is the sentence a finished run's outcome ends with when the
// network, with hidden layers, had fewer than experiment.WideRowsPerInput
// training rows per input, as retain train notes it; "" otherwise.
func describeWide(c common.Common, exp *experiment.Experiment) string {
	perInput, wide := exp.WideNetwork()
	if !wide {
		return ""
	}
	return c.Tf(" Only %.1f training rows per input: the default network may overfit so wide a table; try retain tune, which searches the decay.",
		"每个输入仅 %.1f 个训练行：默认网络可能对这么宽的表过拟合；可试试 retain tune（它会搜索权重衰减）。", perInput)
}

// describeUserStop says where the user stopped a run that had finished
// epochs epochs and batches batches of the next, in the progress line's
// terms (shownPosition): after the epochs when no batch of the next had
// trained, else at the epoch in progress and its batch.
func describeUserStop(c common.Common, epochs, batches int) string {
	switch {
	case batches > 0:
		return c.Tf("■ Stopped by you at epoch %d, batch %d.", "■ 已由你停止于第 %d 轮第 %d 批。", epochs+1, batches)
	case epochs == 0:
		return c.T("■ Stopped by you before the first batch.", "■ 已由你在第一批之前停止。")
	case epochs == 1:
		return c.T("■ Stopped by you after 1 epoch.", "■ 已由你停止，共训练 1 轮。")
	}
	return c.Tf("■ Stopped by you after %d epochs.", "■ 已由你停止，共训练 %d 轮。", epochs)
}

// describeKept says whose weights a run stopped by the user kept (the
// trainer chose them, engine.Trainer.KeepAfterStop): its best epoch's by
// the loss early stopping watches, or with early stopping off its last
// finished epoch's, as a run that ends by itself keeps; "" when no epoch
// had finished.
func describeKept(c common.Common, exp *experiment.Experiment) string {
	kept := exp.Trainer.KeptEpoch()
	if kept == 0 {
		return ""
	}
	if !exp.Config.Train.EarlyStop.On() {
		return c.Tf(" Kept epoch %d's weights, the last finished (early stopping is off).",
			"保留最后完成的第 %d 轮的权重（提前停止已关闭）。", kept)
	}
	h := exp.Trainer.History()
	if kept == len(h) {
		return c.Tf(" Kept epoch %d's weights, the last finished and the best by %s.",
			"保留第 %d 轮的权重（最后完成，也是%s最佳）。", kept, monitoredLoss(c, h))
	}
	return c.Tf(" Kept epoch %d's weights, the best by %s (last finished: %d).",
		"保留第 %d 轮的权重（%s最佳；最后完成的是第 %d 轮）。", kept, monitoredLoss(c, h), len(h))
}

// describeStop says how the network kept ended its training.
func describeStop(c common.Common, exp *experiment.Experiment, last engine.Progress) (string, bool) {
	h := exp.Trainer.History()
	switch exp.Trainer.State() {
	case engine.StoppedEarly:
		pat := exp.Config.Train.EarlyStop.Patience
		return c.Tf("✓ Stopped early at epoch %d: the %s had not improved for %d epochs; kept the weights of epoch %d.",
			"✓ 在第 %d 轮提前停止：%s已连续 %d 轮没有改善；保留了第 %d 轮的权重。",
			len(h), monitoredLoss(c, h), pat, exp.Trainer.BestEpoch()), false
	case engine.Finished:
		msg := c.Tf("✓ Finished all %d epochs.", "✓ 已完成全部 %d 轮。", len(h))
		if best, ok := engine.BestEpoch(h, exp.Config.Train.EarlyStop); ok {
			msg += c.Tf(" Best %s %s at epoch %d.", "最佳%s %s，出现在第 %d 轮。",
				monitoredLoss(c, h), common.FmtMetric(best.Monitored()), best.Epoch)
		}
		return msg, false
	}
	return c.Tf("Run ended (%s).", "训练已结束（%s）。", stateName(c, last.State)), false
}

// monitoredLoss names the loss early stopping watched in history h, as
// engine.EpochStats.Monitored chooses it: the validation loss, or the
// training loss when the run had no validation rows.
func monitoredLoss(c common.Common, h []engine.EpochStats) string {
	if len(h) > 0 && !h[len(h)-1].HasVal {
		return c.T("training loss", "训练损失")
	}
	return c.T("validation loss", "验证损失")
}

// describeDecay says in a few words that the decay check kept the first
// network ("" when none ran); the figures are in the numbers panel.
func describeDecay(c common.Common, d *experiment.DecayCheck) string {
	if d == nil {
		return ""
	}
	return c.Tf(" Decay check: kept %.4g/rows (z %+.2f).", "衰减检验：保留 %.4g/训练行（z %+.2f）。", d.FirstPrior(), d.Z)
}

// decayLines are the decay check's figures for the numbers panel: the
// validation log loss at each decay, which network was kept and, in words
// wrapped to w, the rule that chose it (none before the check has run).
func (s Model) decayLines(row func(name, a, b string) string, w int) []string {
	if s.state != trainEnded || s.exp == nil || s.exp.Decay == nil {
		return nil
	}
	d := s.exp.Decay
	mark := func(kept bool) string {
		if kept {
			return s.T("kept", "保留")
		}
		return ""
	}
	lines := []string{"", s.Styles.Title.Render(s.T("Decay check (val loss)", "衰减检验（验证损失）")),
		row(s.Tf("%.4g/rows", "%.4g/训练行", d.FirstPrior()), common.FmtMetric(d.Loss), mark(!d.Switched)),
		row(s.Tf("%g/rows", "%g/训练行", d.AltPrior), common.FmtMetric(d.AltLoss), mark(d.Switched)),
		row("z", common.Signed(d.Z, 2), ""),
	}
	rule := s.Tf("%g/rows is taken only if z < %s", "仅当 z < %[2]s 时取 %[1]g/训练行", d.AltPrior, common.Signed(-experiment.DecaySwitchZ, 1))
	for _, l := range widget.WrapUnmarked(rule, max(w, 20)) {
		lines = append(lines, s.Styles.Muted.Render(l))
	}
	return lines
}

// paceLabel names the current pace, one of experiment.Paces.
func (s Model) paceLabel() string {
	switch experiment.PaceIndex(s.pace) {
	case 1:
		return s.T("1 epoch / 0.5 s", "每 0.5 秒 1 轮")
	case 2:
		return s.T("1 batch / 0.1 s", "每 0.1 秒 1 批")
	}
	return s.T("as fast as possible", "尽可能快")
}
