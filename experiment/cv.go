package experiment

import (
	"context"
	"errors"
	"fmt"
	"gonum.org/v1/gonum/stat"
	"runtime"
	"sync"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/engine/metrics"
)

// DefaultCVValFrac is the share of each fold's training part held out for
// early stopping when Config.ValFrac is 0 and training watches a validation
// loss (see watchesValidation). It matches scikit-learn's
// MLPClassifier(early_stopping=True, validation_fraction=0.1).
const DefaultCVValFrac = 0.1

// cvSeedStream separates the fold assignment's random stream from the one
// that draws weights and shuffles batches (both derive from Config.Seed).
const cvSeedStream = 0xc0ffee5eed

// Scores are the scalar figures of a classifier on one set of rows, with
// scikit-learn's metric names as JSON keys. Accuracy, precision, recall and
// F1 are taken at the configuration's threshold.
type Scores struct {
	ROCAUC           float64 `json:"roc_auc"`
	Accuracy         float64 `json:"accuracy"`
	Precision        float64 `json:"precision"`
	Recall           float64 `json:"recall"`
	F1               float64 `json:"f1"`
	AveragePrecision float64 `json:"average_precision"`
	BrierScoreLoss   float64 `json:"brier_score_loss"`
	LogLoss          float64 `json:"log_loss"`
}

// ScoresOf takes the scalar figures out of a metrics report.
func ScoresOf(r metrics.Report) Scores {
	return Scores{
		ROCAUC: r.ROCAUC, Accuracy: r.Accuracy, Precision: r.Precision, Recall: r.Recall, F1: r.F1,
		AveragePrecision: r.AveragePrecision, BrierScoreLoss: r.BrierScoreLoss, LogLoss: r.LogLoss,
	}
}

// fields lists the figures in a fixed order, so mean and deviation are
// computed by one loop.
func (s *Scores) fields() []*float64 {
	return []*float64{&s.ROCAUC, &s.Accuracy, &s.Precision, &s.Recall, &s.F1,
		&s.AveragePrecision, &s.BrierScoreLoss, &s.LogLoss}
}

// FoldResult is one round of cross-validation.
type FoldResult struct {
	// Fold is 1-based.
	Fold int `json:"fold"`
	// TrainRows is the number of rows the network trained on (after the
	// pipeline dropped duplicates), ValRows the early-stopping share carved
	// out of the fold's training part, TestRows the held-out fold.
	TrainRows int `json:"train_rows"`
	ValRows   int `json:"val_rows"`
	TestRows  int `json:"test_rows"`
	// Inputs is the number of inputs the fold's network reads (the
	// preprocessed width; see Wide).
	Inputs int `json:"inputs"`
	// TestPositives counts the held-out fold's positive rows.
	TestPositives int `json:"test_positives"`
	// Epochs is how many epochs ran; BestEpoch the one whose weights were kept.
	Epochs    int `json:"epochs"`
	BestEpoch int `json:"best_epoch"`
	// Scores are measured on the held-out fold.
	Scores Scores `json:"scores"`
	// BayesAUC is the ROC AUC of the true probabilities on the held-out fold
	// (built-in data only).
	BayesAUC *float64 `json:"bayes_roc_auc,omitempty"`
	// Dropped counts the flagged rows left out of the fold's training
	// part, NotFlaggedRows the held-out rows not flagged and NotFlagged
	// the scores on them (CrossValidateWithout only).
	Dropped        int     `json:"dropped,omitempty"`
	NotFlaggedRows int     `json:"not_flagged_rows,omitempty"`
	NotFlagged     *Scores `json:"not_flagged,omitempty"`
	// CalibrationDropped says why the fold's Platt map was not applied
	// (nil when it was, or when the configuration calibrates nothing).
	CalibrationDropped *CalibrationDropped `json:"calibration_not_applied,omitempty"`
	// Copies counts the fold's early-stopping and held-out rows that
	// repeat a row it trained on (see PartCopies.Warnings).
	Copies PartCopies `json:"-"`
}

// CVResult is the outcome of stratified k-fold cross-validation.
type CVResult struct {
	// K is the number of folds, Seed the configuration's seed, ValFrac the
	// early-stopping share carved out of each training part and Rows the
	// data set's size.
	K       int     `json:"k"`
	Seed    uint64  `json:"seed"`
	ValFrac float64 `json:"val_frac"`
	Rows    int     `json:"rows"`
	// FoldsFrom names the file the folds came from (empty: dealt by
	// data.StratifiedFolds with Seed).
	FoldsFrom string `json:"folds_from,omitempty"`
	// Folds holds each fold's figures, in fold order.
	Folds []FoldResult `json:"folds"`
	// Mean is the mean over folds of every figure; Std their sample standard
	// deviation (ddof = 1, numpy's std(ddof=1)), which is 0 for one fold.
	Mean Scores `json:"mean"`
	Std  Scores `json:"std"`
	// BayesAUC is the mean over folds of FoldResult.BayesAUC (built-in data
	// only), the figure Mean.ROCAUC is compared with.
	BayesAUC *float64 `json:"bayes_roc_auc,omitempty"`
	// NotFlaggedMean is the mean over folds of FoldResult.NotFlagged
	// (CrossValidateWithout only).
	NotFlaggedMean *Scores `json:"not_flagged_mean,omitempty"`
}

// CrossValidate runs stratified k-fold cross-validation of cfg on d. The
// folds come from data.StratifiedKFold driven by cfg.Seed. Each fold is an
// independent experiment: a stratified share cfg.ValFrac (DefaultCVValFrac
// when 0) of its training part is held out for early stopping, the
// preprocessing is fitted on the rest only, and the scores are measured on
// the held-out fold, which nothing in training sees. Fold i's validation
// share is drawn with seed cfg.Seed+i and every fold's network starts from
// cfg.Seed, so a fold can be rebuilt alone with NewWithSplit. Folds run in
// parallel within a budget of one worker per CPU (see cvBudget): every fold
// trains with cfg.Train.Workers set to the budget's per-batch workers, so a
// fold rebuilt alone with that setting gives the same results, whatever the
// order the folds ran in. Progress, if not nil, is called with the number of
// folds finished so far and k, from one goroutine at a time.
func CrossValidate(ctx context.Context, d *Data, cfg Config, k int, progress func(fold, k int)) (CVResult, error) {
	return CrossValidateWithout(ctx, d, cfg, k, nil, progress)
}

// CrossValidateWithout is CrossValidate on the same folds, whose training
// parts (early-stopping share included) leave out the rows flagged (one
// flag per row of d.Table; nil: none). Each fold is measured on its whole
// held-out fold, as CrossValidate does, and also on its rows not flagged
// (FoldResult.NotFlagged).
func CrossValidateWithout(ctx context.Context, d *Data, cfg Config, k int, flagged []bool, progress func(fold, k int)) (CVResult, error) {
	return crossValidate(ctx, d, cfg, k, nil, flagged, progress, nil, runtime.GOMAXPROCS(0))
}

// CrossValidateOn is CrossValidateWithout on the given folds instead of
// data.StratifiedKFold's: made by another tool, say, to compare with it on
// the same rows. Folds must give every row of d.Table a fold, and every
// fold's held-out part must hold both classes. The early-stopping share is
// carved from each fold's training part as CrossValidate carves it.
func CrossValidateOn(ctx context.Context, d *Data, cfg Config, folds data.FoldAssignment, flagged []bool, progress func(fold, k int)) (CVResult, error) {
	return CrossValidateOnWatched(ctx, d, cfg, folds, flagged, progress, nil)
}

// CrossValidateOnWatched is CrossValidateOn that also calls decay, when
// not nil, as a fold's decay check (Config.L2PriorAlt) starts training its
// second network, with the fold's number (1 to k) and the prior its first
// network trained with (Experiment.TrainedPrior), from one goroutine at a
// time (the same lock as progress): that training takes as long as the
// fold's first, so a caller may say why the fold is not done yet.
func CrossValidateOnWatched(ctx context.Context, d *Data, cfg Config, folds data.FoldAssignment, flagged []bool, progress func(fold, k int), decay func(fold int, prior float64)) (CVResult, error) {
	return crossValidate(ctx, d, cfg, folds.K(), &folds, flagged, progress, decay, runtime.GOMAXPROCS(0))
}

// CVFolds returns the folds CrossValidate deals d's rows into for cfg and
// k, to be written out for another tool.
func CVFolds(d *Data, cfg Config, k int) (data.FoldAssignment, error) {
	_, folds, err := cvFolds(d, cfg, k, nil)
	return folds, err
}

// crossValidate is CrossValidateWithout with a budget of cores workers, on
// the given folds when folds is not nil; decay is CrossValidateOnWatched's.
func crossValidate(ctx context.Context, d *Data, cfg Config, k int, folds *data.FoldAssignment, flagged []bool, progress func(fold, k int), decay func(fold int, prior float64), cores int) (CVResult, error) {
	if flagged != nil && len(flagged) != d.Table.Rows {
		return CVResult{}, fmt.Errorf("%w: %d flags for %d rows", ErrSource, len(flagged), d.Table.Rows)
	}
	cfg, splits, err := cvSplits(d, cfg, k, folds)
	if err != nil {
		return CVResult{}, err
	}
	dropped := make([]int, k)
	if flagged != nil {
		for i := range splits {
			n := len(splits[i].Train) + len(splits[i].Validation)
			splits[i].Train, splits[i].Validation = unmarked(splits[i].Train, flagged), unmarked(splits[i].Validation, flagged)
			dropped[i] = n - len(splits[i].Train) - len(splits[i].Validation)
		}
	}
	parallel, workers := cvBudget(cfg.Train, k, d.Table.Rows, cores)
	cfg.Train.Workers = workers
	res := CVResult{K: k, Seed: cfg.Seed, ValFrac: cfg.ValFrac, Rows: d.Table.Rows, Folds: make([]FoldResult, k)}
	errs := make([]error, k)
	var (
		mu   sync.Mutex
		done int
		wg   sync.WaitGroup
	)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan int)
	for range parallel {
		wg.Go(func() {
			for i := range jobs {
				var decayStarts func(prior float64)
				if decay != nil {
					decayStarts = func(prior float64) {
						mu.Lock()
						defer mu.Unlock()
						decay(i+1, prior)
					}
				}
				res.Folds[i], errs[i] = runFold(ctx, d, cfg, splits[i], i+1, flagged, decayStarts)
				res.Folds[i].Dropped = dropped[i]
				if errs[i] != nil {
					cancel() // the result is lost anyway: stop the other folds
					continue
				}
				if progress != nil {
					mu.Lock()
					done++
					progress(done, k)
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
	if err := firstFailure(errs, func(i int, err error) error {
		return fmt.Errorf("cross-validation fold %d: %w", i+1, err)
	}); err != nil {
		return CVResult{}, err
	}
	res.summarise()
	return res, nil
}

// cvBudget shares cores between folds running at once and the workers that
// split each of their batches, so that folds × workers ≤ cores (rows bounds
// a fold's training rows). With train.Workers 0 the folds come first, each
// taking the cores left over for its batches (a batch too small to split
// takes one); a given train.Workers is kept and fewer folds run at once.
func cvBudget(train engine.TrainConfig, k, rows, cores int) (parallel, workers int) {
	cores = max(cores, 1)
	if train.Workers == 0 {
		parallel = min(k, cores)
		train.Workers = max(1, cores/parallel)
		return parallel, train.WorkersFor(rows)
	}
	workers = train.WorkersFor(rows)
	return max(1, min(k, cores/workers)), workers
}

// cvSplits fills in the cross-validation defaults of cfg (the early-stopping
// share when training watches a validation loss, no test share), checks it, and deals d's rows into k stratified
// folds (or takes the given ones), each with its early-stopping share carved out. The folds depend on
// cfg.Seed, cfg.ValFrac and k only, so configurations that share them are
// measured on the same rows.
func cvSplits(d *Data, cfg Config, k int, given *data.FoldAssignment) (Config, []data.Split, error) {
	cfg, assign, err := cvFolds(d, cfg, k, given)
	if err != nil {
		return cfg, nil, err
	}
	labels := d.Table.Label.Values
	splits := make([]data.Split, k)
	for i, f := range assign.Folds() {
		if splits[i], err = carveValidation(labels, f, cfg.ValFrac, cfg.Seed+uint64(i)); err != nil {
			return cfg, nil, fmt.Errorf("cross-validation fold %d: %w", i+1, err)
		}
	}
	return cfg, splits, nil
}

// cvFolds fills in and checks cfg as cvSplits does and returns the folds:
// the given ones, checked against d, or data.StratifiedFolds's.
func cvFolds(d *Data, cfg Config, k int, given *data.FoldAssignment) (Config, data.FoldAssignment, error) {
	// Training that uses a validation loss (to stop early or to lower the
	// rate on a plateau) gets a carve; without either (the article's Keras
	// preset: model.fit without a validation split) a fold trains on its
	// whole training part.
	if cfg.ValFrac == 0 && cfg.Train.WatchesValidation() {
		cfg.ValFrac = DefaultCVValFrac
	}
	// The held-out fold plays the test part's role; the config's own test
	// share does not apply.
	cfg.TestFrac = 0
	if err := cfg.Validate(); err != nil {
		return cfg, data.FoldAssignment{}, err
	}
	labels := d.Table.Label.Values
	if given != nil {
		return cfg, *given, checkGivenFolds(d, labels, *given)
	}
	// Each class is dealt round-robin into the folds: with fewer rows of a
	// class than folds, some held-out fold lacks it and cannot be scored.
	var pos int
	for _, y := range labels {
		if y == 1 {
			pos++
		}
	}
	if neg := len(labels) - pos; k > min(pos, neg) {
		return cfg, data.FoldAssignment{}, fmt.Errorf("%w: %s: %d folds need at least %d positive and %d negative rows, the data has %d and %d",
			ErrTooFewRows, d.Table.Source, k, k, k, pos, neg)
	}
	folds, err := data.StratifiedFolds(labels, k, data.NewRand(cfg.Seed^cvSeedStream))
	if err != nil {
		return cfg, folds, fmt.Errorf("cross-validation: %w", err)
	}
	return cfg, folds, nil
}

// checkGivenFolds refuses folds that do not cover d's rows or whose
// held-out part lacks a class (its ROC AUC would be undefined).
func checkGivenFolds(d *Data, labels []float64, folds data.FoldAssignment) error {
	if len(folds.Fold) != len(labels) {
		return fmt.Errorf("%w: %d fold numbers for the %d rows of %s", data.ErrFolds, len(folds.Fold), len(labels), d.Table.Source)
	}
	pos, rows := make([]int, folds.K()), make([]int, folds.K())
	for row, f := range folds.Fold {
		if f < 0 || f >= folds.K() {
			return fmt.Errorf("%w: row %d is in fold %d of %d", data.ErrFolds, row+1, f, folds.K())
		}
		rows[f]++
		if labels[row] == 1 {
			pos[f]++
		}
	}
	for i := range rows {
		if pos[i] == 0 || pos[i] == rows[i] {
			class := "positive"
			if pos[i] != 0 {
				class = "negative"
			}
			return fmt.Errorf("%w: fold %d (numbered %d in the file) holds no %s row among its %d: its ROC AUC is undefined",
				ErrTooFewRows, i+1, folds.Labels[i], class, rows[i])
		}
	}
	return nil
}

// firstFailure returns the first real failure among parallel folds, made
// by name (which may say which fold it was), preferring it over the
// cancellations it caused in the other folds.
func firstFailure(errs []error, name func(i int, err error) error) error {
	var cancelled error
	for i, err := range errs {
		switch {
		case err == nil:
		case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
			if cancelled == nil {
				cancelled = err
			}
		default:
			return name(i, err)
		}
	}
	return cancelled
}

// carveValidation splits a fold's training part into rows to train on and a
// stratified validation share for early stopping.
func carveValidation(labels []float64, f data.Fold, valFrac float64, seed uint64) (data.Split, error) {
	sub := make([]float64, len(f.Train))
	for i, r := range f.Train {
		sub[i] = labels[r]
	}
	inner, err := data.StratifiedSplit(sub, valFrac, 0, data.NewRand(seed))
	if err != nil {
		return data.Split{}, err
	}
	pick := func(idx []int) []int {
		rows := make([]int, len(idx))
		for i, j := range idx {
			rows[i] = f.Train[j] // f.Train is ascending, so rows stay ascending
		}
		return rows
	}
	return data.Split{Train: pick(inner.Train), Validation: pick(inner.Validation), Test: f.Test}, nil
}

// runFold trains and scores one fold, calling decayStarts (when not nil)
// with the first network's prior as its decay check starts its second
// training.
func runFold(ctx context.Context, d *Data, cfg Config, split data.Split, fold int, flagged []bool, decayStarts func(prior float64)) (FoldResult, error) {
	if err := ctx.Err(); err != nil {
		return FoldResult{}, err
	}
	e, err := NewWithSplit(d, cfg, split)
	if err != nil {
		return FoldResult{}, err
	}
	if decayStarts != nil {
		e.DecayRun = func(ctx context.Context, t *engine.Trainer) error {
			decayStarts(e.TrainedPrior())
			return t.Run(ctx)
		}
	}
	if err := e.Run(ctx); err != nil {
		return FoldResult{}, err
	}
	ev, err := e.Evaluate(TestPart, cfg.Threshold)
	if err != nil {
		return FoldResult{}, err
	}
	r := FoldResult{
		Fold: fold, TrainRows: e.Train.Rows, ValRows: e.Val.Rows, TestRows: e.Test.Rows, Inputs: e.Net.Inputs(),
		TestPositives: int(ev.Report.Positives),
		Epochs:        len(e.Trainer.History()), BestEpoch: e.Trainer.BestEpoch(), Scores: ScoresOf(ev.Report),
		Copies: e.Copies,
	}
	if r.CalibrationDropped, err = e.CalibrationDropped(); err != nil {
		return FoldResult{}, err
	}
	if ev.Bayes != nil {
		auc := ev.Bayes.AUC
		r.BayesAUC = &auc
	}
	if flagged != nil {
		rep, n, err := e.ReportWhere(TestPart, func(row int) bool { return !flagged[row] }, cfg.Threshold)
		if err != nil {
			return FoldResult{}, err
		}
		sc := ScoresOf(rep)
		r.NotFlaggedRows, r.NotFlagged = n, &sc
	}
	return r, nil
}

// summarise fills the mean and sample standard deviation of every figure.
func (res *CVResult) summarise() {
	mean, std := res.Mean.fields(), res.Std.fields()
	values := make([]float64, len(res.Folds))
	for j := range mean {
		for i := range res.Folds {
			values[i] = *res.Folds[i].Scores.fields()[j]
		}
		*mean[j], *std[j] = stat.Mean(values, nil), 0
		if len(values) > 1 {
			*mean[j], *std[j] = stat.MeanStdDev(values, nil)
		}
	}
	if res.Folds[0].NotFlagged != nil {
		m := Scores{}
		for _, f := range res.Folds {
			for j, v := range f.NotFlagged.fields() {
				*m.fields()[j] += *v / float64(len(res.Folds))
			}
		}
		res.NotFlaggedMean = &m
	}
	var bayes float64
	for _, f := range res.Folds {
		if f.BayesAUC == nil {
			return
		}
		bayes += *f.BayesAUC
	}
	bayes /= float64(len(res.Folds))
	res.BayesAUC = &bayes
}
