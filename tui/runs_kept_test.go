package tui

import (
	"testing"

	"github.com/retainlab/retain/tui/common"
)

// TestSameRuns: a session that forgot its oldest run and ended a new one
// holds as many runs as before, but not the same; the Runs screen must be
// given the new list.
func TestSameRuns(t *testing.T) {
	runs := func(numbers ...int) []common.Run {
		var out []common.Run
		for _, n := range numbers {
			out = append(out, common.Run{Number: n})
		}
		return out
	}
	for _, c := range []struct {
		a, b []common.Run
		same bool
	}{
		{runs(1, 2, 3), runs(1, 2, 3), true},
		{nil, nil, true},
		{runs(1, 2, 3), runs(1, 3, 4), false},
		{runs(1, 2), runs(1, 2, 3), false},
	} {
		if got := sameRuns(c.a, c.b); got != c.same {
			t.Errorf("sameRuns(%v, %v) = %v, want %v", c.a, c.b, got, c.same)
		}
	}
}
