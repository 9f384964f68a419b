package engine

import (
	"math"

	"github.com/retainlab/retain/engine/internal/kernel"
)

// workspace holds every buffer one forward/backward pass needs for batches of
// up to rows samples, so that a training step allocates nothing.
type workspace struct {
	rows int
	x, y []float64   // gathered inputs (rows×in) and targets (rows×outputs)
	z, a [][]float64 // per layer: pre-activations and activations (rows×out)
	d    [][]float64 // per layer: ∂L/∂z (rows×out)
	grad []float64   // flat, same layout as the network's parameters
	gW   [][]float64 // per layer views into grad
	gB   [][]float64
	// keepZ makes forward store ReLU layers' pre-activations too (for
	// traces); otherwise they are computed in place in the activation buffer,
	// since ReLU's derivative can be read from its output.
	keepZ bool
	// scratch holds the kernels' transposed panels (kernel.ScratchLen
	// values), which would otherwise be a stack buffer zeroed per product.
	scratch []float64
}

func newWorkspace(n *Network, rows int) *workspace {
	ws := &workspace{rows: rows, scratch: make([]float64, kernel.ScratchLen)}
	ws.x = make([]float64, rows*n.Arch.Inputs)
	ws.y = make([]float64, rows*n.Arch.Outputs)
	ws.grad = make([]float64, len(n.params))
	off := 0
	for _, l := range n.Layers {
		ws.z = append(ws.z, make([]float64, rows*l.Out))
		ws.a = append(ws.a, make([]float64, rows*l.Out))
		ws.d = append(ws.d, make([]float64, rows*l.Out))
		ws.gW = append(ws.gW, ws.grad[off:off+l.Out*l.In])
		off += l.Out * l.In
		ws.gB = append(ws.gB, ws.grad[off:off+l.Out])
		off += l.Out
	}
	return ws
}

// gather copies the given rows of x (cols wide) and y (outs wide) into the
// workspace's batch buffers.
func (ws *workspace) gather(x, y []float64, cols, outs int, rows []int) {
	// Element loops rather than copy: rows are short (a few dozen values),
	// where memmove's call overhead dominates.
	for i, r := range rows {
		dst, src := ws.x[i*cols:(i+1)*cols], x[r*cols:(r+1)*cols]
		for j := range dst {
			dst[j] = src[j]
		}
		if y != nil {
			dy, sy := ws.y[i*outs:(i+1)*outs], y[r*outs:(r+1)*outs]
			for j := range dy {
				dy[j] = sy[j]
			}
		}
	}
}

// forward runs the first m rows of ws.x through the network. Afterwards
// ws.z[L] holds the output logits and ws.a[L] the outputs.
func (ws *workspace) forward(n *Network, m int) { ws.forwardTo(n, m, len(n.Layers)-1) }

// forwardTo runs the first m rows of ws.x through layers 0…last. Afterwards
// ws.z[last] holds layer last's pre-activations (a ReLU layer's too) and
// ws.a[last] its activations.
func (ws *workspace) forwardTo(n *Network, m, last int) {
	in := ws.x[:m*n.Arch.Inputs]
	for i := range last + 1 {
		l := &n.Layers[i]
		a := ws.a[i][:m*l.Out]
		if l.Activation == ReLU && !ws.keepZ && i < last {
			kernel.MulNTScratch(a, in, l.W, m, l.Out, l.In, ws.scratch)
			kernel.AddBiasReLU(a, l.B, m, l.Out)
			in = a
			continue
		}
		z := ws.z[i][:m*l.Out]
		kernel.MulNTScratch(z, in, l.W, m, l.Out, l.In, ws.scratch)
		kernel.AddRowVec(z, l.B, m, l.Out)
		l.Activation.apply(a, z)
		in = a
	}
}

// lossAndDelta computes the mean loss of the first m rows against ws.y and
// writes ∂L/∂z of the output layer into ws.d[L]. posWeight multiplies the
// loss of positive targets (BCE only; 1 means unweighted). It also counts
// correct predictions at threshold 0.5 over every output (binary accuracy).
func (ws *workspace) lossAndDelta(n *Network, m int, posWeight float64) (loss float64, correct int) {
	return ws.lossAndDeltaScaled(n, m, posWeight, 1/float64(m*n.Arch.Outputs))
}

// lossAndDeltaScaled is lossAndDelta with the loss sum and the deltas
// multiplied by scale instead of 1/(m·outputs): a shard of a larger batch
// passes the whole batch's scale, so that the shards' figures add up to the
// batch's.
func (ws *workspace) lossAndDeltaScaled(n *Network, m int, posWeight, scale float64) (loss float64, correct int) {
	L := len(n.Layers) - 1
	outs := n.Arch.Outputs
	z := ws.z[L][:m*outs]
	p := ws.a[L][:m*outs]
	y := ws.y[:m*outs]
	d := ws.d[L][:m*outs]
	if n.Arch.Loss == MSE {
		for i, zi := range z {
			r := zi - y[i]
			loss += r * r
			d[i] = 2 * r * scale
		}
		return loss * scale, 0
	}
	for i, zi := range z {
		yi := y[i]
		loss += bceTerm(zi, yi, posWeight)
		d[i] = (posWeight*yi*(p[i]-1) + (1-yi)*p[i]) * scale
	}
	for i, pi := range p {
		if (pi >= 0.5) == (y[i] >= 0.5) {
			correct++
		}
	}
	return loss * scale, correct
}

// backward fills ws.grad with ∂L/∂θ for the first m rows, given ws.d[L] from
// lossAndDelta and the activations of the last forward pass. l2 adds λ·W to
// the weight gradients (biases are not decayed).
func (ws *workspace) backward(n *Network, m int, l2 float64) {
	for i := len(n.Layers) - 1; i >= 0; i-- {
		l := &n.Layers[i]
		d := ws.d[i][:m*l.Out]
		var prev []float64
		if i > 0 {
			prev = ws.a[i-1][:m*l.In]
		} else {
			prev = ws.x[:m*l.In]
		}
		kernel.MulTNScratch(ws.gW[i], d, prev, l.Out, l.In, m, ws.scratch)
		kernel.ColSums(ws.gB[i], d, m, l.Out)
		if l2 != 0 {
			addL2(ws.gW[i], l.W, l2)
		}
		if i > 0 {
			dp := ws.d[i-1][:m*l.In]
			kernel.MulNN(dp, d, l.W, m, l.In, l.Out)
			n.Layers[i-1].Activation.backprop(dp, ws.z[i-1][:m*l.In], prev)
		}
	}
}

// addL2 adds the L2 term's gradient l2·w to gw, the gradient of weights w.
func addL2(gw, w []float64, l2 float64) {
	for j, v := range w {
		gw[j] += l2 * v
	}
}

// l2Penalty is (λ/2)·Σ‖W‖² over all weight matrices.
func l2Penalty(n *Network, l2 float64) float64 {
	if l2 == 0 {
		return 0
	}
	return 0.5 * l2 * squaredWeights(n)
}

// squaredWeights is Σ‖W‖², every weight of n squared and summed (biases
// excluded).
func squaredWeights(n *Network) float64 {
	s := 0.0
	for _, l := range n.Layers {
		for _, w := range l.W {
			s += w * w
		}
	}
	return s
}

// allFinite reports whether every value of v is finite.
func allFinite(v []float64) bool {
	for _, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}
