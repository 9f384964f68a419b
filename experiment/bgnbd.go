package experiment

import (
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
	// Summaries are the customers' calibration summaries (x, t_x, T in
	// weeks).
	Summaries []btyd.Customer
}

// ErrBaseline is matched (errors.Is) when the BG/NBD baseline cannot be
// fitted or cannot score the rows asked for.
var ErrBaseline = errors.New("BG/NBD baseline")

// BGNBDBaseline fits BG/NBD on log's purchases from its first date up to
// cutoff (inclusive, as data.BuildCohort counts an order on the cutoff day as
// history) and scores every row of table, a cohort built by
// data.BuildCohort from the same log at the same cutoff: its id column
// holds the log's customer ids. Customers who first bought after the cutoff
// are not in the cohort and not in the fit; a customer with one purchase day
// has x = 0.
func BGNBDBaseline(log *data.OrderLog, table *data.Table, cutoff time.Time, horizonDays int) (*BGNBDScores, error) {
	if horizonDays < 1 {
		return nil, fmt.Errorf("%w: horizon of %d days", ErrBaseline, horizonDays)
	}
	first, cut := dayOf(log.First), dayOf(cutoff)
	purchases := make([]btyd.Purchase, len(log.Orders))
	for i, o := range log.Orders {
		purchases[i] = btyd.Purchase{Customer: int(o.Customer), Day: int(o.Day)}
	}
	summaries, err := btyd.Summarize(purchases, first, cut)
	if err != nil {
		return nil, fmt.Errorf("%w: %s up to %s: %w", ErrBaseline, log.Name, cutoff.Format(time.DateOnly), err)
	}
	params, ll, err := btyd.Fit(summaries)
	if err != nil {
		return nil, fmt.Errorf("%w: %s up to %s: %w", ErrBaseline, log.Name, cutoff.Format(time.DateOnly), err)
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
		c, ok := index[id]
		if ok {
			c, ok = pos[c]
		}
		if !ok {
			return nil, fmt.Errorf("%w: row %d of %s (customer %s) has no purchase in %s up to %s",
				ErrBaseline, r+1, table.Source, id, log.Name, cutoff.Format(time.DateOnly))
		}
		s := summaries[c]
		out.Summaries[r] = s
		out.PAny[r] = params.PAnyPurchase(s, fit.HorizonWeeks)
		out.PAlive[r] = params.PAlive(s)
		if out.Expected[r], err = params.ExpectedPurchases(s, fit.HorizonWeeks); err != nil {
			out.Expected[r] = math.NaN()
		}
	}
	return out, nil
}

// Report measures the BG/NBD ranking score PAny against labels (the cohort
// table's label, row for row) with the metrics the network is measured with.
func (s *BGNBDScores) Report(labels []float64, threshold float64) (metrics.Report, error) {
	if len(labels) != len(s.PAny) {
		return metrics.Report{}, fmt.Errorf("%w: %d labels for %d customers", ErrBaseline, len(labels), len(s.PAny))
	}
	return metrics.NewReport(s.PAny, labels, nil, threshold)
}

// dayOf is the day number (days since 1970-01-01) of t's calendar date, the
// numbering of data.Order.Day.
func dayOf(t time.Time) int {
	return int(data.DayNumber(t))
}

// dateOf is midnight UTC of a day number.
func dateOf(day int) time.Time { return time.Unix(int64(day)*86400, 0).UTC() }
