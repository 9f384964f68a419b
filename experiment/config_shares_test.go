package experiment

import (
	"math"
	"testing"
)

// TestValidateRefusesNaNShares: a validation or test share that is not a
// number is refused like a negative one. It used to pass Validate (every
// comparison with NaN is false) and fail later in the split as an internal
// "data: inconsistent shape" error (exit 1 instead of 2).
func TestValidateRefusesNaNShares(t *testing.T) {
	for _, tc := range []struct {
		val, test float64
		want      string
	}{
		{math.NaN(), 0, "invalid configuration: validation and test shares must be ≥ 0 and leave rows to train on (got NaN and 0)"},
		{0.1, math.NaN(), "invalid configuration: validation and test shares must be ≥ 0 and leave rows to train on (got 0.1 and NaN)"},
	} {
		cfg := DefaultConfig()
		cfg.ValFrac, cfg.TestFrac = tc.val, tc.test
		if err := cfg.Validate(); err == nil || err.Error() != tc.want {
			t.Errorf("val %g, test %g: %v, want %q", tc.val, tc.test, err, tc.want)
		}
	}
}
