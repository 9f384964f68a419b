package walkthrough

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
)

// afterValue reads the new weight from the "before → after" line.
func afterValue(t *testing.T, view string) (float64, float64) {
	t.Helper()
	for _, line := range strings.Split(ansi.Strip(view), "\n") {
		if _, rest, ok := strings.Cut(textPart(line), "before → after:"); ok {
			parts := strings.Split(rest, "→")
			if v, tol, ok := parsePrinted(parts[len(parts)-1]); ok {
				return v, tol
			}
		}
	}
	t.Fatalf("no before → after line in:\n%s", ansi.Strip(view))
	return 0, 0
}

// computedValue reads the new weight the page works out from the
// optimiser's formula (not the engine's result, which "before → after"
// shows): the SGD rule's line, or the line two below Adam's rule.
func computedValue(t *testing.T, view string) (float64, float64) {
	t.Helper()
	lines := strings.Split(ansi.Strip(view), "\n")
	for n, line := range lines {
		text := textPart(line)
		switch {
		case strings.HasPrefix(text, "w ← w − lr·"):
			return printed(t, text, "w ← w − lr·")
		case text == "w ← w − α·m / (√v + ε)" && n+2 < len(lines):
			if v, tol, ok := parsePrinted(strings.TrimPrefix(textPart(lines[n+2]), "= ")); ok {
				return v, tol
			}
		}
	}
	t.Fatalf("no worked-out update in:\n%s", ansi.Strip(view))
	return 0, 0
}

// The update page is right for other training settings too: SGD with
// momentum and Nesterov, an L2 penalty (which adds λ·W to the gradient)
// and gradient-norm clipping (which rescales every gradient first).
func TestUpdateUnderOtherTrainingSettings(t *testing.T) {
	cases := []struct {
		name string
		edit func(*experiment.Config)
		want string // a line the update page must show
	}{
		{"sgd momentum", func(c *experiment.Config) {
			c.Train.Optimizer.Kind, c.Train.Optimizer.LR, c.Train.Optimizer.Momentum = "sgd", 0.05, 0.9
		}, "b ← μ·b + g"},
		{"sgd nesterov", func(c *experiment.Config) {
			c.Train.Optimizer.Kind, c.Train.Optimizer.LR, c.Train.Optimizer.Momentum, c.Train.Optimizer.Nesterov = "sgd", 0.05, 0.9, true
		}, "w ← w − lr·(g + μ·b)"},
		{"adam with l2", func(c *experiment.Config) { c.Train.L2 = 0.05 }, "m ← β₁·m + (1 − β₁)·g"},
		{"adam clipped", func(c *experiment.Config) { c.Train.ClipNorm = 0.01 }, "every gradient is multiplied by"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			exp := fixtureWith(t, c.edit)
			in, err := NewInput(exp, fixtureRow(exp))
			if err != nil {
				t.Fatal(err)
			}
			m := New(in, "en", DefaultStyles())
			m.SetSize(200, 100)
			m = goTo(t, m, stepGrad, 0)
			// The printed gradient includes the L2 term, like the engine's.
			for k := range m.walk.layerCount() {
				j, i := m.Neuron(k), m.Weight(k)
				l := exp.Net.Layers[k]
				got, tol := printed(t, m.View(), "∂L/∂"+idx(wSym(k), j, i)+" = ")
				near(t, "printed gradient", got, tol, m.walk.step.GradW[k][j*l.In+i])
				m = press(m, keyTab)
			}
			m = press(m, keyRight)
			if v := ansi.Strip(m.View()); !strings.Contains(v, c.want) {
				t.Errorf("the update page lacks %q:\n%s", c.want, v)
			}
			for k := range m.walk.layerCount() {
				j, i := m.Neuron(k), m.Weight(k)
				after := m.walk.step.After.Layers[k]
				got, tol := afterValue(t, m.View())
				near(t, "engine's new "+idx(wSym(k), j, i), got, tol, after.W[j*after.In+i])
				got, tol = computedValue(t, m.View())
				near(t, "worked-out new "+idx(wSym(k), j, i), got, tol, after.W[j*after.In+i])
				m = press(m, keyTab)
			}
		})
	}
}
