package mapscreen

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// press sends the screen a key by its text.
func press(s Model, k string) Model {
	r := []rune(k)[0]
	s, _ = s.step(tea.KeyPressMsg{Code: r, Text: k})
	return s
}

// neuronMapped is the map of row with neuron 2 of the first hidden layer
// shaded: n twice from the output.
func neuronMapped(t *testing.T, c common.Common, row int) Model {
	t.Helper()
	s := mapped(t, c, row)
	s = press(press(s, "n"), "n")
	return want(t, s, row)
}

// TestNeuronKeysStepThroughTheNetwork: n walks every hidden neuron in
// order then back to the output, N backwards, l jumps a layer.
func TestNeuronKeysStepThroughTheNetwork(t *testing.T) {
	s := mapped(t, screentest.Common("en", 80, 24), 3)
	sizes := s.hiddenSizes()
	if len(sizes) < 2 {
		t.Fatalf("hidden layers %v: want two or more", sizes)
	}
	type at struct{ layer, neuron int }
	s = press(s, "n")
	if got := (at{s.layer, s.neuron}); got != (at{1, 0}) {
		t.Fatalf("n from the output: %+v, want layer 1 neuron 0", got)
	}
	s = press(s, "N")
	if got := (at{s.layer, s.neuron}); got != (at{0, 0}) {
		t.Fatalf("N from the first neuron: %+v, want the output", got)
	}
	s = press(s, "N")
	if got := (at{s.layer, s.neuron}); got != (at{len(sizes), sizes[len(sizes)-1] - 1}) {
		t.Fatalf("N from the output: %+v, want the last neuron of the last layer", got)
	}
	s = press(s, "l")
	if got := (at{s.layer, s.neuron}); got != (at{0, 0}) {
		t.Fatalf("l from the last layer: %+v, want the output", got)
	}
	s = press(press(s, "l"), "l")
	if got := (at{s.layer, s.neuron}); got != (at{2, 0}) {
		t.Fatalf("l twice from the output: %+v, want layer 2 neuron 0", got)
	}
}

// TestNeuronMapShadesTheActivation: the grid shaded is the neuron's
// activation (experiment.NeuronMap's, checked by hand in experiment), the
// title names the neuron, the legend gives the range and no boundary is
// drawn.
func TestNeuronMapShadesTheActivation(t *testing.T) {
	s := neuronMapped(t, screentest.Common("en", 80, 24), 3)
	g := s.grid
	if g.req.layer != 1 || g.req.neuron != 1 || g.Neuron == nil || g.Neuron.Layer != 0 || g.Neuron.Index != 1 {
		t.Fatalf("shaded layer %d neuron %d (map's %+v), want layer 1 neuron 1", g.req.layer, g.req.neuron, g.Neuron)
	}
	view := ansi.Strip(s.View())
	want := "Neuron map · layer 1 · neuron 2 of " + itoa(g.net.sizes[0]) + " · ReLU"
	if !strings.Contains(view, want) {
		t.Errorf("the title does not say %q:\n%s", want, view)
	}
	if strings.Contains(view, boundaryGlyph+" boundary") || strings.Count(view, boundaryGlyph) > 1 {
		t.Errorf("a boundary drawn on a neuron's map:\n%s", view)
	}
	if !strings.Contains(view, "strongest weights: 2 ←") {
		t.Errorf("no line of strongest weights at 80 columns:\n%s", view)
	}
}

// TestGoldenNeuron is the map of neuron 2 of the first hidden layer for
// the fourth textbook user, at 80×24 and 200×60 (with the network
// diagram).
func TestGoldenNeuron(t *testing.T) {
	for _, lang := range screentest.Langs {
		for _, sz := range [][2]int{{80, 24}, {160, 48}, {200, 60}} {
			t.Run(lang+"_"+itoa(sz[0])+"x"+itoa(sz[1]), func(t *testing.T) {
				c := screentest.Common(lang, sz[0], sz[1])
				s := New(c)
				s.SetSize(sz[0], sz[1])
				s = want(t, s, 3)
				s = press(press(s, "n"), "n")
				screentest.Golden(t, want(t, s, 3), sz[0], sz[1])
			})
		}
	}
}
