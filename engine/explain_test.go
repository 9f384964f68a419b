package engine

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
)

func trainedBlobNet(t *testing.T) (*Network, Dataset) {
	t.Helper()
	cfg := TrainConfig{Epochs: 20, BatchSize: 32, Optimizer: OptimizerConfig{Kind: "adam", LR: 0.01}}
	val := blobs(400, 2)
	tr := newTestTrainer(t, 8, cfg, blobs(1000, 1), val)
	if err := tr.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return tr.Network(), val
}

func TestIntegratedGradientsCompleteness(t *testing.T) {
	net, _ := trainedBlobNet(t)
	baseline := []float64{0, 0}
	for _, x := range [][]float64{{1.5, -0.3}, {-2, 2}, {0.1, 0.2}} {
		a, err := IntegratedGradients(net, x, baseline, 64)
		if err != nil {
			t.Fatal(err)
		}
		if c := a.Completeness(); math.Abs(c) > 1e-3 {
			t.Errorf("x=%v: attributions %v sum to %v off f(x)−f(baseline) = %v", x, a.Values, c, a.Output-a.BaselineOutput)
		}
	}
	if _, err := IntegratedGradients(net, []float64{1}, baseline, 64); err == nil {
		t.Error("short input accepted")
	}
}

func TestInputGradientMatchesFiniteDifferences(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	for _, act := range []Activation{Tanh, Sigmoid, LeakyReLU} {
		net, _ := NewNetwork(Architecture{Inputs: 3, Hidden: []LayerSpec{{6, act}, {4, act}}, Outputs: 1}, rng)
		x := []float64{0.3, -1.2, 0.8}
		got, err := InputGradient(net, x)
		if err != nil {
			t.Fatal(err)
		}
		want := fd.Gradient(nil, func(v []float64) float64 { return net.Predict(v)[0] }, x, &fd.Settings{Formula: fd.Central, Step: 1e-6})
		for i := range want {
			if math.Abs(got[i]-want[i]) > 1e-8 {
				t.Errorf("%v: ∂f/∂x%d = %v, finite difference %v", act, i, got[i], want[i])
			}
		}
	}
}

func TestSweepMovesOneFeature(t *testing.T) {
	net, _ := trainedBlobNet(t)
	x := []float64{0.2, 0.4}
	got, err := Sweep(net, x, 1, []float64{-3, 0.4, 3})
	if err != nil {
		t.Fatal(err)
	}
	if got[1] != net.Predict(x)[0] {
		t.Errorf("sweep at the user's own value %v, prediction %v", got[1], net.Predict(x)[0])
	}
	if want := net.Predict([]float64{0.2, -3})[0]; got[0] != want {
		t.Errorf("sweep at -3: %v, want %v", got[0], want)
	}
}

func TestPermutationImportanceRanksInformativeFeature(t *testing.T) {
	net, val := trainedBlobNet(t)
	// Add a third, pure-noise input by building a net on it: instead, check
	// that both circle coordinates matter and that shuffling nothing costs 0.
	base, imp, err := PermutationImportance(net, val, [][]int{{0}, {1}, {}}, 5, rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		t.Fatal(err)
	}
	if base < 0.7 {
		t.Fatalf("base AUC %v: the network did not learn the circle", base)
	}
	if imp[0].Mean < 0.1 || imp[1].Mean < 0.1 {
		t.Errorf("importances %+v: both coordinates define the circle and must matter", imp)
	}
	if imp[2].Mean != 0 || imp[2].Std != 0 {
		t.Errorf("shuffling no column changed AUC by %+v", imp[2])
	}
}

// integratedGradients is one midpoint-rule round of integrated gradients at
// a fixed step count, written out directly on one workspace of steps rows:
// the independent reference for BatchIG's midpoint and exact paths.
func integratedGradients(n *Network, x, baseline []float64, steps int) Attribution {
	in := n.Arch.Inputs
	ws := newWorkspace(n, steps)
	for k := range steps {
		alpha := (float64(k) + 0.5) / float64(steps)
		row := ws.x[k*in : (k+1)*in]
		for i := range row {
			row[i] = baseline[i] + alpha*(x[i]-baseline[i])
		}
	}
	grads := ws.inputGradients(n, steps)
	a := Attribution{Values: make([]float64, in), Steps: steps}
	for k := range steps {
		for i, g := range grads[k*in : (k+1)*in] {
			a.Values[i] += g
		}
	}
	for i := range a.Values {
		a.Values[i] *= (x[i] - baseline[i]) / float64(steps)
	}
	return a
}

// midpointIG is integrated gradients by the midpoint rule, refined as
// IntegratedGradients documents (steps doubled while the completeness error
// exceeds CompletenessTolerance, up to maxIGSteps), one round at a time.
func midpointIG(n *Network, x, baseline []float64, steps int) Attribution {
	out, baseOut := n.Predict(x)[0], n.Predict(baseline)[0]
	for {
		a := integratedGradients(n, x, baseline, steps)
		a.Output, a.BaselineOutput = out, baseOut
		if math.Abs(a.Completeness()) <= CompletenessTolerance || steps >= maxIGSteps {
			return a
		}
		steps *= 2
	}
}
