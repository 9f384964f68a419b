package data

import "testing"

// TestFormatDigitsWritesPlainDecimals: values in original units (an
// explanation's "monetary_total=…", a bound in retain inspect) are written
// without an exponent. The wants are the values rounded by hand to the
// significant digits asked for (a value with that many whole digits or
// more to a whole number).
func TestFormatDigitsWritesPlainDecimals(t *testing.T) {
	cases := []struct {
		v      float64
		digits int
		want   string
	}{
		{21540.37, 4, "21540"}, // was 2.154e+04 (review18 #7)
		{99999.5, 4, "100000"},
		{-1234567.8, 6, "-1234568"}, // was -1.23457e+06
		{0.0000123456, 4, "0.00001235"},
		{1669.7289428000001, 6, "1669.73"},
		{123.456, 4, "123.5"},
		{9.99996, 4, "10"},
		{0.1 + 0.2, 4, "0.3"},
		{0.4291, 4, "0.4291"},
		{-0.00004, 4, "-0.00004"},
		{72, 4, "72"},
		{1e20, 4, "1e+20"}, // beyond 1e15 the exponent stays
	}
	for _, c := range cases {
		if got := FormatDigits(c.v, c.digits); got != c.want {
			t.Errorf("FormatDigits(%v, %d) = %q, want %q", c.v, c.digits, got, c.want)
		}
	}
}
