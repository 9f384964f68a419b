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
	X, Y     []float64
	Z, A     [][]float64
	Delta    [][]float64
	GradW    [][]float64 // per layer, Out×In like W, including the L2 term
	GradB    [][]float64
	Loss     float64 // mean data loss of the batch (before the update)
	Before   *Network
	After    *Network
	OptAfter Optimizer // the optimiser's state after the update
}

// TraceStep performs one training step of cfg on the given rows of d, on
// copies of net and opt, and records it. net and opt are left unchanged.
func TraceStep(net *Network, opt Optimizer, cfg TrainConfig, d Dataset, rows []int) (StepTrace, error) {
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
	st := StepTrace{Rows: m, Loss: loss, Before: net.Clone(),
		X: clone(ws.x), Y: clone(ws.y)}
	for i := range after.Layers {
		st.Z = append(st.Z, clone(ws.z[i]))
		st.A = append(st.A, clone(ws.a[i]))
		st.Delta = append(st.Delta, clone(ws.d[i]))
		st.GradW = append(st.GradW, clone(ws.gW[i]))
		st.GradB = append(st.GradB, clone(ws.gB[i]))
	}
	if cfg.ClipNorm > 0 {
		clipNorm(ws.grad, cfg.ClipNorm)
	}
	o.Step(after.params, ws.grad)
	st.After, st.OptAfter = after, o
	return st, nil
}

func clone(v []float64) []float64 { return append([]float64(nil), v...) }
