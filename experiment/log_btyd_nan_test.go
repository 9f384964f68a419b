package experiment

import (
	"math"
	"testing"
)

// TestAllNaN: the expected-purchases column is refused only when it has
// cells and every one is missing.
func TestAllNaN(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		v    []float64
		want bool
	}{{nil, false}, {[]float64{nan}, true}, {[]float64{nan, nan, nan}, true}, {[]float64{nan, 0}, false}, {[]float64{1}, false}} {
		if got := allNaN(c.v); got != c.want {
			t.Errorf("allNaN(%v) = %v, want %v", c.v, got, c.want)
		}
	}
}
