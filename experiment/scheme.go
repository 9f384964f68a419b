package experiment

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
)

// Scheme is how an experiment on an order log is validated.
type Scheme string

// The validation schemes. The empty scheme is the random split, so
// configurations written before schemes existed read as they were meant.
const (
	// RandomSplit holds out a stratified random share of the customers at
	// the cutoff, as for any table.
	RandomSplit Scheme = "random"
	// OutOfTime trains on the customers at cutoff − horizon (labels from
	// the horizon that ends at the cutoff) and measures the network on the
	// customers at the cutoff, as one fold of Backtest does.
	OutOfTime Scheme = "out-of-time"
)

// Other returns the scheme the comparison of CompareSchemes trains.
func (s Scheme) Other() Scheme {
	if s == OutOfTime {
		return RandomSplit
	}
	return OutOfTime
}

// LaterPart is the part an out-of-time experiment is measured on: every
// customer of the cohort at the cutoff.
const LaterPart Part = "out of time"

// Later is the cohort an out-of-time experiment is measured on.
type Later struct {
	// Data is the loaded data the experiment was prepared from: its table
	// is the cohort at the cutoff, its log the whole order log.
	Data *Data
	// Set is Data.Table preprocessed by the experiment's pipeline.
	Set engine.Dataset

	// view is the experiment on these customers (Experiment.Evaluated).
	view *Experiment
}

// OutOfTimeError says why an order log cannot be validated out of time at
// its cutoff: the training cutoff falls before the log's first date, or
// leaves the training customers less than one horizon of history (Short),
// or the test cutoff's label window runs past the log's last date (Late),
// or a cohort holds one class only, or the training cohort fewer than
// MinTrainClass customers of a class (then errors.Is(err, ErrTooFewRows)).
type OutOfTimeError struct {
	Log                 string
	Cutoff, TrainCutoff time.Time
	HorizonDays         int
	// First is the log's first date and Last its last (ignoring lines
	// dated after today).
	First, Last time.Time
	// Short says the training cutoff falls less than one horizon after
	// the log's first date, so its customers have too little history to
	// learn from (the rule BacktestCutoffs keeps to); Earliest is then the
	// earliest cutoff that leaves them one horizon.
	Short    bool
	Earliest time.Time
	// Late says the label window of the customers measured at the cutoff
	// (cutoff + horizon) ends after the log's last date (Last), so their
	// labels are truncated: the rule CheckBacktestCutoffs keeps to, and
	// eval --model --log. Latest is then the latest cutoff whose window
	// the log covers (Last minus the horizon).
	Late   bool
	Latest time.Time
	// OneClass names the cohort ("training" or "test") whose customers
	// all order again, or none does; Report describes it. Empty when the
	// training cutoff is too early.
	OneClass string
	Report   data.CohortReport
	// Few says the training cohort (Report) holds both classes but fewer
	// than MinTrainClass customers of one of them.
	Few bool
}

// MinTrainClass is the fewest customers of each class (ordering again in
// the horizon, or not) the cohort an out-of-time experiment or a backtest
// fold trains on must hold: data.MinGroup, the smallest group any
// statistic of a model may describe. With fewer, the network learns a
// class from a handful of customers and its scores say little but that.
const MinTrainClass = data.MinGroup

// Error implements error.
func (e *OutOfTimeError) Error() string {
	if e.OneClass != "" {
		return fmt.Sprintf("%v: the %s cohort at %s has %s and %s who order again within %s: both classes are needed",
			ErrTooFewRows, e.OneClass, e.Report.Cutoff.Format(time.DateOnly), data.Count(e.Report.Customers, "customer", "customers"),
			data.Thousands(e.Report.Positives), daysText(e.HorizonDays))
	}
	if e.Few {
		return fmt.Sprintf("%v: the training cohort at %s has %s and %s who order again within %s: a network needs at least %d customers of each class to learn from",
			ErrTooFewRows, e.Report.Cutoff.Format(time.DateOnly), data.Count(e.Report.Customers, "customer", "customers"),
			data.Thousands(e.Report.Positives), daysText(e.HorizonDays), MinTrainClass)
	}
	if e.Short && e.TooShort() {
		return fmt.Sprintf("%s runs %s .. %s (%s), too short to validate out of time with a %s-day horizon: that needs %s of orders (the training cutoff's day with one horizon of history before it, then two horizons)",
			e.Log, e.First.Format(time.DateOnly), e.Last.Format(time.DateOnly), SpanDays(dayOf(e.First), dayOf(e.Last)),
			data.Thousands(e.HorizonDays), daysText(FoldDays(e.HorizonDays)))
	}
	if e.Late {
		return fmt.Sprintf("validating out of time at cutoff %s measures its customers on a %s-day label window that ends %s, after %s ends on %s, so their labels would be truncated; the latest cutoff is %s",
			e.Cutoff.Format(time.DateOnly), data.Thousands(e.HorizonDays), e.Cutoff.AddDate(0, 0, e.HorizonDays).Format(time.DateOnly),
			e.Log, e.Last.Format(time.DateOnly), e.Latest.Format(time.DateOnly))
	}
	if e.Short {
		return fmt.Sprintf("validating out of time at cutoff %s trains on the customers at %s, who have %s of orders in %s before them (it starts on %s), less than the %s-day horizon; the earliest cutoff that leaves them one horizon is %s",
			e.Cutoff.Format(time.DateOnly), e.TrainCutoff.Format(time.DateOnly), daysText(dayOf(e.TrainCutoff)-dayOf(e.First)), e.Log,
			e.First.Format(time.DateOnly), data.Thousands(e.HorizonDays), e.Earliest.Format(time.DateOnly))
	}
	return fmt.Sprintf("validating out of time at cutoff %s trains on the customers at %s (%s earlier), before %s starts on %s",
		e.Cutoff.Format(time.DateOnly), e.TrainCutoff.Format(time.DateOnly), daysText(e.HorizonDays), e.Log, e.First.Format(time.DateOnly))
}

// TooShort reports, for a Short error, whether the log is too short for
// any cutoff: the earliest cutoff that leaves one horizon of history
// leaves no whole horizon after it to label with.
func (e *OutOfTimeError) TooShort() bool {
	return dayOf(e.Earliest)+e.HorizonDays > dayOf(e.Last)
}

// Unwrap makes errors.Is(err, ErrTooFewRows) true for a one-class cohort
// or a training cohort with too few customers of a class.
func (e *OutOfTimeError) Unwrap() error {
	if e.OneClass != "" || e.Few {
		return ErrTooFewRows
	}
	return nil
}

// NewOutOfTime prepares an experiment validated out of time on d, an order
// log's cohort at its cutoff t (as Load builds it). The network trains on
// the cohort at t − horizon, whose labels come from the horizon that ends
// at t; cfg.ValFrac of those rows are held out for early stopping and
// cfg.TestFrac for a test part, as New does; so is the calibration part
// (cfg.CalibFrac, or the validation part), from the same earlier cohort,
// never from the customers measured at t. The experiment's Data is that
// earlier cohort; its Later holds d, the customers it is measured on
// (LaterPart). An *OutOfTimeError says why the log cannot support it.
// The training cutoff must leave its customers one horizon of history,
// and the cutoff's label window must end by the log's last date, as in
// the folds BacktestCutoffs picks (CheckBacktestCutoffs), and the cohort
// at the training cutoff must hold MinTrainClass customers of each class.
func NewOutOfTime(d *Data, cfg Config) (*Experiment, error) {
	return newOutOfTime(context.Background(), d, cfg, nil)
}

// newOutOfTime is NewOutOfTime whose training part leaves out the earlier
// cohort's customers named in without (the split is drawn as if they were
// there, so every other part is the same as without it). Once ctx is done
// it stops, in the earlier cohort's features or between its steps, and
// returns ctx's error.
func newOutOfTime(ctx context.Context, d *Data, cfg Config, without map[string]bool) (*Experiment, error) {
	if d.Log == nil || d.Cohort == nil {
		return nil, fmt.Errorf("%w: %s is not an order log", ErrSource, d.Table.Source)
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	log, h, cutoff := d.Log, d.Source.HorizonDays, d.Cohort.Cutoff
	oot := &OutOfTimeError{Log: log.Name, Cutoff: cutoff, TrainCutoff: cutoff.AddDate(0, 0, -h), HorizonDays: h,
		First: log.First, Last: dateOf(dayOf(log.LastKnown()))}
	if dayOf(oot.TrainCutoff) < dayOf(log.First) {
		return nil, oot
	}
	earliest, last := earliestTestCutoff(log, h), dayOf(log.LastKnown())
	if dayOf(cutoff) < earliest || earliest+h > last {
		// Too early, or no cutoff fits (TooShort says so).
		oot.Short, oot.Earliest = true, dateOf(earliest)
		return nil, oot
	}
	if dayOf(cutoff)+h > last {
		oot.Late, oot.Latest = true, dateOf(last-h)
		return nil, oot
	}
	src := d.Source
	src.Cutoff = oot.TrainCutoff
	trainTab, trainRep, _, err := buildLogCohort(ctx, log, src)
	if err != nil {
		return nil, err
	}
	carryExclusions(d.Table, trainTab)
	for _, c := range []struct {
		what string
		rep  data.CohortReport
	}{{"training", trainRep}, {"test", *d.Cohort}} {
		if c.rep.Positives == 0 || c.rep.Positives == c.rep.Customers {
			oot.OneClass, oot.Report = c.what, c.rep
			return nil, oot
		}
	}
	if min(trainRep.Positives, trainRep.Customers-trainRep.Positives) < MinTrainClass {
		oot.Few, oot.Report = true, trainRep
		return nil, oot
	}
	train := &Data{Source: src, Table: trainTab, Cohort: &trainRep, Log: log}
	var drop []bool
	if without != nil {
		drop = make([]bool, trainTab.Rows)
		for i, id := range trainTab.IDs() {
			drop[i] = without[id]
		}
	}
	e, err := newWithout(ctx, train, cfg, drop)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	later := &Later{Data: d}
	rows := make([]int, d.Table.Rows)
	for i := range rows {
		rows[i] = i
	}
	if later.Set, err = e.datasetOf(d.Table, rows); err != nil {
		return nil, err
	}
	e.Later = later
	later.view = e.laterView()
	return e, nil
}

// Prepare is New for the scheme cfg.Validation names. An order log
// validated out of time that cannot be (the training cutoff falls before
// the log starts or leaves its customers less than one horizon of history,
// the cutoff's label window runs past the log's end, or a cohort has one
// class) is split at random instead;
// the experiment's Fallback then says why. Anything else is New.
func Prepare(d *Data, cfg Config) (*Experiment, error) {
	return PrepareContext(context.Background(), d, cfg)
}

// PrepareContext is Prepare that stops once ctx is done, returning ctx's
// error: the earlier cohort an out-of-time experiment trains on is built
// looking at ctx as it goes (data.BuildCohortContext, and the BG/NBD fit of
// --btyd-features), and ctx is looked at between the preprocessing's steps.
func PrepareContext(ctx context.Context, d *Data, cfg Config) (*Experiment, error) {
	if cfg.Validation != OutOfTime || d.Log == nil || d.Cohort == nil {
		return newWithout(ctx, d, cfg, nil)
	}
	e, err := newOutOfTime(ctx, d, cfg, nil)
	var oot *OutOfTimeError
	if errors.As(err, &oot) {
		if e, err = newWithout(ctx, d, cfg, nil); err != nil {
			return nil, err
		}
		e.Fallback = oot
		return e, nil
	}
	return e, err
}

// Scheme returns the scheme the experiment is validated with.
func (e *Experiment) Scheme() Scheme {
	if e.Later != nil {
		return OutOfTime
	}
	return RandomSplit
}

// Loaded returns the data the experiment was prepared from: for an
// out-of-time experiment the cohort at the cutoff, not the earlier one it
// trains on.
func (e *Experiment) Loaded() *Data {
	if e.Later != nil {
		return e.Later.Data
	}
	return e.Data
}

// MainPart is the part the experiment is judged on: the later cohort when
// validated out of time, else the validation part (the training part when
// there is none).
func (e *Experiment) MainPart() Part {
	switch {
	case e.Later != nil:
		return LaterPart
	case len(e.Split.Validation) > 0:
		return ValPart
	}
	return TrainPart
}

// carryExclusions leaves out of to every column left out of from, by name:
// the columns excluded from the loaded cohort's table after it was built
// (Source.Exclude's are left out by buildLogCohort itself) stay out of the
// earlier cohort an out-of-time experiment trains on, which is built afresh
// from the log.
func carryExclusions(from, to *data.Table) {
	for _, c := range from.Columns {
		if !c.Excluded {
			continue
		}
		if tc := to.Column(c.Name); tc != nil {
			tc.Excluded = true
		}
	}
}
