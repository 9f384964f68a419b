package main

import (
	"testing"
	"time"
)

// TestTuneCountsTrialsWithAgreeingNoun: one trial is "1 trial", not
// "1 trials", in the limit and search lines of retain tune.
func TestTuneCountsTrialsWithAgreeingNoun(t *testing.T) {
	cases := []struct {
		trials int
		budget time.Duration
		want   string
	}{
		{1, 0, "1 trial"},
		{1, time.Minute, "1 trial within 1m0s"},
		{2, 0, "2 trials"},
		{1200, 0, "1,200 trials"},
	}
	for _, c := range cases {
		if got := describeLimit(3, c.trials, c.budget); got != c.want {
			t.Errorf("describeLimit(3, %d, %v) = %q, want %q", c.trials, c.budget, got, c.want)
		}
	}
}
