package anomalyscreen

import (
	"testing"

	"github.com/retainlab/retain/anomaly"
	"github.com/retainlab/retain/tui/screentest"
)

// TestReasonYearsAreNotGrouped: a reason on a column of years read
// "birth_year 1,932 exp 1,975 (typ 1,977)"; a year is a label, written
// 1932, while an amount keeps its separators.
func TestReasonYearsAreNotGrouped(t *testing.T) {
	for _, c := range []struct {
		lang, want string
	}{
		{"en", "birth_year 1932 exp 1975 (typ 1977)"},
		{"zh", "birth_year 1932 预期 1975（通常 1977）"},
	} {
		s := New(screentest.Common(c.lang, 80, 24))
		got := s.reasonText(anomaly.Reason{Column: "birth_year", Value: 1932, Expected: 1975, Typical: 1977, Whole: true, Year: true})
		if got != c.want {
			t.Errorf("%s: reason %q, want %q", c.lang, got, c.want)
		}
	}
	s := New(screentest.Common("en", 80, 24))
	if got, want := s.reasonText(anomaly.Reason{Column: "spend", Value: 1932, Expected: 1975, Typical: 1977, Whole: true}),
		"spend 1,932 exp 1,975 (typ 1,977)"; got != want {
		t.Errorf("reason %q, want %q", got, want)
	}
}
