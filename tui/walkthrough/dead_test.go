package walkthrough

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/retainlab/retain/experiment"
)

// deadFixture is the fixture run with neurons 2 and 5 of the first layer
// silenced: their incoming weights and bias set to 0, so that each
// outputs ReLU(0) = 0 for every user.
func deadFixture(t *testing.T) *experiment.Experiment {
	t.Helper()
	exp := fixtureExperiment(t)
	l := exp.Net.Layers[0]
	for _, j := range []int{1, 4} {
		clear(l.W[j*l.In : (j+1)*l.In])
		l.B[j] = 0
	}
	return exp
}

// TestLayerStepCountsDeadNeurons: the layer step (z = W·x + b) said
// nothing of neurons that give every user the same output, which a
// trained network may hold many of. It now counts them with a line on
// why; the count is experiment.Experiment.DeadNeurons'.
func TestLayerStepCountsDeadNeurons(t *testing.T) {
	exp := deadFixture(t)
	if got := exp.DeadNeurons()[0]; got != 2 {
		t.Fatalf("the fixture has %d dead neurons in layer 1, want the 2 silenced", got)
	}
	in, err := NewInput(exp, fixtureRow(exp))
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{
		"en": "2 of the 6 neurons of this layer output the same value for every training user: they are dead",
		"zh": "这一层的 6 个神经元中有 2 个对每位训练用户都输出同一个值",
	} {
		m := New(in, lang, DefaultStyles())
		m.SetSize(200, 60)
		m = goTo(t, m, stepAffine, 0)
		if view := ansi.Strip(m.View()); !strings.Contains(view, want) {
			t.Errorf("%s: the layer step does not say %q:\n%s", lang, want, view)
		}
	}
}

// TestGoldenDeadNeurons is the first layer's step with two dead neurons.
func TestGoldenDeadNeurons(t *testing.T) {
	exp := deadFixture(t)
	in, err := NewInput(exp, fixtureRow(exp))
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Languages {
		for _, size := range [][2]int{{80, 24}, {160, 48}, {200, 60}} {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, size[0], size[1]), func(t *testing.T) {
				m := New(in, lang, DefaultStyles())
				m.SetSize(size[0], size[1])
				m = goTo(t, m, stepAffine, 0)
				golden.RequireEqual(t, ansi.Strip(m.View()))
			})
		}
	}
}
