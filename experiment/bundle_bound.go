package experiment

import (
	"fmt"
	"math"

	"github.com/retainlab/retain/data"
)

// saturatedLogit is beyond where float64's sigmoid is exactly 0 or 1: a
// Platt map only ever sees logits of network probabilities within it.
const saturatedLogit = 745

// validateBounds refuses a model whose logit can overflow for some row
// within its columns' clip ranges: the ranges of every input are carried
// through the layers by interval arithmetic (every activation is
// non-decreasing), and every bound, then the Platt map of the logits up to
// ±saturatedLogit, must be finite. A model fitted by retain stays far
// within (its inputs are clipped, its weights regularised); weights like
// 1e200 or a Platt slope like 1e308, which make every probability 0 or 1,
// do not. Columns without clipping (files of older versions) or inputs
// already non-finite at a bound leave the check to scoring.
func (b *Bundle) validateBounds() error {
	if in, ok := inputRanges(b.Pipeline); ok {
		if err := checkLayerBounds(b.Net.Layers, in); err != nil {
			return err
		}
	}
	if c := b.Calibration; c != nil && c.Platt != nil {
		if z := math.Abs(c.Platt.A)*saturatedLogit + math.Abs(c.Platt.B); math.IsInf(z, 0) {
			return fmt.Errorf("calibration: platt a %v, b %v overflow for logits within ±%d", c.Platt.A, c.Platt.B, saturatedLogit)
		}
	}
	return nil
}

// checkLayerBounds carries the ranges in of the inputs through layers and
// refuses the first unit whose pre-activation bound is not finite.
func checkLayerBounds(layers []BundleLayer, in [][2]float64) error {
	for li, l := range layers {
		out := make([][2]float64, l.Outputs)
		for j := range out {
			lo, hi := l.Biases[j], l.Biases[j]
			for i, x := range in {
				w := l.Weights[j*l.Inputs+i]
				if w >= 0 {
					lo, hi = lo+w*x[0], hi+w*x[1]
				} else {
					lo, hi = lo+w*x[1], hi+w*x[0]
				}
			}
			if math.IsInf(lo, 0) || math.IsInf(hi, 0) || math.IsNaN(lo) || math.IsNaN(hi) {
				return fmt.Errorf("layer %d unit %d overflows for inputs within the columns' clip ranges: its weights are too large to score with", li+1, j+1)
			}
			if li < len(layers)-1 {
				// Every hidden activation is non-decreasing.
				lo, hi = l.Activation.Apply(lo), l.Activation.Apply(hi)
			}
			out[j] = [2]float64{lo, hi}
		}
		in = out
	}
	return nil
}

// inputRanges returns the range of every model input over rows within the
// columns' clip ranges; false when a column is not clipped or a bound is
// not finite.
func inputRanges(p *data.Pipeline) ([][2]float64, bool) {
	ranges := make([][2]float64, len(p.Outputs))
	for j, o := range p.Outputs {
		c := &p.Columns[o.Input]
		switch {
		case c.Kind == data.Categorical || o.Indicator:
			ranges[j] = [2]float64{0, 1}
		case c.Kind == data.Boolean:
			ranges[j] = [2]float64{c.Transformed(0), c.Transformed(1)}
		case c.Clip:
			ranges[j] = [2]float64{c.Transformed(c.Min), c.Transformed(c.Max)}
		default:
			return nil, false
		}
		r := &ranges[j]
		if r[0] > r[1] {
			r[0], r[1] = r[1], r[0]
		}
		if math.IsInf(r[0], 0) || math.IsInf(r[1], 0) || math.IsNaN(r[0]) || math.IsNaN(r[1]) {
			return nil, false
		}
	}
	return ranges, true
}
