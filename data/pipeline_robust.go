package data

import "slices"

// robustSpread returns the median and the interquartile range of the
// imputed training column: the present values plus filled copies of fill,
// as a fitted imputer followed by a robust scaler would see it, each
// quantile a group quantile of k customers (groupQuantile). present is
// reordered.
func robustSpread(present []float64, fill float64, filled, k int) (center, spread float64) {
	all := present
	if filled > 0 {
		all = make([]float64, 0, len(present)+filled)
		all = append(all, present...)
		for range filled {
			all = append(all, fill)
		}
	}
	slices.Sort(all)
	return groupQuantile(all, 0.5, k), groupQuantile(all, 0.75, k) - groupQuantile(all, 0.25, k)
}

// groupMedian sorts xs in place and returns its group median of k
// customers (groupQuantile); xs must not be empty.
func groupMedian(xs []float64, k int) float64 {
	slices.Sort(xs)
	return groupQuantile(xs, 0.5, k)
}

// groupQuantile is the quantile q of sorted xs as a statistic of at least
// k customers: the mean of the k values around numpy's position q·(n−1)
// (the window starts at that position − (k−1)/2, rounded, and is moved
// inside the slice), or that window's value itself when all k are equal,
// so it is never one customer's value, only a value at least k share or an
// average of k. k ≤ 1 (hand-made tests only, MinGroup 1) gives numpy's
// linear quantile (quantileSorted); n < k values give their mean.
func groupQuantile(xs []float64, q float64, k int) float64 {
	if k <= 1 {
		return quantileSorted(xs, q)
	}
	n := len(xs)
	k = min(k, n)
	start := int(q*float64(n-1) - float64(k-1)/2 + 0.5)
	start = min(max(start, 0), n-k)
	return windowMean(xs[start : start+k])
}

// windowMean is the mean of the sorted window w, or its value itself when
// all its values are equal (a sum of equal values may round off it); w
// must not be empty.
func windowMean(w []float64) float64 {
	k := len(w)
	if w[0] == w[k-1] {
		return w[0]
	}
	var m float64
	for _, x := range w {
		m += x / float64(k) // shares first: the sum may overflow
	}
	return m
}

// quantileSorted is numpy's default (linear) quantile q of sorted xs: the
// value at position q·(n−1), interpolated between its neighbours.
func quantileSorted(xs []float64, q float64) float64 {
	pos := q * float64(len(xs)-1)
	i := int(pos)
	if i+1 >= len(xs) {
		return xs[len(xs)-1]
	}
	frac := pos - float64(i)
	return xs[i] + frac*(xs[i+1]-xs[i])
}
