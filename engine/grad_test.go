package engine

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
)

// objective returns the training objective (mean data loss + L2 penalty) of
// the first m rows in ws as a function of the network's parameters.
func objective(net *Network, ws *workspace, m int, l2, posWeight float64) func(p []float64) float64 {
	return func(p []float64) float64 {
		saved := append([]float64(nil), net.params...)
		copy(net.params, p)
		ws.forward(net, m)
		loss, _ := ws.lossAndDelta(net, m, posWeight)
		loss += l2Penalty(net, l2)
		copy(net.params, saved)
		return loss
	}
}

// TestGradientsMatchFiniteDifferences checks back-propagation against gonum's
// central finite differences for every hidden activation, both losses, with
// and without L2 and a positive-class weight.
func TestGradientsMatchFiniteDifferences(t *testing.T) {
	acts := []Activation{ReLU, LeakyReLU, Tanh, Sigmoid, Linear}
	for _, loss := range []Loss{BCE, MSE} {
		for _, act := range acts {
			for _, l2 := range []float64{0, 0.05} {
				for _, pw := range []float64{1, 3} {
					if loss == MSE && pw != 1 {
						continue
					}
					name := fmt.Sprintf("%v/%v/l2=%g/pw=%g", loss, act, l2, pw)
					t.Run(name, func(t *testing.T) { checkGradient(t, act, loss, l2, pw) })
				}
			}
		}
	}
}

func checkGradient(t *testing.T, act Activation, loss Loss, l2, posWeight float64) {
	rng := rand.New(rand.NewPCG(7, 11))
	arch := Architecture{Inputs: 4, Hidden: []LayerSpec{{5, act}, {3, act}}, Outputs: 2, Loss: loss}
	net, err := NewNetwork(arch, rng)
	if err != nil {
		t.Fatal(err)
	}
	// Non-zero biases so that the bias gradients are exercised in general position.
	for _, l := range net.Layers {
		for j := range l.B {
			l.B[j] = 0.3 * rng.NormFloat64()
		}
	}
	const m = 6
	ws := newWorkspace(net, m)
	for i := range ws.x[:m*4] {
		ws.x[i] = rng.NormFloat64()
	}
	for i := range ws.y[:m*2] {
		if loss == BCE {
			ws.y[i] = float64(rng.IntN(2))
		} else {
			ws.y[i] = rng.NormFloat64()
		}
	}
	// Keep ReLU-family pre-activations away from their kink, where a
	// finite difference straddles the non-differentiable point.
	if act.reluFamily() {
		ws.keepZ = true // the fast ReLU path does not store z
		ws.forward(net, m)
		ws.keepZ = false
		for _, z := range append(append([]float64(nil), ws.z[0][:m*5]...), ws.z[1][:m*3]...) {
			if math.Abs(z) < 1e-4 {
				t.Skipf("pre-activation %g too close to the kink for a finite-difference check", z)
			}
		}
	}
	ws.forward(net, m)
	ws.lossAndDelta(net, m, posWeight)
	ws.backward(net, m, l2)
	got := append([]float64(nil), ws.grad...)

	want := fd.Gradient(nil, objective(net, ws, m, l2, posWeight), append([]float64(nil), net.params...),
		&fd.Settings{Formula: fd.Central, Step: 1e-6})
	// Relative error of the whole gradient vector, and per element with a
	// floor of 1e-3 under the denominator: a central difference with step
	// 1e-6 carries ~1e-10 of rounding error, which would swamp the relative
	// error of elements near zero.
	var diff2, norm2 float64
	for i := range want {
		d := want[i] - got[i]
		diff2 += d * d
		norm2 += max(want[i]*want[i], got[i]*got[i])
		den := max(math.Abs(want[i]), math.Abs(got[i]), 1e-3)
		if rel := math.Abs(d) / den; rel > 1e-6 {
			t.Errorf("param %d: backprop %.10g, finite difference %.10g (rel. error %.2g)", i, got[i], want[i], rel)
		}
	}
	if rel := math.Sqrt(diff2 / norm2); rel > 1e-6 {
		t.Errorf("gradient vector: relative error %.2g", rel)
	}
}

// TestBCEStableAtExtremeLogits: the loss from logits stays finite and exact
// where log(sigmoid(z)) would underflow to -Inf.
func TestBCEStableAtExtremeLogits(t *testing.T) {
	arch := Architecture{Inputs: 1, Outputs: 1, Loss: BCE}
	net, _ := FromParams(arch, []float64{1, 0})
	ws := newWorkspace(net, 1)
	ws.x[0], ws.y[0] = -800, 1 // logit −800, target 1: loss = softplus(800) = 800
	ws.forward(net, 1)
	loss, _ := ws.lossAndDelta(net, 1, 1)
	if loss != 800 {
		t.Fatalf("loss = %v, want exactly 800", loss)
	}
	if ws.d[0][0] != -1 {
		t.Fatalf("dL/dz = %v, want -1", ws.d[0][0])
	}
}
