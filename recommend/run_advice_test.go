package recommend

import (
	"errors"
	"testing"
	"time"
)

// TestHorizonTooLongAdvice: the refusal of a horizon too long for the log
// suggests leaving out --evaluate only when that makes the horizon fit
// (two horizons of days instead of three), and reads as a sentence. A log
// of one day fits no horizon either way; it used to end "the log is too
// short for any horizon or leave out --evaluate".
func TestHorizonTooLongAdvice(t *testing.T) {
	first := Day(time.Date(2019, 10, 1, 0, 0, 0, 0, time.UTC))
	const prefix = "cutoff or horizon out of range: o.csv spans "
	const learn2 = "the model learns from the horizon before the cutoff, with a horizon of history before that; "
	const learn3 = "the model learns from the two horizons before the cutoff and is measured on the one after it; "
	for _, tc := range []struct {
		span, horizon int32
		evaluate      bool
		want          string
	}{
		// 61 days (2019-10-01 .. 2019-11-30, both in) hold three horizons
		// of at most 20 days (61/3), two of at most 30 (61/2); without
		// measuring, 21 days need 42 ≤ 61.
		{61, 21, true, "61 days (2019-10-01 .. 2019-11-30), and a 21-day horizon needs at least 63 days: " + learn3 +
			"choose a --horizon of at most 20 days, or leave out --evaluate: without measuring, a 21-day horizon needs 42 days"},
		// 40 days need 80 > 61 without measuring too: no such advice.
		{61, 40, true, "61 days (2019-10-01 .. 2019-11-30), and a 40-day horizon needs at least 120 days: " + learn3 +
			"choose a --horizon of at most 20 days"},
		{61, 31, false, "61 days (2019-10-01 .. 2019-11-30), and a 31-day horizon needs at least 62 days: " + learn2 +
			"choose a --horizon of at most 30 days"},
		// 4 days: at most 1 day evaluated (4/3), "1 day", not "1 days".
		{4, 2, true, "4 days (2019-10-01 .. 2019-10-04), and a 2-day horizon needs at least 6 days: " + learn3 +
			"choose a --horizon of at most 1 day, or leave out --evaluate: without measuring, a 2-day horizon needs 4 days"},
		// 2 days: none evaluated (2/3 = 0), 1 day without measuring.
		{2, 1, true, "2 days (2019-10-01 .. 2019-10-02), and a 1-day horizon needs at least 3 days: " + learn3 +
			"the log is too short to evaluate any horizon; leave out --evaluate: without measuring, a 1-day horizon needs 2 days"},
		{2, 30, true, "2 days (2019-10-01 .. 2019-10-02), and a 30-day horizon needs at least 90 days: " + learn3 +
			"the log is too short to evaluate any horizon; without --evaluate, choose a --horizon of at most 1 day"},
		// One day: no horizon, with --evaluate or without.
		{1, 30, true, "1 day (2019-10-01 .. 2019-10-01), and a 30-day horizon needs at least 90 days: " + learn3 +
			"the log is too short for any horizon, with or without --evaluate"},
		{1, 30, false, "1 day (2019-10-01 .. 2019-10-01), and a 30-day horizon needs at least 60 days: " + learn2 +
			"the log is too short for any horizon"},
	} {
		l := &Log{Name: "o.csv", First: first, Last: first + tc.span - 1, LastUpToToday: first + tc.span - 1}
		err := l.checkCutoff(0, tc.horizon, false, tc.evaluate)
		if !errors.Is(err, ErrCutoff) || err.Error() != prefix+tc.want {
			t.Errorf("span %d, horizon %d, evaluate %v:\n got %v\nwant %s", tc.span, tc.horizon, tc.evaluate, err, prefix+tc.want)
		}
	}
}
