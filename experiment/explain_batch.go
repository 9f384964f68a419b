package experiment

import (
	"errors"
	"fmt"

	"github.com/retainlab/retain/engine"
)

// BatchExplainer explains many rows at once through engine.BatchIG, giving
// each row what Explainer.Explain gives it. It holds scratch buffers: use
// one per goroutine.
type BatchExplainer struct {
	x     *Explainer
	ig    *engine.BatchIG
	flat  []float64
	attrs []engine.Attribution
}

// Batch returns a BatchExplainer for x.
func (x *Explainer) Batch() (*BatchExplainer, error) {
	if x.Net == nil {
		return nil, errors.New("the explainer has no network")
	}
	ig, err := engine.NewBatchIG(x.Net, x.Baseline, IGSteps)
	if err != nil {
		return nil, err
	}
	ig.SetOutputScale(x.outputScale())
	return &BatchExplainer{x: x, ig: ig}, nil
}

// Explain writes the explanation of rows[i] (transformed inputs) into
// out[i], reusing the memory of out[i].Reasons.
func (b *BatchExplainer) Explain(out []Explanation, rows [][]float64) error {
	if len(out) != len(rows) {
		return fmt.Errorf("%d explanations for %d rows", len(out), len(rows))
	}
	in := b.x.Net.Inputs()
	b.flat = b.flat[:0]
	for i, r := range rows {
		if len(r) != in {
			return fmt.Errorf("%w: row %d has %d values, network takes %d", engine.ErrShape, i, len(r), in)
		}
		b.flat = append(b.flat, r...)
	}
	if cap(b.attrs) < len(rows) {
		b.attrs = append(b.attrs[:cap(b.attrs)], make([]engine.Attribution, len(rows)-cap(b.attrs))...)
	}
	attrs := b.attrs[:len(rows)]
	if err := b.ig.Explain(attrs, b.flat); err != nil {
		return err
	}
	for i, r := range rows {
		out[i] = b.x.explanation(r, attrs[i], out[i].Reasons)
	}
	return nil
}
