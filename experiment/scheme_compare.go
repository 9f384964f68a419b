package experiment

import (
	"context"
	"fmt"
	"time"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/engine/metrics"
)

// BaselineEvaluation is BG/NBD measured on the customers an experiment is
// judged on (its main part), beside the network.
type BaselineEvaluation struct {
	Part   Part
	Fit    BGNBDFit
	Report metrics.Report
	ROC    metrics.ROC
	// Lift is the lift of the top-scored decile (Report.Gains[0]).
	Lift float64
}

// BGNBD fits BG/NBD on the history of the loaded order log up to its
// cutoff (BGNBDBaseline) and measures its P(at least one order in the
// horizon) at threshold on the rows of the experiment's main part: the very
// customers and labels the network's figures of that part come from. The
// error wraps ErrBaseline when the data is not an order log or the fit
// fails.
func (e *Experiment) BGNBD(threshold float64) (*BaselineEvaluation, error) {
	d := e.Loaded()
	part := e.MainPart()
	_, labels, rows, err := e.Scores(part)
	if err != nil {
		return nil, err
	}
	bg, err := d.BGNBD()
	if err != nil {
		return nil, err
	}
	scores := make([]float64, len(rows))
	for i, r := range rows {
		scores[i] = bg.PAny[r]
	}
	out := &BaselineEvaluation{Part: part, Fit: bg.Fit}
	if out.Report, err = metrics.NewReport(scores, labels, nil, threshold); err != nil {
		return nil, &BaselineError{Detail: "metrics", Err: err}
	}
	if out.ROC, err = metrics.ROCCurve(scores, labels, nil); err != nil {
		return nil, &BaselineError{Detail: "ROC", Err: err}
	}
	out.Lift = BacktestScoresOf(out.Report).TopDecileLift
	return out, nil
}

// SchemeComparison is the network's figures on one order log under both
// validation schemes, with the same configuration and seed: out of time
// (trained on the customers at cutoff − horizon, measured on those at the
// cutoff) and a random split of the customers at the cutoff.
type SchemeComparison struct {
	Cutoff, TrainCutoff time.Time
	// OutOfTime and RandomSplit are measured on each scheme's main part:
	// every customer at the cutoff, and the validation share of them.
	OutOfTime, RandomSplit BacktestScores
	OutOfTimeRows          int
	RandomSplitRows        int
	// Flattery is RandomSplit.ROCAUC − OutOfTime.ROCAUC: how much higher a
	// random split scores the model than its future customers do (negative
	// when it scores it lower).
	Flattery float64
}

// CompareSchemes trains, quietly, the network the scheme other than done's
// would have trained (same data, configuration and seed) and returns both
// schemes' figures. done is an ended experiment on an order log; its
// network is only read. sink, if not nil, receives the second training's
// progress. A random split that stood in for an impossible out-of-time
// one (Experiment.Fallback) has nothing to compare with: the error is the
// fallback's reason. Cancelling ctx stops the training and returns its
// error.
func CompareSchemes(ctx context.Context, done *Experiment, sink engine.Sink) (*SchemeComparison, error) {
	d := done.Loaded()
	if d.Log == nil || d.Cohort == nil {
		return nil, fmt.Errorf("%w: %s is not an order log", ErrSource, d.Source.Describe())
	}
	if done.Fallback != nil {
		return nil, done.Fallback
	}
	var (
		other *Experiment
		err   error
	)
	if done.Scheme() == OutOfTime {
		other, err = newWithout(ctx, d, done.Config, nil)
	} else {
		other, err = newOutOfTime(ctx, d, done.Config, nil)
	}
	if err != nil {
		return nil, err
	}
	if other.MainPart() == TrainPart || done.MainPart() == TrainPart {
		return nil, fmt.Errorf("%w: a random split with no validation share has no held-out customers to compare", ErrTooFewRows)
	}
	if sink != nil {
		other.Trainer.SetSink(sink)
	}
	if err := other.Run(ctx); err != nil {
		return nil, err
	}
	oot, random := done, other
	if done.Scheme() != OutOfTime {
		oot, random = other, done
	}
	c := &SchemeComparison{Cutoff: d.Cohort.Cutoff, TrainCutoff: oot.Data.Cohort.Cutoff}
	for _, m := range []struct {
		e      *Experiment
		scores *BacktestScores
		rows   *int
	}{{oot, &c.OutOfTime, &c.OutOfTimeRows}, {random, &c.RandomSplit, &c.RandomSplitRows}} {
		ev, err := m.e.Evaluate(m.e.MainPart(), done.Config.Threshold)
		if err != nil {
			return nil, err
		}
		*m.scores, *m.rows = BacktestScoresOf(ev.Report), ev.Report.Rows
	}
	c.Flattery = c.RandomSplit.ROCAUC - c.OutOfTime.ROCAUC
	return c, nil
}
