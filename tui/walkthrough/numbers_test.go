package walkthrough

import (
	"math"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/engine"
)

var (
	keyRight = tea.KeyPressMsg{Code: tea.KeyRight}
	keyLeft  = tea.KeyPressMsg{Code: tea.KeyLeft}
	keyUp    = tea.KeyPressMsg{Code: tea.KeyUp}
	keyDown  = tea.KeyPressMsg{Code: tea.KeyDown}
	keyTab   = tea.KeyPressMsg{Code: tea.KeyTab}
	keyOpen  = tea.KeyPressMsg{Code: '[', Text: "["}
	keyClose = tea.KeyPressMsg{Code: ']', Text: "]"}
)

// press feeds keys to m and returns the result.
func press(m Model, keys ...tea.KeyPressMsg) Model {
	for _, k := range keys {
		m, _ = m.Update(k)
	}
	return m
}

// goTo presses → until the step of the given kind and layer is shown.
func goTo(t *testing.T, m Model, kind stepKind, layer int) Model {
	t.Helper()
	for range len(m.steps) + 1 {
		if s := m.steps[m.cur]; s.kind == kind && (!s.perLayer() || s.layer == layer) {
			return m
		}
		m = press(m, keyRight)
	}
	t.Fatalf("no step of kind %d in layer %d", kind, layer)
	return m
}

// chooseNeuron presses ↑ or ↓ until neuron j of the current layer is
// chosen.
func chooseNeuron(m Model, j int) Model {
	k := m.Layer()
	for m.Neuron(k) > j {
		m = press(m, keyUp)
	}
	for m.Neuron(k) < j {
		m = press(m, keyDown)
	}
	return m
}

// batchOf splits the traced batch back into rows.
func batchOf(m Model) (xs [][]float64, ys []float64) {
	st := m.walk.step
	cols := len(st.X) / st.Rows
	for r := range st.Rows {
		xs = append(xs, st.X[r*cols:(r+1)*cols])
	}
	return xs, st.Y
}

// The forward pass on screen (every z, a and ŷ printed for every neuron)
// equals an independent plain-loop forward pass of the user's input, and
// the engine's Trace, to the printed precision.
func TestForwardNumbersMatchIndependentPass(t *testing.T) {
	m, exp := fixtureModel(t, "en", 200, 100)
	x, err := exp.Row(fixtureRow(exp))
	if err != nil {
		t.Fatal(err)
	}
	zs, as := refForward(exp.Net, x)
	last := len(exp.Net.Layers) - 1
	for k := range last {
		m = goTo(t, m, stepAffine, k)
		for j := range exp.Net.Layers[k].Out {
			m = chooseNeuron(m, j)
			got, tol := printed(t, m.View(), idx(zSym(k), j)+" = ")
			near(t, "printed "+idx(zSym(k), j), got, tol, zs[k][j])
			near(t, "Trace "+idx(zSym(k), j), got, tol, m.walk.trace.Z[k][j])
		}
		m = goTo(t, m, stepActivate, k)
		for j := range exp.Net.Layers[k].Out {
			m = chooseNeuron(m, j)
			got, tol := printed(t, m.View(), idx(aSym(k), j)+" = ReLU(")
			near(t, "printed "+idx(aSym(k), j), got, tol, as[k][j])
		}
	}
	m = goTo(t, m, stepActivate, last)
	got, tol := printed(t, m.View(), "ŷ = σ(")
	near(t, "printed ŷ", got, tol, as[last][0])
}

// The loss, the output error and the hidden errors on screen equal a
// plain-loop backpropagation of the same mini-batch.
func TestBackwardNumbersMatchIndependentBackprop(t *testing.T) {
	m, exp := fixtureModel(t, "en", 200, 100)
	if l2 := exp.Trainer.Config().L2; l2 != 0 {
		t.Fatalf("the reference below assumes no L2 term, the fixture has %v", l2)
	}
	xs, ys := batchOf(m)
	deltas, grads := refBackward(exp.Net, xs, ys)
	loss := 0.0
	for r, x := range xs {
		_, as := refForward(exp.Net, x)
		p := as[len(as)-1][0]
		loss -= ys[r]*math.Log(p) + (1-ys[r])*math.Log(1-p)
	}
	loss /= float64(len(xs))

	m = goTo(t, m, stepLoss, 0)
	got, tol := printed(t, m.View(), "L = (ℓ₁")
	near(t, "printed L", got, tol, loss)
	near(t, "StepTrace.Loss", got, tol, m.walk.step.Loss)

	last := len(exp.Net.Layers) - 1
	m = goTo(t, m, stepDelta, last)
	found := false
	for _, line := range strings.Split(ansi.Strip(m.View()), "\n") {
		if f := strings.Fields(line); len(f) > 2 && f[0] == "1" && f[2] == "◂" {
			got, tol, ok := parsePrinted(strings.TrimPrefix(f[len(f)-1], "+"))
			if !ok {
				t.Fatalf("cannot read δ from %q", line)
			}
			near(t, "printed output δ of the user", got, tol, deltas[0][last][0])
			found = true
		}
	}
	if !found {
		t.Fatal("the output-error table has no row for the user")
	}
	for k := last - 1; k >= 0; k-- {
		m = goTo(t, m, stepDelta, k)
		for j := range exp.Net.Layers[k].Out {
			m = chooseNeuron(m, j)
			got, tol := printed(t, m.View(), idx(dSym(k), j)+" = ")
			near(t, "printed "+idx(dSym(k), j), got, tol, deltas[0][k][j])
		}
	}

	// ∂L/∂W of every weight of one neuron in every layer.
	m = goTo(t, m, stepGrad, 0)
	for k, l := range exp.Net.Layers {
		j := m.Neuron(k)
		for i := range l.In {
			for m.Weight(k) > i {
				m = press(m, keyOpen)
			}
			for m.Weight(k) < i {
				m = press(m, keyClose)
			}
			got, tol := printed(t, m.View(), "∂L/∂"+idx(wSym(k), j, i)+" = ")
			near(t, "printed ∂L/∂"+idx(wSym(k), j, i), got, tol, grads[k][j*l.In+i])
		}
		m = press(m, keyTab)
	}
}

// The Adam update on screen, computed from the optimiser's state before
// the step, lands on the weight engine.TraceStep produced, and its first
// moment equals the optimiser's state after the step.
func TestAdamUpdateMatchesEngine(t *testing.T) {
	m, _ := fixtureModel(t, "en", 200, 100)
	m = goTo(t, m, stepUpdate, 0)
	opt, ok := m.walk.step.OptAfter.(*engine.Adam)
	if !ok {
		t.Fatalf("the fixture trains with %T, want Adam", m.walk.step.OptAfter)
	}
	for k := range m.walk.layerCount() {
		j, i := m.Neuron(k), m.Weight(k)
		l := m.walk.step.After.Layers[k]
		want := l.W[j*l.In+i]
		lines := strings.Split(ansi.Strip(m.View()), "\n")
		checked := 0
		for n, line := range lines {
			if textPart(line) == "w ← w − α·m / (√v + ε)" && n+2 < len(lines) {
				got, tol, ok := parsePrinted(strings.TrimPrefix(textPart(lines[n+2]), "= "))
				if !ok {
					t.Fatalf("cannot read the new weight from %q", lines[n+2])
				}
				near(t, "printed new "+idx(wSym(k), j, i), got, tol, want)
				checked++
			}
			if textPart(line) == "m ← β₁·m + (1 − β₁)·g" {
				got, tol := printed(t, lines[n+1], "=")
				moments, _ := opt.Moments()
				near(t, "printed m", got, tol, moments[m.walk.net.ParamIndex(k, j, i)])
				checked++
			}
		}
		var after, tol float64
		for _, line := range lines {
			if _, rest, found := strings.Cut(textPart(line), "before → after:"); found {
				parts := strings.Split(rest, "→")
				if after, tol, ok = parsePrinted(parts[len(parts)-1]); !ok {
					t.Fatalf("cannot read the after value from %q", line)
				}
				checked++
			}
		}
		if checked != 3 {
			t.Fatalf("layer %d: found %d of the 3 checked lines in:\n%s", k+1, checked, ansi.Strip(m.View()))
		}
		near(t, "before → after value", after, tol, want)
		m = press(m, keyTab)
	}
}
