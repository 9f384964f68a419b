package tunescreen

import (
	"context"
	"runtime"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// tickEvery is how often the leaderboard is redrawn while a search runs.
const tickEvery = 150 * time.Millisecond

// ApplyMsg asks the root to make Config the Model screen's configuration.
// Balanced says the trial weighted the positive class "balanced": Config
// holds the weight that stands for on the loaded data, which the trial was
// searched on (the screen refuses to apply a result of other data).
type ApplyMsg struct {
	Config   experiment.Config
	Trial    int
	Balanced bool
}

// TickMsg redraws the leaderboard of search gen while it runs.
type TickMsg struct{ gen int }

// DoneMsg is the end of search gen, on data.
type DoneMsg struct {
	gen    int
	data   *experiment.Data
	Result experiment.TuneResult
	Err    error
}

// NewDoneMsg is the end of the search the screen started last, on the
// data it has now (for tests that feed a result by hand).
func (s Model) NewDoneMsg(res experiment.TuneResult, err error) DoneMsg {
	return DoneMsg{gen: s.gen, data: s.data, Result: res, Err: err}
}

// search is the state a running search shares with its goroutine.
type search struct {
	cancel context.CancelFunc
	done   chan struct{}
	mu     sync.Mutex
	latest *experiment.TuneProgress
}

// start launches a search off the UI goroutine; its progress is read on
// ticks and its end comes back as a DoneMsg. Under the session's limits it
// refuses a base configuration beyond them, trains as many folds at once as
// the memory limit holds, and draws only trials within the limits.
func (s *Model) start() tea.Cmd {
	workers := runtime.GOMAXPROCS(0)
	var allow func(experiment.Config) bool
	if s.limits.MaxParams > 0 || s.limits.MaxTrainMemory > 0 {
		if err := s.limits.CheckNetwork(s.shape, s.base, 1); err != nil {
			s.refusal = s.say(func(s Model) string {
				return "✗ " + s.ErrorText(err) + s.T(" (the Model screen's configuration)", "（模型页的配置）")
			})
			return nil
		}
		workers = s.limits.Parallel(s.shape, s.base, workers)
		limits, shape, parallel := s.limits, s.shape, min(workers, s.folds)
		allow = func(cfg experiment.Config) bool { return limits.CheckNetwork(shape, cfg, parallel) == nil }
	}
	s.refusal = common.Said{}
	s.gen++
	ctx, cancel := context.WithCancel(s.parent)
	run := &search{cancel: cancel, done: make(chan struct{})}
	s.run, s.progress, s.result, s.err, s.applied = run, nil, nil, nil, 0
	s.sel, s.top = 0, 0
	s.searched = s.data
	gen, d, base := s.gen, s.data, s.base
	opts := experiment.TuneOptions{Folds: s.folds, Trials: s.trials, Budget: s.budget, Seed: base.Seed,
		Workers: workers, Allow: allow,
		Progress: func(p experiment.TuneProgress) {
			run.mu.Lock()
			run.latest = &p
			run.mu.Unlock()
		}}
	work := func() tea.Msg {
		defer close(run.done)
		defer cancel()
		res, err := experiment.Tune(ctx, d, base, opts)
		return DoneMsg{gen: gen, data: d, Result: res, Err: err}
	}
	return tea.Batch(work, tick(gen))
}

func tick(gen int) tea.Cmd {
	return tea.Tick(tickEvery, func(time.Time) tea.Msg { return TickMsg{gen: gen} })
}

// Close stops a running search.
func (s Model) Close() {
	if s.run != nil {
		s.run.cancel()
	}
}

// Wait waits for a stopped search's goroutine to end.
func (s Model) Wait() {
	if s.run != nil {
		<-s.run.done
	}
}
