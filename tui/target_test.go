package tui

import (
	"testing"

	"github.com/retainlab/retain/tui/screentest"
)

// The target answered on the Data screen reaches Evaluate and Users (the
// root forwards common.TargetMsg to every screen), and p on Users switches
// it back everywhere; B's band scheme travels the same way.
func TestTargetChosenOnOneScreenIsUsedEverywhere(t *testing.T) {
	m := analysedModel(t, textbookOptions(), 120, 40, 2)
	screentest.MustContain(t, screen(m), "encourage purchases_next_30d = yes (guessed from the label's name · p prevent, e encourage)")
	m = pressAll(t, m, "p", "4")
	screentest.MustContain(t, screen(m), "Gains · prevent (p)", "riskiest users (lowest P(purchases_next_30d = yes))")
	m = pressAll(t, m, "5")
	screentest.MustContain(t, screen(m), "plan: prevent purchases_next_30d = no (p)")
	m = pressAll(t, m, "p", "B", "1")
	screentest.MustContain(t, screen(m), "encourage purchases_next_30d = yes (your choice · p to change)")
	m = pressAll(t, m, "4")
	screentest.MustContain(t, screen(m), "Gains · encourage (p)", "Bands · top 100 (B)")
}
