package engine

import (
	"fmt"
	"math"
	"strings"

	"github.com/retainlab/retain/engine/internal/kernel"
)

// OptimizerConfig selects and parameterises an optimiser. Zero fields take
// the Keras defaults of the chosen kind.
type OptimizerConfig struct {
	// Kind is "adam" or "sgd".
	Kind string  `json:"kind"`
	LR   float64 `json:"lr"`
	// Momentum and Nesterov apply to SGD.
	Momentum float64 `json:"momentum,omitempty"`
	Nesterov bool    `json:"nesterov,omitempty"`
	// Beta1, Beta2 and Epsilon apply to Adam (defaults 0.9, 0.999, 1e-7).
	Beta1   float64 `json:"beta1,omitempty"`
	Beta2   float64 `json:"beta2,omitempty"`
	Epsilon float64 `json:"epsilon,omitempty"`
}

// Optimizer updates a flat parameter vector from its gradient.
type Optimizer interface {
	// Step applies one update; it must not allocate.
	Step(params, grads []float64)
	// LR and SetLR read and change the learning rate (for schedules).
	LR() float64
	SetLR(lr float64)
	// Reset clears the optimiser's state (moments, step count).
	Reset()
	// Clone returns an independent copy with the same state.
	Clone() Optimizer
}

// withDefaults fills the zero fields with the kind's defaults.
func (c OptimizerConfig) withDefaults() OptimizerConfig {
	c.Kind = strings.ToLower(strings.TrimSpace(c.Kind))
	if c.Kind == "" {
		c.Kind = "adam"
	}
	switch c.Kind {
	case "adam":
		if c.LR == 0 {
			c.LR = 1e-3
		}
		if c.Beta1 == 0 {
			c.Beta1 = 0.9
		}
		if c.Beta2 == 0 {
			c.Beta2 = 0.999
		}
		if c.Epsilon == 0 {
			c.Epsilon = 1e-7
		}
	case "sgd":
		if c.LR == 0 {
			c.LR = 0.01
		}
	}
	return c
}

// Validate reports the first invalid field, after defaults are applied.
func (c OptimizerConfig) Validate() error {
	c = c.withDefaults()
	switch {
	case c.Kind != "adam" && c.Kind != "sgd":
		return fmt.Errorf("%w: optimizer %q (want adam or sgd)", ErrConfig, c.Kind)
	case !(c.LR > 0) || math.IsInf(c.LR, 0):
		return fmt.Errorf("%w: learning rate must be a positive number, got %g", ErrConfig, c.LR)
	case !(c.Momentum >= 0 && c.Momentum < 1): // NaN fails too
		return fmt.Errorf("%w: momentum must be in [0, 1), got %g", ErrConfig, c.Momentum)
	case c.Nesterov && c.Momentum == 0:
		return fmt.Errorf("%w: Nesterov needs a momentum above 0", ErrConfig)
	case c.Kind == "adam" && (c.Beta1 < 0 || c.Beta1 >= 1 || c.Beta2 < 0 || c.Beta2 >= 1):
		return fmt.Errorf("%w: Adam betas must be in [0, 1), got %g and %g", ErrConfig, c.Beta1, c.Beta2)
	case c.Kind == "adam" && !(c.Epsilon > 0):
		return fmt.Errorf("%w: Adam epsilon must be positive, got %g", ErrConfig, c.Epsilon)
	}
	return nil
}

// NewOptimizer builds the optimiser for params of length size.
func NewOptimizer(c OptimizerConfig, size int) (Optimizer, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	c = c.withDefaults()
	if c.Kind == "sgd" {
		return &SGD{Rate: c.LR, Momentum: c.Momentum, Nesterov: c.Nesterov, vel: make([]float64, size)}, nil
	}
	return &Adam{Rate: c.LR, Beta1: c.Beta1, Beta2: c.Beta2, Epsilon: c.Epsilon,
		m: make([]float64, size), v: make([]float64, size)}, nil
}

// SGD is stochastic gradient descent with optional (Nesterov) momentum, in
// PyTorch's form: b ← μ·b + g; θ ← θ − lr·b, or with Nesterov θ ← θ − lr·(g + μ·b).
type SGD struct {
	Rate, Momentum float64
	Nesterov       bool
	vel            []float64
}

// Step implements Optimizer.
func (o *SGD) Step(params, grads []float64) {
	lr, mu := o.Rate, o.Momentum
	if mu == 0 {
		for i, g := range grads {
			params[i] -= lr * g
		}
		return
	}
	vel := o.vel[:len(params)]
	for i, g := range grads {
		b := mu*vel[i] + g
		vel[i] = b
		if o.Nesterov {
			params[i] -= lr * (g + mu*b)
		} else {
			params[i] -= lr * b
		}
	}
}

// LR implements Optimizer.
func (o *SGD) LR() float64 { return o.Rate }

// SetLR implements Optimizer.
func (o *SGD) SetLR(lr float64) { o.Rate = lr }

// Reset implements Optimizer.
func (o *SGD) Reset() { clear(o.vel) }

// Clone implements Optimizer.
func (o *SGD) Clone() Optimizer {
	c := *o
	c.vel = clone(o.vel)
	return &c
}

// Velocity returns the momentum buffer (aliased), for the walkthrough.
func (o *SGD) Velocity() []float64 { return o.vel }

// Adam is the Adam optimiser as Keras computes it:
// m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²;
// θ ← θ − lr·√(1−β2ᵗ)/(1−β1ᵗ) · m/(√v + ε).
type Adam struct {
	Rate, Beta1, Beta2, Epsilon float64
	t                           int
	m, v                        []float64
	pow1, pow2                  float64 // β1ᵗ and β2ᵗ
}

// Step implements Optimizer.
func (o *Adam) Step(params, grads []float64) {
	if o.t == 0 {
		o.pow1, o.pow2 = 1, 1
	}
	o.t++
	o.pow1 *= o.Beta1
	o.pow2 *= o.Beta2
	alpha := o.Rate * math.Sqrt(1-o.pow2) / (1 - o.pow1)
	kernel.Adam(params, grads, o.m, o.v, alpha, o.Beta1, o.Beta2, o.Epsilon, 1, 1)
}

// Steps is the number of updates applied so far (t in the formulas).
func (o *Adam) Steps() int { return o.t }

// Moments returns the first and second moment estimates (aliased), for the
// teaching walkthrough.
func (o *Adam) Moments() (m, v []float64) { return o.m, o.v }

// LR implements Optimizer.
func (o *Adam) LR() float64 { return o.Rate }

// SetLR implements Optimizer.
func (o *Adam) SetLR(lr float64) { o.Rate = lr }

// Reset implements Optimizer.
func (o *Adam) Reset() { clear(o.m); clear(o.v); o.t = 0 }

// Clone implements Optimizer.
func (o *Adam) Clone() Optimizer {
	c := *o
	c.m, c.v = clone(o.m), clone(o.v)
	return &c
}

// StepSize is the effective step α = lr·√(1−β2ᵗ)/(1−β1ᵗ) the next update
// will use, for the walkthrough.
func (o *Adam) StepSize() float64 {
	p1, p2 := o.nextPowers()
	return o.Rate * math.Sqrt(1-p2) / (1 - p1)
}

// nextPowers are β1ᵗ and β2ᵗ of the next update, as Step will compute them.
func (o *Adam) nextPowers() (p1, p2 float64) {
	if o.t == 0 {
		return o.Beta1, o.Beta2
	}
	return o.pow1 * o.Beta1, o.pow2 * o.Beta2
}
