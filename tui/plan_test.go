package tui

import (
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
	screentest.MustContain(t, screen(m), "0 Plan", "Plan · run 2", "net value", "Segments", "First contacts")
	// A field being edited has the keyboard: the root turns its global keys off.
	m = pressAll(t, m, "c")
	if !m.editing() {
		t.Fatal("c did not open the cost field")
	}
}
