package recommend

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
)

// ModelConfig says how the ranking network is built and trained.
type ModelConfig struct {
	Hidden []engine.LayerSpec
	Train  engine.TrainConfig
	// Windows is the number of training cutoffs, one horizon apart before
	// the evaluation cutoff (fewer when the log is too short).
	Windows int
	// MaxOwn and MaxPopular bound each customer's candidates: their own
	// items in P-TopFreq order, and the TopPop items they have not bought.
	MaxOwn, MaxPopular int
	// NegativeRate is the share of negative training pairs kept (a uniform
	// sample leaves the order of the scores unchanged).
	NegativeRate float64
	// ValFrac is the share of training customers held out for early
	// stopping (at every training cutoff alike).
	ValFrac float64
	Seed    uint64
}

// DefaultModelConfig is the configuration the README's figures come from.
func DefaultModelConfig() ModelConfig {
	return ModelConfig{
		Hidden: []engine.LayerSpec{{Units: 64, Activation: engine.ReLU}, {Units: 32, Activation: engine.ReLU}},
		Train: engine.TrainConfig{
			Epochs: 10, BatchSize: 256,
			Optimizer: engine.OptimizerConfig{Kind: "adam", LR: 1e-3},
			EarlyStop: engine.EarlyStopConfig{Patience: 2, MinDelta: 1e-4},
		},
		Windows: 4, MaxOwn: 150, MaxPopular: 50, NegativeRate: 0.5, ValFrac: 0.1, Seed: 1,
	}
}

// Model is a ranking network prepared for training at one cutoff. Run
// Trainer (the engine's, so it can be watched, paused and stepped), then
// rank with Scores.
type Model struct {
	Config          ModelConfig
	Cutoff, Horizon int32
	// TrainCutoffs are the cutoffs whose pairs the network learns from.
	TrainCutoffs []int32
	// Mean and Std standardise the features (training statistics).
	Mean, Std []float64
	Net       *engine.Network
	Trainer   *engine.Trainer
	// TrainRows, ValRows and Positives count the training pairs.
	TrainRows, ValRows, Positives int
	// held are the customers held out for early stopping, whom the check
	// (Check) ranks.
	held []heldOut
}

// TrainCutoffs returns the training cutoffs for an evaluation cutoff: one
// horizon apart before it, each leaving at least a horizon of history after
// the log's first day. Their label windows end before the cutoff.
func (l *Log) TrainCutoffs(cutoff, horizon int32, windows int) []int32 {
	var out []int32
	for j := 1; j <= windows; j++ {
		t := cutoff - int32(j)*horizon
		if t-l.First < horizon {
			break
		}
		out = append(out, t)
	}
	return out
}

// NewModel builds the training pairs at the training cutoffs, standardises
// them and prepares a network and its trainer. Nothing dated on or after
// cutoff is read.
func NewModel(l *Log, cutoff, horizon int32, cfg ModelConfig) (*Model, error) {
	return newModel(l, cutoff, horizon, cfg, 0)
}

// PairLimitError refuses a model whose training and validation pairs
// would pass MaxPairs (Options.MaxPairs): building them stopped there.
type PairLimitError struct{ MaxPairs int }

// Error implements error.
func (e *PairLimitError) Error() string {
	return fmt.Sprintf("the recommender would train on more than %s (customer, item) pairs; this session allows training on at most %s rows",
		data.Thousands(e.MaxPairs), data.Thousands(e.MaxPairs))
}

// newModel is NewModel that stops building pairs, with a *PairLimitError,
// once there are more than maxPairs of them (0: no limit), before their
// memory grows further.
func newModel(l *Log, cutoff, horizon int32, cfg ModelConfig, maxPairs int) (*Model, error) {
	m := &Model{Config: cfg, Cutoff: cutoff, Horizon: horizon, TrainCutoffs: l.TrainCutoffs(cutoff, horizon, cfg.Windows)}
	if len(m.TrainCutoffs) == 0 {
		return nil, fmt.Errorf("%w: %s: the model trains on the horizon before %s and needs a horizon of history before that (the log starts %s)",
			ErrCutoff, l.Name, Date(cutoff-horizon).Format("2006-01-02"), Date(l.First).Format("2006-01-02"))
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x7ec0))
	cols := len(FeatureNames)
	var train, val, trainY, valY []float64
	x := make([]float64, cols)
	var cands []candidate
	bought := make([]bool, len(l.Customers)) // in some training window
	// A customer is held out, or not, at every training cutoff alike: the
	// check (Check) then ranks customers none of whose purchases trained
	// the network.
	heldOf := map[int32]bool{}
	buyers, valPositives := 0, 0
	for _, t := range m.TrainCutoffs {
		s := l.snapshotAt(t, horizon)
		truth := l.TruthAt(t, horizon)
		for i, c := range truth.Customers {
			if !bought[c] {
				bought[c] = true
				buyers++
			}
			held, decided := heldOf[c]
			if !decided {
				held = rng.Float64() < cfg.ValFrac
				heldOf[c] = held
			}
			if held {
				m.held = append(m.held, heldOut{cutoff: t, customer: c, bought: truth.Bought[i]})
			}
			cands = s.candidates(c, cfg.MaxOwn, cfg.MaxPopular, cands[:0])
			for _, p := range cands {
				y := 0.0
				if truth.Bought[i][p.item] {
					y = 1
				} else if rng.Float64() >= cfg.NegativeRate {
					continue
				}
				if maxPairs > 0 && len(trainY)+len(valY) == maxPairs {
					return nil, &PairLimitError{MaxPairs: maxPairs}
				}
				s.features(p, x)
				if held {
					val, valY = append(val, x...), append(valY, y)
					valPositives += int(y)
				} else {
					train, trainY = append(train, x...), append(trainY, y)
					m.Positives += int(y)
				}
			}
		}
	}
	m.TrainRows, m.ValRows = len(trainY), len(valY)
	if err := m.checkPairs(l, buyers, valPositives); err != nil {
		return nil, err
	}
	m.Mean, m.Std = standardiser(train, cols)
	m.standardise(train)
	m.standardise(val)
	trainSet, err := engine.DatasetFromFlat(train, trainY, m.TrainRows, cols, 1)
	if err != nil {
		return nil, err
	}
	valSet, err := engine.DatasetFromFlat(val, valY, m.ValRows, cols, 1)
	if err != nil {
		return nil, err
	}
	arch := engine.Architecture{Inputs: cols, Hidden: cfg.Hidden, Outputs: 1, Loss: engine.BCE}
	if m.Net, err = engine.NewNetwork(arch, rng); err != nil {
		return nil, err
	}
	if m.Trainer, err = engine.NewTrainer(m.Net, trainSet, valSet, cfg.Train, rng); err != nil {
		return nil, err
	}
	return m, nil
}

// ErrTrainingPairs reports training pairs no model can learn from: none,
// all of one class, all from one customer, or none left to validate on
// (matched with errors.Is;
// the message says which, with the counts, and what to do).
var ErrTrainingPairs = errors.New("nothing to learn from")

// FewItemsError is the ErrTrainingPairs of a log whose buying customers
// bought every candidate item: its item column holds too few items to
// rank. Err says so; the message adds the command line's advice, to name
// another column with --item-column (an interface words its own).
type FewItemsError struct{ Err error }

// Error is the wrapped error's text, with what to change.
func (e *FewItemsError) Error() string {
	return e.Err.Error() + "; name a column with more items with --item-column"
}

// Unwrap returns the refusal without the advice (an ErrTrainingPairs).
func (e *FewItemsError) Unwrap() error { return e.Err }

// WindowError is the ErrTrainingPairs of a cutoff and horizon whose
// training windows hold no purchase to learn from. Err says so; the
// message adds the command line's advice, to choose another --cutoff or a
// longer --horizon (an interface words its own; Orders says the advice
// also names a log with more orders).
type WindowError struct {
	Err    error
	Orders bool
}

// Error is the wrapped error's text, with what to change.
func (e *WindowError) Error() string {
	if e.Orders {
		return e.Err.Error() + "; choose a longer --horizon, another --cutoff or a log with more orders"
	}
	return e.Err.Error() + "; choose a later --cutoff or a longer --horizon"
}

// Unwrap returns the refusal without the advice (an ErrTrainingPairs).
func (e *WindowError) Unwrap() error { return e.Err }

// checkPairs refuses the counted training pairs when they cannot train a
// network worth ranking with: none, all of one class, all from one
// customer, or too few to hold some of both classes to train on and some to
// validate on. buyers counts
// the customers who bought in some training window, valPositives the bought
// pairs held out.
func (m *Model) checkPairs(l *Log, buyers, valPositives int) error {
	windows := "the horizon after the training cutoff " + datesRange(m.TrainCutoffs)
	if len(m.TrainCutoffs) > 1 {
		windows = fmt.Sprintf("the %d horizons after the training cutoffs %s", len(m.TrainCutoffs), datesRange(m.TrainCutoffs))
	}
	pairs, positives := m.TrainRows+m.ValRows, m.Positives+valPositives
	switch {
	case pairs == 0:
		return &WindowError{Err: fmt.Errorf("%w: %s: no customer with history bought in %s, so there is no (customer, item) pair to learn from",
			ErrTrainingPairs, l.Name, windows)}
	case positives == 0:
		return &WindowError{Orders: true, Err: fmt.Errorf("%w: %s: %s: in %s the buying customers bought none of their candidate items (their own earlier items and the %d most popular), so the model has no purchase to learn from",
			ErrTrainingPairs, l.Name, count(pairs, "the only (customer, item) pair is not bought", "none of the %d (customer, item) pairs is bought"),
			windows, m.Config.MaxPopular)}
	case positives == pairs:
		return &FewItemsError{Err: fmt.Errorf("%w: %s: %s bought: in %s the buying customers bought every candidate item, so the model has no item left unbought to rank below (the item column %s holds %s)",
			ErrTrainingPairs, l.Name, count(pairs, "the only (customer, item) pair is", "all %d (customer, item) pairs are"), windows,
			itemColumnName(l.ItemColumn), count(len(l.Items), "1 item", "%d items"))}
	case buyers == 1:
		return fmt.Errorf("%w: %s: the %d (customer, item) pairs (%d bought) come from only 1 customer, who bought in %s: the model learns how customers' purchases differ and is validated on customers held out, so it needs several; recommendation needs a log with more customers",
			ErrTrainingPairs, l.Name, pairs, positives, windows)
	case m.ValRows == 0 || m.Positives == 0 || m.Positives == m.TrainRows:
		return fmt.Errorf("%w: %s: %d (customer, item) pairs (%d bought) from %s who bought in %s: holding out a random %.0f %% of each horizon's buyers to stop training on left %d pairs to train on (%d bought) and %d to validate on, and a model needs pairs bought and not bought to train on and some to validate on; recommendation needs a log with more customers",
			ErrTrainingPairs, l.Name, pairs, positives, count(buyers, "1 customer", "%d customers"), windows,
			100*m.Config.ValFrac, m.TrainRows, m.Positives, m.ValRows)
	}
	return nil
}

// count writes n with one (for 1) or many (a format with one %d).
func count(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return fmt.Sprintf(many, n)
}

// datesRange writes day numbers, newest first as TrainCutoffs holds them,
// as "A" or "A .. B", oldest first.
func datesRange(days []int32) string {
	if len(days) == 0 {
		return ""
	}
	first, last := Date(days[len(days)-1]).Format(time.DateOnly), Date(days[0]).Format(time.DateOnly)
	if first == last {
		return first
	}
	return first + " .. " + last
}

// standardiser returns each column's mean and standard deviation (1 for a
// constant column).
func standardiser(x []float64, cols int) (mean, std []float64) {
	mean, std = make([]float64, cols), make([]float64, cols)
	rows := len(x) / cols
	for r := range rows {
		for j, v := range x[r*cols : (r+1)*cols] {
			mean[j] += v
		}
	}
	for j := range mean {
		mean[j] /= float64(rows)
	}
	for r := range rows {
		for j, v := range x[r*cols : (r+1)*cols] {
			d := v - mean[j]
			std[j] += d * d
		}
	}
	for j := range std {
		std[j] = math.Sqrt(std[j] / float64(rows))
		if std[j] < 1e-12 {
			std[j] = 1
		}
	}
	return mean, std
}

// standardise transforms rows of raw features in place.
func (m *Model) standardise(x []float64) {
	cols := len(m.Mean)
	for i := range x {
		j := i % cols
		x[i] = (x[i] - m.Mean[j]) / m.Std[j]
	}
}

// scores returns the network's probability for each pair of snapshot s.
func (m *Model) scores(s *snapshot, cands []candidate) []float64 {
	cols := len(FeatureNames)
	x := make([]float64, len(cands)*cols)
	for i, p := range cands {
		s.features(p, x[i*cols:(i+1)*cols])
	}
	m.standardise(x)
	out := make([]float64, len(cands))
	if len(cands) > 0 {
		engine.NewPredictor(m.Net).PredictFlat(out, nil, x, len(cands))
	}
	return out
}

// itemColumnName is the item column as a sentence names it after "the
// item column": its header name, or a headerless log's position in
// parentheses ("(column 2)", data.ColumnLabel), where "the item column 2"
// read as a column named 2.
func itemColumnName(name string) string {
	if label := data.ColumnLabel(name); strings.HasPrefix(label, "column ") {
		return "(" + label + ")"
	}
	return name
}
