package engine

import (
	"slices"
	"testing"
)

// A hand-built network with one live neuron, one that never fires and one
// whose weights are near 0 in its first layer, and one live and one
// weightless neuron in its second. The activations below are worked by
// hand from the weights.
func TestConstantNeuronsOnAHandBuiltNetwork(t *testing.T) {
	arch := Architecture{Inputs: 2, Hidden: []LayerSpec{{3, ReLU}, {2, ReLU}}, Outputs: 1}
	params := []float64{
		// Layer 1 W (3×2), then b.
		1, 0, // a = x₁: 0, 1, 3 on the rows below (live)
		-1, -1, // z = −x₁ − x₂ − 1 < 0 for x ≥ 0: never fires
		0.0001, 0, // a = 0.5 + 0.0001·x₁: 0.5, 0.5001, 0.5003 (spread 0.0003)
		0, -1, 0.5,
		// Layer 2 W (2×3), then b.
		1, 0, 0, // a = layer 1's first: 0, 1, 3 (live)
		0, 0, 0, // a = 0.2 for every row
		0, 0.2,
		// Output W (1×2), then b.
		1, 1, 0,
	}
	net, err := FromParams(arch, params)
	if err != nil {
		t.Fatal(err)
	}
	x := []float64{0, 0, 1, 2, 3, 1}
	if got := net.ConstantNeurons(x, 3, DeadTolerance); !slices.Equal(got, []int{2, 1}) {
		t.Fatalf("constant neurons per layer %v, want [2 1]", got)
	}
	// A tolerance below the near-0 neuron's spread of 0.0003 counts only
	// the one that never fires in layer 1.
	if got := net.ConstantNeurons(x, 3, 1e-4); !slices.Equal(got, []int{1, 1}) {
		t.Fatalf("at tolerance 1e-4: %v, want [1 1]", got)
	}
	if got := net.ConstantNeurons(nil, 0, DeadTolerance); !slices.Equal(got, []int{0, 0}) {
		t.Fatalf("without rows: %v, want [0 0]", got)
	}
}
