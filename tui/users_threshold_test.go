package tui

import (
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
