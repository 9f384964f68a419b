package tui

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/tui/screentest"
)

// TestPlanScreenOnTheAnalysedRun opens the Plan screen with 0 after a run
// is analysed: the root handed it the run, and its Cmd's plan arrived.
func TestPlanScreenOnTheAnalysedRun(t *testing.T) {
	m := pressAll(t, analysisFixture(t)(160, 48), "0")
	if m.active != tabPlan {
		t.Fatalf("0 opened tab %d, want the Plan screen", m.active)
	}
	screentest.MustContain(t, screen(m), "0 Plan", "Plan · run 2", "net value", "Segments", "Suggestions for the platform")
	// A field being edited has the keyboard: the root turns its global keys off.
	m = pressAll(t, m, "c")
	if !m.editing() {
		t.Fatal("c did not open the cost field")
	}
}

// TestMessagesExpireOnLeavingTheScreen: the Plan screen's refusal of a
// typed cost and the Users screen's failed export are not there any more
// after the user has been to another screen, and the moved threshold
// (Evaluate) does not bring them back.
func TestMessagesExpireOnLeavingTheScreen(t *testing.T) {
	m := pressAll(t, analysisFixture(t)(100, 30), "0", "c", "x", "y", "z", "enter")
	const refusal = "invalid plan: cost per contact xyz"
	screentest.MustContain(t, screen(m), refusal)
	m = pressAll(t, m, "5", "x")
	for range len("retain-users.csv") {
		m = pressAll(t, m, "backspace")
	}
	m = typeText(m, "/nonexistent/dir/u.csv").(Model)
	m = pressAll(t, m, "enter")
	const failed = "✗ export failed: writing /nonexistent/dir/u.csv: directory /nonexistent/dir does not exist"
	screentest.MustContain(t, strings.Join(strings.Fields(screen(m)), " "), failed)
	m = pressAll(t, m, "4", "right", "5")
	if strings.Contains(screen(m), "export failed") {
		t.Errorf("back on Users the failed export is still shown:\n%s", screen(m))
	}
	m = pressAll(t, m, "0")
	if strings.Contains(screen(m), refusal) {
		t.Errorf("back on Plan the refusal is still shown:\n%s", screen(m))
	}
}
