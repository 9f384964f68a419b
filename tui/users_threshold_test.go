package tui

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// TestThresholdReachesTheUsersScreen: the root forwards the Evaluate
// screen's threshold to the Users screen, whose header then reads it.
func TestThresholdReachesTheUsersScreen(t *testing.T) {
	m := analysedModel(t, textbookOptions(), 120, 40, 2)
	m, _ = update(t, m, common.ThresholdMsg{Run: 1, Threshold: 0.3})
	if got := m.usersScr.Threshold(); got != 0.3 {
		t.Fatalf("the Users screen judges at %g, want 0.3", got)
	}
	screentest.MustContain(t, screen(pressAll(t, m, "5")), "✓ right at 0.30")
}

// TestThresholdReachesTheWalkthrough: the root forwards the Evaluate
// screen's threshold to the walkthrough as well, whose output page then
// judges the user at it, as the Users screen does; it said "At the
// threshold 0.5" whatever Evaluate showed.
func TestThresholdReachesTheWalkthrough(t *testing.T) {
	m := analysedModel(t, textbookOptions(), 120, 40, 2)
	m, _ = update(t, m, common.ThresholdMsg{Run: 1, Threshold: 0.3})
	m = pressAll(t, m, "5", "6")
	for range 12 {
		if strings.Contains(screen(m), "The output: a probability") {
			break
		}
		m = pressAll(t, m, "right")
	}
	screentest.MustContain(t, screen(m), "At the threshold 0.30,")
	if got := m.walkScr.Walkthrough().Threshold(); got != 0.3 {
		t.Fatalf("the walkthrough judges at %g, want 0.3", got)
	}
}
