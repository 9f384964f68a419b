package experiment

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/retainlab/retain/btyd"
	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine/metrics"
)

// BGNBDFit describes a BG/NBD model fitted on an order log's history up to a
// cutoff: the calibration period runs from the log's first date to the
// cutoff (both included), time is in weeks and purchases on the same day
// count as one.
type BGNBDFit struct {
	// R, Alpha, A and B are the fitted parameters (btyd.Params).
	R     float64 `json:"r"`
	Alpha float64 `json:"alpha"`
	A     float64 `json:"a"`
	B     float64 `json:"b"`
	// LogLikelihood is the total log-likelihood at the fitted parameters.
	LogLikelihood float64 `json:"log_likelihood"`
	// Customers is the number of customers the model was fitted on: every
	// customer with a purchase in the calibration period.
	Customers int `json:"customers"`
	// CalibrationStart and CalibrationEnd are the period's first and last
	// dates (the log's first date and the cutoff).
	CalibrationStart time.Time `json:"calibration_start"`
	CalibrationEnd   time.Time `json:"calibration_end"`
	// HorizonWeeks is the prediction window: the horizon in days over 7.
	HorizonWeeks float64 `json:"horizon_weeks"`
}

// Params returns the fitted parameters as btyd.Params.
func (f BGNBDFit) Params() btyd.Params {
	return btyd.Params{R: f.R, Alpha: f.Alpha, A: f.A, B: f.B}
}

// BGNBDScores are the BG/NBD model's figures for the rows of a cohort table,
// row i of each slice belonging to row i of the table.
type BGNBDScores struct {
	Fit BGNBDFit
	// PAny is P(at least one purchase in the horizon), the ranking score
	// compared with the network's probability.
	PAny []float64
	// PAlive is P(alive at the cutoff).
	PAlive []float64
	// Expected is the expected number of purchases (distinct days) in the
	// horizon; NaN where its hypergeometric series does not converge.
	Expected []float64
	// ExpectedErr is why the first NaN of Expected is NaN (nil when none
	// is).
	ExpectedErr error
	// Summaries are the customers' calibration summaries (x, t_x, T in
	// weeks).
	Summaries []btyd.Customer
}

// ErrBaseline is matched (errors.Is) when the BG/NBD baseline cannot be
// fitted, cannot score the rows asked for or cannot be measured: the
// error is then a *BaselineError.
var ErrBaseline = errors.New("BG/NBD baseline")

// BaselineError says why there is no BG/NBD baseline: "BG/NBD baseline: "
// then Reason, which names neither BG/NBD nor the baseline again, so that a
// program that names the step itself ("no BG/NBD baseline: …") shows
// Reason alone.
type BaselineError struct {
	// Detail is where or what failed, in English ("o.csv up to
	// 2024-02-20", "metrics", "orders.csv is not an order log").
	Detail string
	// Err is the cause, nil when Detail says it all.
	Err error
}

// Reason is what went wrong, without the step's name: Detail, then Err.
func (e *BaselineError) Reason() string {
	if e.Err == nil {
		return e.Detail
	}
	return e.Detail + ": " + e.Err.Error()
}

// Error says the baseline could not be computed, and why.
func (e *BaselineError) Error() string { return ErrBaseline.Error() + ": " + e.Reason() }

// Is matches ErrBaseline.
func (e *BaselineError) Is(target error) bool { return target == ErrBaseline }

// Unwrap returns the cause.
func (e *BaselineError) Unwrap() error { return e.Err }

// BaselineReason is err's Reason when it is a *BaselineError, else its
// whole text: what to show after a step named by the caller.
func BaselineReason(err error) string {
	var be *BaselineError
	if errors.As(err, &be) {
		return be.Reason()
	}
	return err.Error()
}

// BGNBDBaseline fits BG/NBD on log's purchases from its first date up to
// cutoff (inclusive, as data.BuildCohort counts an order on the cutoff day as
// history) and scores every row of table, a cohort built by
// data.BuildCohort from the same log at the same cutoff: its id column
// holds the log's customer ids. Customers who first bought after the cutoff
// are not in the cohort and not in the fit; a customer with one purchase day
// has x = 0.
func BGNBDBaseline(log *data.OrderLog, table *data.Table, cutoff time.Time, horizonDays int) (*BGNBDScores, error) {
	return bgnbdBaseline(context.Background(), log, table, cutoff, horizonDays)
}

// scorePollEvery is how many rows bgnbdBaseline scores between two looks
// at its context.
const scorePollEvery = 1024

// bgnbdBaseline is BGNBDBaseline that stops once ctx is done, in the fit
// (btyd.FitContext) or while it scores the rows, returning ctx's error as
// it is.
func bgnbdBaseline(ctx context.Context, log *data.OrderLog, table *data.Table, cutoff time.Time, horizonDays int) (*BGNBDScores, error) {
	if horizonDays < 1 {
		return nil, &BaselineError{Detail: fmt.Sprintf("horizon of %d days", horizonDays)}
	}
	first, cut := dayOf(log.First), dayOf(cutoff)
	purchases := make([]btyd.Purchase, len(log.Orders))
	for i, o := range log.Orders {
		purchases[i] = btyd.Purchase{Customer: int(o.Customer), Day: int(o.Day)}
	}
	history := log.Name + " up to " + cutoff.Format(time.DateOnly)
	summaries, err := btyd.Summarize(purchases, first, cut)
	if err != nil {
		return nil, &BaselineError{Detail: history, Err: err}
	}
	params, ll, err := btyd.FitContext(ctx, summaries)
	if ctxErr := ctx.Err(); ctxErr != nil {
		return nil, ctxErr
	}
	if err != nil {
		return nil, &BaselineError{Detail: history, Err: err}
	}
	fit := BGNBDFit{R: params.R, Alpha: params.Alpha, A: params.A, B: params.B, LogLikelihood: ll,
		Customers: len(summaries), CalibrationStart: dateOf(first), CalibrationEnd: dateOf(cut),
		HorizonWeeks: float64(horizonDays) / 7}

	index := make(map[string]int, len(log.Customers))
	for i, id := range log.Customers {
		index[id] = i
	}
	pos := make(map[int]int, len(summaries)) // log customer → summary
	for i, s := range summaries {
		pos[s.ID] = i
	}
	ids := table.IDs()
	out := &BGNBDScores{Fit: fit, PAny: make([]float64, len(ids)), PAlive: make([]float64, len(ids)),
		Expected: make([]float64, len(ids)), Summaries: make([]btyd.Customer, len(ids))}
	for r, id := range ids {
		if r%scorePollEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		c, ok := index[id]
		if ok {
			c, ok = pos[c]
		}
		if !ok {
			return nil, &BaselineError{Detail: fmt.Sprintf("row %d of %s (customer %s) has no purchase in %s",
				r+1, table.Source, id, history)}
		}
		s := summaries[c]
		out.Summaries[r] = s
		out.PAny[r] = params.PAnyPurchase(s, fit.HorizonWeeks)
		out.PAlive[r] = params.PAlive(s)
		if out.Expected[r], err = params.ExpectedPurchases(s, fit.HorizonWeeks); err != nil {
			out.Expected[r] = math.NaN()
			if out.ExpectedErr == nil {
				out.ExpectedErr = err
			}
		}
	}
	return out, nil
}

// Report measures the BG/NBD ranking score PAny against labels (the cohort
// table's label, row for row) with the metrics the network is measured with.
func (s *BGNBDScores) Report(labels []float64, threshold float64) (metrics.Report, error) {
	if len(labels) != len(s.PAny) {
		return metrics.Report{}, &BaselineError{Detail: fmt.Sprintf("%d labels for %d customers", len(labels), len(s.PAny))}
	}
	r, err := metrics.NewReport(s.PAny, labels, nil, threshold)
	if err != nil {
		return metrics.Report{}, &BaselineError{Detail: "metrics", Err: err}
	}
	return r, nil
}

// dayOf is the day number (days since 1970-01-01) of t's calendar date, the
// numbering of data.Order.Day.
func dayOf(t time.Time) int {
	return int(data.DayNumber(t))
}

// dateOf is midnight UTC of a day number.
func dateOf(day int) time.Time { return time.Unix(int64(day)*86400, 0).UTC() }
