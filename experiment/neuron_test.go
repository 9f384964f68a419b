package experiment

import (
	"math"
	"slices"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
)

// A neuron map of a hand-built network over a 2×2 grid equals the
// activations worked by hand at the four cell centres.
func TestActivationGridOnAHandBuiltNetwork(t *testing.T) {
	arch := engine.Architecture{Inputs: 3, Hidden: []engine.LayerSpec{{Units: 2, Activation: engine.ReLU}, {Units: 1, Activation: engine.Tanh}}, Outputs: 1}
	net, err := engine.FromParams(arch, []float64{
		// Layer 1: n₁ = relu(xa − xb + 0.5·xc), n₂ = relu(−xa + 2·xb − 1).
		1, -1, 0.5,
		-1, 2, 0,
		0, -1,
		// Layer 2: tanh(n₁ − n₂).
		1, -1,
		0,
		// Output.
		1, 0,
	})
	if err != nil {
		t.Fatal(err)
	}
	x := &Explainer{Net: net, Pipeline: &data.Pipeline{Columns: []data.PipelineColumn{
		{Name: "a", Kind: data.Numeric, Center: 1, Scale: 2, Width: 1},
		{Name: "b", Kind: data.Numeric, Scale: 1, First: 1, Width: 1},
		{Name: "c", Kind: data.Numeric, Scale: 1, First: 2, Width: 1}}}}
	// a's cell centres 2 and 4 are inputs (2−1)/2 = 0.5 and 1.5; b's rows
	// (top first) are 1.5 and 0.5; c is held at 1.
	g := Grid{X: "a", Y: "b", XLo: 1, XHi: 5, YLo: 0, YHi: 2, Cols: 2, Rows: 2}
	row := []float64{9, 9, 1}
	for _, tc := range []struct {
		n    Neuron
		want [][]float64
	}{
		// n₁: relu(0.5−1.5+0.5)=0, relu(1.5−1.5+0.5)=0.5 / relu(0.5−0.5+0.5)=0.5, relu(1.5−0.5+0.5)=1.5.
		{Neuron{0, 0}, [][]float64{{0, 0.5}, {0.5, 1.5}}},
		// n₂: relu(−0.5+3−1)=1.5, relu(−1.5+3−1)=0.5 / relu(−0.5+1−1)=0, relu(−1.5+1−1)=0.
		{Neuron{0, 1}, [][]float64{{1.5, 0.5}, {0, 0}}},
		// tanh(n₁−n₂): tanh(−1.5), tanh(0) / tanh(0.5), tanh(1.5).
		{Neuron{1, 0}, [][]float64{{-0.905148, 0}, {0.462117, 0.905148}}},
	} {
		got, err := x.ActivationGrid(row, g, tc.n)
		if err != nil {
			t.Fatal(err)
		}
		for r := range tc.want {
			for c := range tc.want[r] {
				if math.Abs(got[r][c]-tc.want[r][c]) > 1e-6 {
					t.Errorf("neuron %+v cell %d,%d: %v, want %v", tc.n, r, c, got[r][c], tc.want[r][c])
				}
			}
		}
	}
	if _, err := x.ActivationGrid(row, g, Neuron{2, 0}); err == nil {
		t.Error("the output layer as a hidden neuron: want an error")
	}
	// Into n₂ of layer 1: −1 from a, +2 from b, 0 from c.
	got := StrongestIncoming(net, Neuron{0, 1}, 2)
	if !slices.Equal(got, []Incoming{{From: 1, W: 2}, {From: 0, W: -1}}) {
		t.Errorf("strongest weights into layer 1 neuron 2: %v", got)
	}
	if StrongestIncoming(net, Neuron{0, 2}, 3) != nil {
		t.Error("a neuron past the layer's width: want nil")
	}
}
