package data

import (
	"fmt"
	"math"
)

// FitPipelineRaw fits the pipeline FitPipeline(t, fitRows, opts) fits, for
// a table whose cells are not held: x is a row-major matrix whose row i
// holds the raw feature cells of table row fitRows[i], column j being
// t.Features()[j]; t gives only the columns' names and kinds and the label.
// Every feature must be numeric or boolean. Unlike FitPipeline it drops no
// duplicate rows: give rows that hold none (rows whose ids are distinct),
// or set opts.KeepDuplicates. x is not changed.
func FitPipelineRaw(t *Table, x []float64, fitRows []int, opts PipelineOptions) (*Pipeline, error) {
	feats := t.Features()
	width, n := len(feats), len(fitRows)
	if n == 0 {
		return nil, fmt.Errorf("%w: %s: no training rows", ErrShape, t.Source)
	}
	if width == 0 {
		return nil, parseErr(t.Source, 0, 0, ErrNoFeatures, "no usable feature column")
	}
	if len(x) != n*width {
		return nil, fmt.Errorf("%w: %s: %d raw cells for %d rows of %d features", ErrShape, t.Source, len(x), n, width)
	}
	p := newPipeline(t, opts)
	p.FitRows = fitRows
	present := make([]float64, 0, n)
	for j, c := range feats {
		if c.Kind == Categorical {
			return nil, fmt.Errorf("%w: %s: column %q is categorical: raw rows hold numbers only", ErrShape, t.Source, c.Name)
		}
		present = present[:0]
		for i := range n {
			if v := x[i*width+j]; !math.IsNaN(v) {
				present = append(present, v)
			}
		}
		pc := p.newColumn(c)
		if err := fitPresent(&pc, c, present, n, opts, t.Source); err != nil {
			return nil, err
		}
		p.addColumn(pc)
	}
	return p, nil
}

// TransformRaw replaces, in place, the raw feature cells in x (row-major,
// one numeric or boolean cell per fitted column, as FitPipelineRaw takes
// them) by the prepared inputs Transform would give for the same cells. It
// needs one output per column: no one-hot levels, no missing indicators.
func (p *Pipeline) TransformRaw(x []float64) error {
	width := len(p.Columns)
	if p.Width() != width {
		return fmt.Errorf("%w: %d outputs for %d columns: raw rows transform one output per column", ErrShape, p.Width(), width)
	}
	if len(x)%width != 0 {
		return fmt.Errorf("%w: %d raw cells are not rows of %d", ErrShape, len(x), width)
	}
	for j := range p.Columns {
		if p.Columns[j].Kind == Categorical {
			return fmt.Errorf("%w: column %q is categorical: raw rows hold numbers only", ErrShape, p.Columns[j].Name)
		}
	}
	for i := 0; i < len(x); i += width {
		for j := range p.Columns {
			p.Columns[j].encode(x[i+j], x[i+j:])
		}
	}
	return nil
}
