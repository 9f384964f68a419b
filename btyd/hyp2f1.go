package btyd

import (
	"errors"
	"math"
)

// ErrNoConvergence reports a Gaussian hypergeometric series that did not
// reach the requested precision within its term budget (|z| too close to 1
// or too large parameters).
var ErrNoConvergence = errors.New("hypergeometric series did not converge")

// hyp2f1MaxTerms is the term budget of Hyp2F1.
const hyp2f1MaxTerms = 100000

// Hyp2F1 evaluates the Gaussian hypergeometric function 2F1(a, b; c; z) by
// its power series Σ (a)_k (b)_k / ((c)_k k!) z^k, for |z| < 1 and c not a
// non-positive integer. It stops when a term is below 1e-15 of the sum and the terms
// decrease, and
// returns ErrNoConvergence when that does not happen within the term budget
// or the series leaves the float64 range.
func Hyp2F1(a, b, c, z float64) (float64, error) {
	if math.IsNaN(a+b+c+z) || math.Abs(z) >= 1 {
		return math.NaN(), ErrNoConvergence
	}
	if c <= 0 && c == math.Floor(c) {
		return math.NaN(), ErrNoConvergence
	}
	sum, term := 1.0, 1.0
	for k := 0; k < hyp2f1MaxTerms; k++ {
		fk := float64(k)
		term *= (a + fk) * (b + fk) / ((c + fk) * (fk + 1)) * z
		sum += term
		if math.IsInf(sum, 0) || math.IsNaN(sum) {
			return math.NaN(), ErrNoConvergence
		}
		// Stop on a negligible term once the terms shrink from then on (the
		// next ratio below 1), so a small early term cannot end the sum
		// before the terms peak.
		next := math.Abs((a + fk + 1) * (b + fk + 1) / ((c + fk + 1) * (fk + 2)) * z)
		if term == 0 || (math.Abs(term) <= 1e-15*math.Abs(sum) && next < 1) {
			return sum, nil
		}
	}
	return math.NaN(), ErrNoConvergence
}
