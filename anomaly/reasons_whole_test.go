package anomaly

import "testing"

// TestWholeExpectedText: a count's expected value reads whole unless
// rounding would make it read as the row's own value, when it keeps the
// decimals FormatValues gives it (the reviewer's case of 5 December 2026:
// "orders_30d 1, expected 1 (typical 0)" as the top reason of a row, the
// networks' value 0.62 rounded up to the row's own). A column of other
// numbers keeps its decimals as before.
func TestWholeExpectedText(t *testing.T) {
	for _, c := range []struct {
		r    Reason
		want string
	}{
		{Reason{Column: "orders_30d", Value: 1, Expected: 0.62, Typical: 0, Whole: true}, "orders_30d 1, expected 0.62 (typical 0)"},
		{Reason{Column: "orders_30d", Value: 1, Expected: 1.38, Typical: 0, Whole: true}, "orders_30d 1, expected 1.38 (typical 0)"},
		{Reason{Column: "orders_30d", Value: 4, Expected: 1.38, Typical: 0, Whole: true}, "orders_30d 4, expected 1 (typical 0)"},
		{Reason{Column: "orders_30d", Value: 0, Expected: 2.5, Typical: 0, Whole: true}, "orders_30d 0, expected 3 (typical 0)"},
		{Reason{Column: "orders_30d", Value: 3, Expected: 3, Typical: 1, Whole: true}, "orders_30d 3, expected 3 (typical 1)"},
		{Reason{Column: "spend", Value: 4, Expected: 1.38, Typical: 0}, "spend 4, expected 1.38 (typical 0)"},
	} {
		if got := c.r.String(); got != c.want {
			t.Errorf("%+v reads %q, want %q", c.r, got, c.want)
		}
	}
}
