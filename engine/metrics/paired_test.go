package metrics

import (
	"math"
	"testing"
)

// Three customers of twenty-four gain 0.3 and the others nothing: mean
// 0.0375, standard error 0.0206879, z 1.81265 (numpy: d.mean(),
// d.std(ddof=1)/√24).
func TestPairedZByHand(t *testing.T) {
	d := make([]float64, 24)
	d[0], d[5], d[9] = 0.3, 0.3, 0.3
	mean, se, z := PairedZ(d)
	if math.Abs(mean-0.0375) > 1e-15 || math.Abs(se-0.020687898163776395) > 1e-15 || math.Abs(z-1.812653934349931) > 1e-12 {
		t.Errorf("PairedZ = %v, %v, %v; want 0.0375, 0.0206878981637764, 1.81265393434993", mean, se, z)
	}
	if _, se, z := PairedZ([]float64{0.2}); se != 0 || z != 0 {
		t.Errorf("one difference: se %v, z %v; want 0, 0", se, z)
	}
	if _, se, z := PairedZ([]float64{0.1, 0.1, 0.1}); se != 0 || z != 0 {
		t.Errorf("no spread: se %v, z %v; want 0, 0", se, z)
	}
}

// QuantileSorted interpolates as numpy.percentile does by default: of 4,
// 1, 3, 2 (sorted: 1, 2, 3, 4) the 25th is 1.75 and the 97.5th 3.925.
func TestQuantileSortedByHand(t *testing.T) {
	for _, c := range []struct{ q, want float64 }{{0.25, 1.75}, {0.975, 3.925}, {0, 1}, {1, 4}} {
		if got := QuantileSorted([]float64{1, 2, 3, 4}, c.q); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("QuantileSorted(%v) = %v, want %v", c.q, got, c.want)
		}
	}
}
