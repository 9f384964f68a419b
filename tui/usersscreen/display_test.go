package usersscreen

import "testing"

// TestDisplayValueGroupsEveryThousand: the feature table wrote values
// under 10,000 without separators ("2045", "5000 *") beside the sweep's
// axis ticks "2,000" and "4,000" (widget.FormatTick); they are grouped
// now, their digits as written; text that is no plain number stays. A
// negative value takes the minus sign U+2212 like the figures beside it
// (review22 #16: "-0.0941" beside "−0.062" on one screen).
func TestDisplayValueGroupsEveryThousand(t *testing.T) {
	for in, want := range map[string]string{"2045": "2,045", "5000": "5,000", "2456.66": "2,456.66", "-1482.5": "−1,482.5",
		"999": "999", "91.75": "91.75", "96200": "96,200", "missing": "missing", "2024-01-31": "2024-01-31"} {
		if got := displayValue(in); got != want {
			t.Errorf("displayValue(%q) = %q, want %q", in, got, want)
		}
	}
}
