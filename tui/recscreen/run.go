package recscreen

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/recommend"
	"github.com/retainlab/retain/tui/common"
)

// start creates the worker here, in Update, so the screen owns its context
// before any goroutine exists.
func (s *Model) start() tea.Cmd {
	if s.log == nil {
		return nil
	}
	s.runs++
	s.cur = newWorker(s.parent, s.runs)
	s.state, s.run, s.latest, s.batchLoss, s.outcome, s.failed = runPreparing, nil, engine.Progress{}, 0, common.Said{}, false
	s.loss.Reset()
	s.checkHorizon()
	s.runEmpty = s.emptyHorizon()
	opts := recommend.Options{Cutoff: recommend.Date(s.cutoff), HorizonDays: s.horizon, Top: recommend.DefaultTop,
		Evaluate: s.measures(), Model: recommend.DefaultModelConfig(), MaxPairs: s.limits.MaxRows}
	return tea.Batch(startCmd(s.cur, s.log, opts), waitCmd(s.cur), tickCmd(s.cur.id))
}

// drain moves the coalesced progress into the chart.
func (s *Model) drain() {
	u, news := s.cur.coal.Drain()
	if news {
		for _, p := range u.Points {
			s.loss.Push(0, p.Position, p.Loss)
		}
		for _, e := range u.Epochs {
			if e.HasVal {
				s.loss.Push(1, float64(e.Epoch), e.ValLoss)
			}
		}
		s.latest = u.Latest
		if u.Latest.BatchCount > 0 {
			s.batchLoss = u.Latest.BatchLoss
		}
	}
	if s.run != nil && (s.state == runRunning || s.state == runPaused) {
		s.state = runRunning
		if s.run.Model != nil && s.run.Model.Trainer.IsPaused() {
			s.state = runPaused
		}
	}
	s.loss.Redraw()
}

// finish records how the run ended; a result replaces the previous one, a
// failure or a stop leaves it in place.
func (s *Model) finish() {
	s.drain()
	res, err := s.cur.outcome()
	s.state = runEnded
	switch {
	case err == nil && res != nil:
		if s.Pseudonym.Enabled() {
			res.SortByID() // never the log's order: see recommend.Result.SortByID
			experiment.PseudonymiseItems(res, s.log, s.Pseudonym)
		}
		s.res, s.resEmpty, s.selected, s.listTop, s.metricTop = res, s.runEmpty, 0, 0, 0
		s.cols = s.columnWidths(res)
		s.outcome = common.Said{}
	case errors.Is(err, context.Canceled):
		s.outcome = s.say(func(s Model) string {
			return s.T("Stopped; the previous result, if any, is unchanged.", "已停止；之前的结果（如有）保持不变。")
		})
	default:
		// In English as in Chinese the command line's advice (an item
		// column named with --item-column) is the Data screen's l.
		s.outcome, s.failed = s.say(func(s Model) string { return s.ErrorText(err) }), true
		var win *recommend.WindowError
		if errors.As(err, &win) {
			s.outcome = s.say(func(s Model) string { return s.ErrorText(win.Err) + s.T("; ", "；") + s.windowAdvice(win.Orders) })
		}
	}
}

// windowAdvice is the command line's advice of a recommend.WindowError
// (another --cutoff, a longer --horizon) in this screen's keys.
func (s Model) windowAdvice(orders bool) string {
	c, h := s.keys.Cutoff.Help().Key, s.keys.Horizon.Help().Key
	if orders {
		return s.Tf("press %s for another cutoff or %s for a longer horizon, or open a log with more orders",
			"可按 %s 换一个截止日、按 %s 设更长的观察期，或打开订单更多的日志", c, h)
	}
	return s.Tf("press %s for a later cutoff or %s for a longer horizon",
		"可按 %s 设更晚的截止日或按 %s 设更长的观察期", c, h)
}
