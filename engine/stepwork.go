package engine

import (
	"cmp"
	"math"
	"slices"
)

// The teaching walkthrough shows every number of a training step worked
// out by hand. The numbers it shows beyond the step itself (the factor of
// each term of a sum, a loss per row, the derivative of an activation, the
// intermediate values of an optimiser's rule) are computed here, so that the
// interface only arranges and formats them.

// AdamWork is one weight's Adam update written out: the rule as papers
// state it (with bias-corrected moments m̂ and v̂) and as Keras and this
// engine compute it (with the step size α folded from the corrections).
type AdamWork struct {
	T                      int     // the step number t of this update
	LR, Beta1, Beta2, Eps  float64 // the hyper-parameters
	W, G, G2               float64 // the weight, its gradient after clipping, and g²
	M0, V0, M1, V1         float64 // the moments before and after the update
	Bias1, Bias2           float64 // 1 − β₁ᵗ and 1 − β₂ᵗ
	MHat, VHat             float64 // the bias-corrected moments
	Textbook               float64 // w − lr·m̂/(√v̂ + ε)
	Alpha, Denom, NewW     float64 // α = lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ), √v + ε, w − α·m/(√v + ε)
	OneMinusB1, OneMinusB2 float64 // 1 − β₁ and 1 − β₂, as the rule's factors
}

// Work writes out the update this optimiser's next step makes to
// parameter p, of value w, with gradient g. The optimiser is not changed.
func (o *Adam) Work(p int, w, g float64) AdamWork {
	u := AdamWork{T: o.t + 1, LR: o.Rate, Beta1: o.Beta1, Beta2: o.Beta2, Eps: o.Epsilon, W: w, G: g, G2: g * g,
		OneMinusB1: 1 - o.Beta1, OneMinusB2: 1 - o.Beta2}
	if p < len(o.m) {
		u.M0, u.V0 = o.m[p], o.v[p]
	}
	u.M1 = o.Beta1*u.M0 + u.OneMinusB1*g
	u.V1 = o.Beta2*u.V0 + u.OneMinusB2*u.G2
	p1, p2 := o.nextPowers()
	u.Bias1, u.Bias2 = 1-p1, 1-p2
	u.MHat, u.VHat = u.M1/u.Bias1, u.V1/u.Bias2
	u.Textbook = w - o.Rate*u.MHat/(math.Sqrt(u.VHat)+o.Epsilon)
	u.Alpha = o.StepSize()
	u.Denom = math.Sqrt(u.V1) + o.Epsilon
	u.NewW = w - u.Alpha*u.M1/u.Denom
	return u
}

// SGDWork is one weight's update by stochastic gradient descent with
// momentum μ written out: b ← μ·b + g, then w − lr·b (or, with Nesterov,
// w − lr·(g + μ·b)).
type SGDWork struct {
	W, G, LR, Momentum float64
	Nesterov           bool
	B0, B1             float64 // the velocity before and after the update
	Step               float64 // what lr multiplies: b, or g + μ·b with Nesterov
	NewW               float64
}

// Work writes out the update this optimiser's next step makes to
// parameter p, of value w, with gradient g. The optimiser is not changed.
func (o *SGD) Work(p int, w, g float64) SGDWork {
	u := SGDWork{W: w, G: g, LR: o.Rate, Momentum: o.Momentum, Nesterov: o.Nesterov}
	if p < len(o.vel) {
		u.B0 = o.vel[p]
	}
	u.B1 = o.Momentum*u.B0 + g
	u.Step = u.B1
	if o.Nesterov {
		u.Step = g + o.Momentum*u.B1
	}
	u.NewW = w - o.Rate*u.Step
	return u
}

// ParamIndex is the position of layer k's weight W[j,i] in the flat
// parameter vector (layer by layer, W then b), where optimisers keep their
// state.
func (n *Network) ParamIndex(k, j, i int) int {
	off := 0
	for _, l := range n.Layers[:k] {
		off += l.In*l.Out + l.Out
	}
	return off + j*n.Layers[k].In + i
}

// AffineTerms are the terms W_k[j,i]·in[i] of neuron j's weighted sum in
// layer k, for the layer's input in; their sum plus b_k[j] is z_k[j].
func (n *Network) AffineTerms(k, j int, in []float64) []float64 {
	l := n.Layers[k]
	terms := make([]float64, l.In)
	for i := range terms {
		terms[i] = l.W[j*l.In+i] * in[i]
	}
	return terms
}

// LargestTerms picks the limit terms of a sum with the largest |term|
// (of equal ones the first), for a sum shown in part: shown are their
// indices in increasing order, rest the sum of the others (added from the
// largest |term| down), so that the shown terms plus rest is the sum. With
// at most limit terms every index is shown and rest is 0.
func LargestTerms(terms []float64, limit int) (shown []int, rest float64) {
	order := make([]int, len(terms))
	for i := range order {
		order[i] = i
	}
	if len(terms) <= limit {
		return order, 0
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Compare(math.Abs(terms[b]), math.Abs(terms[a]))
	})
	for _, i := range order[limit:] {
		rest += terms[i]
	}
	shown = order[:limit:limit]
	slices.Sort(shown)
	return shown, rest
}

// Derivative is a′ at one pre-activation z whose activation is act = a(z),
// as backpropagation multiplies by it (for ReLU, a′(0) = 0).
func (a Activation) Derivative(z, act float64) float64 {
	switch a {
	case ReLU:
		if z > 0 {
			return 1
		}
		return 0
	case LeakyReLU:
		if z > 0 {
			return 1
		}
		return LeakySlope
	case Tanh:
		return 1 - act*act
	case Sigmoid:
		return act * (1 - act)
	}
	return 1
}
