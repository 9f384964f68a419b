package anomaly

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"
)

// rankGauss maps one input to the normal quantile of its empirical
// distribution on a sample (a rank-gauss transform): value v becomes
// Φ⁻¹(F(v)), where F is the mid-rank cumulative share of the sample at or
// below v, linear between the sample's distinct values and constant beyond
// its ends. Every input then counts on the same scale whatever its units and
// tails, and a value past the sample's largest counts as the largest.
type rankGauss struct {
	// values are the sample's distinct values, ascending; z their normal
	// quantiles.
	values, z []float64
}

// fitRankGauss fits the transform of the sample xs (which it sorts).
func fitRankGauss(xs []float64) rankGauss {
	slices.Sort(xs)
	n := float64(len(xs))
	var g rankGauss
	for i := 0; i < len(xs); {
		j := i
		for j < len(xs) && xs[j] == xs[i] {
			j++
		}
		// The mid-rank share of the sample below, with ½ added to both ends
		// so that neither extreme maps to infinity.
		p := (float64(i) + float64(j-i)/2 + 0.5) / (n + 1)
		g.values = append(g.values, xs[i])
		g.z = append(g.z, normalQuantile(p))
		i = j
	}
	return g
}

// apply maps v.
func (g rankGauss) apply(v float64) float64 {
	k := sort.SearchFloat64s(g.values, v)
	switch {
	case k == len(g.values):
		return g.z[k-1]
	case g.values[k] == v || k == 0:
		return g.z[k]
	}
	lo, hi := g.values[k-1], g.values[k]
	return g.z[k-1] + (v-lo)/(hi-lo)*(g.z[k]-g.z[k-1])
}

// invert maps a transformed value z back to the input's scale: the
// inverse of apply, linear between the sample's distinct values and clamped
// to the sample's range (z beyond the ends maps to the smallest or largest
// value).
func (g rankGauss) invert(z float64) float64 {
	k := sort.SearchFloat64s(g.z, z)
	switch {
	case k == len(g.z):
		return g.values[k-1]
	case g.z[k] == z || k == 0:
		return g.values[k]
	}
	lo, hi := g.z[k-1], g.z[k]
	return g.values[k-1] + (z-lo)/(hi-lo)*(g.values[k]-g.values[k-1])
}

// normalQuantile is Φ⁻¹(p), the standard normal quantile.
func normalQuantile(p float64) float64 {
	return math.Sqrt2 * math.Erfinv(2*p-1)
}

// rankGaussInputs applies a rank-gauss transform, fitted on a random sample
// of at most maxRows of rows, to every input of x (rows × width) that takes
// more than two values in the sample; 0/1 inputs (booleans, one-hot levels,
// missing indicators) are left as they are. It returns the transform of
// each input (nil for the inputs left as they are).
func rankGaussInputs(x []float64, width int, rows []int, maxRows int, rng *rand.Rand) []*rankGauss {
	gs := make([]*rankGauss, width)
	fit := sample(rows, maxRows, rng)
	col := make([]float64, len(fit))
	for j := range width {
		for i, row := range fit {
			col[i] = x[row*width+j]
		}
		g := fitRankGauss(col)
		if len(g.values) <= 2 {
			continue
		}
		gs[j] = &g
		for i := j; i < len(x); i += width {
			x[i] = g.apply(x[i])
		}
	}
	return gs
}
