package main

import (
	"context"
	"strings"
	"testing"
)

// eval --model --log --cutoff before the model's own cutoff warns that the
// label window lies (or begins) inside the model's training history: a
// backward-in-time measure, not out of time (review 33, finding 6). The
// model trains at 2024-06-30 with a 30-day horizon; 2024-05-01 + 30 days
// is 2024-05-31 (inside), 2024-06-15 + 30 days is 2024-07-15 (begins
// inside); both by Python's datetime. A later cutoff does not warn.
func TestEvalLogModelWarnsBeforeItsTrainingCutoff(t *testing.T) {
	log, model := trainLogModel(t, "2024-06-30", "30d")
	for _, tc := range []struct{ cutoff, want string }{
		{"2024-05-01", "warning: the cutoff 2024-05-01 is before the one the model was trained at (2024-06-30): " +
			"the label window 2024-05-01 .. 2024-05-31 lies inside the history the model's features were built from " +
			"(its customers' orders up to 2024-06-30), so the figures measure it backward in time, not out of time, " +
			"and can read better than on a later period; give a --cutoff after 2024-06-30 to measure it out of time\n"},
		{"2024-06-15", "warning: the cutoff 2024-06-15 is before the one the model was trained at (2024-06-30): " +
			"the label window 2024-06-15 .. 2024-07-15 begins inside the history the model's features were built from " +
			"(its customers' orders up to 2024-06-30), so the figures measure it backward in time, not out of time, " +
			"and can read better than on a later period; give a --cutoff after 2024-06-30 to measure it out of time\n"},
		{"2024-09-30", ""},
	} {
		c := newCLI(t)
		if code := c.run(context.Background(), "eval", "--model", model, "--log", log, "--cutoff", tc.cutoff); code != exitOK {
			t.Fatalf("eval at %s: exit %d, stderr %q", tc.cutoff, code, c.stderr.String())
		}
		got := c.stderr.String()
		if tc.want == "" {
			if strings.Contains(got, "backward in time") {
				t.Errorf("eval at the later %s warns backward in time: %q", tc.cutoff, got)
			}
			continue
		}
		if !strings.Contains(got, tc.want) {
			t.Errorf("eval at %s: stderr %q\nlacks %q", tc.cutoff, got, tc.want)
		}
	}
}
