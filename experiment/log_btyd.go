package experiment

import (
	"errors"
	"fmt"
	"math"
	"time"

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
	params, _, err := btyd.Fit(cs)
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
