package experiment

import (
	"context"
	"errors"
	"math"
	"reflect"
	"slices"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
)

// textbookData is the 100-user textbook shop: 73 negatives, 27 positives.
func textbookData(t *testing.T) *Data {
	t.Helper()
	d, err := Load(Source{Kind: "textbook"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// cvConfig trains a few epochs only: these tests check the bookkeeping.
func cvConfig() Config {
	cfg := DefaultConfig()
	cfg.Train.Epochs = 4
	cfg.ValFrac = 0 // the CV default, 0.1
	return cfg
}

func TestCrossValidateFoldCountsByHand(t *testing.T) {
	d := textbookData(t)
	var calls []int
	res, err := CrossValidate(context.Background(), d, cvConfig(), 5, func(done, k int) {
		if k != 5 {
			t.Errorf("progress k = %d", k)
		}
		calls = append(calls, done)
	})
	if err != nil {
		t.Fatal(err)
	}
	// StratifiedKFold deals the 73 negatives round-robin over folds 1..5
	// (15, 15, 15, 14, 14), then continues with the 27 positives from fold 4
	// (5, 5, 5, 6, 6): every fold holds 20 rows. Each training part (80 rows:
	// 58 or 59 negatives, 22 or 21 positives) gives round(10 %) of each class
	// to validation: 6 + 2 = 8 rows, leaving 72 to train on (the shop has no
	// duplicate users).
	wantPos := []int{5, 5, 5, 6, 6}
	for i, f := range res.Folds {
		if f.Fold != i+1 || f.TestRows != 20 || f.TestPositives != wantPos[i] || f.ValRows != 8 || f.TrainRows != 72 {
			t.Errorf("fold %d: %+v", i+1, f)
		}
		if f.Epochs < 1 || f.Epochs > 4 || f.BayesAUC == nil {
			t.Errorf("fold %d: %d epochs, Bayes AUC %v", i+1, f.Epochs, f.BayesAUC)
		}
	}
	if !slices.Equal(calls, []int{1, 2, 3, 4, 5}) {
		t.Errorf("progress calls %v", calls)
	}
	if res.K != 5 || res.ValFrac != DefaultCVValFrac || res.Rows != 100 || res.BayesAUC == nil {
		t.Errorf("result header %+v", res)
	}
}

// TestCrossValidateWithoutEarlyStoppingKeepsEveryTrainingRow checks that a
// configuration that watches no validation loss (the article's Keras
// preset: no early stopping, no plateau schedule) trains each fold on its
// whole training part: the 80 rows of TestCrossValidateFoldCountsByHand's
// folds, none carved out. With early stopping on and the same ValFrac 0, the
// default share is carved again (72 + 8).
func TestCrossValidateWithoutEarlyStoppingKeepsEveryTrainingRow(t *testing.T) {
	d := textbookData(t)
	cfg := cvConfig()
	cfg.Train.EarlyStop.Patience = 0
	res, err := CrossValidate(context.Background(), d, cfg, 5, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.ValFrac != 0 {
		t.Errorf("validation share %v, want 0", res.ValFrac)
	}
	for _, f := range res.Folds {
		if f.TrainRows != 80 || f.ValRows != 0 || f.Epochs != 4 {
			t.Errorf("fold %d: %d training rows, %d validation rows, %d epochs; want 80, 0, 4", f.Fold, f.TrainRows, f.ValRows, f.Epochs)
		}
	}
	cfg.Train.Schedule = engine.ScheduleConfig{Kind: "plateau", Patience: 2, Factor: 0.5}
	res, err = CrossValidate(context.Background(), d, cfg, 5, nil)
	if err != nil {
		t.Fatal(err)
	}
	if f := res.Folds[0]; res.ValFrac != DefaultCVValFrac || f.TrainRows != 72 || f.ValRows != 8 {
		t.Errorf("plateau schedule: share %v, fold 1 %d + %d rows; want %v, 72 + 8", res.ValFrac, f.TrainRows, f.ValRows, DefaultCVValFrac)
	}
}

func TestCrossValidateIsDeterministicPerSeed(t *testing.T) {
	d := textbookData(t)
	cfg := cvConfig()
	a, err := CrossValidate(context.Background(), d, cfg, 4, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := CrossValidate(context.Background(), d, cfg, 4, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("same seed, different results:\n%+v\n%+v", a.Mean, b.Mean)
	}
	cfg.Seed++
	c, err := CrossValidate(context.Background(), d, cfg, 4, nil)
	if err != nil {
		t.Fatal(err)
	}
	if reflect.DeepEqual(a.Folds, c.Folds) {
		t.Error("another seed gives the same folds and scores")
	}
}

func TestCarveValidationKeepsFoldsApartAndStratified(t *testing.T) {
	d := textbookData(t)
	labels := d.Table.Label.Values
	folds, err := data.StratifiedKFold(labels, 5, data.NewRand(3))
	if err != nil {
		t.Fatal(err)
	}
	seen := make([]int, len(labels))
	for i, f := range folds {
		s, err := carveValidation(labels, f, 0.25, uint64(i))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range s.Test {
			seen[r]++
		}
		all := slices.Concat(s.Train, s.Validation, s.Test)
		slices.Sort(all)
		if len(slices.Compact(all)) != len(labels) {
			t.Fatalf("fold %d: train, validation and test overlap or miss rows", i+1)
		}
		if !slices.IsSorted(s.Train) || !slices.IsSorted(s.Validation) {
			t.Errorf("fold %d: rows not ascending", i+1)
		}
		// 25 % of each class of the 80-row training part, rounded.
		neg, pos := 0, 0
		for _, r := range f.Train {
			if labels[r] == 1 {
				pos++
			} else {
				neg++
			}
		}
		want := int(math.Round(0.25*float64(neg))) + int(math.Round(0.25*float64(pos)))
		if len(s.Validation) != want {
			t.Errorf("fold %d: %d validation rows, want %d", i+1, len(s.Validation), want)
		}
	}
	for r, n := range seen {
		if n != 1 {
			t.Fatalf("row %d is held out %d times", r, n)
		}
	}
}

func TestCrossValidateFoldScoresAreThoseOfTheFoldExperiment(t *testing.T) {
	d := textbookData(t)
	cfg := cvConfig()
	res, err := CrossValidate(context.Background(), d, cfg, 3, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Rebuild fold 2 by hand from the documented streams and compare.
	cfg.ValFrac = DefaultCVValFrac
	folds, err := data.StratifiedKFold(d.Table.Label.Values, 3, data.NewRand(cfg.Seed^cvSeedStream))
	if err != nil {
		t.Fatal(err)
	}
	split, err := carveValidation(d.Table.Label.Values, folds[1], cfg.ValFrac, cfg.Seed+1)
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewWithSplit(d, cfg, split)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	ev, err := e.Evaluate(TestPart, cfg.Threshold)
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Folds[1].Scores; got != ScoresOf(ev.Report) {
		t.Errorf("fold 2 scores %+v, rebuilt %+v", got, ScoresOf(ev.Report))
	}
}

func TestSummariseUsesSampleStandardDeviation(t *testing.T) {
	// numpy: np.mean([0.8, 0.9, 1.0]) = 0.9, np.std([0.8, 0.9, 1.0], ddof=1) = 0.1;
	// np.std([0.5, 0.25, 0.0], ddof=1) = 0.25.
	res := CVResult{Folds: []FoldResult{
		{Scores: Scores{ROCAUC: 0.8, LogLoss: 0.5}},
		{Scores: Scores{ROCAUC: 0.9, LogLoss: 0.25}},
		{Scores: Scores{ROCAUC: 1.0, LogLoss: 0}},
	}}
	res.summarise()
	if math.Abs(res.Mean.ROCAUC-0.9) > 1e-15 || math.Abs(res.Std.ROCAUC-0.1) > 1e-15 ||
		res.Mean.LogLoss != 0.25 || res.Std.LogLoss != 0.25 || res.BayesAUC != nil {
		t.Errorf("mean %+v std %+v", res.Mean, res.Std)
	}
}

func TestCrossValidateErrors(t *testing.T) {
	d := textbookData(t)
	_, err := CrossValidate(context.Background(), d, cvConfig(), 1, nil)
	if want := "cross-validation: " + data.ErrShape.Error() + ": k-fold needs 2 ≤ k ≤ 100 rows, got k=1"; err == nil || err.Error() != want {
		t.Errorf("k=1: got %v, want %q", err, want)
	}
	// The textbook shop has 100 rows, 27 of them positive.
	_, err = CrossValidate(context.Background(), d, cvConfig(), 28, nil)
	if want := "too few rows: built-in shop: 28 folds need at least 28 positive and 28 negative rows, " +
		"the data has 27 and 73"; err == nil || err.Error() != want || !errors.Is(err, ErrTooFewRows) {
		t.Errorf("k=28: got %v, want %q", err, want)
	}
	greedy := cvConfig()
	greedy.ValFrac = 0.999
	_, err = CrossValidate(context.Background(), d, greedy, 2, nil)
	if want := "cross-validation fold 1: too few rows: built-in shop: validation share 0.999 " +
		"and test share 0 leave no rows to train on (50 validation, 50 test)"; err == nil || err.Error() != want {
		t.Errorf("val 0.999: got %v, want %q", err, want)
	}
	bad := cvConfig()
	bad.Threshold = 0
	_, err = CrossValidate(context.Background(), d, bad, 5, nil)
	if want := "invalid configuration: threshold must be in (0, 1), got 0"; err == nil || err.Error() != want {
		t.Errorf("threshold 0: got %v, want %q", err, want)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := CrossValidate(ctx, d, cvConfig(), 5, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: got %v", err)
	}
}

func TestCVBudget(t *testing.T) {
	for _, c := range []struct {
		batch, workers, k, cores int
		parallel, perFold        int
	}{
		{1024, 0, 5, 2, 2, 1}, // two folds at once, one core each
		{1024, 0, 2, 4, 2, 2}, // two folds, two cores each
		{1024, 0, 5, 4, 4, 1},
		{1024, 0, 3, 8, 3, 2}, // 8/3 rounds down
		{32, 0, 2, 4, 2, 1},   // a batch of 32 is never split
		{1024, 2, 5, 2, 1, 2}, // two workers asked for: one fold at a time
		{1024, 2, 5, 4, 2, 2}, // two folds × two workers
		{1024, 3, 5, 2, 1, 3}, // asked for more than the cores: still one fold
		{256, 4, 5, 8, 4, 2},  // 256 rows make two shards at most
		{1024, 0, 2, 0, 1, 1}, // no core reported: one
		{1024, 1, 4, 2, 2, 1},
	} {
		train := engine.TrainConfig{BatchSize: c.batch, Workers: c.workers}
		p, w := cvBudget(train, c.k, 10_000, c.cores)
		if p != c.parallel || w != c.perFold {
			t.Errorf("batch %d, workers %d, %d folds, %d cores: %d folds × %d workers, want %d × %d",
				c.batch, c.workers, c.k, c.cores, p, w, c.parallel, c.perFold)
		}
	}
}

// TestParallelFoldsEqualSequentialFolds: two folds at once, each splitting
// its batches of 256 between two workers, give exactly what the same folds
// give one after the other with two workers each.
func TestParallelFoldsEqualSequentialFolds(t *testing.T) {
	d, err := Load(Source{Kind: "builtin", Users: 3000}, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := cvConfig()
	cfg.Train.Epochs = 3
	cfg.Train.BatchSize = 256
	if p, w := cvBudget(cfg.Train, 2, d.Table.Rows, 4); p != 2 || w != 2 {
		t.Fatalf("budget of 4 cores: %d folds × %d workers, want 2 × 2", p, w)
	}
	par, err := crossValidate(context.Background(), d, cfg, 2, nil, nil, nil, nil, 4)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Train.Workers = 2
	if p, w := cvBudget(cfg.Train, 2, d.Table.Rows, 2); p != 1 || w != 2 {
		t.Fatalf("two workers on 2 cores: %d folds × %d workers, want 1 × 2", p, w)
	}
	seq, err := crossValidate(context.Background(), d, cfg, 2, nil, nil, nil, nil, 2)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(par, seq) {
		t.Errorf("parallel folds %+v\nsequential folds %+v", par.Folds, seq.Folds)
	}
}
