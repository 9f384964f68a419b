package anomaly

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestRankGauss checks the transform on the sample 1, 2, 2, 3 against
// mid-ranks worked by hand: 1 lies at (0 + ½ + ½)/5 = 0.2, the two 2s at
// (1 + 1 + ½)/5 = 0.5, 3 at (3 + ½ + ½)/5 = 0.8; Φ⁻¹(0.8) = 0.8416212335729143
// (scipy.stats.norm.ppf). Between sample values the quantile is linear, and
// beyond the ends it stays at the end's.
func TestRankGauss(t *testing.T) {
	const z = 0.8416212335729143
	g := fitRankGauss([]float64{3, 2, 1, 2})
	for _, c := range []struct{ v, want float64 }{
		{1, -z}, {2, 0}, {3, z}, {1.5, -z / 2}, {2.75, 0.75 * z}, {-40, -z}, {1e9, z},
	} {
		if got := g.apply(c.v); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("apply(%v) = %v, want %v", c.v, got, c.want)
		}
	}
}

// TestRankGaussInputsKeepsBinary checks that rankGaussInputs transforms a
// numeric input (the values 0, 10, 20, 30 in four rows: mid-ranks 1/5 to
// 4/5) and leaves a 0/1 input as it is.
func TestRankGaussInputsKeepsBinary(t *testing.T) {
	x := []float64{0, 1, 10, 0, 20, 1, 30, 0} // rows × (numeric, 0/1)
	rng := rand.New(rand.NewPCG(1, 2))
	rankGaussInputs(x, 2, []int{0, 1, 2, 3}, 100, rng)
	// Φ⁻¹(0.2), Φ⁻¹(0.4), Φ⁻¹(0.6), Φ⁻¹(0.8) (scipy.stats.norm.ppf).
	want := []float64{-0.8416212335729143, -0.2533471031357997, 0.2533471031357997, 0.8416212335729143}
	for i, w := range want {
		if math.Abs(x[2*i]-w) > 1e-12 {
			t.Errorf("row %d numeric %v, want %v", i, x[2*i], w)
		}
		if b := []float64{1, 0, 1, 0}[i]; x[2*i+1] != b {
			t.Errorf("row %d 0/1 input %v, want %v unchanged", i, x[2*i+1], b)
		}
	}
}
