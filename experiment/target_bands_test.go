package experiment

import (
	"math"
	"testing"

	"github.com/retainlab/retain/data"
)

// TargetBands and Rate: four users, the top two by P(yes) hold one churner
// (user 0; user 2 stayed), the rest none (user 3's label is blank), so the
// rates are 1/2 and 0/2 (by hand); with room for ten the rest band is
// empty and its rate NaN.
func TestTargetBandsRate(t *testing.T) {
	l := data.LabelSpec{Name: "churn", Positive: "yes", Negative: "no"}
	pos, labels := []float64{0.9, 0.1, 0.8, 0.3}, []float64{1, 0, 0, math.NaN()}
	b, out := TargetBands(pos, labels, NewTarget(l, Prevent), BandScheme{Capacity: 2})
	if len(out) != 2 || out[0] != 1 || out[1] != 0 || b.Rate(0, out) != 0.5 || b.Rate(1, out) != 0 {
		t.Errorf("outcomes %v, rates %v and %v, want [1 0], 0.5 and 0", out, b.Rate(0, out), b.Rate(1, out))
	}
	b, out = TargetBands(pos, nil, NewTarget(l, Prevent), BandScheme{Capacity: 10})
	if out[0] != 0 || b.Rate(0, out) != 0 || !math.IsNaN(b.Rate(1, out)) {
		t.Errorf("no labels: outcomes %v, rates %v and %v, want 0, 0 and NaN", out, b.Rate(0, out), b.Rate(1, out))
	}
}
