package engine

import (
	"math"
	"slices"
)

// Integrated gradients of a piecewise-linear network, exactly.
//
// When every hidden layer is ReLU, leaky ReLU or linear, the output logit
// z(t) along the path p(t) = baseline + t·(x − baseline) is piecewise
// linear in t: on each piece, every hidden unit keeps its side of zero, so
// ∂z/∂x is a constant g. The pieces are found layer by layer: if the units
// of layers 1…l−1 keep their sides on [ta, tb], layer l's pre-activations
// are linear there, so a unit whose values at ta and tb differ in sign
// crosses zero once, at the point linear interpolation gives. Splitting
// at those points for every hidden layer in turn leaves pieces on which
// the whole network is linear. On a piece, the output's gradient is
// φ(z(t))·g with φ = σ' (BCE) or 1 (MSE), so its integral over [ta, tb] is
// g·w with
//
//	w = (σ(zb) − σ(za)) / (zb − za) · (tb − ta)   (BCE; σ'(z̄)·(tb − ta) when zb ≈ za)
//	w = tb − ta                                   (MSE),
//
// and the attribution of input i is (x_i − baseline_i)·Σ_pieces g_i·w.
// Since g·(x − baseline)·(tb − ta) = zb − za, the attributions sum to
// f(x) − f(baseline) up to rounding: no midpoint sums and no refinement.
// g and z are read at each piece's midpoint by one forward/backward pass,
// z at its ends from there (z is linear on the piece); the points of a
// block of inputs go through the batched kernels b.rows at a time.

// exactBlock is how many inputs BatchIG traces together.
const exactBlock = 128

// flatSlope is the |zb − za| below which a piece's σ' integral is taken at
// its midpoint: (σ(zb) − σ(za))/(zb − za) would lose digits to
// cancellation, and the midpoint's error, |σ”'|·(zb − za)²/24, is below
// 1e-12 there.
const flatSlope = 1e-5

// piecewiseLinear reports whether every hidden layer of a is ReLU, leaky
// ReLU or linear.
func (a Architecture) piecewiseLinear() bool {
	for _, h := range a.Hidden {
		if h.Activation != ReLU && h.Activation != LeakyReLU && h.Activation != Linear {
			return false
		}
	}
	return true
}

// exact writes the exact attributions of the inputs of x (len(out) of
// them) into out, whose Values are cleared and whose outputs are set.
func (b *BatchIG) exact(out []Attribution, x []float64) {
	n := b.net
	b.ts, b.start = b.ts[:0], b.start[:0]
	for range out {
		b.start = append(b.start, len(b.ts))
		b.ts = append(b.ts, 0, 1)
	}
	b.start = append(b.start, len(b.ts))
	L := len(n.Layers) - 1
	for l := range L {
		if n.Layers[l].Activation == Linear {
			continue
		}
		b.pointsForward(x, l)
		b.split(n.Layers[l].Out)
	}
	b.integrate(out, x)
}

// pathRow writes the path point baseline + t·(xi − baseline) into row m of
// the workspace's inputs.
func (b *BatchIG) pathRow(m int, xi []float64, t float64) {
	in := b.net.Arch.Inputs
	row := b.ws.x[m*in : (m+1)*in]
	for i := range row {
		row[i] = b.baseline[i] + t*(xi[i]-b.baseline[i])
	}
}

// pointsForward puts the pre-activations of hidden layer upto at every
// point of b.ts into b.zs (points × the layer's width).
func (b *BatchIG) pointsForward(x []float64, upto int) {
	in, w := b.net.Arch.Inputs, b.net.Layers[upto].Out
	b.zs = slices.Grow(b.zs[:0], len(b.ts)*w)[:len(b.ts)*w]
	m, first := 0, 0
	for u := 0; u+1 < len(b.start); u++ {
		xi := x[u*in : (u+1)*in]
		for q := b.start[u]; q < b.start[u+1]; q++ {
			b.pathRow(m, xi, b.ts[q])
			if m++; m == b.rows {
				b.forwardTo(upto, m, first)
				first, m = first+m, 0
			}
		}
	}
	if m > 0 {
		b.forwardTo(upto, m, first)
	}
}

// forwardTo runs the first m rows of the workspace's inputs through layers
// 0…upto and copies layer upto's pre-activations to b.zs from point first.
func (b *BatchIG) forwardTo(upto, m, first int) {
	b.ws.forwardTo(b.net, m, upto)
	w := b.net.Layers[upto].Out
	copy(b.zs[first*w:], b.ws.z[upto][:m*w])
}

// split adds to b.ts, input by input, the points where one of units units
// (whose pre-activations at b.ts are in b.zs) crosses zero.
func (b *BatchIG) split(units int) {
	b.nts, b.nstart = b.nts[:0], b.nstart[:0]
	for u := 0; u+1 < len(b.start); u++ {
		b.nstart = append(b.nstart, len(b.nts))
		lo, hi := b.start[u], b.start[u+1]
		for j := lo; j < hi-1; j++ {
			ta, tb := b.ts[j], b.ts[j+1]
			b.nts = append(b.nts, ta)
			b.cross = b.cross[:0]
			za, zb := b.zs[j*units:(j+1)*units], b.zs[(j+1)*units:(j+2)*units]
			for k, a := range za {
				if z := zb[k]; (a < 0 && z > 0) || (a > 0 && z < 0) {
					if tc := ta + (tb-ta)*(a/(a-z)); tc > ta && tc < tb {
						b.cross = append(b.cross, tc)
					}
				}
			}
			slices.Sort(b.cross)
			for _, tc := range b.cross {
				if tc > b.nts[len(b.nts)-1] {
					b.nts = append(b.nts, tc)
				}
			}
		}
		b.nts = append(b.nts, b.ts[hi-1])
	}
	b.nstart = append(b.nstart, len(b.nts))
	b.ts, b.nts = b.nts, b.ts
	b.start, b.nstart = b.nstart, b.start
}

// integrate sums each piece's logit gradient, weighted by w (see above),
// into out[u].Values, and scales the sums by x − baseline.
func (b *BatchIG) integrate(out []Attribution, x []float64) {
	in := b.net.Arch.Inputs
	m := 0
	for u := range out {
		xi := x[u*in : (u+1)*in]
		for j := b.start[u]; j < b.start[u+1]-1; j++ {
			ta, tb := b.ts[j], b.ts[j+1]
			b.pathRow(m, xi, (ta+tb)/2)
			b.rowInput[m], b.rowWeight[m] = u, tb-ta
			if m++; m == b.rows {
				b.accumulate(out, x, m)
				m = 0
			}
		}
	}
	if m > 0 {
		b.accumulate(out, x, m)
	}
	for u := range out {
		a := &out[u]
		xi := x[u*in : (u+1)*in]
		for i := range a.Values {
			a.Values[i] *= xi[i] - b.baseline[i]
		}
		a.Steps = b.start[u+1] - b.start[u] - 1
	}
}

// accumulate adds the weighted logit gradients of the first m rows of the
// workspace's inputs (pieces' midpoints, whose lengths are in b.rowWeight)
// to their inputs' sums. For BCE, the logit at the ends of a piece is its
// value at the midpoint ∓ half the piece's change g·(x − baseline)·(tb − ta).
func (b *BatchIG) accumulate(out []Attribution, x []float64, m int) {
	n := b.net
	in, outs := n.Arch.Inputs, n.Arch.Outputs
	g := b.ws.outputGradients(n, m, false)
	logits := b.ws.z[len(n.Layers)-1]
	for r := range m {
		u, w := b.rowInput[r], b.rowWeight[r]
		gr := g[r*in : (r+1)*in]
		if n.Arch.Loss == BCE {
			xi := x[u*in : (u+1)*in]
			rise := 0.0
			for i, gi := range gr {
				rise += gi * (xi[i] - b.baseline[i])
			}
			zm, half := logits[r*outs], rise*w/2
			w *= sigmoidSlope(zm-half, zm+half)
		}
		v := out[u].Values
		for i, gi := range gr {
			v[i] += w * gi
		}
	}
}

// sigmoidSlope is the mean of σ' over a piece whose logit goes linearly
// from za to zb: (σ(zb) − σ(za)) / (zb − za).
func sigmoidSlope(za, zb float64) float64 {
	if d := zb - za; math.Abs(d) > flatSlope {
		return (sigmoid(zb) - sigmoid(za)) / d
	}
	s := sigmoid((za + zb) / 2)
	return s * (1 - s)
}
