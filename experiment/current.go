package experiment

import (
	"context"
	"fmt"
	"time"

	"github.com/retainlab/retain/data"
)

// Deployment of an order-log model: the customers of a log "today" (or at
// any cutoff up to its last date) have no label yet, so their rows are
// built by data.BuildCurrent, the way the model's training rows were, and
// every customer with at least one order on or before the cutoff is scored.
// Customers first seen fewer than data.ShortHistoryDays days before the
// cutoff are scored and marked short.

// Current is the unlabelled customers of an order log at a cutoff.
type Current struct {
	// Source is the log; its Cutoff is the one used.
	Source Source
	// Table holds one row per customer with an order on or before the
	// cutoff, without a label.
	Table *data.Table
	// Report counts them; Report.Short marks each row's short history.
	Report data.CohortReport
	// Warnings are problems with the log that did not stop the load.
	Warnings []LoadWarning
	// Log is the order log read, for the load notes (Data).
	Log *data.OrderLog
}

// Data returns the current customers as a loaded data set, so that
// Data.Notes and the cohort's LoadNote say how the log was read (the
// columns read for each role, the date order, the lines left out) in the
// words train uses for the same log.
func (c *Current) Data() *Data {
	rep := c.Report
	return &Data{Source: c.Source, Table: c.Table, Cohort: &rep, Log: c.Log, Warnings: c.Warnings}
}

// CutoffRangeError reports a deployment cutoff outside an order log's
// dates: there is no history before the first, and none is known after
// the last. errors.Is(err, ErrSource) is true.
type CutoffRangeError struct {
	Path        string
	First, Last time.Time
	Cutoff      time.Time
}

// Error implements error.
func (e *CutoffRangeError) Error() string {
	span := fmt.Sprintf("choose a cutoff from %s to %s (without one, the last date is used)",
		e.First.Format(time.DateOnly), e.Last.Format(time.DateOnly))
	if e.Cutoff.Before(e.First) {
		return fmt.Sprintf("%s starts %s: cutoff %s is before its first order, so no customer has any history to score; %s",
			e.Path, e.First.Format(time.DateOnly), e.Cutoff.Format(time.DateOnly), span)
	}
	return fmt.Sprintf("%s ends %s: cutoff %s is after its last order, so what the customers did since is unknown; %s",
		e.Path, e.Last.Format(time.DateOnly), e.Cutoff.Format(time.DateOnly), span)
}

// Is makes errors.Is(err, ErrSource) true.
func (e *CutoffRangeError) Is(target error) bool { return target == ErrSource }

// LoadCurrent reads the order log of src and builds the rows of its
// customers at src.Cutoff; a zero Cutoff takes the log's last date, not
// counting lines dated after now (reported in Warnings). src is a "log"
// source, typically made by Bundle.ForLog so that the log's columns are
// read as the model's were.
func LoadCurrent(src Source, open Opener, now time.Time) (*Current, error) {
	log, warnings, err := readCurrentLog(src, open, now)
	if err != nil {
		return nil, err
	}
	c, err := CurrentOf(log, src)
	if err != nil {
		return nil, err
	}
	c.Warnings = warnings
	return c, nil
}

// readCurrentLog reads the order log of src for LoadCurrent, with a
// warning about lines dated after now, which a zero src.Cutoff ignores.
func readCurrentLog(src Source, open Opener, now time.Time) (*data.OrderLog, []LoadWarning, error) {
	if src.Kind != "log" || src.Path == "" {
		return nil, nil, fmt.Errorf("%w: scoring current customers needs an order log", ErrSource)
	}
	f, err := open(src.Path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	opts, err := src.logOptions(now)
	if err != nil {
		return nil, nil, err
	}
	log, err := data.ReadOrderLog(f, src.Path, opts)
	if err != nil {
		return nil, nil, err
	}
	var warnings []LoadWarning
	if fd := log.FutureDated(); fd != nil {
		warnings = append(warnings, &FutureWarning{FutureDated: *fd,
			DefaultCutoff: src.Cutoff.IsZero() && !log.LastUpToToday.IsZero(), LastUpToToday: log.LastUpToToday, Unlabelled: true})
	}
	warnings = append(warnings, earlyWarnings(log)...)
	warnings = append(warnings, blankWarnings(src.Path, log)...)
	return log, warnings, nil
}

// CurrentOf builds the rows of log's customers at src.Cutoff (zero: the
// log's last date up to today, see data.OrderLog.LastUpToToday). A cutoff
// outside the log's dates is a *CutoffRangeError.
func CurrentOf(log *data.OrderLog, src Source) (*Current, error) {
	if len(log.Orders) == 0 {
		return nil, fmt.Errorf("%w: %s holds no orders to score", ErrSource, src.Path)
	}
	if src.Cutoff.IsZero() {
		src.Cutoff = log.LastKnown()
	}
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	if day(src.Cutoff) < day(log.First) || day(src.Cutoff) > day(log.Last) {
		return nil, &CutoffRangeError{Path: src.Path, First: log.First, Last: log.Last, Cutoff: src.Cutoff}
	}
	var err error
	if src.Features, err = src.Features.resolve(src.Path); err != nil {
		return nil, err
	}
	t, rep, err := data.BuildCurrent(log, src.Cutoff, src.Features.options())
	if err != nil {
		return nil, err
	}
	if src.Features.BTYD {
		var names []string
		if t, names, _, err = addBTYD(context.Background(), log, t, rep.Cutoff, src.HorizonDays); err != nil {
			return nil, err
		}
		rep.Features = append(rep.Features, names...)
	}
	src.Cutoff = rep.Cutoff
	return &Current{Source: src, Table: t, Report: rep, Log: log}, nil
}

// Summary says in one line how many customers were scored and how many of
// them are marked short, e.g. "scored 23,570 customers active at
// 1998-06-30; 0 have a short history (first order fewer than 90 days
// before; marked)".
func (c *Current) Summary() string {
	verb := "have"
	if c.Report.ShortHistory == 1 {
		verb = "has"
	}
	noun := "customers"
	if c.Report.Customers == 1 {
		noun = "customer"
	}
	return fmt.Sprintf("scored %s %s active at %s; %s %s a short history (first order fewer than %d days before; marked)",
		data.Thousands(c.Report.Customers), noun, c.Report.Cutoff.Format(time.DateOnly), data.Thousands(c.Report.ShortHistory),
		verb, data.ShortHistoryDays)
}

// CurrentScores are a model's scores of the current customers, with each
// row's short-history mark.
type CurrentScores struct {
	*Scored
	// Short marks the customers with a short history (Report.Short).
	Short []bool
}

// ScoreCurrent scores every current customer with the model.
func (b *Bundle) ScoreCurrent(c *Current) (*CurrentScores, error) {
	if err := b.checkCohort(&c.Report, c.Table, c.Source.Path); err != nil {
		return nil, err
	}
	s, err := b.ScoreTable(c.Table)
	if err != nil {
		return nil, err
	}
	return &CurrentScores{Scored: s, Short: c.Report.Short}, nil
}

// Row implements ScoreRows: Scored's row with its short-history mark.
func (s *CurrentScores) Row(i int, input bool) (ScoreRow, error) {
	r, err := s.Scored.Row(i, input)
	r.ShortHistory = i < len(s.Short) && s.Short[i]
	return r, err
}

// HasCurrent reports whether the experiment was trained on an order log
// it kept, so that Current can build the log's current customers.
func (e *Experiment) HasCurrent() bool { return e.Data != nil && e.Data.Log != nil }

// Current builds the customers of the experiment's order log at its last
// date (up to today), unlabelled, the way its training rows were built.
func (e *Experiment) Current() (*Current, error) {
	if !e.HasCurrent() {
		return nil, fmt.Errorf("%w: the experiment was not trained on an order log", ErrSource)
	}
	src := e.Data.Source
	src.Cutoff = time.Time{}
	return CurrentOf(e.Data.Log, src)
}

// OnCurrent returns the experiment as it applies to the current customers
// c: the same pipeline, network and training matrix (so explanations are
// measured against the mean training user), with c's unlabelled rows as
// its data and no split. ScoreAll, Row and ExportRows of the result work
// on c's rows, calibrated with e's map; the typical values and the
// explainer belong to e.
func (e *Experiment) OnCurrent(c *Current) *Experiment {
	d := c.Data()
	d.Log = e.Data.Log
	return &Experiment{Data: d,
		Config: e.Config, Pipeline: e.Pipeline, Train: e.Train, Net: e.Net, Trainer: e.Trainer,
		calibratedBy: e.calibrationOwner()}
}
