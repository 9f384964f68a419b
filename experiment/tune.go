package experiment

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"time"

	"github.com/retainlab/retain/engine"
)

// TuneOptions say how Tune searches.
type TuneOptions struct {
	// Folds is k of the stratified k-fold cross-validation (default 5).
	Folds int
	// Trials is the number of configurations tried, the base one included:
	// one round of successive halving, whose result depends only on the
	// data, the base configuration, Seed and Trials. 0 runs rounds of
	// RoundSize trials until the budget ends (then how many rounds ran,
	// and so the result, depends on the machine's speed and load).
	Trials int
	// Budget bounds the search's wall time (0: none; then Trials must be
	// set). When it ends, the trials measured on every fold so far compete.
	Budget time.Duration
	// Seed draws the trials (the base configuration's own Seed draws the
	// folds, the weights and the shuffles).
	Seed uint64
	// Eta is the halving factor (default 3): each rung keeps the best
	// 1/Eta of the trials and measures them on about Eta times as many folds.
	Eta int
	// Space is the search space (default DefaultTuneSpace).
	Space []TuneDimension
	// Workers is how many folds train at once (default GOMAXPROCS). It
	// changes how fast the search goes, never what it finds.
	Workers int
	// Allow, if not nil, keeps every configuration it refuses out of the
	// search (one beyond a served session's limits, say): such a
	// configuration is never drawn as a trial. The base configuration is
	// trial 1 whatever Allow says.
	Allow func(Config) bool
	// Progress, if not nil, is called after every fold trained, from one
	// goroutine at a time, with the leaderboard so far.
	Progress func(TuneProgress)
}

// ErrTune is matched (errors.Is) by the options Tune refuses.
var ErrTune = errors.New("tune")

// TuneResult is the outcome of Tune.
type TuneResult struct {
	// Folds is k; Eta the halving factor; RungFolds the number of folds a
	// trial is measured on at each rung; Seed the trials' seed.
	Folds     int    `json:"folds"`
	Eta       int    `json:"eta"`
	RungFolds []int  `json:"rung_folds"`
	Seed      uint64 `json:"seed"`
	// Trials is the number asked for (0: rounds until the budget ends);
	// Tried how many were drawn.
	Trials int `json:"trials"`
	Tried  int `json:"tried"`
	// Budget is the wall-time bound (0: none), Elapsed the time taken and
	// Workers how many folds trained at once.
	Budget  time.Duration `json:"budget_ns"`
	Elapsed time.Duration `json:"elapsed_ns"`
	Workers int           `json:"workers"`
	// Ended says why the search ended: "done" (every trial measured),
	// "budget" or "cancelled" (then the trials measured on every fold so
	// far competed).
	Ended string `json:"ended"`
	// Best is the trial measured on every fold with the highest mean ROC
	// AUC (nil when none was); the base configuration always is measured
	// first, so Best is never worse than it on these folds.
	Best *Trial `json:"best"`
	// BestVsDefault says whether Best is clearly better than the base
	// configuration (TuneGain's rule); nil when Best is the base, or none.
	BestVsDefault *TuneGain `json:"best_vs_default,omitempty"`
	// Board is every trial, best first (see TuneProgress.Board).
	Board []Trial `json:"leaderboard"`
}

// Measured is how many of the trials drawn were trained on at least one
// fold (a failed one included): fewer than Tried when the search was
// stopped, or its budget ended, before it reached them all.
func (r TuneResult) Measured() int {
	n := 0
	for _, t := range r.Board {
		if len(t.Folds) > 0 || t.Err != "" {
			n++
		}
	}
	return n
}

// TuneProgress is the state of a search after a fold trained.
type TuneProgress struct {
	// Round and Rung are where the search is (1-based round, 0-based rung).
	Round, Rung int
	// FoldsDone counts the folds trained so far.
	FoldsDone int
	Elapsed   time.Duration
	// Board is every trial so far, ranked: trials measured on more folds
	// first, then by mean ROC AUC, failed trials last.
	Board []Trial
}

// Tune searches opts.Space around base by stratified k-fold
// cross-validation with successive halving: every trial of a round is
// measured on the first fold, the best 1/Eta on more folds, and so on
// until the last rung's survivors are measured on all of them. Trial 1 is
// base itself, measured on every fold at once, so the search always has a
// complete result and never reports worse than base. All trials share
// base's folds, early-stopping shares and seed. Folds train in parallel; a
// rung ends before the next begins, so the result does not depend on the
// number of workers. Errors are about the options or the data; a budget
// that ends or a cancelled ctx returns the best so far with Ended saying so.
func Tune(ctx context.Context, d *Data, base Config, opts TuneOptions) (TuneResult, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return TuneResult{}, err
	}
	base, splits, err := cvSplits(d, base, opts.Folds, nil)
	if err != nil {
		return TuneResult{}, err
	}
	var pos float64
	for _, y := range d.Table.Label.Values {
		pos += y
	}
	// Rounded so that the weight written as a flag is the one measured.
	balanced := math.Round((float64(len(d.Table.Label.Values))-pos)/pos*1e4) / 1e4
	cores := runtime.GOMAXPROCS(0)
	eval := func(ctx context.Context, cfg Config, fold int) (FoldResult, error) {
		if cfg.Train.PosWeight == BalancedPosWeight {
			cfg.Train.PosWeight = balanced
		}
		// Each batch is split as CrossValidate splits it on this machine,
		// so that eval --cv with the printed flags gives the same figures.
		_, cfg.Train.Workers = cvBudget(cfg.Train, opts.Folds, d.Table.Rows, cores)
		return runFold(ctx, d, cfg, splits[fold], fold+1, nil, nil)
	}
	return newTuner(base, opts, balanced).run(ctx, eval)
}

// withDefaults fills in the defaults and refuses impossible options.
func (o TuneOptions) withDefaults() (TuneOptions, error) {
	if o.Folds == 0 {
		o.Folds = 5
	}
	if o.Eta == 0 {
		o.Eta = 3
	}
	if o.Space == nil {
		o.Space = DefaultTuneSpace()
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	switch {
	case o.Folds < 2:
		return o, fmt.Errorf("%w: %d folds: want at least 2", ErrTune, o.Folds)
	case o.Trials < 0:
		return o, fmt.Errorf("%w: %d trials: want at least 1 (0: as many as the budget allows)", ErrTune, o.Trials)
	case o.Budget < 0:
		return o, fmt.Errorf("%w: budget %v: want a positive duration", ErrTune, o.Budget)
	case o.Trials == 0 && o.Budget == 0:
		return o, fmt.Errorf("%w: give a number of trials, a budget or both", ErrTune)
	case o.Eta < 2:
		return o, fmt.Errorf("%w: halving factor %d: want at least 2", ErrTune, o.Eta)
	}
	for _, dim := range o.Space {
		if len(dim.Values) == 0 {
			return o, fmt.Errorf("%w: dimension %q has no values", ErrTune, dim.Name)
		}
	}
	return o, nil
}

// RungFolds is the number of folds a trial is measured on at each rung of
// k-fold successive halving with factor eta: k, k/eta, k/eta², … rounded
// up, down to one fold, in increasing order. For k = 5, eta = 3: 1, 2, 5.
func RungFolds(k, eta int) []int {
	rungs := []int{k}
	for n := k; n > 1; {
		n = (n + eta - 1) / eta
		rungs = append([]int{n}, rungs...)
	}
	return rungs
}

// RoundSize is the number of trials in one round when Tune runs rounds
// until its budget ends: eta to the power of the rungs after the first, so
// that one trial (besides the base one) reaches the last rung.
func RoundSize(k, eta int) int {
	n := 1
	for range len(RungFolds(k, eta)) - 1 {
		n *= eta
	}
	return max(n, 2)
}

// trialOf applies the chosen value of every dimension to base; a choice
// of -1 leaves the dimension as base has it and out of the settings.
func trialOf(base Config, space []TuneDimension, choice []int) (Config, []Setting) {
	cfg := base
	cfg.Hidden = append([]engine.LayerSpec(nil), base.Hidden...)
	var settings []Setting
	for i, dim := range space {
		if choice[i] < 0 {
			continue
		}
		dim.Set(&cfg, choice[i])
		settings = append(settings, Setting{Name: dim.Name, Value: dim.Values[choice[i]]})
	}
	return cfg, settings
}

// changedSettings are the settings of choice (a trial on base: some
// dimensions -1) that change the configuration it trains: a neighbour step
// that sets a dimension to the value base already has (log1p true on a
// base with ln(1+v)) is no change from base and is not listed.
func changedSettings(base Config, space []TuneDimension, choice []int) []Setting {
	full := configKey(base, space, choice)
	var out []Setting
	for i, dim := range space {
		if choice[i] < 0 {
			continue
		}
		without := slices.Clone(choice)
		without[i] = -1
		if configKey(base, space, without) != full {
			out = append(out, Setting{Name: dim.Name, Value: dim.Values[choice[i]]})
		}
	}
	return out
}

// baseChoice is the base configuration's choice: -1 in every dimension.
func baseChoice(dims int) []int {
	c := make([]int, dims)
	for i := range c {
		c[i] = -1
	}
	return c
}

// sampler draws distinct trials from a space.
type sampler struct {
	space []TuneDimension
	rng   *rand.Rand
	// seen holds the configurations drawn or refused, by configKey: two
	// choices that train the same configuration on base (a neighbour that
	// sets a dimension to the value its parent had from the base, say)
	// count as one.
	seen  map[string]bool
	base  Config
	allow func(Config) bool // nil: every configuration
}

// tuneSeedStream separates the trials' random stream from the others that
// derive from a seed.
const tuneSeedStream = 0x7a11e5

// newSampler draws from space around base the configurations allow
// accepts (all when it is nil); base's own configuration counts as drawn.
func newSampler(space []TuneDimension, base Config, seed uint64, allow func(Config) bool) *sampler {
	s := &sampler{space: space, rng: rand.New(rand.NewPCG(seed, tuneSeedStream)), seen: map[string]bool{}, base: base}
	s.fresh(baseChoice(len(space)))
	s.allow = allow
	return s
}

// next draws a choice of values not drawn before; ok is false when a long
// run of draws found nothing new (the space is exhausted, or nearly).
func (s *sampler) next() ([]int, bool) {
	for range 1000 {
		choice := make([]int, len(s.space))
		for i, dim := range s.space {
			choice[i] = s.rng.IntN(len(dim.Values))
		}
		if s.fresh(choice) {
			return choice, true
		}
	}
	return nil, false
}

// near draws a choice not drawn before that differs from parent in one
// or two dimensions, each moved to another of its values (a dimension
// the parent leaves as the base has it, -1, may take any value): random
// search finds the region of a good configuration, and its neighbours
// refine it far faster than further random draws. ok is false when a long
// run of draws found nothing new.
func (s *sampler) near(parent []int) ([]int, bool) {
	for range 1000 {
		choice := slices.Clone(parent)
		dims := s.rng.Perm(len(s.space))[:min(len(s.space), 1+s.rng.IntN(2))]
		for _, i := range dims {
			n := len(s.space[i].Values)
			if choice[i] < 0 || n < 2 {
				choice[i] = s.rng.IntN(n)
				continue
			}
			choice[i] = (choice[i] + 1 + s.rng.IntN(n-1)) % n
		}
		if s.fresh(choice) {
			return choice, true
		}
	}
	return nil, false
}

// fresh records the configuration choice trains and reports whether it
// was new and allowed.
func (s *sampler) fresh(choice []int) bool {
	cfg, _ := trialOf(s.base, s.space, choice)
	id := cfgKey(cfg, choice)
	if s.seen[id] {
		return false
	}
	s.seen[id] = true
	return s.allow == nil || s.allow(cfg)
}

// configKey names the configuration a choice trains on base.
func configKey(base Config, space []TuneDimension, choice []int) string {
	cfg, _ := trialOf(base, space, choice)
	return cfgKey(cfg, choice)
}

// cfgKey is configKey of cfg, the configuration choice trains. Values
// that train alike are written alike: a positive-class weight of 0 is 1
// (both unweighted), so that "pos-weight=1" on a base without a weight is
// the base again, not a second trial of it.
func cfgKey(cfg Config, choice []int) string {
	if cfg.Train.PosWeight == 0 {
		cfg.Train.PosWeight = 1
	}
	b, err := json.Marshal(cfg)
	if err != nil { // not expected: a Config is plain data
		return fmt.Sprint(choice)
	}
	return string(b)
}
