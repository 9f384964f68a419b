package engine

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// Loss is the training objective, tied to the output layer's activation.
type Loss int

// The losses. BCE pairs with sigmoid outputs (binary and multi-label targets)
// and is computed from the logits; MSE pairs with linear outputs.
const (
	BCE Loss = iota
	MSE
)

// String returns "bce" or "mse".
func (l Loss) String() string {
	if l == MSE {
		return "mse"
	}
	return "bce"
}

// MarshalText encodes the loss by name.
func (l Loss) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText decodes "bce" or "mse".
func (l *Loss) UnmarshalText(b []byte) error {
	switch string(b) {
	case "bce", "binary_crossentropy":
		*l = BCE
	case "mse", "mean_squared_error":
		*l = MSE
	default:
		return fmt.Errorf("%w: loss %q (want bce or mse)", ErrConfig, b)
	}
	return nil
}

// LayerSpec describes one dense hidden layer.
type LayerSpec struct {
	Units      int        `json:"units"`
	Activation Activation `json:"activation"`
}

// Architecture describes a network: its input width, hidden layers and output.
type Architecture struct {
	Inputs  int         `json:"inputs"`
	Hidden  []LayerSpec `json:"hidden"`
	Outputs int         `json:"outputs"`
	// Loss selects the output layer: sigmoid units with BCE or linear units with MSE.
	Loss Loss `json:"loss"`
}

// Validate reports the first problem with the architecture, if any.
func (a Architecture) Validate() error {
	if a.Inputs < 1 {
		return fmt.Errorf("%w: inputs must be at least 1, got %d", ErrConfig, a.Inputs)
	}
	if a.Outputs < 1 {
		return fmt.Errorf("%w: outputs must be at least 1, got %d", ErrConfig, a.Outputs)
	}
	for i, h := range a.Hidden {
		if h.Units < 1 {
			return fmt.Errorf("%w: hidden layer %d must have at least 1 unit, got %d", ErrConfig, i+1, h.Units)
		}
		if h.Activation < Linear || h.Activation > Sigmoid {
			return fmt.Errorf("%w: hidden layer %d: %w", ErrConfig, i+1, ErrUnknownActivation)
		}
	}
	if a.Loss != BCE && a.Loss != MSE {
		return fmt.Errorf("%w: unknown loss %d", ErrConfig, int(a.Loss))
	}
	return nil
}

// OutputActivation is sigmoid for BCE and linear for MSE.
func (a Architecture) OutputActivation() Activation {
	if a.Loss == MSE {
		return Linear
	}
	return Sigmoid
}

// Layer is one dense layer. W is stored out×in, row-major, so row j holds the
// weights into neuron j and z = W·a + b in the usual notation.
type Layer struct {
	In, Out    int
	Activation Activation
	// W and B alias the network's flat parameter vector.
	W, B []float64
}

// Weights returns W as an out×in gonum matrix sharing the layer's memory.
func (l *Layer) Weights() *mat.Dense { return mat.NewDense(l.Out, l.In, l.W) }

// Network is a dense multilayer perceptron. All weights and biases live in one
// flat vector (layer by layer, W then B), which optimisers update in one pass.
type Network struct {
	Arch   Architecture
	Layers []Layer
	params []float64
}

// NewNetwork builds a network with He initialisation for ReLU-family layers,
// Glorot (Xavier) uniform for the others, and zero biases. All randomness
// comes from rng, so one seed gives one network.
func NewNetwork(arch Architecture, rng *rand.Rand) (*Network, error) {
	if err := arch.Validate(); err != nil {
		return nil, err
	}
	n := newShape(arch)
	for i := range n.Layers {
		l := &n.Layers[i]
		if l.Activation.reluFamily() {
			// He normal: variance 2/fan_in keeps ReLU activations' scale.
			sd := math.Sqrt(2 / float64(l.In))
			for j := range l.W {
				l.W[j] = rng.NormFloat64() * sd
			}
		} else {
			// Glorot uniform: limit sqrt(6/(fan_in+fan_out)).
			lim := math.Sqrt(6 / float64(l.In+l.Out))
			for j := range l.W {
				l.W[j] = (2*rng.Float64() - 1) * lim
			}
		}
	}
	return n, nil
}

// newShape allocates a zeroed network for a validated architecture.
func newShape(arch Architecture) *Network {
	n := &Network{Arch: arch}
	total := 0
	in := arch.Inputs
	widths := make([]int, 0, len(arch.Hidden)+1)
	for _, h := range arch.Hidden {
		total += h.Units*in + h.Units
		widths = append(widths, h.Units)
		in = h.Units
	}
	total += arch.Outputs*in + arch.Outputs
	widths = append(widths, arch.Outputs)
	n.params = make([]float64, total)
	n.Layers = make([]Layer, len(widths))
	off, in := 0, arch.Inputs
	for i, out := range widths {
		act := arch.OutputActivation()
		if i < len(arch.Hidden) {
			act = arch.Hidden[i].Activation
		}
		l := Layer{In: in, Out: out, Activation: act}
		l.W = n.params[off : off+out*in : off+out*in]
		off += out * in
		l.B = n.params[off : off+out : off+out]
		off += out
		n.Layers[i] = l
		in = out
	}
	return n
}

// Params returns the flat parameter vector (aliased, not copied).
func (n *Network) Params() []float64 { return n.params }

// ParamCount is the number of trainable weights and biases.
func (n *Network) ParamCount() int { return len(n.params) }

// Inputs is the width of the input vector.
func (n *Network) Inputs() int { return n.Arch.Inputs }

// Outputs is the width of the output vector.
func (n *Network) Outputs() int { return n.Arch.Outputs }

// Clone returns an independent copy of the network.
func (n *Network) Clone() *Network {
	c := newShape(n.Arch)
	copy(c.params, n.params)
	return c
}

// SetParams copies p into the network's parameters. It returns an error when
// the length differs or a value is not finite.
func (n *Network) SetParams(p []float64) error {
	if len(p) != len(n.params) {
		return fmt.Errorf("%w: %d parameters given, network has %d", ErrShape, len(p), len(n.params))
	}
	for i, v := range p {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("%w: parameter %d is %v", ErrNotFinite, i, v)
		}
	}
	copy(n.params, p)
	return nil
}

// FromParams builds a network with the given architecture and parameters.
func FromParams(arch Architecture, p []float64) (*Network, error) {
	if err := arch.Validate(); err != nil {
		return nil, err
	}
	n := newShape(arch)
	if err := n.SetParams(p); err != nil {
		return nil, err
	}
	return n, nil
}

// SummaryRow is one line of a Keras-style model summary.
type SummaryRow struct {
	Layer      string // e.g. "dense_1 (relu)"
	Activation Activation
	OutputDims []int // e.g. [None, 64] is reported as {-1, 64}
	Params     int
}

// Summary describes the network layer by layer, as data.
func (n *Network) Summary() []SummaryRow { return n.Arch.Summary() }

// Summary describes an architecture layer by layer, as data (no weights needed).
func (a Architecture) Summary() []SummaryRow {
	rows := make([]SummaryRow, 0, len(a.Hidden)+1)
	in := a.Inputs
	for i, h := range a.Hidden {
		rows = append(rows, SummaryRow{
			Layer: fmt.Sprintf("dense_%d", i+1), Activation: h.Activation,
			OutputDims: []int{-1, h.Units}, Params: h.Units*in + h.Units,
		})
		in = h.Units
	}
	rows = append(rows, SummaryRow{
		Layer: "output", Activation: a.OutputActivation(),
		OutputDims: []int{-1, a.Outputs}, Params: a.Outputs*in + a.Outputs,
	})
	return rows
}

// ParamCount is the number of trainable parameters of the architecture.
func (a Architecture) ParamCount() int {
	total := 0
	for _, r := range a.Summary() {
		total += r.Params
	}
	return total
}
