package anomaly

import "testing"

// TestDateReasonReadsAsDates: a date column's reason read "signup_date
// 19730, expected 19382 (typical 18864)", day numbers; it reads as dates.
// Days 19730, 19382 and 18864 are 2024-01-08, 2023-01-25 and 2021-08-25
// (Python: date(1970, 1, 1) + timedelta(days=…)).
func TestDateReasonReadsAsDates(t *testing.T) {
	r := Reason{Column: "signup_date", Value: 19730, Expected: 19382, Typical: 18864, Date: true}
	if got, want := r.String(), "signup_date 2024-01-08, expected 2023-01-25 (typical 2021-08-25)"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	r.Date = false
	if got, want := r.String(), "signup_date 19730, expected 19382 (typical 18864)"; got != want {
		t.Errorf("a number column: %q, want %q", got, want)
	}
}
