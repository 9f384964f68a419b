package btyd

import "testing"

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
