package engine

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// TestBatchIGEqualsSingleUser checks BatchIG against one input at a time,
// on random networks of several shapes, activations and both losses, for
// hundreds of inputs: attributions, outputs and step counts must agree
// within 1e-9. The reference is midpointIG, the midpoint rule written out
// directly, for networks with a smooth hidden layer, and
// IntegratedGradients (whose exact path TestExactIGMatchesFineMidpointSums
// checks) for piecewise-linear ones. Start counts that do not divide
// BatchRows split one input's points across passes; wide inputs make some
// inputs refine.
func TestBatchIGEqualsSingleUser(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 1))
	cases := []struct {
		arch  Architecture
		steps int
		users int
		scale float64 // spread of the inputs
	}{
		{Architecture{Inputs: 5, Hidden: []LayerSpec{{16, ReLU}, {8, ReLU}}, Outputs: 1, Loss: BCE}, 64, 300, 3},
		{Architecture{Inputs: 7, Hidden: []LayerSpec{{12, Tanh}}, Outputs: 1, Loss: MSE}, 100, 250, 2},
		{Architecture{Inputs: 3, Hidden: []LayerSpec{{9, LeakyReLU}, {5, Sigmoid}}, Outputs: 2, Loss: BCE}, 37, 200, 4},
		{Architecture{Inputs: 11, Hidden: []LayerSpec{{20, ReLU}}, Outputs: 1, Loss: MSE}, 64, 180, 5},
		{Architecture{Inputs: 4, Hidden: nil, Outputs: 1, Loss: BCE}, 3, 90, 1},
		{Architecture{Inputs: 6, Hidden: []LayerSpec{{10, Linear}, {6, ReLU}}, Outputs: 3, Loss: MSE}, 64, 120, 2},
	}
	refined := 0
	for ci, c := range cases {
		net, err := NewNetwork(c.arch, rng)
		if err != nil {
			t.Fatal(err)
		}
		for i := range net.Params() {
			net.Params()[i] += 0.3 * rng.NormFloat64() // biases too, so kinks fall anywhere
		}
		in := c.arch.Inputs
		baseline := make([]float64, in)
		for i := range baseline {
			baseline[i] = rng.NormFloat64()
		}
		x := make([]float64, c.users*in)
		for i := range x {
			x[i] = c.scale * rng.NormFloat64()
		}
		b, err := NewBatchIG(net, baseline, c.steps)
		if err != nil {
			t.Fatal(err)
		}
		got := make([]Attribution, c.users)
		if err := b.Explain(got, x); err != nil {
			t.Fatal(err)
		}
		for u := range c.users {
			want, err := IntegratedGradients(net, x[u*in:(u+1)*in], baseline, c.steps)
			if err != nil {
				t.Fatal(err)
			}
			if !c.arch.piecewiseLinear() {
				want = midpointIG(net, x[u*in:(u+1)*in], baseline, c.steps)
			}
			g := got[u]
			where := fmt.Sprintf("case %d (%v, %v) user %d", ci, c.arch.Hidden, c.arch.Loss, u)
			if g.Steps != want.Steps {
				t.Fatalf("%s: %d steps, single-user %d", where, g.Steps, want.Steps)
			}
			if want.Steps > c.steps {
				refined++
			}
			if math.Abs(g.Output-want.Output) > 1e-9 || math.Abs(g.BaselineOutput-want.BaselineOutput) > 1e-9 {
				t.Fatalf("%s: outputs %v, %v; single-user %v, %v", where, g.Output, g.BaselineOutput, want.Output, want.BaselineOutput)
			}
			for i := range want.Values {
				if math.Abs(g.Values[i]-want.Values[i]) > 1e-9 {
					t.Fatalf("%s: attribution %d is %v, single-user %v", where, i, g.Values[i], want.Values[i])
				}
			}
			if math.Abs(g.Completeness()-want.Completeness()) > 1e-9 {
				t.Fatalf("%s: completeness %v, single-user %v", where, g.Completeness(), want.Completeness())
			}
		}
	}
	if refined == 0 {
		t.Error("no input needed refining: the test does not cover the refinement")
	}
}

// TestBatchIGReusesItsBuffers checks that a second call with the same
// outputs allocates nothing.
func TestBatchIGReusesItsBuffers(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	net, _ := NewNetwork(Architecture{Inputs: 4, Hidden: []LayerSpec{{8, Tanh}}, Outputs: 1}, rng)
	b, err := NewBatchIG(net, make([]float64, 4), 64)
	if err != nil {
		t.Fatal(err)
	}
	x := make([]float64, 100*4)
	for i := range x {
		x[i] = rng.NormFloat64()
	}
	out := make([]Attribution, 100)
	if err := b.Explain(out, x); err != nil {
		t.Fatal(err)
	}
	if n := testing.AllocsPerRun(5, func() { _ = b.Explain(out, x) }); n != 0 {
		t.Errorf("%v allocations per call after the first", n)
	}
}

func TestBatchIGRejectsBadShapes(t *testing.T) {
	net, _ := NewNetwork(Architecture{Inputs: 3, Outputs: 1}, rand.New(rand.NewPCG(1, 1)))
	if _, err := NewBatchIG(net, []float64{0, 0}, 64); !errors.Is(err, ErrShape) {
		t.Errorf("short baseline: %v, want ErrShape", err)
	}
	if _, err := NewBatchIG(net, []float64{0, 0, 0}, 0); !errors.Is(err, ErrSteps) {
		t.Errorf("0 steps: %v, want ErrSteps", err)
	}
	b, _ := NewBatchIG(net, []float64{0, 0, 0}, 64)
	if err := b.Explain(make([]Attribution, 2), make([]float64, 5)); !errors.Is(err, ErrShape) {
		t.Errorf("5 values for 2 inputs of 3: %v, want ErrShape", err)
	}
}

// TestOutputScaleTightensTheTolerance: a caller that reports attributions
// multiplied by a factor (experiment's calibration, slope 1.03–1.10) got
// them complete only within CompletenessTolerance·factor. With
// SetOutputScale every input is complete within the tolerance after the
// factor, single inputs and batches alike; a factor up to 1 changes
// nothing.
func TestOutputScaleTightensTheTolerance(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 1))
	net, err := NewNetwork(Architecture{Inputs: 6, Hidden: []LayerSpec{{12, Sigmoid}, {6, Tanh}}, Outputs: 1, Loss: BCE}, rng)
	if err != nil {
		t.Fatal(err)
	}
	for i := range net.Params() {
		net.Params()[i] *= 4 // curved paths, so the midpoint rule needs refining
	}
	const users = 200
	baseline := make([]float64, 6)
	x := make([]float64, users*6)
	for i := range x {
		x[i] = 2 * rng.NormFloat64()
	}
	factor := func(out, base float64) float64 { return 8 + out - base }
	plain, scaled := make([]Attribution, users), make([]Attribution, users)
	b, err := NewBatchIG(net, baseline, 16)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Explain(plain, x); err != nil {
		t.Fatal(err)
	}
	b.SetOutputScale(factor)
	if err := b.Explain(scaled, x); err != nil {
		t.Fatal(err)
	}
	missed := 0
	for u := range users {
		a := scaled[u]
		f := factor(a.Output, a.BaselineOutput)
		if math.Abs(a.Completeness())*f > CompletenessTolerance && a.Steps < maxIGSteps {
			t.Fatalf("user %d: scaled error %.3g after %d steps", u, math.Abs(a.Completeness())*f, a.Steps)
		}
		if math.Abs(plain[u].Completeness())*f > CompletenessTolerance {
			missed++
		}
		single, err := IntegratedGradientsScaled(net, x[u*6:(u+1)*6], baseline, 16, factor)
		if err != nil {
			t.Fatal(err)
		}
		if single.Steps != a.Steps || math.Abs(single.Completeness()-a.Completeness()) > 1e-9 {
			t.Fatalf("user %d: single %d steps (error %v), batch %d (%v)", u, single.Steps, single.Completeness(), a.Steps, a.Completeness())
		}
	}
	if missed == 0 {
		t.Error("without the scale every input was complete anyway: the test shows nothing")
	}
	b.SetOutputScale(func(float64, float64) float64 { return 0.5 })
	again := make([]Attribution, users)
	if err := b.Explain(again, x); err != nil {
		t.Fatal(err)
	}
	for u := range users {
		if again[u].Steps != plain[u].Steps {
			t.Fatalf("user %d: a factor of 0.5 changed the steps from %d to %d", u, plain[u].Steps, again[u].Steps)
		}
	}
}
