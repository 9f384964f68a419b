package recommend

import "testing"

// TestTrendPercentSign checks the sign of rounded changes; a small decrease
// used to print as "+-0 %" (fmt writes −0 as "-0").
func TestTrendPercentSign(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{{0.4, "+40 %"}, {-0.12, "-12 %"}, {0, "+0 %"}, {-0.001, "+0 %"}, {0.004, "+0 %"}, {-0.006, "-1 %"}} {
		if got := TrendPercent(c.v); got != c.want {
			t.Errorf("TrendPercent(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}
