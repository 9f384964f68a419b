package experiment

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"runtime"
	"sync"
	"time"

	"gonum.org/v1/gonum/stat"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/engine/metrics"
)

// BacktestOptions chooses the folds of a backtest and how each trains.
type BacktestOptions struct {
	// HorizonDays is the label window (data.DefaultHorizonDays when 0).
	HorizonDays int
	// Cutoffs are the test cutoffs; when empty, Folds of them are chosen by
	// BacktestCutoffs (DefaultBacktestFolds when 0).
	Cutoffs []time.Time
	Folds   int
	// Config is the training configuration, as for train. Its ValFrac share
	// of each training cohort is held out for early stopping; TestFrac must
	// be 0, as each fold is tested on a later cohort.
	Config Config
	// BTYD adds the BG/NBD inputs to both cohorts of every fold, each
	// fitted on the history up to its own cutoff (LogFeatures.BTYD), as
	// train --btyd-features does.
	BTYD bool
	// Exclude names columns of the cohorts left out of the features, as
	// Source.Exclude; an unknown name is refused.
	Exclude []string
}

// BacktestFold is one fold: a network trained on the customers at
// TrainCutoff (labels from the horizon after it, which ends at TestCutoff)
// and tested, beside BG/NBD, on the customers at TestCutoff.
type BacktestFold struct {
	// Fold is 1-based, oldest first.
	Fold                    int
	TrainCutoff, TestCutoff time.Time
	// Train and Test describe the two cohorts: customers, positives and the
	// positive rate (its change from one to the other is drift).
	Train, Test data.CohortReport
	// TrainRows and ValRows are the rows the network trained on (duplicates
	// dropped) and the share held out for early stopping.
	TrainRows, ValRows int
	// Epochs ran; the weights of BestEpoch were kept.
	Epochs, BestEpoch int
	// Network and BGNBD are measured on the same customers: every row of
	// the test cohort.
	Network, BGNBD metrics.Report
	// BGNBDFit is BG/NBD fitted on the history up to TestCutoff.
	BGNBDFit BGNBDFit
	// BGNBDErr says why BG/NBD could not be fitted on this fold (its
	// maximum-likelihood search did not converge, say); BGNBD and BGNBDFit
	// are then zero. The network's figures stand either way.
	BGNBDErr error
	// Decay is the fold's decay check, which says which network it kept
	// (nil when the configuration checks none); CalibrationDropped says
	// why the fold's Platt map was not applied (nil when it was, or none
	// was asked for).
	Decay              *DecayCheck
	CalibrationDropped *CalibrationDropped
}

// BacktestScores are the scalar figures of one model on one fold, with the
// names of eval's JSON, plus the lift of the top-scored decile.
type BacktestScores struct {
	Scores
	TopDecileLift float64 `json:"top_decile_lift"`
}

// BacktestScoresOf takes the scalar figures out of a report.
func BacktestScoresOf(r metrics.Report) BacktestScores {
	s := BacktestScores{Scores: ScoresOf(r)}
	if len(r.Gains) > 0 {
		s.TopDecileLift = r.Gains[0].Lift
	}
	return s
}

// BacktestSummary is the mean and the sample standard deviation (ddof = 1)
// of one model's figures over the folds. One fold has no deviation: its
// Std figures are NaN (OneFold), written as null in JSON.
type BacktestSummary struct {
	Mean BacktestScores `json:"mean"`
	Std  BacktestScores `json:"std"`
}

// OneFold reports whether the summary is of a single fold, whose standard
// deviation is undefined (Std's figures NaN).
func (s BacktestSummary) OneFold() bool { return math.IsNaN(s.Std.ROCAUC) }

// MarshalJSON writes the summary with "std": null for one fold (JSON has
// no NaN).
func (s BacktestSummary) MarshalJSON() ([]byte, error) {
	var std *BacktestScores
	if !s.OneFold() {
		std = &s.Std
	}
	return json.Marshal(struct {
		Mean BacktestScores  `json:"mean"`
		Std  *BacktestScores `json:"std"`
	}{s.Mean, std})
}

// BacktestResult is the outcome of Backtest.
type BacktestResult struct {
	Log         string
	HorizonDays int
	Config      Config
	Folds       []BacktestFold
	// Network and BGNBD summarise the folds of each model; BGNBD is nil
	// when it could not be fitted on some fold (see BacktestFold.BGNBDErr).
	Network BacktestSummary
	BGNBD   *BacktestSummary
}

// Backtest validates cfg out of time on an order log. For each test cutoff t
// it trains a network, as train does, on the cohort data.BuildCohortWith makes
// at t − horizon (whose labels come from the window up to t), and measures
// it on the cohort at t (labels from the horizon after t) beside BG/NBD
// fitted on the history up to t. The cutoffs are checked first
// (*CutoffError). Folds run in parallel, one per CPU; progress, if not nil,
// is called after each fold with the number done, the number of folds and
// the fold, from one goroutine at a time. A BG/NBD fit that fails does not
// stop the backtest: the fold records why (BacktestFold.BGNBDErr).
func Backtest(ctx context.Context, log *data.OrderLog, opts BacktestOptions, progress func(done, k int, f *BacktestFold)) (*BacktestResult, error) {
	h := opts.HorizonDays
	if h == 0 {
		h = data.DefaultHorizonDays
	}
	cfg := opts.Config
	if cfg.TestFrac != 0 {
		return nil, fmt.Errorf("%w: a backtest tests each fold on a later cohort; test share %g must be 0", engine.ErrConfig, cfg.TestFrac)
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	var cutoffs []time.Time
	var err error
	if len(opts.Cutoffs) > 0 {
		cutoffs, err = CheckBacktestCutoffs(log, h, opts.Cutoffs)
	} else {
		k := opts.Folds
		if k == 0 {
			k = DefaultBacktestFolds
		}
		cutoffs, err = BacktestCutoffs(log, h, k)
	}
	if err != nil {
		return nil, err
	}
	// The features train makes of this log, its event features included;
	// each fold takes them at its own cutoff.
	features, err := LogFeatures{}.forTraining(log, log.Name)
	if err != nil {
		return nil, err
	}
	features.BTYD = opts.BTYD
	src := Source{Kind: "log", Path: log.Name, HorizonDays: h, Features: features, Exclude: opts.Exclude}
	k := len(cutoffs)
	res := &BacktestResult{Log: log.Name, HorizonDays: h, Config: cfg, Folds: make([]BacktestFold, k)}
	errs := make([]error, k)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu   sync.Mutex
		done int
		wg   sync.WaitGroup
	)
	jobs := make(chan int)
	for range min(k, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range jobs {
				f := &res.Folds[i]
				if errs[i] = runBacktestFold(ctx, log, cfg, src, cutoffs[i], f); errs[i] != nil {
					cancel()
					continue
				}
				f.Fold = i + 1
				if progress != nil {
					mu.Lock()
					done++
					progress(done, k, f)
					mu.Unlock()
				}
			}
		})
	}
	for i := range k {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if err := firstFailure(errs, func(_ int, err error) error { return err }); err != nil {
		return nil, err
	}
	res.Network = summariseBacktest(res.Folds, func(f *BacktestFold) metrics.Report { return f.Network })
	for _, f := range res.Folds {
		if f.BGNBDErr != nil {
			return res, nil
		}
	}
	bg := summariseBacktest(res.Folds, func(f *BacktestFold) metrics.Report { return f.BGNBD })
	res.BGNBD = &bg
	return res, nil
}

// runBacktestFold trains at cutoff − horizon and measures at cutoff, on the
// cohorts src (the backtest's source, its cutoff unset) makes of log.
func runBacktestFold(ctx context.Context, log *data.OrderLog, cfg Config, src Source, cutoff time.Time, f *BacktestFold) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	h := src.HorizonDays
	f.TestCutoff, f.TrainCutoff = cutoff, cutoff.AddDate(0, 0, -h)
	date := cutoff.Format(time.DateOnly)
	src.Cutoff = cutoff
	testTab, testRep, bg, err := buildLogCohort(ctx, log, src)
	if err != nil {
		return fmt.Errorf("backtest fold at %s: %w", date, err)
	}
	f.Test = testRep
	d := &Data{Source: src, Table: testTab, Cohort: &testRep, Log: log}
	e, err := newOutOfTime(ctx, d, cfg, nil)
	if err != nil {
		return fmt.Errorf("backtest fold at %s: %w", date, err)
	}
	f.Train = *e.Data.Cohort
	f.TrainRows, f.ValRows = e.Train.Rows, e.Val.Rows
	if err := e.Run(ctx); err != nil {
		return fmt.Errorf("backtest fold at %s: %w", date, err)
	}
	f.Epochs, f.BestEpoch = len(e.Trainer.History()), e.Trainer.BestEpoch()
	probs, labels, _, err := e.Scores(LaterPart)
	if err != nil {
		return fmt.Errorf("backtest fold at %s: %w", date, err)
	}
	f.Decay = e.Decay
	if f.CalibrationDropped, err = e.CalibrationDropped(); err != nil {
		return fmt.Errorf("backtest fold at %s: %w", date, err)
	}
	if f.Network, err = metrics.NewReport(probs, labels, nil, cfg.Threshold); err != nil {
		return fmt.Errorf("backtest fold at %s: network metrics: %w", date, err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if bg == nil { // without --btyd-features the cohort has not fitted it
		if bg, err = bgnbdBaseline(ctx, log, testTab, cutoff, h); err != nil {
			if ctxErr := ctx.Err(); ctxErr != nil {
				return ctxErr
			}
			f.BGNBDErr = err
			return nil
		}
	}
	f.BGNBDFit = bg.Fit
	if f.BGNBD, err = bg.Report(testTab.Label.Values, cfg.Threshold); err != nil {
		return fmt.Errorf("backtest fold at %s: %w", date, err)
	}
	return nil
}

// summariseBacktest computes the mean and sample deviation of a model's
// figures over the folds.
func summariseBacktest(folds []BacktestFold, report func(*BacktestFold) metrics.Report) BacktestSummary {
	scores := make([]BacktestScores, len(folds))
	for i := range folds {
		scores[i] = BacktestScoresOf(report(&folds[i]))
	}
	var s BacktestSummary
	mean, std := s.Mean.fields(), s.Std.fields()
	values := make([]float64, len(folds))
	for j := range mean {
		for i := range scores {
			values[i] = *scores[i].fields()[j]
		}
		*mean[j], *std[j] = stat.Mean(values, nil), math.NaN()
		if len(values) > 1 {
			*mean[j], *std[j] = stat.MeanStdDev(values, nil)
		}
	}
	return s
}

// fields lists the figures in a fixed order.
func (s *BacktestScores) fields() []*float64 {
	return append(s.Scores.fields(), &s.TopDecileLift)
}
