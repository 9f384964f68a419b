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
	numbers := s.numberLines(l.numbersW)
	chartsW := max(s.Width-l.numbersW-2, 0)
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

// Status is the short state for the tab bar.
func (s Model) Status() string {
	switch s.state {
	case trainStarting:
		return fmt.Sprintf("run %d · preparing", s.runs)
	case trainRunning, trainPaused:
		return fmt.Sprintf("run %d · epoch %d/%d · %s", s.runs, s.latest.Epoch, max(s.latest.Epochs, s.cfg.Train.Epochs), s.stateWord())
	case trainStopping:
		return fmt.Sprintf("run %d · stopping", s.runs)
	case trainEnded:
		return fmt.Sprintf("run %d · %s", s.runs, s.endWord())
	}
	return ""
}

func (s Model) stateWord() string {
	switch s.state {
	case trainRunning:
		return "running"
	case trainPaused:
		if s.moving {
			return "stepping"
		}
		return "paused"
	}
	return ""
}

func (s Model) endWord() string {
	if s.exp != nil && s.exp.Trainer.Done() || s.latest.State != engine.Running {
		return s.latest.State.String()
	}
	return "ended"
}

// statusLine says what is happening or how the last run ended, in words.
func (s Model) statusLine() string {
	st := s.Styles
	switch s.state {
	case trainIdle:
		if s.outcome != "" {
			return st.Warning.Render(s.outcome)
		}
		return "Ready: " + s.plan() + st.Muted.Render(" — space starts, n/e step one batch/epoch")
	case trainStarting:
		return st.Muted.Render("Preparing run " + fmt.Sprint(s.runs) + ": splitting, fitting the preprocessing, initialising the network…")
	case trainStopping:
		return st.Warning.Render("Stopping run " + fmt.Sprint(s.runs) + "…")
	case trainRunning, trainPaused:
		word := s.stateWord()
		mark := "▶ "
		if s.state == trainPaused {
			mark = "‖ "
		}
		return st.Value.Render(mark+fmt.Sprintf("Run %d %s", s.runs, word)) + st.Muted.Render(" · "+s.plan())
	}
	if s.failed {
		return st.Warning.Render(s.outcome)
	}
	return st.Good.Render(s.outcome)
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
	arch := "no hidden layer"
	if len(widths) > 0 {
		arch = strings.Join(widths, "→") + " " + c.Hidden[0].Activation.String()
	}
	return fmt.Sprintf("%s · %s lr %s · batch %d · %d epochs", arch, c.Train.Optimizer.Kind,
		common.Number(c.Train.Optimizer.LR), c.Train.BatchSize, c.Train.Epochs)
}

// progressLine is the bar with the epoch and batch.
func (s Model) progressLine(l trainLayoutSizes) string {
	p := s.latest
	frac := 0.0
	if total := p.Epochs * p.Batches; total > 0 {
		frac = min(float64(p.Step)/float64(total), 1)
	}
	batch := p.Batch
	if batch == 0 && p.Epoch > 0 && p.Last.Epoch == p.Epoch {
		// The report after an epoch's end: that epoch is whole.
		batch = p.Batches
	}
	text := fmt.Sprintf(" %3.0f %%  epoch %d/%d · batch %d/%d", 100*frac, p.Epoch,
		max(p.Epochs, s.cfg.Train.Epochs), batch, p.Batches)
	return s.bar.ViewAs(frac) + common.Truncate(text, s.Width-l.barW)
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
// by screen readers, and exact where the charts are approximate.
func (s Model) numberLines(w int) []string {
	st := s.Styles
	row := func(name, train, val string) string {
		return common.Pad(name, 11) + common.PadLeft(train, 9) + common.PadLeft(val, 9)
	}
	p := s.latest
	lines := []string{
		st.Title.Render("Speed"),
		row("samples/s", common.Thousands(int(finiteOr(p.SamplesPerSec, 0))), ""),
		row("elapsed", clock(p.Elapsed), ""),
		row("ETA", eta(p, s.state), ""),
		"pace: " + s.paceLabel(),
		"",
	}
	var last engine.EpochStats
	title := "Last epoch"
	if n := len(s.history); n > 0 {
		last = s.history[n-1]
		title = fmt.Sprintf("Epoch %d", last.Epoch)
	}
	lines = append(lines, st.Title.Render(common.Pad(title, 11))+st.Header.Render(common.PadLeft("train", 9)+common.PadLeft("val", 9)))
	have := len(s.history) > 0
	val := func(ok bool, v float64) string {
		if !have || !ok {
			return "–"
		}
		return common.FmtMetric(v)
	}
	lines = append(lines,
		row("loss", val(true, last.TrainLoss), val(last.HasVal, last.ValLoss)),
		row("accuracy", val(last.HasAccuracy, last.TrainAcc), val(last.HasVal && last.HasAccuracy, last.ValAcc)),
		row("AUC", "–", val(last.HasAUC, last.ValAUC)),
		row("batch loss", s.batchLoss, ""),
		row("lr", val(true, last.LR), ""),
	)
	if best, ok := bestEpoch(s.history, earlyStopDelta(s.runCfg.Train)); ok {
		lines = append(lines, "", st.Title.Render("Best epoch"),
			row(fmt.Sprintf("epoch %d", best.Epoch), "", common.FmtMetric(best.Monitored())))
	}
	if prevBest, ok := bestEpoch(s.prev, earlyStopDelta(s.prevCfg.Train)); ok {
		lines = append(lines, "", st.Muted.Render("Previous run (dimmed)"),
			st.Muted.Render(row(fmt.Sprintf("best ep %d", prevBest.Epoch), "", common.FmtMetric(prevBest.Monitored()))))
		if prevBest.HasAUC {
			lines = append(lines, st.Muted.Render(row("AUC", "", common.FmtMetric(prevBest.ValAUC))))
		}
	}
	for i := range lines {
		lines[i] = common.Truncate(lines[i], w)
	}
	return lines
}

// bestEpoch is the epoch with the lowest monitored loss, by early
// stopping's rule: a later epoch counts as better only when it improves by
// more than minDelta, so the screen names the epoch whose weights are kept.
func bestEpoch(h []engine.EpochStats, minDelta float64) (engine.EpochStats, bool) {
	var best engine.EpochStats
	found := false
	for _, e := range h {
		if m := e.Monitored(); !math.IsNaN(m) && (!found || m < best.Monitored()-minDelta) {
			best, found = e, true
		}
	}
	return best, found
}

// describeOutcome says in plain words how a run ended and whether that is
// a problem for the user to act on.
func describeOutcome(exp *experiment.Experiment, last engine.Progress, err error) (string, bool) {
	var div *engine.DivergedError
	switch {
	case errors.As(err, &div):
		return fmt.Sprintf("✗ Diverged at epoch %d, batch %d (%s) — lower the learning rate and start again.",
			div.Epoch, div.Batch, div.Reason), true
	case errors.Is(err, context.Canceled):
		if exp == nil {
			return "■ Stopped before training began.", false
		}
		ep, b := exp.Trainer.Position()
		return fmt.Sprintf("■ Stopped by you after %d epochs and %d batches. space starts a new run.", ep, b), false
	case err != nil:
		return "✗ Could not train: " + common.PlainError(err), true
	case exp == nil:
		return "", false
	}
	h := exp.Trainer.History()
	switch exp.Trainer.State() {
	case engine.StoppedEarly:
		pat := exp.Config.Train.EarlyStop.Patience
		return fmt.Sprintf("✓ Stopped early at epoch %d: the validation loss had not improved for %d epochs; kept the weights of epoch %d.",
			len(h), pat, exp.Trainer.BestEpoch()), false
	case engine.Finished:
		msg := fmt.Sprintf("✓ Finished all %d epochs.", len(h))
		if best, ok := bestEpoch(h, earlyStopDelta(exp.Config.Train)); ok {
			msg += fmt.Sprintf(" Best validation loss %s at epoch %d.", common.FmtMetric(best.Monitored()), best.Epoch)
		}
		return msg, false
	}
	return "Run ended (" + last.State.String() + ").", false
}

// earlyStopDelta is the improvement early stopping requires (0 when off).
func earlyStopDelta(c engine.TrainConfig) float64 {
	if c.EarlyStop.Patience <= 0 {
		return 0
	}
	return c.EarlyStop.MinDelta
}

// paceLabel names the current pace, one of experiment.Paces.
func (s Model) paceLabel() string {
	switch experiment.PaceIndex(s.pace) {
	case 1:
		return "1 epoch / 0.5 s"
	case 2:
		return "1 batch / 0.1 s"
	}
	return "as fast as possible"
}
