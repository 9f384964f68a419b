package engine

import (
	"context"

	"github.com/retainlab/retain/engine/metrics"
)

// evaluator scores a validation set after each epoch without allocating
// after its first use.
type evaluator struct {
	pred           *Predictor
	probs, logits  []float64
	scores, labels []float64 // first output only, for AUC
	auc            metrics.AUCScratch
}

type evalResult struct {
	loss, acc, auc float64
	logLoss        float64 // loss with every row weighing 1
	hasAUC         bool
}

func newEvaluator(n *Network, rows int) *evaluator {
	outs := n.Arch.Outputs
	return &evaluator{
		pred:   NewPredictor(n),
		probs:  make([]float64, rows*outs),
		logits: make([]float64, rows*outs),
		scores: make([]float64, rows),
		labels: make([]float64, rows),
	}
}

// run computes the loss (the training objective's data term, with the same
// positive-class weight), the unweighted log loss, accuracy at 0.5 and ROC AUC of the first output.
// It checks ctx between chunks so that a huge validation set cannot delay
// cancellation.
func (e *evaluator) run(ctx context.Context, d Dataset, posWeight float64) (evalResult, error) {
	n := e.pred.net
	outs := n.Arch.Outputs
	for start := 0; start < d.Rows; start += predictChunk {
		if err := ctx.Err(); err != nil {
			return evalResult{}, err
		}
		m := min(predictChunk, d.Rows-start)
		e.pred.PredictFlat(e.probs[start*outs:(start+m)*outs], e.logits[start*outs:(start+m)*outs],
			d.X[start*d.Cols:(start+m)*d.Cols], m)
	}
	var r evalResult
	total := float64(d.Rows * outs)
	if n.Arch.Loss == MSE {
		for i, z := range e.logits[:d.Rows*outs] {
			diff := z - d.Y[i]
			r.loss += diff * diff
		}
		r.loss /= total
		r.logLoss = r.loss
		return r, nil
	}
	correct := 0
	for i, z := range e.logits[:d.Rows*outs] {
		y := d.Y[i]
		pos, neg := y*softplus(-z), (1-y)*softplus(z)
		r.loss += posWeight*pos + neg
		r.logLoss += pos + neg
		if (e.probs[i] >= 0.5) == (y >= 0.5) {
			correct++
		}
	}
	r.loss /= total
	r.logLoss /= total
	r.acc = float64(correct) / total
	for i := range d.Rows {
		e.scores[i] = e.probs[i*outs]
		e.labels[i] = 0
		if d.Y[i*outs] >= 0.5 {
			e.labels[i] = 1
		}
	}
	if auc, err := e.auc.AUC(e.scores, e.labels, nil); err == nil {
		r.auc, r.hasAUC = auc, true
	}
	return r, nil
}
