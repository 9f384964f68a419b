package walkthrough

// stepKind is what one page of the walkthrough explains.
type stepKind int

const (
	stepRaw      stepKind = iota // the user in original units
	stepInput                    // the preprocessed vector x
	stepAffine                   // z_k = W_k·a_{k−1} + b_k
	stepActivate                 // a_k = f(z_k); for the output layer ŷ = σ(z_out)
	stepLoss                     // the mini-batch and its loss
	stepDelta                    // δ_k: the output error, then each hidden layer
	stepGrad                     // ∂L/∂W for the chosen neuron
	stepUpdate                   // the optimiser's update of one weight
	stepAfter                    // the prediction after the step; what comes next
)

// step is one page: a kind and, for per-layer kinds, the layer (0-based).
type step struct {
	kind  stepKind
	layer int
}

// perLayer reports whether the step belongs to one layer, so tab moves to
// the same kind of step in the next layer.
func (s step) perLayer() bool {
	return s.kind == stepAffine || s.kind == stepActivate || s.kind == stepDelta
}

// usesChosenLayer reports whether the step shows the layer chosen with tab
// rather than a fixed one.
func (s step) usesChosenLayer() bool { return s.kind == stepGrad || s.kind == stepUpdate }

// buildSteps lists the pages for a network of layers weight layers: the
// forward pass layer by layer, then (when a training step could be traced)
// the backward pass from the output down and the update.
func buildSteps(layers int, training bool) []step {
	steps := []step{{kind: stepRaw}, {kind: stepInput}}
	for k := range layers {
		steps = append(steps, step{stepAffine, k}, step{stepActivate, k})
	}
	if !training {
		return steps
	}
	steps = append(steps, step{kind: stepLoss})
	for k := layers - 1; k >= 0; k-- {
		steps = append(steps, step{stepDelta, k})
	}
	return append(steps, step{kind: stepGrad}, step{kind: stepUpdate}, step{kind: stepAfter})
}

// sameKindInLayer returns the index of the step of the same kind as
// steps[cur] in the next layer (wrapping), or cur when there is none.
func sameKindInLayer(steps []step, cur, layers int) int {
	s := steps[cur]
	if !s.perLayer() || layers < 2 {
		return cur
	}
	next := (s.layer + 1) % layers
	for i, t := range steps {
		if t.kind == s.kind && t.layer == next {
			return i
		}
	}
	return cur
}
