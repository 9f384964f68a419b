package data

import "math"

// imputedStats returns the mean and the population standard deviation of
// the imputed training column: the present values plus filled copies of
// fill. The plain sums are used when they stay finite (the results of
// earlier versions, bit for bit); when a sum or a square overflows, every
// value is first divided by the largest magnitude m, so every sum is at
// most a few times the number of values, and the results are scaled back
// by m: both are finite for any finite inputs (the mean lies within
// [−m, m] and the standard deviation of values within [−m, m] is at most
// m).
func imputedStats(present []float64, fill float64, filled int) (avg, sd float64) {
	n := float64(len(present) + filled)
	avg = (mean(present)*float64(len(present)) + fill*float64(filled)) / n
	if finite(avg) {
		var ss float64
		for _, v := range present {
			ss += (v - avg) * (v - avg)
		}
		ss += float64(filled) * (fill - avg) * (fill - avg)
		if sd = math.Sqrt(ss / n); finite(sd) {
			return avg, sd
		}
	}
	m := 0.0
	for _, v := range present {
		m = max(m, math.Abs(v))
	}
	if filled > 0 {
		m = max(m, math.Abs(fill))
	}
	if m == 0 {
		return 0, 0
	}
	var sum float64
	for _, v := range present {
		sum += v / m
	}
	sum += float64(filled) * (fill / m)
	unit := sum / n // the mean in units of m, within [−1, 1]
	var ss float64
	for _, v := range present {
		d := v/m - unit
		ss += d * d
	}
	d := fill/m - unit
	ss += float64(filled) * d * d
	return unit * m, math.Sqrt(ss/n) * m
}

// stableMean is the mean of xs (not empty), finite for any finite values
// (see imputedStats).
func stableMean(xs []float64) float64 {
	if avg := mean(xs); finite(avg) {
		return avg
	}
	avg, _ := imputedStats(xs, 0, 0)
	return avg
}
