package experiment

import (
	"errors"
	"fmt"
	"math"
	"time"

	"gonum.org/v1/gonum/optimize"

	"github.com/retainlab/retain/btyd"
	"github.com/retainlab/retain/data"
)

// The BG/NBD inputs live here rather than in data, which stays free of the
// model fit: data builds the cohort, experiment joins what btyd predicts.

// btydNames returns the names of the BG/NBD columns for a horizon.
func btydNames(horizonDays int) [3]string {
	return [3]string{"btyd_p_alive", fmt.Sprintf("btyd_expected_%dd", horizonDays), fmt.Sprintf("btyd_p_any_%dd", horizonDays)}
}

// addBTYD fits BG/NBD by maximum likelihood on the log's orders from its
// first date to the cutoff (time in weeks, orders on the same day merged,
// as in the paper) and appends, for every customer of the cohort,
// P(alive at the cutoff), the expected purchases in the horizon and
// P(at least one purchase in the horizon). A customer whose expectation
// does not converge gets a missing value there. The fit is made afresh on
// each log scored, from that log's history up to its cutoff.
func addBTYD(log *data.OrderLog, t *data.Table, cutoff time.Time, horizonDays int) (*data.Table, []string, error) {
	first, cut := int(dayOf(log.First)), int(dayOf(cutoff))
	ps := make([]btyd.Purchase, 0, len(log.Orders))
	for _, o := range log.Orders {
		if int(o.Day) <= cut {
			ps = append(ps, btyd.Purchase{Customer: int(o.Customer), Day: int(o.Day)})
		}
	}
	cs, err := btyd.Summarize(ps, first, cut)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %s: BG/NBD features: %v", ErrSource, log.Name, err)
	}
	params, err := fitBTYD(cs)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %s: the BG/NBD fit for --btyd-features failed (%v); train without it", ErrSource, log.Name, err)
	}
	byIndex := make(map[string]btyd.Customer, len(cs))
	for _, c := range cs {
		byIndex[log.Customers[c.ID]] = c
	}
	weeks := float64(horizonDays) / 7
	names := btydNames(horizonDays)
	alive, expected, any := make([]float64, t.Rows), make([]float64, t.Rows), make([]float64, t.Rows)
	for r, id := range t.IDs() {
		c, ok := byIndex[id]
		if !ok {
			return nil, nil, fmt.Errorf("%w: %s: customer %q of the cohort has no BG/NBD summary", ErrSource, log.Name, id)
		}
		alive[r] = params.PAlive(c)
		any[r] = params.PAnyPurchase(c, weeks)
		if expected[r], err = params.ExpectedPurchases(c, weeks); err != nil {
			if !errors.Is(err, btyd.ErrNoConvergence) {
				return nil, nil, fmt.Errorf("%w: %s: BG/NBD features: %v", ErrSource, log.Name, err)
			}
			expected[r] = math.NaN()
		}
	}
	cols := append(t.Columns[:len(t.Columns):len(t.Columns)],
		data.NewNumericColumn(names[0], alive), data.NewNumericColumn(names[1], expected), data.NewNumericColumn(names[2], any))
	out, err := data.NewTable(t.Source, cols, t.Label)
	return out, names[:], err
}

// dayOf is the day number (days since 1970-01-01) of t's UTC date.
func dayOf(t time.Time) int64 {
	return int64(math.Floor(float64(t.Unix()) / 86400))
}

// fitBTYD is btyd.Fit with a fallback. BFGS with finite-difference
// gradients can stop in its line search short of the optimum (it does on
// Online Retail at 2011-09-09 and on very regular synthetic logs); the
// same likelihood, per customer over the logarithms of the parameters, is
// then minimised from the same start with Nelder–Mead, which needs no
// gradient.
func fitBTYD(cs []btyd.Customer) (btyd.Params, error) {
	p, _, err := btyd.Fit(cs)
	if err == nil || !errors.Is(err, btyd.ErrFit) {
		return p, err
	}
	unpack := func(v []float64) btyd.Params {
		return btyd.Params{R: math.Exp(v[0]), Alpha: math.Exp(v[1]), A: math.Exp(v[2]), B: math.Exp(v[3])}
	}
	negLL := func(v []float64) float64 {
		for _, u := range v {
			if math.Abs(u) > 30 {
				return math.Inf(1)
			}
		}
		ll := unpack(v).TotalLogLikelihood(cs)
		if math.IsNaN(ll) {
			return math.Inf(1)
		}
		return -ll / float64(len(cs))
	}
	settings := &optimize.Settings{MajorIterations: 20000,
		Converger: &optimize.FunctionConverge{Absolute: 1e-12, Relative: 1e-12, Iterations: 400}}
	res, nmErr := optimize.Minimize(optimize.Problem{Func: negLL}, []float64{0, 0, 0, 0}, settings, &optimize.NelderMead{})
	if nmErr != nil || res == nil {
		return btyd.Params{}, fmt.Errorf("%v; Nelder–Mead: %v", err, nmErr)
	}
	q := unpack(res.X)
	if !q.Valid() || math.IsInf(res.F, 0) || math.IsNaN(res.F) {
		return btyd.Params{}, fmt.Errorf("%v; Nelder–Mead ended at %+v", err, q)
	}
	return q, nil
}
