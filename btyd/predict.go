package btyd

import (
	"fmt"
	"math"
)

// deadOdds is δ a/(b+x−1) ((α+T)/(α+t_x))^{r+x}: the posterior odds that the
// customer dropped out after their last purchase rather than being alive at
// T (0 when x = 0, as a customer drops out only after a purchase).
func (p Params) deadOdds(c Customer) float64 {
	if c.X == 0 {
		return 0
	}
	return math.Exp(math.Log(p.A) - math.Log(p.B+c.X-1) +
		(p.R+c.X)*(math.Log(p.Alpha+c.T)-math.Log(p.Alpha+c.TX)))
}

// PAlive is P(alive at T | x, t_x, T), equation 13 of the paper:
// 1 / (1 + δ a/(b+x−1) ((α+T)/(α+t_x))^{r+x}). It is 1 when x = 0.
func (p Params) PAlive(c Customer) float64 {
	return 1 / (1 + p.deadOdds(c))
}

// ExpectedPurchases is E[X(t) | x, t_x, T], the expected number of purchases
// in the t weeks after T (equation 10 of the paper):
//
//	(a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^{r+x} 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))]
//	/ (1 + δ a/(b+x−1) ((α+T)/(α+t_x))^{r+x})
//
// It returns an error wrapping ErrNoConvergence when the hypergeometric
// series does not converge for these inputs, and refuses a = 1 (where the
// formula is 0/0) and a negative or non-finite t.
func (p Params) ExpectedPurchases(c Customer, t float64) (float64, error) {
	if !(t >= 0) || math.IsInf(t, 0) {
		return math.NaN(), fmt.Errorf("horizon %g weeks is not a finite non-negative number", t)
	}
	if t == 0 {
		return 0, nil
	}
	if p.A == 1 {
		return math.NaN(), fmt.Errorf("E[X(t)] is undefined at a = 1")
	}
	r, al, a, b, x := p.R, p.Alpha, p.A, p.B, c.X
	z := t / (al + c.T + t)
	h, err := Hyp2F1(r+x, b+x, a+b+x-1, z)
	if err != nil {
		return math.NaN(), fmt.Errorf("%w: 2F1(%g, %g; %g; %g) for customer %d", err, r+x, b+x, a+b+x-1, z, c.ID)
	}
	ratio := math.Exp((r + x) * (math.Log(al+c.T) - math.Log(al+c.T+t)))
	e := (a + b + x - 1) / (a - 1) * (1 - ratio*h) / (1 + p.deadOdds(c))
	if math.IsNaN(e) || math.IsInf(e, 0) {
		return math.NaN(), fmt.Errorf("%w: E[X(%g)] is not finite for customer %d", ErrNoConvergence, t, c.ID)
	}
	return e, nil
}

// PAnyPurchase is P(X(t) > 0 | x, t_x, T), the probability of at least one
// purchase in the t weeks after T. A customer alive at T with rate λ makes
// none with probability e^{−λt} (dropout only follows a purchase), so with
// the posterior of (λ, p):
//
//	P(X(t) = 0) = [((α+T)/(α+T+t))^{r+x} + δ a/(b+x−1) ((α+T)/(α+t_x))^{r+x}]
//	              / [1 + δ a/(b+x−1) ((α+T)/(α+t_x))^{r+x}]
//
// (derived here from the paper's likelihood, equation 6). It is 0 at t = 0
// and tends to P(alive) as t grows.
func (p Params) PAnyPurchase(c Customer, t float64) float64 {
	if !(t > 0) {
		return 0
	}
	stay := math.Exp((p.R + c.X) * (math.Log(p.Alpha+c.T) - math.Log(p.Alpha+c.T+t)))
	d := p.deadOdds(c)
	return 1 - (stay+d)/(1+d)
}

// ExpectedRepeat is E[X(t)], the expected number of repeat purchases of a
// new customer in the t weeks after their first purchase (equation 9 of the
// paper): (a+b−1)/(a−1) · [1 − (α/(α+t))^r 2F1(r, b; a+b−1; t/(α+t))].
// Summed over customers with their own ages it gives the cumulative
// expected repeat purchases of a cohort, to track against the actual ones.
func (p Params) ExpectedRepeat(t float64) (float64, error) {
	return p.ExpectedPurchases(Customer{X: 0, TX: 0, T: 0}, t)
}
