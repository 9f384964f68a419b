package btyd

import (
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/integrate/quad"
)

// smooth has a, b > 1 so the beta density of p is smooth on [0, 1] and
// Gauss–Legendre quadrature over p is accurate to many digits.
var smooth = Params{R: 0.8, Alpha: 3.5, A: 2.5, B: 3.5}

// betaPDF is the beta(a, b) density.
func betaPDF(p, a, b float64) float64 {
	return math.Exp((a-1)*math.Log(p) + (b-1)*math.Log1p(-p) - lgamma(a) - lgamma(b) + lgamma(a+b))
}

// integrateP integrates f(p)·beta(p; a, b) over p in (0, 1).
func integrateP(f func(float64) float64, pr Params) float64 {
	return quad.Fixed(func(p float64) float64 { return f(p) * betaPDF(p, pr.A, pr.B) }, 0, 1, 400, quad.Legendre{}, 0)
}

// gammaMoment is ∫ λ^x e^{−λs} gamma(λ; r, α) dλ = Γ(r+x) α^r / (Γ(r) (α+s)^{r+x}),
// the λ-part of the posterior in closed form; only p is integrated numerically.
func gammaMoment(pr Params, x, s float64) float64 {
	return math.Exp(lgamma(pr.R+x) - lgamma(pr.R) + pr.R*math.Log(pr.Alpha) - (pr.R+x)*math.Log(pr.Alpha+s))
}

// posterior returns, by quadrature over p, the posterior masses of "alive
// at T" ((1−p)^x λ^x e^{−λT}) and "dropped out after the last purchase"
// (p (1−p)^{x−1} λ^x e^{−λ t_x}), the two terms of the paper's equation 3.
func posterior(pr Params, c Customer) (alive, dead float64) {
	alive = integrateP(func(p float64) float64 { return math.Pow(1-p, c.X) }, pr) * gammaMoment(pr, c.X, c.T)
	if c.X > 0 {
		dead = integrateP(func(p float64) float64 { return p * math.Pow(1-p, c.X-1) }, pr) * gammaMoment(pr, c.X, c.TX)
	}
	return alive, dead
}

var cases = []Customer{
	{ID: 1, X: 0, TX: 0, T: 30},
	{ID: 2, X: 1, TX: 5, T: 38},
	{ID: 3, X: 2, TX: 30.43, T: 38.86},
	{ID: 4, X: 7, TX: 12, T: 39},
	{ID: 5, X: 15, TX: 38, T: 39},
}

func near(got, want, rel float64) bool {
	return math.Abs(got-want) <= rel*math.Max(1e-12, math.Abs(want))
}

// TestPAliveQuadrature checks P(alive) against the posterior share of the
// "alive" term computed by numeric integration over p.
func TestPAliveQuadrature(t *testing.T) {
	for _, c := range cases {
		alive, dead := posterior(smooth, c)
		want := alive / (alive + dead)
		if got := smooth.PAlive(c); !near(got, want, 1e-9) {
			t.Errorf("customer %+v: P(alive) = %.12f, quadrature %.12f", c, got, want)
		}
	}
}

// TestLogLikelihoodQuadrature checks the closed-form likelihood against the
// quadrature of its two terms.
func TestLogLikelihoodQuadrature(t *testing.T) {
	for _, c := range cases {
		alive, dead := posterior(smooth, c)
		if got, want := smooth.LogLikelihood(c), math.Log(alive+dead); !near(got, want, 1e-9) {
			t.Errorf("customer %+v: LL = %.12f, quadrature %.12f", c, got, want)
		}
	}
}

// TestExpectedPurchasesQuadrature checks E[X(t)] (which goes through 2F1)
// against the route that avoids it: given alive at T with (λ, p),
// E[X(t) | λ, p] = (1 − e^{−λpt})/p (the paper's equation 7), and
// ∫ λ^x e^{−λT} (1 − e^{−λpt}) gamma(λ) dλ is gammaMoment(T) − gammaMoment(T+pt),
// leaving a one-dimensional integral over p.
func TestExpectedPurchasesQuadrature(t *testing.T) {
	for _, c := range cases {
		for _, h := range []float64{1, 10, 39, 200} {
			_, dead := posterior(smooth, c)
			alive, _ := posterior(smooth, c)
			num := integrateP(func(p float64) float64 {
				return math.Pow(1-p, c.X) * (gammaMoment(smooth, c.X, c.T) - gammaMoment(smooth, c.X, c.T+p*h)) / p
			}, smooth)
			want := num / (alive + dead)
			got, err := smooth.ExpectedPurchases(c, h)
			if err != nil {
				t.Fatal(err)
			}
			if !near(got, want, 1e-8) {
				t.Errorf("customer %+v, t=%g: E[X(t)] = %.12f, quadrature %.12f", c, h, got, want)
			}
		}
	}
}

// TestPAnyPurchaseQuadrature checks P(X(t) > 0) against quadrature:
// P(X(t) = 0) = [alive mass with e^{−λ(T+t)} in place of e^{−λT} + dead mass]
// / [alive + dead].
func TestPAnyPurchaseQuadrature(t *testing.T) {
	for _, c := range cases {
		for _, h := range []float64{1, 13, 52} {
			alive, dead := posterior(smooth, c)
			later := integrateP(func(p float64) float64 { return math.Pow(1-p, c.X) }, smooth) * gammaMoment(smooth, c.X, c.T+h)
			want := 1 - (later+dead)/(alive+dead)
			if got := smooth.PAnyPurchase(c, h); !near(got, want, 1e-9) {
				t.Errorf("customer %+v, t=%g: P(X(t)>0) = %.12f, quadrature %.12f", c, h, got, want)
			}
		}
	}
}

// TestLimits checks the limiting cases with the paper's CDNOW parameters:
// P(alive) = 1 with no repeat purchase (dropout only follows a purchase);
// E[X(t)] and P(X(t)>0) are 0 at t = 0; P(X(t)>0) tends to P(alive) as t grows;
// a customer with x = 0 and a long silence T expects few purchases.
func TestLimits(t *testing.T) {
	cdnow := Params{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	if got := cdnow.PAlive(Customer{X: 0, T: 39}); got != 1 {
		t.Errorf("P(alive | x=0) = %v, want 1", got)
	}
	c := Customer{X: 3, TX: 10, T: 39}
	if e, err := cdnow.ExpectedPurchases(c, 0); err != nil || e != 0 {
		t.Errorf("E[X(0)] = %v, %v, want 0", e, err)
	}
	if got := cdnow.PAnyPurchase(c, 0); got != 0 {
		t.Errorf("P(X(0)>0) = %v, want 0", got)
	}
	if got, want := cdnow.PAnyPurchase(c, 1e12), cdnow.PAlive(c); !near(got, want, 1e-3) {
		t.Errorf("P(X(∞)>0) = %v, want P(alive) %v", got, want)
	}
	// x = 0, T = 10,000 weeks: the posterior rate is gamma(r, α+T), mean
	// r/(α+T) ≈ 2.4e-5 per week, so 52 weeks bring at most about 1.3e-3
	// purchases.
	e, err := cdnow.ExpectedPurchases(Customer{X: 0, T: 10000}, 52)
	if err != nil {
		t.Fatal(err)
	}
	if !(e > 0 && e < 52*0.243/(4.414+10000)) {
		t.Errorf("E[X(52) | x=0, T=10000] = %v, want in (0, %v)", e, 52*0.243/(4.414+10000))
	}
}

// TestHyp2F1 checks the series against closed forms:
// 2F1(1, 1; 2; z) = −ln(1−z)/z and 2F1(a, b; b; z) = (1−z)^{−a}.
func TestHyp2F1(t *testing.T) {
	for _, z := range []float64{-0.5, 0.1, 0.5, 0.9, 0.99} {
		got, err := Hyp2F1(1, 1, 2, z)
		if err != nil || !near(got, -math.Log1p(-z)/z, 1e-12) {
			t.Errorf("2F1(1,1;2;%g) = %v, %v, want %v", z, got, err, -math.Log1p(-z)/z)
		}
		got, err = Hyp2F1(0.7, 3.2, 3.2, z)
		if err != nil || !near(got, math.Pow(1-z, -0.7), 1e-12) {
			t.Errorf("2F1(0.7,3.2;3.2;%g) = %v, %v, want %v", z, got, err, math.Pow(1-z, -0.7))
		}
	}
}

// TestHyp2F1Refuses checks that inputs where the series cannot converge
// within its budget are refused, and that E[X(t)] passes the refusal on.
func TestHyp2F1Refuses(t *testing.T) {
	for _, in := range [][4]float64{{1, 1, 2, 1}, {1, 1, 2, -1.5}, {1, 1, -2, 0.5}, {1, 1, 2, math.NaN()}, {1, 1, 2, 1 - 1e-12}} {
		if _, err := Hyp2F1(in[0], in[1], in[2], in[3]); !errors.Is(err, ErrNoConvergence) {
			t.Errorf("Hyp2F1%v: err %v, want ErrNoConvergence", in, err)
		}
	}
	// z = t/(α+T+t) = 1 − 1e−14 needs far more terms than the budget.
	_, err := smooth.ExpectedPurchases(Customer{X: 1, TX: 1, T: 1}, 1e15)
	if !errors.Is(err, ErrNoConvergence) {
		t.Errorf("E[X(1e15)]: err %v, want ErrNoConvergence", err)
	}
	if _, err := smooth.ExpectedPurchases(Customer{X: 1, TX: 1, T: 1}, -1); err == nil ||
		err.Error() != "horizon -1 weeks is not a finite non-negative number" {
		t.Errorf("E[X(-1)]: err %v", err)
	}
}
