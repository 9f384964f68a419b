package btyd

import (
	"context"
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/optimize"
)

// Params are the four BG/NBD parameters: the purchase rate λ ~ gamma(R,
// Alpha) (shape R, rate Alpha, in weeks) and the dropout probability
// p ~ beta(A, B).
type Params struct {
	R, Alpha, A, B float64
}

// Valid reports whether every parameter is finite and positive.
func (p Params) Valid() bool {
	for _, v := range []float64{p.R, p.Alpha, p.A, p.B} {
		if !(v > 0) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// DegenerateLow and DegenerateHigh bound the parameters of a fit that is
// not degenerate (Degenerate).
const (
	DegenerateLow  = 1e-6
	DegenerateHigh = 1e6
)

// Degenerate reports whether a fit ended at a limit of the model rather
// than at an interior maximum: some parameter is below DegenerateLow or
// above DegenerateHigh. Fit searches each parameter's logarithm within
// ±30 (1e-13 … 1e13); a fit that walks that far has followed a ridge of
// the likelihood towards a simpler model (a → 0 or b → ∞: no customer
// drops out, BG/NBD becomes the NBD; r and α → ∞: every customer buys at
// one rate), where the parameters' values are arbitrary points on the
// ridge and say nothing about the customers, though the scores may still
// rank them.
func (p Params) Degenerate() bool {
	for _, v := range []float64{p.R, p.Alpha, p.A, p.B} {
		if v < DegenerateLow || v > DegenerateHigh {
			return true
		}
	}
	return false
}

// lgamma is the logarithm of |Γ(x)|.
func lgamma(x float64) float64 {
	v, _ := math.Lgamma(x)
	return v
}

// LogLikelihood is the log-likelihood of one customer (equation 6 of the
// paper), computed in log space: ln A1 + ln A2 + ln(e^{ln A3} + δ e^{ln A4})
// with A1 = Γ(r+x) α^r / Γ(r), A2 = Γ(a+b) Γ(b+x) / (Γ(b) Γ(a+b+x)),
// A3 = (α+T)^{−(r+x)} and A4 = a/(b+x−1) (α+t_x)^{−(r+x)}, δ = 1 when x > 0.
func (p Params) LogLikelihood(c Customer) float64 {
	r, al, a, b := p.R, p.Alpha, p.A, p.B
	x := c.X
	lnA1 := lgamma(r+x) - lgamma(r) + r*math.Log(al)
	lnA2 := lgamma(a+b) + lgamma(b+x) - lgamma(b) - lgamma(a+b+x)
	lnA3 := -(r + x) * math.Log(al+c.T)
	if x == 0 {
		return lnA1 + lnA2 + lnA3
	}
	lnA4 := math.Log(a) - math.Log(b+x-1) - (r+x)*math.Log(al+c.TX)
	hi, lo := lnA3, lnA4
	if lo > hi {
		hi, lo = lo, hi
	}
	return lnA1 + lnA2 + hi + math.Log1p(math.Exp(lo-hi))
}

// TotalLogLikelihood sums LogLikelihood over the customers.
func (p Params) TotalLogLikelihood(cs []Customer) float64 {
	var s float64
	for _, c := range cs {
		s += p.LogLikelihood(c)
	}
	return s
}

// totalLogLikelihood is TotalLogLikelihood that looks at ctx every
// fitPollEvery customers; ok is false once ctx is done (the sum is then
// partial).
func totalLogLikelihood(ctx context.Context, p Params, cs []Customer) (sum float64, ok bool) {
	for start := 0; start < len(cs); start += fitPollEvery {
		if ctx.Err() != nil {
			return sum, false
		}
		for _, c := range cs[start:min(start+fitPollEvery, len(cs))] {
			sum += p.LogLikelihood(c)
		}
	}
	return sum, true
}

// ErrFit reports a maximum-likelihood fit that did not converge. Its text
// does not name BG/NBD: the caller's message does ("BG/NBD baseline: …:
// the fit did not converge").
var ErrFit = errors.New("the fit did not converge")

// ErrNoRepeats reports a calibration period in which no customer bought
// again (every x is 0): then a and b do not enter the likelihood (A2 = 1,
// δ = 0), which rises without bound as r → 0, so there is no maximum and
// any "fit" is the optimiser's start values for a and b and a limit for r.
var ErrNoRepeats = errors.New("no customer bought again in the calibration period (every repeat count x is 0): " +
	"the dropout parameters a and b do not enter the likelihood, so BG/NBD cannot be fitted on this history")

// Fit estimates the parameters by maximum likelihood over the customers'
// calibration summaries; see FitContext.
func Fit(cs []Customer) (Params, float64, error) {
	return FitContext(context.Background(), cs)
}

// fitPollEvery is how many customers' likelihoods the fit sums between two
// looks at its context: a few hundred microseconds of work, so a cancelled
// fit of any size stops within about that, and the look costs nothing
// measurable (BenchmarkFit).
const fitPollEvery = 1024

// FitContext estimates the parameters by maximum likelihood over the
// customers' calibration summaries. It minimises the mean negative
// log-likelihood per customer over the logarithms of the parameters (so
// they stay positive) with BFGS and central-difference gradients, starting
// from r = α = a = b = 1. It returns the parameters and the log-likelihood
// at them. When BFGS fails it retries with Nelder–Mead from the same start;
// an error wrapping ErrFit means both failed or ended at a non-finite
// point. Customers none of whom bought again give ErrNoRepeats. Once ctx is done the fit stops within fitPollEvery customers'
// likelihoods and returns ctx's error (the optimiser's goroutines ended).
func FitContext(ctx context.Context, cs []Customer) (Params, float64, error) {
	if len(cs) == 0 {
		return Params{}, 0, ErrNoCustomers
	}
	repeats := false
	for _, c := range cs {
		if !(c.X >= 0) || !(c.TX >= 0) || !(c.T >= c.TX) || math.IsInf(c.T, 0) || (c.X > 0 && c.X != math.Floor(c.X)) {
			return Params{}, 0, fmt.Errorf("customer %d has an impossible summary x=%g t_x=%g T=%g", c.ID, c.X, c.TX, c.T)
		}
		repeats = repeats || c.X > 0
	}
	if !repeats {
		return Params{}, 0, ErrNoRepeats
	}
	unpack := func(v []float64) Params {
		return Params{R: math.Exp(v[0]), Alpha: math.Exp(v[1]), A: math.Exp(v[2]), B: math.Exp(v[3])}
	}
	negLL := func(v []float64) float64 {
		for _, u := range v {
			if math.Abs(u) > 30 { // keep exp(u) finite and away from 0
				return math.Inf(1)
			}
		}
		ll, ok := totalLogLikelihood(ctx, unpack(v), cs)
		if !ok || math.IsNaN(ll) {
			// Once cancelled the value is never used: stop (below) ends
			// the run after this evaluation.
			return math.Inf(1)
		}
		return -ll / float64(len(cs)) // per customer, so one threshold suits any size
	}
	// stop is looked at after every evaluation (a value, or a gradient of
	// eight): a cancelled run ends there, through the optimiser's own
	// shutdown, so that none of its goroutines outlives the fit.
	stop := func() (optimize.Status, error) {
		if err := ctx.Err(); err != nil {
			return optimize.Failure, err
		}
		return optimize.NotTerminated, nil
	}
	problem := optimize.Problem{
		Func:   negLL,
		Status: stop,
		Grad: func(grad, v []float64) {
			fd.Gradient(grad, negLL, v, &fd.Settings{Formula: fd.Central})
		},
	}
	settings := &optimize.Settings{GradientThreshold: 1e-7, MajorIterations: 1000}
	res, err := optimize.Minimize(problem, []float64{0, 0, 0, 0}, settings, &optimize.BFGS{})
	if ctxErr := ctx.Err(); ctxErr != nil {
		return Params{}, 0, ctxErr
	}
	if err == nil {
		if p := unpack(res.X); p.Valid() && !math.IsInf(res.F, 0) && !math.IsNaN(res.F) {
			return p, p.TotalLogLikelihood(cs), nil
		}
		err = fmt.Errorf("ended at %+v (status %v)", unpack(res.X), res.Status)
	}
	// BFGS with finite-difference gradients can stop in its line search
	// short of the optimum, above all when the maximum lies towards the
	// boundary (a → 0, b → ∞: customers who never drop out, where BG/NBD
	// becomes the NBD model). The same likelihood is then minimised from
	// the same start with Nelder–Mead, which needs no gradient.
	nmSettings := &optimize.Settings{MajorIterations: 20000,
		Converger: &optimize.FunctionConverge{Absolute: 1e-12, Relative: 1e-12, Iterations: 400}}
	nm, nmErr := optimize.Minimize(optimize.Problem{Func: negLL, Status: stop}, []float64{0, 0, 0, 0}, nmSettings, &optimize.NelderMead{})
	if ctxErr := ctx.Err(); ctxErr != nil {
		return Params{}, 0, ctxErr
	}
	if nmErr != nil || nm == nil {
		return Params{}, 0, fmt.Errorf("%w: BFGS: %v; Nelder–Mead: %v", ErrFit, err, nmErr)
	}
	q := unpack(nm.X)
	if !q.Valid() || math.IsInf(nm.F, 0) || math.IsNaN(nm.F) {
		return Params{}, 0, fmt.Errorf("%w: BFGS: %v; Nelder–Mead ended at %+v", ErrFit, err, q)
	}
	return q, q.TotalLogLikelihood(cs), nil
}
