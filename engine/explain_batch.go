package engine

import (
	"fmt"
	"math"
)

// BatchRows is how many interpolation points a BatchIG pushes through the
// network in one forward/backward pass.
const BatchRows = 2048

// BatchIG computes integrated gradients for many inputs against one
// baseline: the points of a block of inputs go through the network
// together, BatchRows rows per pass, in buffers reused from call to call.
// Networks whose hidden layers are all ReLU, leaky ReLU or linear are
// integrated exactly, piece by linear piece of the path (see
// explain_exact.go); others by midpoint sums at steps points, doubled while
// an input's completeness error exceeds CompletenessTolerance (in the
// caller's units, see SetOutputScale). Each input gets what
// IntegratedGradientsScaled gives it with the same scale. A BatchIG holds scratch
// buffers, so one must not be used by two goroutines at once; the network
// is only read.
type BatchIG struct {
	net      *Network
	baseline []float64
	baseOut  float64
	steps    int
	// scale, when set, is the factor by which the caller multiplies an
	// input's attributions (see SetOutputScale).
	scale func(output, baselineOutput float64) float64
	ws    *workspace
	rows  int // rows of ws: the points of one pass
	jobs  []igJob
	segs  []igSeg
	// The exact path of piecewise-linear networks (explain_exact.go):
	// every input's points t, from start[u], and the next ones; layer
	// values at the points; one interval's crossings; each row's input and
	// weight.
	pl            bool
	ts, nts       []float64
	start, nstart []int
	zs, cross     []float64
	rowInput      []int
	rowWeight     []float64
}

// igJob is one input's integration at a step count: next is the first
// point not yet pushed through the network; tol is the completeness error
// the input accepts (tolerance), fixed by its outputs across refinements.
type igJob struct {
	input, steps, next int
	tol                float64
}

// igSeg says that rows [row, row+n) of a pass are points of job.
type igSeg struct{ job, row, n int }

// NewBatchIG returns a BatchIG for n against baseline, starting each input
// at steps integration points.
func NewBatchIG(n *Network, baseline []float64, steps int) (*BatchIG, error) {
	if len(baseline) != n.Arch.Inputs {
		return nil, fmt.Errorf("%w: baseline %d values, network takes %d", ErrShape, len(baseline), n.Arch.Inputs)
	}
	if steps < 1 {
		return nil, ErrSteps
	}
	return newBatchIG(n, baseline, steps, BatchRows), nil
}

// newBatchIG returns a BatchIG on validated arguments whose passes take
// rows points (fewer than BatchRows for a single input).
func newBatchIG(n *Network, baseline []float64, steps, rows int) *BatchIG {
	b := &BatchIG{net: n, baseline: append([]float64(nil), baseline...), steps: steps,
		ws: newWorkspace(n, rows), rows: rows, pl: n.Arch.piecewiseLinear()}
	if b.pl {
		b.rowInput, b.rowWeight = make([]int, rows), make([]float64, rows)
	}
	b.baseOut = b.outputs(b.baseline, 1)[0]
	return b
}

// SetOutputScale makes the refinement judge each input's completeness
// error in the units the caller reports its attributions in: multiplied by
// |scale(Output, BaselineOutput)|, the factor the caller multiplies that
// input's attributions by. An input is then refined until that scaled error
// is within CompletenessTolerance (a factor up to 1 keeps the tolerance as
// it is). experiment rescales attributions of the network's probability to
// the calibrated probability this way; without it a gap of 9.8e-5 became
// 1.08e-4 there. nil: the network's own units.
func (b *BatchIG) SetOutputScale(scale func(output, baselineOutput float64) float64) {
	b.scale = scale
}

// tolerance is the completeness error a accepts: CompletenessTolerance in
// the caller's units (SetOutputScale).
func (b *BatchIG) tolerance(a *Attribution) float64 {
	if b.scale == nil {
		return CompletenessTolerance
	}
	if s := math.Abs(b.scale(a.Output, a.BaselineOutput)); s > 1 && !math.IsInf(s, 0) {
		return CompletenessTolerance / s
	}
	return CompletenessTolerance
}

// outputs runs the first rows inputs of x (rows ≤ b.rows) forward and
// returns output 0 of the rows' outputs (a view into the workspace, with a
// stride of Outputs).
func (b *BatchIG) outputs(x []float64, rows int) []float64 {
	in := b.net.Arch.Inputs
	copy(b.ws.x[:rows*in], x[:rows*in])
	b.ws.forward(b.net, rows)
	return b.ws.a[len(b.net.Layers)-1][:rows*b.net.Arch.Outputs]
}

// Explain writes into out[i] the attribution of input i of x (len(out)
// inputs, row-major). It reuses out[i].Values when it is long enough, so a
// caller that keeps out allocates nothing after the first call.
func (b *BatchIG) Explain(out []Attribution, x []float64) error {
	n := b.net
	in, outs := n.Arch.Inputs, n.Arch.Outputs
	if len(x) != len(out)*in {
		return fmt.Errorf("%w: %d input values for %d inputs of %d", ErrShape, len(x), len(out), in)
	}
	for start := 0; start < len(out); start += b.rows {
		m := min(b.rows, len(out)-start)
		fx := b.outputs(x[start*in:], m)
		for i := range m {
			a := &out[start+i]
			a.Output, a.BaselineOutput = fx[i*outs], b.baseOut
		}
	}
	b.jobs = b.jobs[:0]
	for i := range out {
		a := &out[i]
		if cap(a.Values) < in {
			a.Values = make([]float64, in)
		}
		a.Values = a.Values[:in]
		clear(a.Values)
		if !b.pl {
			b.jobs = append(b.jobs, igJob{input: i, steps: b.steps, tol: b.tolerance(a)})
		}
	}
	if b.pl {
		for start := 0; start < len(out); start += exactBlock {
			end := min(start+exactBlock, len(out))
			b.exact(out[start:end], x[start*in:end*in])
		}
		// Rounding should never make the exact sums incomplete; if it
		// does, the input is integrated by midpoint sums instead.
		for i := range out {
			a := &out[i]
			if tol := b.tolerance(a); math.Abs(a.Completeness()) > tol {
				clear(a.Values)
				b.jobs = append(b.jobs, igJob{input: i, steps: b.steps, tol: tol})
			}
		}
	}
	for head := 0; head < len(b.jobs); {
		m := b.fill(x, head)
		grads := b.ws.inputGradients(n, m)
		for _, s := range b.segs {
			j := &b.jobs[s.job]
			sum := out[j.input].Values
			for r := s.row; r < s.row+s.n; r++ {
				for i, g := range grads[r*in : (r+1)*in] {
					sum[i] += g
				}
			}
			if j.next == j.steps {
				b.finish(&out[j.input], x[j.input*in:(j.input+1)*in], j)
			}
		}
		for head < len(b.jobs) && b.jobs[head].next == b.jobs[head].steps {
			head++
		}
	}
	return nil
}

// fill writes the next points of the jobs from head on into the
// workspace's inputs, up to b.rows rows, recording them in b.segs, and
// returns the number of rows.
func (b *BatchIG) fill(x []float64, head int) int {
	in := b.net.Arch.Inputs
	b.segs = b.segs[:0]
	m := 0
	for j := head; j < len(b.jobs) && m < b.rows; j++ {
		jb := &b.jobs[j]
		take := min(jb.steps-jb.next, b.rows-m)
		xi := x[jb.input*in : (jb.input+1)*in]
		for k := range take {
			b.pathRow(m+k, xi, (float64(jb.next+k)+0.5)/float64(jb.steps))
		}
		b.segs = append(b.segs, igSeg{job: j, row: m, n: take})
		jb.next += take
		m += take
	}
	return m
}

// finish scales a finished job's gradient sums into attributions, and
// queues the input again at twice the steps when they are not complete
// enough (as IntegratedGradients refines).
func (b *BatchIG) finish(a *Attribution, x []float64, j *igJob) {
	for i := range a.Values {
		a.Values[i] *= (x[i] - b.baseline[i]) / float64(j.steps)
	}
	a.Steps = j.steps
	if math.Abs(a.Completeness()) <= j.tol || j.steps >= maxIGSteps {
		return
	}
	clear(a.Values)
	b.jobs = append(b.jobs, igJob{input: j.input, steps: j.steps * 2, tol: j.tol})
}
