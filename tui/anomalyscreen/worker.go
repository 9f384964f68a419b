package anomalyscreen

import (
	"context"
	"errors"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/anomaly"
	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/pseudonym"
)

// Msg is every message of this screen; the root routes them all to it,
// whichever tab is shown.
type Msg interface{ anomalyMsg() }

// TickMsg asks the screen to read the job's progress and redraw.
type TickMsg struct{ gen int }

// ScoredMsg is the end of scoring job gen: the result and the data it
// scored, or why it failed.
type ScoredMsg struct {
	gen  int
	Data *experiment.Data
	Res  *anomaly.Result
	Err  error
}

// RetrainedMsg is the end of retraining job gen.
type RetrainedMsg struct {
	gen int
	Cmp experiment.RetrainComparison
	Err error
}

func (TickMsg) anomalyMsg()      {}
func (ScoredMsg) anomalyMsg()    {}
func (RetrainedMsg) anomalyMsg() {}

// frameInterval is how often a live job is read and drawn (15 Hz, as the
// Train screen).
const frameInterval = time.Second / 15

func tickCmd(gen int) tea.Cmd {
	return tea.Tick(frameInterval, func(time.Time) tea.Msg { return TickMsg{gen: gen} })
}

// job kinds.
const (
	scoring = iota + 1
	retraining
)

// job is the background work the screen runs (one at a time): it owns its
// context, and done is closed when its goroutine ends.
type job struct {
	kind   int
	cancel context.CancelFunc
	done   chan struct{}

	mu       sync.Mutex
	started  bool         // the job's Cmd has begun: it will end the job
	finished bool         // done is closed
	step     anomaly.Step // the latest scoring progress
	phase    int          // the retraining phase: 0 with every user, 1 without
	prog     engine.Progress
	seen     bool // a progress report has arrived
}

// latest returns the job's latest progress.
func (j *job) latest() (st anomaly.Step, phase int, p engine.Progress, seen bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.step, j.phase, j.prog, j.seen
}

// begin marks the job started unless it was stopped first.
func (j *job) begin() bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.started = true
	return !j.finished
}

// end closes done, once.
func (j *job) end() {
	j.mu.Lock()
	defer j.mu.Unlock()
	if !j.finished {
		j.finished = true
		close(j.done)
	}
	j.cancel()
}

// stop cancels the job; one whose Cmd never ran is ended here, so waiting
// on done never hangs.
func (j *job) stop() {
	j.cancel()
	j.mu.Lock()
	started := j.started
	j.mu.Unlock()
	if !started {
		j.end()
	}
}

func newJob(parent context.Context, kind int) (*job, context.Context) {
	ctx, cancel := context.WithCancel(parent)
	return &job{kind: kind, cancel: cancel, done: make(chan struct{})}, ctx
}

// scoreCmd loads the planted shop when asked, its ids pseudonymised with
// key as the loaded data's are (nil: none), then prepares, trains and
// finishes an anomaly run on the data, reporting progress to j.
func scoreCmd(ctx context.Context, j *job, gen int, d *experiment.Data, plant float64, opts anomaly.Options, key *pseudonym.Key) tea.Cmd {
	return func() tea.Msg {
		if !j.begin() {
			return ScoredMsg{gen: gen, Err: context.Canceled}
		}
		defer j.end()
		loaded := d
		var err error
		if plant == 0 && d.Planted > 0 { // the shop as it was, without the planted abusers
			if d, err = experiment.Load(d.Source, nil); err != nil {
				return ScoredMsg{gen: gen, Err: err}
			}
		}
		if plant > 0 {
			if d.Planted != plant {
				if d, err = experiment.LoadShopWithAbusers(d.Source, plant); err != nil {
					return ScoredMsg{gen: gen, Err: err}
				}
			}
			opts.Truth, opts.Archetype = data.AbuserColumnName, data.ArchetypeColumnName
		}
		if d != loaded {
			d.Pseudonymise(key) // loaded again: ids as the loaded data shows them
		}
		run, err := anomaly.Prepare(d.Table, opts)
		if err != nil {
			return ScoredMsg{gen: gen, Err: err}
		}
		err = run.TrainWatched(ctx, func(st anomaly.Step) {
			j.mu.Lock()
			j.step, j.seen = st, true
			j.mu.Unlock()
		})
		if err != nil {
			return ScoredMsg{gen: gen, Err: err}
		}
		res, err := run.Finish(ctx)
		return ScoredMsg{gen: gen, Data: d, Res: res, Err: err}
	}
}

// retrainCmd trains the churn model with and without the dropped rows.
func retrainCmd(ctx context.Context, j *job, gen int, d *experiment.Data, cfg experiment.Config, drop []bool) tea.Cmd {
	return func() tea.Msg {
		if !j.begin() {
			return RetrainedMsg{gen: gen, Err: context.Canceled}
		}
		defer j.end()
		cmp, err := experiment.RetrainWithout(ctx, d, cfg, drop, func(phase int, p engine.Progress) {
			j.mu.Lock()
			j.phase, j.prog, j.seen = phase, p, true
			j.mu.Unlock()
		})
		return RetrainedMsg{gen: gen, Cmp: cmp, Err: err}
	}
}

// cancelled reports whether err says the user stopped the job.
func cancelled(err error) bool { return errors.Is(err, context.Canceled) }
