package walkthrough

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// TestActivationLinesShowEachStepOnce: the activation lines repeated
// themselves, "a₁[1] = tanh(1.4619) = tanh(1.4619) = 0.8980" and
// "LeakyReLU(2.3286) = 2.3286 = 2.3286".
func TestActivationLinesShowEachStepOnce(t *testing.T) {
	exp := fixtureWith(t, func(c *experiment.Config) {
		c.Hidden = []engine.LayerSpec{{Units: 6, Activation: engine.Tanh}, {Units: 4, Activation: engine.LeakyReLU}}
	})
	in, err := NewInput(exp, fixtureRow(exp))
	if err != nil {
		t.Fatal(err)
	}
	m := New(in, "en", DefaultStyles())
	m.SetSize(120, 60)
	for k, want := range []string{"tanh(", "LeakyReLU("} {
		m = goTo(t, m, stepActivate, k)
		// Every neuron: the positive sums of the leaky layer too.
		for j := range exp.Net.Layers[k].Out {
			m = chooseNeuron(m, j)
			z, a := m.walk.trace.Z[k][j], m.walk.trace.A[k][j]
			line := ""
			for _, l := range strings.Split(m.View(), "\n") {
				if l = textPart(ansi.Strip(l)); strings.HasPrefix(l, idx(aSym(k), j)+" = ") {
					line = l
				}
			}
			if line == "" || !strings.Contains(line, want+num(z)+")") || !strings.HasSuffix(line, "= "+num(a)) {
				t.Fatalf("layer %d neuron %d: no line %s… = %s:\n%s", k+1, j+1, want, num(a), ansi.Strip(m.View()))
			}
			parts := strings.Split(line, " = ")
			for n := 1; n < len(parts); n++ {
				if parts[n] == parts[n-1] {
					t.Errorf("layer %d neuron %d repeats %q: %s", k+1, j+1, parts[n], line)
				}
			}
		}
	}
}

// TestScalingWritesNegativesInParentheses: a centre below zero read
// "(-0.075109 − -0.001507) / 0.29544", two minus signs in a row and two
// kinds of minus.
func TestScalingWritesNegativesInParentheses(t *testing.T) {
	r := renderer{lang: "en"}
	col := &data.PipelineColumn{Name: "spend_trend", Kind: data.Numeric, Center: -0.001507, Scale: 0.29544}
	if got, want := r.scaleRule(col, -0.075109, data.ScaleRobust), "(−0.075109 − (−0.001507)) / 0.29544"; got != want {
		t.Errorf("scaling reads %q, want %q", got, want)
	}
	col.Clip, col.Min, col.Max = true, -0.05, 3
	if got, want := r.scaleRule(col, -0.075109, data.ScaleRobust), "([−0.075109→−0.05] − (−0.001507)) / 0.29544"; got != want {
		t.Errorf("clipped scaling reads %q, want %q", got, want)
	}
	col.Center = 0.5
	if got, want := r.scaleRule(col, 2, data.ScaleRobust), "(2 − 0.5) / 0.29544"; got != want {
		t.Errorf("scaling reads %q, want %q", got, want)
	}
}
