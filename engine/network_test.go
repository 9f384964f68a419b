package engine

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSummaryOfReferenceNetwork(t *testing.T) {
	// 10→64→32→1: 10·64+64 = 704, 64·32+32 = 2080, 32+1 = 33; 2,817 in all,
	// as ../shared/reference/README.md states for the PyTorch model.
	arch := Architecture{Inputs: 10, Hidden: []LayerSpec{{64, ReLU}, {32, ReLU}}, Outputs: 1}
	rows := arch.Summary()
	wantParams := []int{704, 2080, 33}
	wantNames := []string{"dense_1", "dense_2", "output"}
	for i, r := range rows {
		if r.Params != wantParams[i] || r.Layer != wantNames[i] {
			t.Errorf("row %d = %+v, want %s with %d params", i, r, wantNames[i], wantParams[i])
		}
	}
	if rows[2].Activation != Sigmoid || !slices.Equal(rows[1].OutputDims, []int{-1, 32}) {
		t.Errorf("rows = %+v", rows)
	}
	net, _ := NewNetwork(arch, rand.New(rand.NewPCG(1, 1)))
	if net.ParamCount() != 2817 || arch.ParamCount() != 2817 {
		t.Errorf("param count %d / %d, want 2817", net.ParamCount(), arch.ParamCount())
	}
}

func TestInitialisationScales(t *testing.T) {
	arch := Architecture{Inputs: 400, Hidden: []LayerSpec{{300, ReLU}, {200, Tanh}}, Outputs: 1}
	net, _ := NewNetwork(arch, rand.New(rand.NewPCG(3, 3)))
	std := func(w []float64) float64 {
		s := 0.0
		for _, v := range w {
			s += v * v
		}
		return math.Sqrt(s / float64(len(w)))
	}
	// He normal: sd √(2/400) ≈ 0.0707; Glorot uniform: sd √(2/(300+200)) ≈ 0.0632.
	if got := std(net.Layers[0].W); math.Abs(got-math.Sqrt(2.0/400)) > 0.002 {
		t.Errorf("He layer sd %v", got)
	}
	if got := std(net.Layers[1].W); math.Abs(got-math.Sqrt(2.0/500)) > 0.002 {
		t.Errorf("Glorot layer sd %v", got)
	}
	for _, l := range net.Layers {
		for _, b := range l.B {
			if b != 0 {
				t.Fatal("biases must start at zero")
			}
		}
	}
}

// TestTraceWritesOutEachLayer checks z1 = W1·x + b1, a1 = ReLU(z1), y = σ(z2)
// against a hand computation.
func TestTraceWritesOutEachLayer(t *testing.T) {
	arch := Architecture{Inputs: 2, Hidden: []LayerSpec{{2, ReLU}}, Outputs: 1}
	// W1 = [[1, -2], [0.5, 3]], b1 = [0.1, -4], W2 = [[2, -1]], b2 = [0.25]
	net, err := FromParams(arch, []float64{1, -2, 0.5, 3, 0.1, -4, 2, -1, 0.25})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := net.Trace([]float64{3, 1})
	if err != nil {
		t.Fatal(err)
	}
	// z1 = [3−2+0.1, 1.5+3−4] = [1.1, 0.5]; a1 = [1.1, 0.5]; z2 = 2.2−0.5+0.25 = 1.95.
	want := [][]float64{{1.1, 0.5}, {1.95}}
	for k := range want {
		for j := range want[k] {
			if math.Abs(tr.Z[k][j]-want[k][j]) > 1e-12 {
				t.Errorf("z%d[%d] = %v, want %v", k+1, j, tr.Z[k][j], want[k][j])
			}
		}
	}
	if p := tr.Output()[0]; math.Abs(p-1/(1+math.Exp(-1.95))) > 1e-15 {
		t.Errorf("y = %v", p)
	}
	if _, err := net.Trace([]float64{1}); !errors.Is(err, ErrShape) {
		t.Errorf("short input: %v, want ErrShape", err)
	}
}

func TestArchitectureValidation(t *testing.T) {
	cases := map[string]Architecture{
		"invalid configuration: inputs must be at least 1, got 0":                {Inputs: 0, Outputs: 1},
		"invalid configuration: hidden layer 2 must have at least 1 unit, got 0": {Inputs: 3, Outputs: 1, Hidden: []LayerSpec{{4, ReLU}, {0, ReLU}}},
	}
	for want, a := range cases {
		if _, err := NewNetwork(a, rand.New(rand.NewPCG(1, 1))); err == nil || err.Error() != want {
			t.Errorf("got %v, want %q", err, want)
		}
	}
	if _, err := FromParams(Architecture{Inputs: 1, Outputs: 1}, []float64{math.NaN(), 0}); !errors.Is(err, ErrNotFinite) {
		t.Errorf("NaN weight: %v, want ErrNotFinite", err)
	}
	if _, err := ParseActivation("swish"); err == nil || err.Error() != `unknown activation: "swish" (want relu, leaky_relu, tanh, sigmoid or linear)` {
		t.Errorf("ParseActivation(swish) = %v", err)
	}
}
