package data

import (
	"math"
	"math/rand/v2"
	"slices"
)

// ruleMeanProb is the mean probability ruleLabels aims at.
const ruleMeanProb = 0.26

// ruleLabels draws n two-feature threshold rules over the numeric columns
// of t (see ShopVariant.Rules) and a label per row from the probability
// they give.
func ruleLabels(t *Table, n int, rng *rand.Rand) (labels, prob []float64) {
	var cols []*Column
	var sorted [][]float64 // each column's non-blank values, sorted once
	for _, c := range t.Columns {
		if c.Kind == Numeric {
			cols = append(cols, c)
			s := slices.DeleteFunc(slices.Clone(c.Values), math.IsNaN)
			slices.Sort(s)
			sorted = append(sorted, s)
		}
	}
	z := make([]float64, t.Rows)
	if len(cols) >= 2 {
		for range n {
			a, b := rng.IntN(len(cols)), rng.IntN(len(cols)-1)
			if b >= a {
				b++
			}
			ta, tb := randomCut(sorted[a], rng), randomCut(sorted[b], rng)
			aboveA, aboveB := rng.IntN(2) == 0, rng.IntN(2) == 0
			w := 2.5 * rng.NormFloat64()
			for i := range z {
				if (cols[a].Values[i] > ta) == aboveA && (cols[b].Values[i] > tb) == aboveB {
					z[i] += w
				}
			}
		}
	}
	c := interceptFor(z, ruleMeanProb)
	labels, prob = make([]float64, t.Rows), make([]float64, t.Rows)
	for i, zi := range z {
		prob[i] = logistic(zi + c)
		if rng.Float64() < prob[i] {
			labels[i] = 1
		}
	}
	return labels, prob
}

// randomCut returns the value at a random quantile in [0.15, 0.85] of a
// column's sorted non-blank values.
func randomCut(sorted []float64, rng *rand.Rand) float64 {
	q := 0.15 + 0.7*rng.Float64()
	if len(sorted) == 0 {
		return 0
	}
	return quantileSorted(sorted, q)
}

// interceptFor finds by bisection the c for which the mean of
// logistic(z + c) is target.
func interceptFor(z []float64, target float64) float64 {
	lo, hi := -50.0, 50.0
	for range 100 {
		mid := (lo + hi) / 2
		var mean float64
		for _, zi := range z {
			mean += logistic(zi + mid)
		}
		if mean/float64(len(z)) < target {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

// logistic is 1/(1+e^−z).
func logistic(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
