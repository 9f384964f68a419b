package planscreen

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// TestCommandsBuiltOnce (review 2): the commands under the plan are built
// when what they are built from changes, not at every redraw: keys that
// only move the page or switch the language build none, a new lever
// builds them once. The train command's builder (common.TrainArgsAt) is
// counted. Before the fix drawing built them up to three times per draw,
// twice a draw for each key.
func TestCommandsBuiltOnce(t *testing.T) {
	calls := 0
	trainArgsAt = func(e *experiment.Experiment, levers []string, cutoff time.Time) ([]string, bool) {
		calls++
		return common.TrainArgsAt(e, levers, cutoff)
	}
	t.Cleanup(func() { trainArgsAt = common.TrainArgsAt })
	run := withSource(screentest.TextbookRun(t), experiment.Source{Kind: "csv", Path: "users.csv"})
	s := planned(t, screentest.Common("en", 80, 24), run)
	if calls != 1 {
		t.Errorf("the first plan built the commands %d times, want 1", calls)
	}
	before := commandTexts(s)
	calls = 0
	for _, k := range []string{"down", "down", "pgdown", "G", "a", "g"} {
		s = feed(t, s, screentest.Press(k))
	}
	s.SetLang("zh")
	s.SetLang("en")
	s.SetSize(200, 60)
	if calls != 0 {
		t.Errorf("scrolling, switching language and resizing built the commands %d times, want 0", calls)
	}
	if got := commandTexts(s); !slices.Equal(got, before) {
		t.Errorf("commands %q, then %q", before, got)
	}
	s = feed(t, s, screentest.Press("l"))
	s = feed(t, s, screentest.Press("space"))
	next, cmd := s.Update(screentest.Press("enter"))
	s = feed(t, next.(Model), cmd())
	if calls != 1 {
		t.Errorf("a new lever built the commands %d times, want 1", calls)
	}
	if got := commandTexts(s); len(got) != 2 || !strings.Contains(got[0], "--levers") {
		t.Errorf("commands after a lever %q", got)
	}
}
