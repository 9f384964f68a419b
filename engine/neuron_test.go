package engine

import (
	"slices"
	"testing"
)

// The activations of each hidden neuron of a hand-built network, worked by
// hand from its weights, and the per-neuron dead mask.
func TestNeuronActivationsOnAHandBuiltNetwork(t *testing.T) {
	arch := Architecture{Inputs: 2, Hidden: []LayerSpec{{2, ReLU}, {1, Tanh}}, Outputs: 1}
	params := []float64{
		// Layer 1 W (2×2), then b: a₁ = relu(x₁ − x₂), a₂ = relu(−x₁ − 1).
		1, -1,
		-1, 0,
		0, -1,
		// Layer 2 W (1×2), then b: a = tanh(0.5·a₁ + 2·a₂ + 0.1).
		0.5, 2,
		0.1,
		// Output.
		1, 0,
	}
	net, err := FromParams(arch, params)
	if err != nil {
		t.Fatal(err)
	}
	x := []float64{3, 1, 0, 2, -2, 0}
	out := make([]float64, 3)
	if err := net.NeuronActivations(out, x, 3, 0, 0); err != nil {
		t.Fatal(err)
	}
	// relu(3−1)=2, relu(0−2)=0, relu(−2−0)=0.
	if !slices.Equal(out, []float64{2, 0, 0}) {
		t.Fatalf("layer 1 neuron 1: %v, want [2 0 0]", out)
	}
	if err := net.NeuronActivations(out, x, 3, 0, 1); err != nil {
		t.Fatal(err)
	}
	// relu(−3−1)=0, relu(0−1)=0, relu(2−1)=1.
	if !slices.Equal(out, []float64{0, 0, 1}) {
		t.Fatalf("layer 1 neuron 2: %v, want [0 0 1]", out)
	}
	if err := net.NeuronActivations(out, x, 3, 1, 0); err != nil {
		t.Fatal(err)
	}
	// tanh(0.5·2+0.1)=tanh(1.1)=0.8005, tanh(0.1)=0.0997, tanh(2+0.1)=tanh(2.1)=0.9705.
	want := []float64{0.800499, 0.099668, 0.970452}
	for i := range want {
		if d := out[i] - want[i]; d > 1e-6 || d < -1e-6 {
			t.Fatalf("layer 2 neuron 1 row %d: %v, want %v", i, out[i], want[i])
		}
	}
	if err := net.NeuronActivations(out, x, 3, 2, 0); err == nil {
		t.Fatal("the output layer is not a hidden layer: want an error")
	}
	if err := net.NeuronActivations(out, x, 3, 0, 2); err == nil {
		t.Fatal("layer 1 has 2 neurons: want an error for the third")
	}
	// On the first two rows neuron 2 of layer 1 is 0 both times: dead there.
	dead := net.ConstantNeuronMask(x[:4], 2, DeadTolerance)
	if !slices.Equal(dead[0], []bool{false, true}) || !slices.Equal(dead[1], []bool{false}) {
		t.Fatalf("dead mask on two rows %v, want [[false true] [false]]", dead)
	}
}
