package engine

import "fmt"

// StepTrace records every number of one training step on one mini-batch,
// for the teaching walkthrough: the forward pass, the loss, the error at the
// output, how it flows back through each layer, the gradients and the
// optimiser's update.
type StepTrace struct {
	Rows int // batch size m
	// X is the m×Inputs batch; Z[k] and A[k] are layer k's m×Out
	// pre-activations and activations; Delta[k] is ∂L/∂Z[k].
	X, Y  []float64
	Z, A  [][]float64
	Delta [][]float64
	GradW [][]float64 // per layer, Out×In like W, including the L2 term, before clipping
	GradB [][]float64
	// Deriv[k] is a′(Z[k]) element by element, the factor backpropagation
	// multiplies by at layer k.
	Deriv [][]float64
	// RowLoss is the loss ℓ of each batch row and output (m×Outputs, the
	// positive-class weight included); Loss is their mean.
	RowLoss []float64
	Loss    float64 // mean data loss of the batch (before the update)
	Clip    float64 // the factor gradient clipping multiplied the gradients by (1: none)
	L2      float64 // the weight decay λ of the step
	// SquaredWeights is ΣW², every weight of the network before the step
	// squared and summed (biases excluded), and Penalty the L2 part of the
	// objective, (L2/2)·SquaredWeights, whose gradient is the λ·W in GradW.
	SquaredWeights, Penalty float64
	// GradNorm is the Euclidean length of the whole gradient (every GradW
	// and GradB, the L2 term included) that clipping compared with its
	// limit: Clip is ClipNorm/GradNorm when it exceeded it.
	GradNorm  float64
	Before    *Network
	After     *Network
	OptBefore Optimizer // the optimiser's state before the update
	OptAfter  Optimizer // the optimiser's state after the update
}

// TraceStep performs one training step of cfg on the given rows of d, on
// copies of net and opt, and records it. net and opt are left unchanged.
func TraceStep(net *Network, opt Optimizer, cfg TrainConfig, d Dataset, rows []int) (StepTrace, error) {
	return traceStep(net, opt, cfg, d, rows, 1)
}

// TraceNext traces the step the trainer takes next, on its next batch
// (NextBatch) and on copies of its network and optimiser, which it leaves
// unchanged. The gradient is summed as the trainer sums it (in the same
// shards when it shares a batch between workers), so After and OptAfter
// are, to the bit, what training that batch makes of the network and the
// optimiser. It is meant for a Snapshot; ErrNoData when the next batch is
// not known (see NextBatch).
func (t *Trainer) TraceNext() (StepTrace, error) {
	rows, ok := t.NextBatch()
	if !ok {
		return StepTrace{}, ErrNoData
	}
	return traceStep(t.net, t.opt, t.cfg, t.train, rows, t.cfg.WorkersFor(t.train.Rows))
}

// traceStep is TraceStep with the gradient summed over workers shards as
// the trainer's sharder sums it (1: in one pass over the batch).
func traceStep(net *Network, opt Optimizer, cfg TrainConfig, d Dataset, rows []int, workers int) (StepTrace, error) {
	if len(rows) == 0 {
		return StepTrace{}, ErrNoData
	}
	if d.Cols != net.Arch.Inputs || d.Outs != net.Arch.Outputs {
		return StepTrace{}, fmt.Errorf("%w: data has %d inputs and %d targets, network takes %d and gives %d",
			ErrShape, d.Cols, d.Outs, net.Arch.Inputs, net.Arch.Outputs)
	}
	for _, r := range rows {
		if r < 0 || r >= d.Rows {
			return StepTrace{}, fmt.Errorf("%w: row %d outside the %d rows", ErrShape, r, d.Rows)
		}
	}
	after := net.Clone()
	o := opt.Clone()
	m := len(rows)
	ws := newWorkspace(after, m)
	ws.keepZ = true
	ws.gather(d.X, d.Y, d.Cols, d.Outs, rows)
	ws.forward(after, m)
	loss, _ := ws.lossAndDelta(after, m, cfg.posWeight())
	ws.backward(after, m, cfg.L2)
	if workers > 1 {
		// The per-row numbers above are the same either way; the sum of
		// the rows' gradients differs in its last bits.
		newSharder(after, m, workers).gradient(after, d, rows, cfg.posWeight(), cfg.L2, ws.grad)
	}
	st := StepTrace{Rows: m, Loss: loss, Clip: 1, L2: cfg.L2, Before: net.Clone(), OptBefore: opt.Clone(),
		X: clone(ws.x), Y: clone(ws.y), GradNorm: norm(ws.grad)}
	st.SquaredWeights = squaredWeights(net)
	st.Penalty = cfg.L2 / 2 * st.SquaredWeights
	for i, l := range after.Layers {
		st.Z = append(st.Z, clone(ws.z[i]))
		st.A = append(st.A, clone(ws.a[i]))
		st.Delta = append(st.Delta, clone(ws.d[i]))
		st.GradW = append(st.GradW, clone(ws.gW[i]))
		st.GradB = append(st.GradB, clone(ws.gB[i]))
		deriv := make([]float64, len(st.Z[i]))
		for n, z := range st.Z[i] {
			deriv[n] = l.Activation.Derivative(z, st.A[i][n])
		}
		st.Deriv = append(st.Deriv, deriv)
	}
	st.RowLoss = rowLosses(after.Arch.Loss, st.Z[len(st.Z)-1], st.Y, cfg.posWeight())
	if cfg.ClipNorm > 0 {
		st.Clip = clipNorm(ws.grad, cfg.ClipNorm)
	}
	o.Step(after.params, ws.grad)
	st.After, st.OptAfter = after, o
	return st, nil
}

// Objective is the quantity the step descends: the mean data loss plus the
// L2 penalty, Loss + Penalty.
func (st *StepTrace) Objective() float64 { return st.Loss + st.Penalty }

// rowLosses is ℓ for each output logit z with target y: (z − y)² for MSE,
// w·y·softplus(−z) + (1 − y)·softplus(z) for binary cross-entropy with the
// positive-class weight w, as lossAndDelta sums them.
func rowLosses(loss Loss, z, y []float64, posWeight float64) []float64 {
	out := make([]float64, len(z))
	for i, zi := range z {
		if loss == MSE {
			out[i] = (zi - y[i]) * (zi - y[i])
			continue
		}
		out[i] = bceTerm(zi, y[i], posWeight)
	}
	return out
}

// WeightGradTerms are the terms δ_k[r,j]·in[r,i] of ∂L/∂W_k[j,i], one per
// batch row r, where in is the layer's input (X for the first layer); their
// sum plus the L2 term λ·W_k[j,i] is GradW[k][j,i].
func (st *StepTrace) WeightGradTerms(k, j, i int) []float64 {
	l := st.Before.Layers[k]
	in := st.X
	if k > 0 {
		in = st.A[k-1]
	}
	terms := make([]float64, st.Rows)
	for r := range terms {
		terms[r] = st.Delta[k][r*l.Out+j] * in[r*l.In+i]
	}
	return terms
}

// BackTerms are the terms W_{k+1}[o,j]·δ_{k+1}[row,o] that carry the error
// of layer k+1 back to neuron j of layer k for one batch row, and their
// sum, which times Deriv[k][row,j] is Delta[k][row,j].
func (st *StepTrace) BackTerms(k, row, j int) (terms []float64, sum float64) {
	next := st.Before.Layers[k+1]
	terms = make([]float64, next.Out)
	for o := range terms {
		terms[o] = next.W[o*next.In+j] * st.Delta[k+1][row*next.Out+o]
		sum += terms[o]
	}
	return terms, sum
}

// DecayTerm is the L2 part λ·W_k[j,i] of GradW[k][j,i].
func (st *StepTrace) DecayTerm(k, j, i int) float64 {
	return st.L2 * st.Before.Layers[k].W[j*st.Before.Layers[k].In+i]
}

// Residuals are ŷ − y for each batch row and output (m×Outputs).
func (st *StepTrace) Residuals() []float64 {
	last := st.A[len(st.A)-1]
	out := make([]float64, len(st.Y))
	for n, y := range st.Y {
		out[n] = last[n] - y
	}
	return out
}

// ChangeInRates is how much the step moved each weight of layer k, in units
// of the learning rate (the optimiser's rate before the step).
func (st *StepTrace) ChangeInRates(k int) []float64 {
	before, after := st.Before.Layers[k].W, st.After.Layers[k].W
	lr := st.OptBefore.LR()
	out := make([]float64, len(before))
	for n := range out {
		out[n] = (after[n] - before[n]) / lr
	}
	return out
}

// ClippedGrad is the gradient of W_k[j,i] the optimiser received: GradW
// times the clipping factor.
func (st *StepTrace) ClippedGrad(k, j, i int) float64 {
	return st.GradW[k][j*st.Before.Layers[k].In+i] * st.Clip
}

func clone(v []float64) []float64 { return append([]float64(nil), v...) }
