package data

import "slices"

// robustSpread returns the median and the interquartile range of the
// imputed training column: the present values plus filled copies of fill,
// as a fitted imputer followed by a robust scaler would see it. present is
// reordered.
func robustSpread(present []float64, fill float64, filled int) (center, spread float64) {
	all := present
	if filled > 0 {
		all = make([]float64, 0, len(present)+filled)
		all = append(all, present...)
		for range filled {
			all = append(all, fill)
		}
	}
	slices.Sort(all)
	return quantileSorted(all, 0.5), quantileSorted(all, 0.75) - quantileSorted(all, 0.25)
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
