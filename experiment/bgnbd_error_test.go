package experiment

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/btyd"
)

// TestBaselineErrorsNameEachStepOnce: every refusal of the BG/NBD baseline
// names the step once, whole text checked, and matches ErrBaseline. They
// used to repeat it ("BG/NBD baseline: o.csv up to …: the BG/NBD fit did
// not converge", then "BG/NBD not fitted: " or "BG/NBD metrics: " before
// that); BaselineReason is the text after the step, for a caller that
// names it itself.
func TestBaselineErrorsNameEachStepOnce(t *testing.T) {
	d, err := LoadAt(Source{Kind: "csv", Path: "o.csv"}, stringOpener(labelledOrders), time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	_, notLog := d.BGNBD()
	_, horizon := BGNBDBaseline(nil, nil, time.Time{}, 0)
	scores := &BGNBDScores{PAny: []float64{0.2, 0.4, 0.6, 0.8}}
	_, count := scores.Report([]float64{0, 1, 1}, 0.5)
	_, oneClass := scores.Report([]float64{1, 1, 1, 1}, 0.5)
	fit := &BaselineError{Detail: "o.csv up to 2024-02-20", Err: fmt.Errorf("%w: BFGS: stuck", btyd.ErrFit)}
	_, _, _, btydFeatures := addBTYD(context.Background(), nil, nil, time.Time{}, 0)
	for _, c := range []struct {
		err          error
		whole, after string
	}{
		{notLog, "BG/NBD baseline: o.csv is not an order log", "o.csv is not an order log"},
		{horizon, "BG/NBD baseline: horizon of 0 days", "horizon of 0 days"},
		{count, "BG/NBD baseline: 3 labels for 4 customers", "3 labels for 4 customers"},
		// The metrics part is engine/metrics' own text (ErrOneClass).
		{oneClass, "BG/NBD baseline: metrics: only one class present: no negative labels",
			"metrics: only one class present: no negative labels"},
		{fit, "BG/NBD baseline: o.csv up to 2024-02-20: the fit did not converge: BFGS: stuck",
			"o.csv up to 2024-02-20: the fit did not converge: BFGS: stuck"},
		// Wrapped in the data source's refusal: the reason is all of it.
		{btydFeatures, "bad data source: --btyd-features: BG/NBD baseline: horizon of 0 days; train without it",
			"bad data source: --btyd-features: BG/NBD baseline: horizon of 0 days; train without it"},
	} {
		if c.err == nil {
			t.Errorf("no error, want %q", c.whole)
			continue
		}
		if got := c.err.Error(); got != c.whole || strings.Count(got, "BG/NBD") != 1 {
			t.Errorf("error\n got %q\nwant %q", got, c.whole)
		}
		if got := BaselineReason(c.err); got != c.after {
			t.Errorf("reason\n got %q\nwant %q", got, c.after)
		}
		if c.err != btydFeatures && !errors.Is(c.err, ErrBaseline) {
			t.Errorf("%q does not match ErrBaseline", c.err)
		}
	}
	if !errors.Is(fit, btyd.ErrFit) {
		t.Error("the fit's error does not match btyd.ErrFit")
	}
}
