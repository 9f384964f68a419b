package engine

import (
	"fmt"
	"math"
	"strings"

	"github.com/retainlab/retain/engine/internal/kernel"
)

// Activation is the element-wise non-linearity applied after a layer's affine
// map z = W·a + b.
type Activation int

// The activations a layer can use. The zero value is Linear.
const (
	Linear Activation = iota
	ReLU
	LeakyReLU
	Tanh
	Sigmoid
)

// LeakySlope is the slope of LeakyReLU for negative inputs (PyTorch's default).
const LeakySlope = 0.01

var activationNames = [...]string{"linear", "relu", "leaky_relu", "tanh", "sigmoid"}

// String returns the activation's lower-case name, as used in configs and files.
func (a Activation) String() string {
	if a < 0 || int(a) >= len(activationNames) {
		return fmt.Sprintf("activation(%d)", int(a))
	}
	return activationNames[a]
}

// ParseActivation returns the activation named s (case-insensitive; "leaky",
// "leakyrelu" and "leaky-relu" are accepted for LeakyReLU).
func ParseActivation(s string) (Activation, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	switch name {
	case "leaky", "leakyrelu", "leaky-relu":
		return LeakyReLU, nil
	case "identity", "none":
		return Linear, nil
	case "logistic":
		return Sigmoid, nil
	}
	for i, n := range activationNames {
		if n == name {
			return Activation(i), nil
		}
	}
	return 0, fmt.Errorf("%w: %q (want relu, leaky_relu, tanh, sigmoid or linear)", ErrUnknownActivation, s)
}

// MarshalText encodes the activation by name.
func (a Activation) MarshalText() ([]byte, error) {
	if a < 0 || int(a) >= len(activationNames) {
		return nil, fmt.Errorf("%w: %d", ErrUnknownActivation, int(a))
	}
	return []byte(a.String()), nil
}

// UnmarshalText decodes an activation name.
func (a *Activation) UnmarshalText(b []byte) error {
	v, err := ParseActivation(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// reluFamily reports whether He initialisation suits the activation.
func (a Activation) reluFamily() bool { return a == ReLU || a == LeakyReLU }

// Apply computes a(z) for one value.
func (a Activation) Apply(z float64) float64 {
	switch a {
	case ReLU:
		if z > 0 {
			return z
		}
		return 0
	case LeakyReLU:
		if z > 0 {
			return z
		}
		return LeakySlope * z
	case Tanh:
		return math.Tanh(z)
	case Sigmoid:
		return sigmoid(z)
	default:
		return z
	}
}

// apply writes a(z) into out element-wise; out and z may alias.
func (a Activation) apply(out, z []float64) {
	out = out[:len(z)]
	switch a {
	case ReLU:
		for i, v := range z {
			out[i] = max(v, 0)
		}
	case LeakyReLU:
		for i, v := range z {
			if v < 0 {
				v *= LeakySlope
			}
			out[i] = v
		}
	case Tanh:
		for i, v := range z {
			out[i] = math.Tanh(v)
		}
	case Sigmoid:
		for i, v := range z {
			out[i] = sigmoid(v)
		}
	default:
		copy(out, z)
	}
}

// backprop multiplies the upstream gradient d in place by a'(z), using the
// pre-activation z or the activation a = a(z), whichever is cheaper (ReLU
// reads only a, so z may be stale for ReLU layers).
func (a Activation) backprop(d, z, act []float64) {
	d = d[:len(z)]
	switch a {
	case ReLU:
		// Read the derivative from the output: a > 0 exactly where z > 0.
		kernel.ReLUMask(d, act[:len(d)])
	case LeakyReLU:
		for i, v := range z {
			if v <= 0 {
				d[i] *= LeakySlope
			}
		}
	case Tanh:
		act = act[:len(d)]
		for i, y := range act {
			d[i] *= 1 - y*y
		}
	case Sigmoid:
		act = act[:len(d)]
		for i, y := range act {
			d[i] *= y * (1 - y)
		}
	}
}

// sigmoid is the logistic function, written to avoid overflow for large |z|.
func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

// softplus is log(1+exp(z)) computed without overflow.
// bceTerm is the binary cross-entropy of logit z for target y with the
// positive-class weight w: w·y·softplus(−z) + (1−y)·softplus(z), from the
// logit, never log(σ(z)); softplus(−z) = softplus(z) − z saves an exp and a
// log.
func bceTerm(z, y, w float64) float64 {
	sp := softplus(z)
	return w*y*(sp-z) + (1-y)*sp
}

func softplus(z float64) float64 {
	return max(z, 0) + math.Log1p(math.Exp(-math.Abs(z)))
}
