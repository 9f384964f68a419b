package data

import "testing"

// ParseHorizon reads days with or without d and weeks, in any case, with
// spaces around the number; 10 years (3,650 days) at most.
func TestParseHorizon(t *testing.T) {
	for s, want := range map[string]int{"90d": 90, "90": 90, "13w": 91, " 4W ": 28, "7 d": 7, "1": 1, "3650": 3650, "521w": 3647} {
		if got, err := ParseHorizon(s); err != nil || got != want {
			t.Errorf("ParseHorizon(%q) = %d, %v; want %d", s, got, err, want)
		}
	}
	for s, want := range map[string]string{
		"": "want a positive number of days such as 30d, 4w or 30", "0d": "want a positive number of days such as 30d, 4w or 30",
		"-3": "want a positive number of days such as 30d, 4w or 30", "month": "want a positive number of days such as 30d, 4w or 30",
		"3651": "want at most 3,650 days (10 years)", "522w": "want at most 3,650 days (10 years)",
	} {
		if _, err := ParseHorizon(s); err == nil || err.Error() != want {
			t.Errorf("ParseHorizon(%q): %v, want %q", s, err, want)
		}
	}
}
