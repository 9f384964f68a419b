package experiment

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/retainlab/retain/data"
)

// The BG/NBD inputs live here rather than in data, which stays free of the
// model fit: data builds the cohort, experiment joins what btyd predicts.

// allNaN reports whether v has cells and every one is NaN.
func allNaN(v []float64) bool {
	for _, x := range v {
		if !math.IsNaN(x) {
			return false
		}
	}
	return len(v) > 0
}

// btydNames returns the names of the BG/NBD columns for a horizon.
func btydNames(horizonDays int) [3]string {
	return [3]string{"btyd_p_alive", fmt.Sprintf("btyd_expected_%dd", horizonDays), fmt.Sprintf("btyd_p_any_%dd", horizonDays)}
}

// addBTYD fits BG/NBD by maximum likelihood on the log's orders from its
// first date to the cutoff (BGNBDBaseline: time in weeks, orders on the
// same day merged, as in the paper) and appends, for every customer of the
// cohort, P(alive at the cutoff), the expected purchases in the horizon
// (missing where it does not converge) and P(at least one purchase in the
// horizon). The fit is made afresh on each log scored, from that log's
// history up to its cutoff. It returns the fit's scores too, for callers
// that also measure BG/NBD on these rows. Once ctx is done it stops and
// returns ctx's error as it is.
func addBTYD(ctx context.Context, log *data.OrderLog, t *data.Table, cutoff time.Time, horizonDays int) (*data.Table, []string, *BGNBDScores, error) {
	bg, err := bgnbdBaseline(ctx, log, t, cutoff, horizonDays)
	if ctxErr := ctx.Err(); ctxErr != nil {
		return nil, nil, nil, ctxErr
	}
	if err != nil {
		return nil, nil, nil, fmt.Errorf("%w: --btyd-features: %v; train without it", ErrSource, err)
	}
	names := btydNames(horizonDays)
	alive, expected, any := bg.PAlive, bg.Expected, bg.PAny
	if allNaN(expected) {
		// A column of nothing but missing cells would be filled with a
		// constant and say nothing: say why instead.
		return nil, nil, nil, fmt.Errorf("%w: --btyd-features: %s cannot be computed for any of the %s customers (%v); train without it",
			ErrSource, names[1], data.Thousands(len(expected)), bg.ExpectedErr)
	}
	cols := append(t.Columns[:len(t.Columns):len(t.Columns)],
		data.NewNumericColumn(names[0], alive), data.NewNumericColumn(names[1], expected), data.NewNumericColumn(names[2], any))
	out, err := data.NewTable(t.Source, cols, t.Label)
	return out, names[:], bg, err
}
