package experiment

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/engine/metrics"
)

// LoadShopWithAbusers loads the built-in shop of src with share planted
// abusers (LoadWithAbusers) and marks the truth columns abuser and
// abuser_archetype excluded, so a churn model trained on it never sees the
// answer.
func LoadShopWithAbusers(src Source, share float64) (*Data, error) {
	src.Kind = "builtin"
	d, err := LoadWithAbusers(src, share, nil)
	if err != nil {
		return nil, err
	}
	for _, name := range []string{data.AbuserColumnName, data.ArchetypeColumnName} {
		if c := d.Table.Column(name); c != nil {
			c.Excluded = true
		}
	}
	return d, nil
}

// DropRows returns a copy of d without the rows marked in drop (one flag
// per row of d.Table), the way DropAnomalies removes the top scores.
func DropRows(d *Data, drop []bool) (*Data, error) {
	if len(drop) != d.Table.Rows {
		return nil, fmt.Errorf("%w: %d flags for %d rows", ErrSource, len(drop), d.Table.Rows)
	}
	out := *d
	out.Table, out.TrueProb = keepRows(d.Table, d.TrueProb, drop)
	return &out, nil
}

// RetrainFigures are one churn model's figures on one population of a
// RetrainComparison.
type RetrainFigures struct {
	// AUC and its 95 % DeLong interval (nil when a class has fewer than
	// two rows), average precision and accuracy at the configuration's
	// threshold.
	AUC              float64
	AUCInterval      *metrics.Interval
	AveragePrecision float64
	Accuracy         float64
}

// RetrainPopulation is both models measured on the same users.
type RetrainPopulation struct {
	// Rows and Positives count the users measured; OK is false when they
	// hold one class only (no figures then).
	Rows, Positives int
	OK              bool
	// Majority is the accuracy of predicting the more common class for
	// every user measured (MajorityRate), which accuracy is read against.
	Majority      float64
	Before, After RetrainFigures
	// Paired is DeLong's test of After.AUC − Before.AUC on these rows (nil
	// when a class has fewer than two rows).
	Paired *metrics.PairedAUC
}

// RetrainComparison is the churn model trained with every user (Before)
// and without the flagged ones in its training part (After), both
// measured on the same held-out users.
type RetrainComparison struct {
	// Flagged counts the flagged users of the data; Dropped the training
	// rows left out for them; TrainBefore and TrainAfter the rows of each
	// model's training part (its calibration share included).
	Flagged, Dropped        int
	TrainBefore, TrainAfter int
	// Scheme is how both were validated; Fallback says why an order log
	// meant to be validated out of time was split at random instead.
	Scheme   Scheme
	Fallback *OutOfTimeError
	// Part is the part measured: the test part, else validation, else
	// training (see FinalPart), or the later cohort out of time.
	Part Part
	// Clean is the held-out users who are not flagged, the population
	// the model is for; All every held-out user.
	Clean, All RetrainPopulation

	// measured are the table rows each model was measured on, probs
	// its probabilities there, labels theirs, and trainIDs the users each
	// trained on (for the tests).
	measured [2][]int
	probs    [2][]float64
	labels   []float64
	trainIDs [2][]string
}

// RetrainWithout trains the churn model of cfg twice on one split of d:
// with every user, then with the users flagged (one flag per row of
// d.Table) left out of the training part only. The validation and test
// parts, the preprocessing's seed and the first weights are the same, and
// both models are measured on the same held-out rows. An order log whose
// cfg.Validation is out of time is validated so (NewOutOfTime: the flagged
// customers are left out of the earlier cohort it trains on, by ID, and
// both are measured on every customer at the cutoff), or at random with
// Fallback saying why. progress (may be nil) hears each training's
// progress with phase 0 (before) or 1 (after), on the training goroutine.
func RetrainWithout(ctx context.Context, d *Data, cfg Config, flagged []bool, progress func(phase int, p engine.Progress)) (RetrainComparison, error) {
	cmp := RetrainComparison{Scheme: RandomSplit, Part: FinalPart(cfg)}
	if len(flagged) != d.Table.Rows {
		return cmp, fmt.Errorf("%w: %d flags for %d rows", ErrSource, len(flagged), d.Table.Rows)
	}
	without := map[string]bool{}
	ids := d.Table.IDs()
	for i, f := range flagged {
		if f {
			cmp.Flagged++
			without[ids[i]] = true
		}
	}
	prepare := func(phase int) (*Experiment, error) {
		if phase == 0 {
			return newWithout(ctx, d, cfg, nil)
		}
		return newWithout(ctx, d, cfg, flagged)
	}
	if cfg.Validation == OutOfTime && d.Log != nil && d.Cohort != nil {
		_, err := newOutOfTime(ctx, d, cfg, nil)
		var oot *OutOfTimeError
		switch {
		case errors.As(err, &oot):
			cmp.Fallback = oot
		case err != nil:
			return cmp, err
		default:
			cmp.Scheme, cmp.Part = OutOfTime, LaterPart
			prepare = func(phase int) (*Experiment, error) {
				if phase == 0 {
					return newOutOfTime(ctx, d, cfg, nil)
				}
				return newOutOfTime(ctx, d, cfg, without)
			}
		}
	}
	var probs [2][]float64
	var labels []float64
	var trained [2]int
	for phase := range 2 {
		e, err := prepare(phase)
		if err != nil {
			return cmp, err
		}
		e.Trainer.SetSink(engine.SinkFunc(func(p engine.Progress) {
			if progress != nil {
				progress(phase, p)
			}
		}))
		if err := e.Run(ctx); err != nil {
			return cmp, err
		}
		if probs[phase], labels, cmp.measured[phase], err = e.Scores(cmp.Part); err != nil {
			return cmp, err
		}
		trained[phase] = len(e.Split.Train) + len(e.CalibRows)
		tids := e.Data.Table.IDs()
		for _, r := range e.TrainRows {
			cmp.trainIDs[phase] = append(cmp.trainIDs[phase], tids[r])
		}
	}
	if !slices.Equal(cmp.measured[0], cmp.measured[1]) {
		return cmp, fmt.Errorf("the models with and without the flagged users were measured on different rows")
	}
	if len(labels) == 0 {
		return cmp, fmt.Errorf("the %s part has no rows", cmp.Part)
	}
	cmp.probs, cmp.labels = probs, labels
	cmp.Dropped = trained[0] - trained[1]
	cmp.TrainBefore, cmp.TrainAfter = trained[0], trained[1]
	keep := func(clean bool) []int {
		var at []int
		for i, r := range cmp.measured[0] {
			if !clean || !flagged[r] {
				at = append(at, i)
			}
		}
		return at
	}
	cmp.Clean = measurePopulation(probs, labels, keep(true), cfg.Threshold)
	cmp.All = measurePopulation(probs, labels, keep(false), cfg.Threshold)
	return cmp, nil
}

// measurePopulation measures both models' probabilities at the positions
// at.
func measurePopulation(probs [2][]float64, labels []float64, at []int, threshold float64) RetrainPopulation {
	pick := func(v []float64) []float64 {
		out := make([]float64, len(at))
		for i, k := range at {
			out[i] = v[k]
		}
		return out
	}
	y, a, b := pick(labels), pick(probs[0]), pick(probs[1])
	pop := RetrainPopulation{Rows: len(at)}
	for _, v := range y {
		if v == 1 {
			pop.Positives++
		}
	}
	ra, errA := metrics.NewReport(a, y, nil, threshold)
	rb, errB := metrics.NewReport(b, y, nil, threshold)
	if errA != nil || errB != nil {
		return pop
	}
	pop.OK = true
	fig := func(r metrics.Report) RetrainFigures {
		return RetrainFigures{AUC: r.ROCAUC, AUCInterval: r.ROCAUCCI, AveragePrecision: r.AveragePrecision, Accuracy: r.Accuracy}
	}
	pop.Before, pop.After = fig(ra), fig(rb)
	pop.Majority = MajorityRate(&ra)
	if t, ok, err := metrics.PairedAUCTest(a, b, y); ok && err == nil {
		pop.Paired = &t
	}
	return pop
}

// FinalPart is the part a trained model is measured on: the test part when
// cfg holds one out, else the validation part, else (optimistically) the
// training rows.
func FinalPart(cfg Config) Part {
	switch {
	case cfg.TestFrac > 0:
		return TestPart
	case cfg.ValFrac > 0:
		return ValPart
	}
	return TrainPart
}
