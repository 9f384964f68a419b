package experiment

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"
)

// labelSpace is a one-dimension space whose value v is written into
// Config.Train.L2, where a fake objective reads it back.
func labelSpace(n int) []TuneDimension {
	vs := make([]int, n)
	for i := range vs {
		vs[i] = i + 1
	}
	return []TuneDimension{Dim("v", vs, strconv.Itoa, func(c *Config, v int) { c.Train.L2 = float64(v) })}
}

func TestRungFoldsAndRoundSize(t *testing.T) {
	for _, c := range []struct {
		k, eta int
		want   []int
		round  int
	}{
		{5, 3, []int{1, 2, 5}, 9},
		{10, 3, []int{1, 2, 4, 10}, 27},
		{3, 3, []int{1, 3}, 3},
		{2, 2, []int{1, 2}, 2},
		{4, 2, []int{1, 2, 4}, 4},
	} {
		if got := RungFolds(c.k, c.eta); !slices.Equal(got, c.want) {
			t.Errorf("RungFolds(%d, %d) = %v, want %v", c.k, c.eta, got, c.want)
		}
		if got := RoundSize(c.k, c.eta); got != c.round {
			t.Errorf("RoundSize(%d, %d) = %d, want %d", c.k, c.eta, got, c.round)
		}
	}
}

// TestHalvingPromotesExactly runs one round on a fake objective whose
// scores are worked out by hand: on fold 1 a trial of value v scores
// 0.5 + v/100, so rung 0 (one fold) keeps the best third of the nine drawn
// trials, v = 9, 8 and 7. On fold 2 only v = 7 scores 0.9 (others 0.5),
// so on two folds v = 7 leads ((0.57+0.9)/2 = 0.735 against 0.54 and
// 0.545) and alone reaches rung 2 (five folds), where it scores
// (0.57 + 0.9 + 3·0.57)/5 = 0.636. The base trial (L2 0, so 0.5
// everywhere) is measured on all five folds at once and never stopped.
func TestHalvingPromotesExactly(t *testing.T) {
	var mu sync.Mutex
	var calls []string
	eval := func(_ context.Context, cfg Config, fold int) (FoldResult, error) {
		v := cfg.Train.L2
		mu.Lock()
		calls = append(calls, strconv.Itoa(int(v))+"/"+strconv.Itoa(fold))
		mu.Unlock()
		auc := 0.5 + v/100
		if fold == 1 {
			auc = 0.5
			if v == 7 {
				auc = 0.9
			}
		}
		return FoldResult{Fold: fold + 1, Scores: Scores{ROCAUC: auc}}, nil
	}
	opts, err := TuneOptions{Trials: 10, Space: labelSpace(9), Seed: 4, Workers: 2}.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	res, err := newTuner(DefaultConfig(), opts, 1).run(context.Background(), eval)
	if err != nil {
		t.Fatal(err)
	}
	if res.Ended != "done" || res.Tried != 10 || !slices.Equal(res.RungFolds, []int{1, 2, 5}) {
		t.Fatalf("ended %q after %d trials, rungs %v", res.Ended, res.Tried, res.RungFolds)
	}
	rung := map[string]int{}
	stopped := map[string]bool{}
	for _, tr := range res.Board {
		v := "base"
		if !tr.Base {
			v = tr.Settings[0].Value
		}
		rung[v], stopped[v] = tr.Rung, tr.Stopped
	}
	wantRung := map[string]int{"base": 2, "1": 0, "2": 0, "3": 0, "4": 0, "5": 0, "6": 0, "7": 2, "8": 1, "9": 1}
	wantStopped := map[string]bool{"1": true, "2": true, "3": true, "4": true, "5": true, "6": true, "8": true, "9": true}
	for v := range wantRung {
		if rung[v] != wantRung[v] || stopped[v] != wantStopped[v] {
			t.Errorf("value %s: rung %d stopped %v, want rung %d stopped %v", v, rung[v], stopped[v], wantRung[v], wantStopped[v])
		}
	}
	// 5 base folds, fold 0 of all nine, fold 1 of 7, 8, 9, folds 2–4 of 7.
	want := []string{"0/0", "0/1", "0/2", "0/3", "0/4", "7/1", "8/1", "9/1", "7/2", "7/3", "7/4"}
	for v := 1; v <= 9; v++ {
		want = append(want, strconv.Itoa(v)+"/0")
	}
	slices.Sort(want)
	slices.Sort(calls)
	if !slices.Equal(calls, want) {
		t.Errorf("folds trained %v, want %v", calls, want)
	}
	if res.Best == nil || res.Best.Settings[0].Value != "7" || math.Abs(res.Best.AUC-0.636) > 1e-12 || !res.Best.Complete {
		t.Fatalf("best %+v", res.Best)
	}
	for _, tr := range res.Board {
		if tr.Interrupted {
			t.Errorf("trial %d interrupted in a search that ended by itself", tr.Number)
		}
	}
	if res.Board[0].Number != res.Best.Number || !res.Board[1].Base {
		t.Errorf("board starts %d, %d", res.Board[0].Number, res.Board[1].Number)
	}
}

// TestTuneKeepsBaseWhenItWins: a base configuration better than every
// trial is what the search reports.
func TestTuneKeepsBaseWhenItWins(t *testing.T) {
	eval := func(_ context.Context, cfg Config, fold int) (FoldResult, error) {
		return FoldResult{Scores: Scores{ROCAUC: 0.9 - cfg.Train.L2/100}}, nil
	}
	opts, _ := TuneOptions{Trials: 4, Space: labelSpace(5), Folds: 3}.withDefaults()
	res, _ := newTuner(DefaultConfig(), opts, 1).run(context.Background(), eval)
	if res.Best == nil || !res.Best.Base || res.Best.AUC != 0.9 {
		t.Fatalf("best %+v", res.Best)
	}
}

// TestTuneBudgetEnds: with no trial count, rounds go on until the budget
// ends, which stops the folds in training.
func TestTuneBudgetEnds(t *testing.T) {
	eval := func(ctx context.Context, _ Config, _ int) (FoldResult, error) {
		<-ctx.Done()
		return FoldResult{}, ctx.Err()
	}
	opts, _ := TuneOptions{Budget: time.Millisecond, Space: labelSpace(50)}.withDefaults()
	res, err := newTuner(DefaultConfig(), opts, 1).run(context.Background(), eval)
	if err != nil || res.Ended != "budget" || res.Best != nil || res.Tried != RoundSize(5, 3) {
		t.Fatalf("ended %q, best %v, %d trials, err %v", res.Ended, res.Best, res.Tried, err)
	}
}

// TestTuneCancelKeepsBestSoFar: cancelled after the base trial's folds,
// the search reports the base trial as the best so far.
func TestTuneCancelKeepsBestSoFar(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	eval := func(ctx context.Context, cfg Config, _ int) (FoldResult, error) {
		if cfg.Train.L2 == 0 { // the base trial
			return FoldResult{Scores: Scores{ROCAUC: 0.8}}, nil
		}
		cancel()
		<-ctx.Done()
		return FoldResult{}, ctx.Err()
	}
	opts, _ := TuneOptions{Trials: 5, Space: labelSpace(9), Workers: 1}.withDefaults()
	res, _ := newTuner(DefaultConfig(), opts, 1).run(ctx, eval)
	if res.Ended != "cancelled" || res.Best == nil || !res.Best.Base || res.Best.AUC != 0.8 {
		t.Fatalf("ended %q, best %+v", res.Ended, res.Best)
	}
	// The other trials were cut short: marked so, ranked below the base.
	for i, tr := range res.Board {
		if tr.Interrupted != !tr.Base || tr.Base != (i == 0) {
			t.Errorf("board[%d]: trial %d base %v interrupted %v", i, tr.Number, tr.Base, tr.Interrupted)
		}
	}
}

// TestCompareTrialsFoldsFirst: a trial cut short on four folds ranks below
// a weaker one measured on all five (means over different folds are not
// comparable), and above one on two; failed trials come last.
func TestCompareTrialsFoldsFirst(t *testing.T) {
	folds := func(n int) []FoldResult { return make([]FoldResult, n) }
	board := []Trial{
		{Number: 15, Folds: folds(4), AUC: 0.8366, Interrupted: true},
		{Number: 9, Err: "diverged"},
		{Number: 8, Folds: folds(5), AUC: 0.8245, Complete: true},
		{Number: 3, Folds: folds(2), AUC: 0.9, Stopped: true},
		{Number: 1, Folds: folds(5), AUC: 0.8373, Complete: true},
	}
	slices.SortStableFunc(board, compareTrials)
	var got []int
	for _, tr := range board {
		got = append(got, tr.Number)
	}
	if want := []int{1, 8, 15, 3, 9}; !slices.Equal(got, want) {
		t.Errorf("ranked %v, want %v", got, want)
	}
}

// TestTuneFailedTrialIsRankedLast: a diverging trial is reported with its
// error, never promoted.
func TestTuneFailedTrialIsRankedLast(t *testing.T) {
	eval := func(_ context.Context, cfg Config, _ int) (FoldResult, error) {
		if cfg.Train.L2 == 2 {
			return FoldResult{}, errors.New("training diverged")
		}
		return FoldResult{Scores: Scores{ROCAUC: 0.5 + cfg.Train.L2/10}}, nil
	}
	opts, _ := TuneOptions{Trials: 3, Space: labelSpace(2), Folds: 2, Eta: 2}.withDefaults()
	res, _ := newTuner(DefaultConfig(), opts, 1).run(context.Background(), eval)
	last := res.Board[len(res.Board)-1]
	if last.Err != "training diverged" || !last.Stopped || res.Best.Settings[0].Value != "1" {
		t.Fatalf("last %+v, best %+v", last, res.Best)
	}
}

func TestTuneOptionErrors(t *testing.T) {
	for _, c := range []struct {
		opts TuneOptions
		want string
	}{
		{TuneOptions{Folds: 1, Trials: 3}, "tune: 1 folds: want at least 2"},
		{TuneOptions{Trials: -1}, "tune: -1 trials: want at least 1 (0: as many as the budget allows)"},
		{TuneOptions{Budget: -time.Second}, "tune: budget -1s: want a positive duration"},
		{TuneOptions{}, "tune: give a number of trials, a budget or both"},
		{TuneOptions{Trials: 3, Eta: 1}, "tune: halving factor 1: want at least 2"},
		{TuneOptions{Trials: 3, Space: []TuneDimension{{Name: "x"}}}, `tune: dimension "x" has no values`},
	} {
		_, err := c.opts.withDefaults()
		if !errors.Is(err, ErrTune) || err.Error() != c.want {
			t.Errorf("%+v: %v, want %s", c.opts, err, c.want)
		}
	}
}

// TestTuneIsDeterministic trains for real on the textbook shop: the same
// seed and trial count give the same leaderboard with one worker or two
// (only the wall times differ), and the best trial's figures are those
// CrossValidate gives its configuration.
func TestTuneIsDeterministic(t *testing.T) {
	d := textbookData(t)
	base := DefaultConfig()
	base.Train.Epochs = 3
	run := func(workers int, seed uint64) TuneResult {
		res, err := Tune(context.Background(), d, base, TuneOptions{Trials: 5, Folds: 3, Seed: seed, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		for i := range res.Board {
			res.Board[i].Time = 0
		}
		res.Elapsed, res.Workers, res.Best.Time = 0, 0, 0
		return res
	}
	a, b := run(1, 7), run(2, 7)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("one worker and two differ:\n%+v\n%+v", a.Board, b.Board)
	}
	if c := run(2, 8); reflect.DeepEqual(a.Board, c.Board) {
		t.Error("another seed drew the same trials")
	}
	cfg := a.Best.Config
	if cfg.Train.PosWeight == BalancedPosWeight {
		cfg.Train.PosWeight = a.Best.PosWeight
	}
	cv, err := CrossValidate(context.Background(), d, cfg, 3, nil)
	if err != nil {
		t.Fatal(err)
	}
	if cv.Mean.ROCAUC != a.Best.AUC || cv.Std.ROCAUC != a.Best.AUCStd {
		t.Errorf("CrossValidate %v ± %v, tune %v ± %v", cv.Mean.ROCAUC, cv.Std.ROCAUC, a.Best.AUC, a.Best.AUCStd)
	}
}

// TestSamplerNear: a neighbour differs from its parent in one or two
// dimensions, each moved to another of its values; a base dimension (-1)
// may take any value; no choice is drawn twice.
func TestSamplerNear(t *testing.T) {
	four := []string{"a", "b", "c", "d"}
	// Each dimension writes its value index (+10, never the base's) into
	// a field of its own, so every choice trains its own configuration.
	fields := []func(c *Config) *float64{
		func(c *Config) *float64 { return &c.Train.L2 },
		func(c *Config) *float64 { return &c.Train.Optimizer.LR },
		func(c *Config) *float64 { return &c.Train.PosWeight },
	}
	space := make([]TuneDimension, len(fields))
	for i, field := range fields {
		space[i] = TuneDimension{Name: strconv.Itoa(i), Values: four, Set: func(c *Config, v int) { *field(c) = float64(v + 10) }}
	}
	s := newSampler(space, DefaultConfig(), 7, nil)
	seen := map[string]bool{}
	for _, parent := range [][]int{{1, 2, 3}, {-1, -1, -1}} {
		for range 20 {
			c, ok := s.near(parent)
			if !ok {
				t.Fatalf("no neighbour of %v", parent)
			}
			changed := 0
			for i := range c {
				if c[i] != parent[i] {
					changed++
				}
				if c[i] < -1 || c[i] >= 4 || (c[i] == -1 && parent[i] != -1) {
					t.Fatalf("neighbour %v of %v", c, parent)
				}
			}
			key := fmt.Sprint(c)
			if changed < 1 || changed > 2 || seen[key] {
				t.Fatalf("neighbour %v of %v: %d changed, seen before %v", c, parent, changed, seen[key])
			}
			seen[key] = true
		}
	}
}

// TestTuneDrawsNeighbours: after a round, every other new trial is a
// neighbour of the best trial measured on every fold (here trial 3, not
// the base), its settings one or two values away; the others are random.
func TestTuneDrawsNeighbours(t *testing.T) {
	opts, err := TuneOptions{Trials: 1, Space: DefaultTuneSpace(), Seed: 3}.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	tu := newTuner(DefaultConfig(), opts, 1)
	first := tu.draw(4)
	for i, auc := range []float64{0.80, 0.70, 0.85, 0.90} {
		first[i].AUC, first[i].Complete = auc, i != 3 // trial 4 is best but not complete
	}
	tu.round = 2
	batch := tu.draw(6)
	for i, tr := range batch {
		if i%2 == 0 {
			if tr.Parent != 0 || tr.OnBase || len(tr.Settings) != len(opts.Space) {
				t.Errorf("trial %d: parent %d, %d settings; want a random draw", tr.Number, tr.Parent, len(tr.Settings))
			}
			continue
		}
		if tr.Parent != 3 {
			t.Errorf("trial %d: parent %d, want 3", tr.Number, tr.Parent)
		}
		diff := 0
		for j, s := range tr.Settings {
			if s != first[2].Settings[j] {
				diff++
			}
		}
		if diff < 1 || diff > 2 {
			t.Errorf("trial %d differs from trial 3 in %d settings: %v against %v", tr.Number, diff, tr.Settings, first[2].Settings)
		}
	}
	// With only the base complete, neighbours list only what they change.
	first[2].Complete = false
	first[0].Complete = true
	tr := tu.draw(2)[1]
	if tr.Parent != 1 || !tr.OnBase || len(tr.Settings) < 1 || len(tr.Settings) > 2 {
		t.Errorf("neighbour of the base: parent %d, settings %v", tr.Parent, tr.Settings)
	}
	cfg, _ := trialOf(DefaultConfig(), opts.Space, tr.choice)
	if !reflect.DeepEqual(cfg, tr.Config) {
		t.Error("a neighbour's configuration is not its choice applied to the base")
	}
}

// TestTuneNeighboursTrainSomethingNew: a neighbour that would only set a
// dimension to the value its parent already had from the base (lr 0.001
// and batch 32 are the default's; a positive-class weight of 1 is the
// default's 0, both unweighted) trains the same configuration, so it is
// not drawn; every configuration drawn differs from the base and from
// every other.
func TestTuneNeighboursTrainSomethingNew(t *testing.T) {
	opts, err := TuneOptions{Trials: 1, Space: DefaultTuneSpace(), Seed: 5}.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	base := DefaultConfig()
	tu := newTuner(base, opts, 1)
	configs := map[string]bool{configKey(base, opts.Space, baseChoice(len(opts.Space))): true}
	for range 200 {
		c, ok := tu.sample.near(baseChoice(len(opts.Space)))
		if !ok {
			break // the default's neighbourhood is exhausted
		}
		cfg, settings := trialOf(base, opts.Space, c)
		unweighted := func(c Config) Config {
			if c.Train.PosWeight == 1 {
				c.Train.PosWeight = 0
			}
			return c
		}
		if reflect.DeepEqual(unweighted(cfg), unweighted(base)) {
			t.Fatalf("neighbour %v trains the base configuration", settings)
		}
		k := configKey(base, opts.Space, c)
		if configs[k] {
			t.Fatalf("neighbour %v trains a configuration drawn before", settings)
		}
		configs[k] = true
	}
	if len(configs) < 50 {
		t.Errorf("only %d distinct neighbours of the default", len(configs)-1)
	}
}

// TestTuneDrawsOnlyAllowedConfigurations: with Allow, no trial drawn at
// random or next to the best one is a configuration it refuses; the base
// configuration is trial 1 all the same.
func TestTuneDrawsOnlyAllowedConfigurations(t *testing.T) {
	small := func(c Config) bool {
		for _, l := range c.Hidden {
			if l.Units > 32 {
				return false
			}
		}
		return true
	}
	base := DefaultConfig() // 64, 32: refused by small
	draw := func(allow func(Config) bool) []*Trial {
		opts, err := TuneOptions{Trials: 1, Space: DefaultTuneSpace(), Seed: 5, Allow: allow}.withDefaults()
		if err != nil {
			t.Fatal(err)
		}
		tu := newTuner(base, opts, 1)
		first := tu.draw(12)
		first[1].AUC, first[1].Complete = 0.9, true // the parent of the neighbours drawn next
		tu.round = 2
		return append(first, tu.draw(12)...)
	}
	refused := 0
	for _, tr := range draw(nil) {
		if !tr.Base && !small(tr.Config) {
			refused++
		}
	}
	if refused == 0 {
		t.Fatal("without Allow no trial had a layer above 32 units: the test shows nothing")
	}
	trials := draw(small)
	if !trials[0].Base || len(trials[0].Config.Hidden) != 2 || trials[0].Config.Hidden[0].Units != 64 {
		t.Errorf("trial 1 is %+v, want the base configuration", trials[0].Config.Hidden)
	}
	neighbours := 0
	for _, tr := range trials[1:] {
		if !small(tr.Config) {
			t.Errorf("trial %d (settings %v) was drawn though Allow refuses it", tr.Number, tr.Settings)
		}
		if tr.Parent > 0 {
			neighbours++
		}
	}
	if len(trials) != 24 || neighbours == 0 {
		t.Errorf("%d trials, %d of them neighbours; want 24 with some neighbours", len(trials), neighbours)
	}
}

// A trial on the default lists only the settings that change it: ln(1+v)
// on and patience 10 set on the default (which has ln(1+v) and patience
// 25) list patience 10 alone, the ln(1+v) setting being the default's own.
func TestChangedSettingsLeaveOutTheBasesOwn(t *testing.T) {
	space := DefaultTuneSpace()
	choice := baseChoice(len(space))
	for i, dim := range space {
		switch dim.Name {
		case "log1p":
			choice[i] = slices.Index(dim.Values, "true")
		case "patience":
			choice[i] = slices.Index(dim.Values, "10")
		}
	}
	got := changedSettings(DefaultConfig(), space, choice)
	if want := []Setting{{Name: "patience", Value: "10"}}; !slices.Equal(got, want) {
		t.Errorf("settings %v, want %v", got, want)
	}
}
