package engine

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
)

// TestGradientsOfOtherShapes checks back-propagation against gonum's central
// finite differences on the shapes TestGradientsMatchFiniteDifferences does
// not build: no hidden layer (a logistic regression), one hidden layer, three
// hidden layers with a different activation each (as --activation takes one
// per layer), and the default network on ten inputs (10 → 64 → 32 → 1, the
// shape the benchmarks train), with L2 and a positive-class weight. A
// review's deliberate bugs (the L2 term's sign, tanh's derivative off by
// 0.1 %) fail the 1e-6 relative-error bound by orders of magnitude.
func TestGradientsOfOtherShapes(t *testing.T) {
	cases := []struct {
		name   string
		inputs int
		hidden []LayerSpec
	}{
		{"none", 7, nil},
		{"one-tanh", 5, []LayerSpec{{6, Tanh}}},
		{"one-relu", 5, []LayerSpec{{6, ReLU}}},
		{"mixed-three", 4, []LayerSpec{{5, Tanh}, {4, LeakyReLU}, {3, Sigmoid}}},
		{"relu-linear-tanh", 4, []LayerSpec{{6, ReLU}, {4, Linear}, {3, Tanh}}},
		{"default-10-64-32", 10, []LayerSpec{{64, ReLU}, {32, ReLU}}},
	}
	for _, c := range cases {
		for _, l2 := range []float64{0, 0.02} {
			arch := Architecture{Inputs: c.inputs, Hidden: c.hidden, Outputs: 1, Loss: BCE}
			t.Run(fmt.Sprintf("%s/l2=%g", c.name, l2), func(t *testing.T) { checkArchGradient(t, arch, l2, 2.5) })
		}
	}
}

// checkArchGradient compares the gradient of arch's objective on six random
// rows with central finite differences (step 1e-6), element by element with a
// floor of 1e-3 under the relative error's denominator (as checkGradient).
// The seed is fixed and chosen so that no ReLU-family pre-activation lies
// within 1e-4 of the kink: the test fails, rather than skips, if one does.
func checkArchGradient(t *testing.T, arch Architecture, l2, posWeight float64) {
	t.Helper()
	rng := rand.New(rand.NewPCG(3, 5))
	net, err := NewNetwork(arch, rng)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range net.Layers {
		for j := range l.B {
			l.B[j] = 0.3 * rng.NormFloat64()
		}
	}
	const m = 6
	ws := newWorkspace(net, m)
	for i := range ws.x[:m*arch.Inputs] {
		ws.x[i] = rng.NormFloat64()
	}
	for i := range ws.y[:m] {
		ws.y[i] = float64(rng.IntN(2))
	}
	ws.keepZ = true
	ws.forward(net, m)
	ws.keepZ = false
	for k, h := range arch.Hidden {
		if !h.Activation.reluFamily() {
			continue
		}
		for _, z := range ws.z[k][:m*h.Units] {
			if math.Abs(z) < 1e-4 {
				t.Fatalf("layer %d: pre-activation %g within 1e-4 of the kink; choose another seed", k, z)
			}
		}
	}
	ws.forward(net, m)
	ws.lossAndDelta(net, m, posWeight)
	ws.backward(net, m, l2)
	got := append([]float64(nil), ws.grad...)
	want := fd.Gradient(nil, objective(net, ws, m, l2, posWeight), append([]float64(nil), net.params...),
		&fd.Settings{Formula: fd.Central, Step: 1e-6})
	if len(got) != len(want) {
		t.Fatalf("%d gradient elements, %d parameters", len(got), len(want))
	}
	bad := 0
	for i := range want {
		den := max(math.Abs(want[i]), math.Abs(got[i]), 1e-3)
		if rel := math.Abs(want[i]-got[i]) / den; rel > 1e-6 {
			if bad++; bad <= 5 {
				t.Errorf("param %d of %d: backprop %.10g, finite difference %.10g (rel. error %.2g)", i, len(want), got[i], want[i], rel)
			}
		}
	}
	if bad > 5 {
		t.Errorf("%d parameters in all off by more than 1e-6", bad)
	}
}
