package experiment

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"sync"
	"time"

	"gonum.org/v1/gonum/stat"
)

// Setting is the value one dimension of the search space took in a trial.
type Setting struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Trial is one configuration Tune tried and what it scored.
type Trial struct {
	// Number is 1-based, in the order trials were drawn; trial 1 is the
	// base configuration (Base), whose Settings are empty.
	Number int  `json:"trial"`
	Base   bool `json:"base,omitempty"`
	Round  int  `json:"round"`
	// Parent, when > 0, is the trial this one was drawn next to: the best
	// so far with one or two of its settings changed. OnBase marks a trial
	// descended from the base one by such changes: it lists only the
	// settings it changed (the others are the base's); any other trial
	// lists a value for every dimension.
	Parent   int       `json:"parent,omitempty"`
	OnBase   bool      `json:"on_base,omitempty"`
	Settings []Setting `json:"settings,omitempty"`
	// Config is the configuration trained. A "balanced" pos-weight stays
	// BalancedPosWeight here; PosWeight is the weight it stood for.
	Config    Config  `json:"config"`
	PosWeight float64 `json:"pos_weight"`
	// Rung is the last rung the trial reached (0-based); Folds its
	// measured folds, in fold order; AUC and AUCStd the mean and sample
	// standard deviation of their ROC AUC.
	Rung   int          `json:"rung"`
	Folds  []FoldResult `json:"folds"`
	AUC    float64      `json:"roc_auc"`
	AUCStd float64      `json:"roc_auc_std"`
	// Complete is true once every fold is measured; Stopped when halving
	// dropped the trial before; Interrupted when the search ended (its
	// budget, or a cancel) before either, so that it ranks on fewer folds
	// than it would have; Err says why it failed (diverged, say).
	Complete    bool   `json:"complete"`
	Stopped     bool   `json:"stopped,omitempty"`
	Interrupted bool   `json:"interrupted,omitempty"`
	Err         string `json:"error,omitempty"`
	// Time is the wall time its folds took (it depends on the load).
	Time time.Duration `json:"time_ns"`

	// choice is the value index of every dimension (-1: the base's).
	choice []int
}

// foldEval trains and scores config on 0-based fold i.
type foldEval func(ctx context.Context, cfg Config, fold int) (FoldResult, error)

// tuner runs the search; mu guards the trials while a rung trains.
type tuner struct {
	base     Config
	opts     TuneOptions
	balanced float64
	rungs    []int
	sample   *sampler
	start    time.Time

	mu     sync.Mutex
	trials []*Trial
	got    map[*Trial][]*FoldResult // fold results by fold index
	done   int                      // folds trained
	round  int
	rung   int
}

func newTuner(base Config, opts TuneOptions, balanced float64) *tuner {
	return &tuner{base: base, opts: opts, balanced: balanced, rungs: RungFolds(opts.Folds, opts.Eta),
		sample: newSampler(opts.Space, base, opts.Seed, opts.Allow), got: map[*Trial][]*FoldResult{}}
}

func (t *tuner) run(ctx context.Context, eval foldEval) (TuneResult, error) {
	t.start = time.Now()
	budget := ctx
	if t.opts.Budget > 0 {
		var cancel context.CancelFunc
		budget, cancel = context.WithTimeout(ctx, t.opts.Budget)
		defer cancel()
	}
	for t.round = 1; ; t.round++ {
		size := t.opts.Trials
		if size == 0 {
			size = RoundSize(t.opts.Folds, t.opts.Eta)
		}
		batch := t.draw(size)
		if len(batch) == 0 {
			break
		}
		t.halve(budget, batch, eval)
		if t.opts.Trials > 0 || budget.Err() != nil {
			break
		}
	}
	t.markInterrupted()
	res := TuneResult{Folds: t.opts.Folds, Eta: t.opts.Eta, RungFolds: t.rungs, Seed: t.opts.Seed,
		Trials: t.opts.Trials, Tried: len(t.trials), Budget: t.opts.Budget, Elapsed: time.Since(t.start),
		Workers: t.opts.Workers, Ended: "done", Board: t.board()}
	switch {
	case ctx.Err() != nil:
		res.Ended = "cancelled"
	case budget.Err() != nil:
		res.Ended = "budget"
	}
	for i := range res.Board {
		if res.Board[i].Complete && res.Board[i].Err == "" {
			best := res.Board[i]
			res.Best = &best
			break
		}
	}
	res.BestVsDefault = NewTuneGain(res.Best, res.baseTrial())
	return res, nil
}

// markInterrupted marks the trials the search left neither measured on
// every fold, nor dropped, nor failed.
func (t *tuner) markInterrupted() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, tr := range t.trials {
		tr.Interrupted = !tr.Complete && !tr.Stopped && tr.Err == ""
	}
}

// draw makes the next size trials (the base configuration first, in the
// first round), fewer when the space runs out. From the second round on,
// every other trial is a neighbour of the best trial measured on every
// fold so far (see sampler.near); the rest are drawn from the whole space.
func (t *tuner) draw(size int) []*Trial {
	var batch []*Trial
	parent := t.bestComplete()
	for len(batch) < size {
		tr := &Trial{Number: len(t.trials) + 1, Round: t.round}
		if tr.Number == 1 {
			tr.Base, tr.Config = true, t.base
			tr.choice = baseChoice(len(t.opts.Space))
		} else {
			var choice []int
			ok := false
			if parent != nil && len(batch)%2 == 1 {
				if choice, ok = t.sample.near(parent.choice); ok {
					tr.Parent = parent.Number
				}
			}
			if !ok {
				if choice, ok = t.sample.next(); !ok {
					break
				}
			}
			tr.choice, tr.OnBase = choice, slices.Contains(choice, -1)
			tr.Config, tr.Settings = trialOf(t.base, t.opts.Space, choice)
			if tr.OnBase {
				tr.Settings = changedSettings(t.base, t.opts.Space, choice)
			}
		}
		tr.PosWeight = tr.Config.Train.PosWeight
		if tr.PosWeight == BalancedPosWeight {
			tr.PosWeight = t.balanced
		}
		t.mu.Lock()
		t.trials = append(t.trials, tr)
		t.got[tr] = make([]*FoldResult, t.opts.Folds)
		t.mu.Unlock()
		batch = append(batch, tr)
	}
	return batch
}

// bestComplete is the best trial measured on every fold without error
// (nil before any is).
func (t *tuner) bestComplete() *Trial {
	t.mu.Lock()
	defer t.mu.Unlock()
	var best *Trial
	for _, tr := range t.trials {
		if tr.Complete && tr.Err == "" && (best == nil || tr.AUC > best.AUC) {
			best = tr
		}
	}
	return best
}

// halve runs one round of successive halving on batch.
func (t *tuner) halve(ctx context.Context, batch []*Trial, eval foldEval) {
	alive := batch
	for r, folds := range t.rungs {
		t.rung = r
		var jobs []foldJob
		for _, tr := range alive {
			tr.Rung = r
			want := folds
			if tr.Base {
				want = t.opts.Folds // measured whole at once: a complete result early
			}
			for f := range want {
				if t.got[tr][f] == nil {
					jobs = append(jobs, foldJob{tr, f})
				}
			}
		}
		t.train(ctx, jobs, eval)
		if ctx.Err() != nil || r == len(t.rungs)-1 {
			return
		}
		alive = t.promote(alive)
	}
}

// promote keeps the base trial and the best 1/Eta of the others (at
// least one) by mean ROC AUC on the folds of the rung; ties go to the
// earlier trial. The others are stopped.
func (t *tuner) promote(alive []*Trial) []*Trial {
	var others []*Trial
	var kept []*Trial
	for _, tr := range alive {
		switch {
		case tr.Base:
			kept = append(kept, tr)
		case tr.Err == "":
			others = append(others, tr)
		}
	}
	slices.SortStableFunc(others, func(a, b *Trial) int { return cmp.Compare(b.AUC, a.AUC) })
	n := (len(others) + t.opts.Eta - 1) / t.opts.Eta
	for i, tr := range others {
		if i < n {
			kept = append(kept, tr)
		} else {
			tr.Stopped = true
		}
	}
	for _, tr := range alive {
		if tr.Err != "" {
			tr.Stopped = true
		}
	}
	slices.SortFunc(kept, func(a, b *Trial) int { return cmp.Compare(a.Number, b.Number) })
	return kept
}

// foldJob is one fold of one trial.
type foldJob struct {
	trial *Trial
	fold  int
}

// train runs jobs on the workers and waits for all of them.
func (t *tuner) train(ctx context.Context, jobs []foldJob, eval foldEval) {
	queue := make(chan foldJob)
	var wg sync.WaitGroup
	for range min(t.opts.Workers, len(jobs)) {
		wg.Go(func() {
			for j := range queue {
				t.trainOne(ctx, j, eval)
			}
		})
	}
	for _, j := range jobs {
		queue <- j
	}
	close(queue)
	wg.Wait()
}

// trainOne measures one fold and records it.
func (t *tuner) trainOne(ctx context.Context, j foldJob, eval foldEval) {
	t.mu.Lock()
	failed := j.trial.Err != ""
	t.mu.Unlock()
	if failed || ctx.Err() != nil {
		return
	}
	began := time.Now()
	fr, err := eval(ctx, j.trial.Config, j.fold)
	took := time.Since(began)
	if err != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
		return // the search is ending: the fold is not measured
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	tr := j.trial
	tr.Time += took
	if err != nil {
		tr.Err = err.Error()
	} else {
		t.got[tr][j.fold] = &fr
		t.summarise(tr)
	}
	t.done++
	if t.opts.Progress != nil {
		t.opts.Progress(TuneProgress{Round: t.round, Rung: t.rung, FoldsDone: t.done,
			Elapsed: time.Since(t.start), Board: t.boardLocked()})
	}
}

// summarise refreshes a trial's folds and their mean and deviation.
func (t *tuner) summarise(tr *Trial) {
	tr.Folds = tr.Folds[:0]
	var aucs []float64
	for _, f := range t.got[tr] {
		if f != nil {
			tr.Folds = append(tr.Folds, *f)
			aucs = append(aucs, f.Scores.ROCAUC)
		}
	}
	tr.AUC, tr.AUCStd = stat.Mean(aucs, nil), 0
	if len(aucs) > 1 {
		tr.AUC, tr.AUCStd = stat.MeanStdDev(aucs, nil)
	}
	tr.Complete = len(aucs) == t.opts.Folds
}

// board is the ranked leaderboard.
func (t *tuner) board() []Trial {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.boardLocked()
}

func (t *tuner) boardLocked() []Trial {
	out := make([]Trial, len(t.trials))
	for i, tr := range t.trials {
		out[i] = *tr
		out[i].Folds = slices.Clone(tr.Folds)
	}
	slices.SortStableFunc(out, compareTrials)
	return out
}

// compareTrials ranks working trials before failed ones, then trials
// measured on more folds first (a mean over fewer folds is not comparable:
// a trial cut short keeps its place below every complete one), then by
// mean ROC AUC, then by number.
func compareTrials(a, b Trial) int {
	if (a.Err == "") != (b.Err == "") {
		if a.Err == "" {
			return -1
		}
		return 1
	}
	if c := cmp.Compare(len(b.Folds), len(a.Folds)); c != 0 {
		return c
	}
	if c := cmp.Compare(b.AUC, a.AUC); c != 0 {
		return c
	}
	return cmp.Compare(a.Number, b.Number)
}
