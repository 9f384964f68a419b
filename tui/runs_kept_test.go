package tui

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
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

// TestRunsOnOtherDataAreNotCompared follows the review's steps: a run on
// the textbook shop, then a table opened and a run on it; the Runs screen
// starred the "better" figures of the two. It names each run's data and
// says the two are not comparable.
func TestRunsOnOtherDataAreNotCompared(t *testing.T) {
	m := analysedModel(t, textbookOptions(), 100, 30, 2)
	path := writeFile(t, t.TempDir(), "users.csv", smallCSV())
	m = sendKeys(t, m, "1", "o")
	m.dataScr.SetPromptValue(path)
	m = sendKeys(t, m, "enter")
	if m.err != nil || m.data.Source.Path != path {
		t.Fatalf("opening %s: %v", path, m.err)
	}
	second := trainRun(t, m, 2)
	m.trainScr.AddFinished(second)
	m = pressAll(t, m, "7", "up")
	view := screen(m)
	screentest.MustContain(t, view, "textbook shop", "users.csv", "different data: not comparable")
	if strings.Contains(view, "★") {
		t.Errorf("figures starred across runs on different data:\n%s", view)
	}
}
