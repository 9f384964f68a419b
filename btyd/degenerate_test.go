package btyd

import (
	"errors"
	"testing"
)

// Degenerate: the review's fit at the boundary (a 1.3e-13, r 1.9e7,
// α 4.8e8) is; the CDNOW parameters of Fader, Hardie and Lee (2005), r
// 0.243, α 4.414, a 0.793, b 2.426, are not; the bounds themselves are
// inside.
func TestParamsDegenerate(t *testing.T) {
	for _, c := range []struct {
		p    Params
		want bool
	}{
		{Params{R: 1.9e7, Alpha: 4.8e8, A: 1.3e-13, B: 2e-4}, true},
		{Params{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}, false},
		{Params{R: 1e6, Alpha: 1e-6, A: 1, B: 1}, false},
		{Params{R: 1, Alpha: 1, A: 1, B: 1.1e6}, true},
		{Params{R: 1, Alpha: 1, A: 9e-7, B: 1}, true},
	} {
		if got := c.p.Degenerate(); got != c.want {
			t.Errorf("%+v: Degenerate() = %v, want %v", c.p, got, c.want)
		}
	}
}

// TestFitNoRepeats: customers none of whom bought again (every x is 0)
// leave a and b out of the likelihood, which has no maximum (it rises as
// r → 0): the fit refuses with ErrNoRepeats. It returned the start
// values a = b = 1 and r near 0 as a fit. One customer who did buy again
// is enough to fit.
func TestFitNoRepeats(t *testing.T) {
	cs := []Customer{{ID: 1, T: 10}, {ID: 2, T: 5}, {ID: 3, T: 12}, {ID: 4, T: 1}}
	if p, ll, err := Fit(cs); !errors.Is(err, ErrNoRepeats) {
		t.Errorf("fit %+v (log-likelihood %g), error %v; want ErrNoRepeats", p, ll, err)
	}
	cs = append(cs, Customer{ID: 5, X: 2, TX: 6, T: 9})
	if _, _, err := Fit(cs); errors.Is(err, ErrNoRepeats) {
		t.Errorf("with a repeat buyer: %v", err)
	}
}
