package metrics

import "math"

// PairedZ is the mean of paired differences (one per row or customer),
// its standard error (the differences' sample standard deviation, ddof 1,
// over √n) and their ratio z. The error and z are 0 for fewer than two
// differences, and when the differences are all equal up to rounding:
// there is then no spread to judge the mean by.
func PairedZ(diffs []float64) (mean, se, z float64) {
	n := float64(len(diffs))
	if n == 0 {
		return 0, 0, 0
	}
	for _, d := range diffs {
		mean += d
	}
	mean /= n
	if n < 2 {
		return mean, 0, 0
	}
	var ss float64
	for _, d := range diffs {
		ss += (d - mean) * (d - mean)
	}
	se = math.Sqrt(ss / (n - 1) / n)
	if se <= 1e-9*math.Abs(mean) {
		return mean, 0, 0
	}
	if se > 0 {
		z = mean / se
	}
	return mean, se, z
}

// QuantileSorted is the q-quantile of sorted xs, interpolated linearly
// between order statistics at position q·(n−1), as numpy.percentile does
// by default; NaN for no values.
func QuantileSorted(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	h := q * float64(len(xs)-1)
	lo := int(math.Floor(h))
	if lo+1 >= len(xs) {
		return xs[len(xs)-1]
	}
	return xs[lo] + (h-float64(lo))*(xs[lo+1]-xs[lo])
}
