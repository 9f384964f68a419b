package btyd

import "testing"

// TestFitFallsBackToNelderMead fits a log of very regular buyers who never
// drop out. There the likelihood's maximum lies towards a → 0, b → ∞, and
// BFGS with finite-difference gradients stops in its line search
// ("linesearch: failed to converge"), which Fit reported as an error before
// the Nelder–Mead retry. The retry must end at valid parameters whose
// likelihood beats the starting point r = α = a = b = 1 (computed here with
// TotalLogLikelihood, independently of the optimiser).
func TestFitFallsBackToNelderMead(t *testing.T) {
	var cs []Customer
	for c := range 150 {
		gap, stop := 5+c%37, 730-(c%6)*100
		first, n, last := c%25, 0, 0
		for day := first; day < stop; day += gap {
			n, last = n+1, day
		}
		cs = append(cs, Customer{ID: c, X: float64(n - 1), TX: float64(last-first) / 7, T: float64(730-first) / 7})
	}
	p, ll, err := Fit(cs)
	if err != nil || !p.Valid() {
		t.Fatalf("Fit: %+v, %v", p, err)
	}
	start := Params{R: 1, Alpha: 1, A: 1, B: 1}
	if ll <= start.TotalLogLikelihood(cs) {
		t.Errorf("fitted log-likelihood %g, at the start %g", ll, start.TotalLogLikelihood(cs))
	}
	if ll != p.TotalLogLikelihood(cs) {
		t.Errorf("Fit returned log-likelihood %g, its parameters give %g", ll, p.TotalLogLikelihood(cs))
	}
}
