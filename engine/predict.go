package engine

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

// predictChunk is how many rows a Predictor pushes through at once.
const predictChunk = 1024

// Predictor evaluates a network on many rows without allocating per call. It
// holds scratch buffers, so one Predictor must not be used by two goroutines
// at once; the network itself is only read.
type Predictor struct {
	net *Network
	ws  *workspace
}

// NewPredictor returns a Predictor for n.
func NewPredictor(n *Network) *Predictor {
	return &Predictor{net: n, ws: newWorkspace(n, predictChunk)}
}

// PredictFlat writes the outputs (probabilities for BCE, values for MSE) of
// rows×Inputs row-major x into out (rows×Outputs). If logits is not nil it
// also receives the output layer's pre-activations.
func (p *Predictor) PredictFlat(out, logits, x []float64, rows int) {
	n := p.net
	in, outs := n.Arch.Inputs, n.Arch.Outputs
	if len(x) < rows*in || len(out) < rows*outs || (logits != nil && len(logits) < rows*outs) {
		panic(fmt.Sprintf("engine: PredictFlat: %d rows need x %d, out %d; got %d, %d", rows, rows*in, rows*outs, len(x), len(out)))
	}
	L := len(n.Layers) - 1
	for start := 0; start < rows; start += predictChunk {
		m := min(predictChunk, rows-start)
		copy(p.ws.x[:m*in], x[start*in:(start+m)*in])
		p.ws.forward(n, m)
		copy(out[start*outs:(start+m)*outs], p.ws.a[L][:m*outs])
		if logits != nil {
			copy(logits[start*outs:(start+m)*outs], p.ws.z[L][:m*outs])
		}
	}
}

// Predict returns the outputs for one input vector.
func (n *Network) Predict(x []float64) []float64 {
	if len(x) != n.Arch.Inputs {
		panic(fmt.Sprintf("engine: Predict: input has %d values, network takes %d", len(x), n.Arch.Inputs))
	}
	out := make([]float64, n.Arch.Outputs)
	ws := newWorkspace(n, 1)
	copy(ws.x, x)
	ws.forward(n, 1)
	copy(out, ws.a[len(n.Layers)-1])
	return out
}

// PredictBatch returns the outputs (rows×Outputs) for every row of x.
func (n *Network) PredictBatch(x mat.Matrix) (*mat.Dense, error) {
	rows, cols := x.Dims()
	if cols != n.Arch.Inputs {
		return nil, fmt.Errorf("%w: input has %d columns, network takes %d", ErrShape, cols, n.Arch.Inputs)
	}
	flat := denseData(x)
	out := make([]float64, rows*n.Arch.Outputs)
	if rows > 0 {
		NewPredictor(n).PredictFlat(out, nil, flat, rows)
	}
	return mat.NewDense(max(rows, 1), n.Arch.Outputs, padEmpty(out, n.Arch.Outputs)), nil
}

// padEmpty keeps mat.NewDense from panicking on zero rows.
func padEmpty(v []float64, cols int) []float64 {
	if len(v) == 0 {
		return make([]float64, cols)
	}
	return v
}

// denseData returns x's values row-major and contiguous, copying only when
// the matrix is not already a contiguous *mat.Dense.
func denseData(x mat.Matrix) []float64 {
	rows, cols := x.Dims()
	if d, ok := x.(*mat.Dense); ok {
		raw := d.RawMatrix()
		if raw.Stride == cols || rows <= 1 {
			return raw.Data[:rows*cols]
		}
	}
	out := make([]float64, rows*cols)
	for i := range rows {
		for j := range cols {
			out[i*cols+j] = x.At(i, j)
		}
	}
	return out
}

// Trace holds every intermediate value of one forward pass, for teaching:
// Z[k] = W[k]·A[k-1] + B[k] and A[k] = act(Z[k]), with A[-1] = Input.
type Trace struct {
	Input []float64
	Z, A  [][]float64
}

// Output is the network's output for the traced input (probabilities for BCE).
func (t Trace) Output() []float64 { return t.A[len(t.A)-1] }

// Trace runs one input through the network and records each layer's
// pre-activation and activation.
func (n *Network) Trace(x []float64) (Trace, error) {
	if len(x) != n.Arch.Inputs {
		return Trace{}, fmt.Errorf("%w: input has %d values, network takes %d", ErrShape, len(x), n.Arch.Inputs)
	}
	ws := newWorkspace(n, 1)
	ws.keepZ = true
	copy(ws.x, x)
	ws.forward(n, 1)
	t := Trace{Input: append([]float64(nil), x...)}
	for i := range n.Layers {
		t.Z = append(t.Z, append([]float64(nil), ws.z[i]...))
		t.A = append(t.A, append([]float64(nil), ws.a[i]...))
	}
	return t, nil
}
