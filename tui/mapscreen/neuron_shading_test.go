package mapscreen

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/tui/screentest"
)

// TestNeuronMapSaysItsShadingIsFixed: a neuron's map always shades the
// range shown (an activation has no 0–1 scale), its legend says so, a
// leaves the map as it is, and neither help nor footer offers a.
func TestNeuronMapSaysItsShadingIsFixed(t *testing.T) {
	s := neuronMapped(t, screentest.Common("en", 80, 24), 3)
	before := ansi.Strip(s.View())
	if !strings.Contains(before, "(always the range shown: no 0–1 scale)") {
		t.Errorf("the neuron's legend does not say its shading is fixed:\n%s", before)
	}
	if after := ansi.Strip(press(s, "a").View()); after != before {
		t.Errorf("a changed the neuron's map:\n%s", after)
	}
	for _, b := range s.HelpGroups()[0] {
		if b.Enabled() && b.Help().Key == "a" {
			t.Error("help offers a on a neuron's map")
		}
	}
}
