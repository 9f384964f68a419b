package engine

// Memory estimates are float64 byte counts: a request such as a billion
// units per layer must be measured, not overflow an int, so that it can be
// refused before anything is allocated.

// bytesPerValue is the size of a float64 parameter or activation.
const bytesPerValue = 8

// ParamCountF is Architecture.ParamCount in float64, exact up to 2⁵³ and
// never overflowing.
func (a Architecture) ParamCountF() float64 {
	var total float64
	in := float64(a.Inputs)
	for _, l := range a.Hidden {
		total += (in + 1) * float64(l.Units)
		in = float64(l.Units)
	}
	return total + (in+1)*float64(a.Outputs)
}

// activationValuesPerRow is what a workspace holds for one row: its inputs
// and targets, and the pre-activations, activations and deltas of every
// layer.
func (a Architecture) activationValuesPerRow() float64 {
	units := float64(a.Outputs)
	for _, l := range a.Hidden {
		units += float64(l.Units)
	}
	return float64(a.Inputs) + float64(a.Outputs) + 3*units
}

// WorkspaceMemory estimates the bytes of a forward/backward workspace for
// rows rows: the per-row activations plus a gradient buffer the size of the
// parameters.
func (a Architecture) WorkspaceMemory(rows int) float64 {
	return bytesPerValue * (float64(rows)*a.activationValuesPerRow() + a.ParamCountF())
}

// TrainingMemory estimates the bytes a Trainer of a network with this
// architecture allocates besides its data: the parameters, the optimiser's
// state (Adam's two moments, SGD's velocity), the best weights kept for
// early stopping, a training workspace of batch rows and the predictor's
// workspace that evaluates each epoch. When the default worker count
// (TrainConfig.WorkersFor) splits the batch, each extra worker adds a
// gradient buffer and up to one row.
func (a Architecture) TrainingMemory(batch int, opt OptimizerConfig) float64 {
	state := 1.0 // SGD's velocity
	if opt.Kind != "sgd" {
		state = 2 // Adam's first and second moments
	}
	params := bytesPerValue * a.ParamCountF() * (1 + state + 1)
	extra := float64(TrainConfig{BatchSize: batch}.WorkersFor(batch) - 1)
	return params + a.WorkspaceMemory(batch) + a.WorkspaceMemory(predictChunk) +
		extra*bytesPerValue*(a.ParamCountF()+a.activationValuesPerRow())
}

// ExplainMemory estimates the bytes one integrated-gradients explanation
// needs at its finest refinement.
func (a Architecture) ExplainMemory() float64 {
	return a.WorkspaceMemory(maxIGSteps)
}
