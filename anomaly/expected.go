package anomaly

import (
	"math"

	"github.com/retainlab/retain/data"
)

// expectedValue fills r's Expected (or ExpectedLevel) for column ci from
// out, the members' mean reconstruction of the row's inputs: the value the
// other columns lead the networks to expect, in the column's own units. A
// numeric or boolean input goes back through the rank-gauss transform
// (clamped to the range it was fitted on) and the pipeline's scaling and
// log(1+v), then is clamped to the column's training range and rounded to a
// whole number when every value of the column is one; a categorical
// column's expected level is the one whose one-hot output is largest.
func (res *Result) expectedValue(r *Reason, ci int, out []float64) {
	run := res.run
	pc := &run.Pipeline.Columns[ci]
	if pc.Kind == data.Categorical {
		best := math.Inf(-1)
		for j := pc.First; j < pc.First+pc.Width; j++ {
			if o := run.Pipeline.Outputs[j]; o.Level != "" && out[j] > best {
				best, r.ExpectedLevel = out[j], o.Level
			}
		}
		return
	}
	z := out[pc.First]
	if run.gauss != nil && run.gauss[pc.First] != nil {
		g := run.gauss[pc.First]
		z = g.invert(z)
	}
	v := pc.Original(z)
	if pc.Max >= pc.Min {
		v = min(max(v, pc.Min), pc.Max)
	}
	r.Whole, r.Year = res.Typical[ci].Whole, res.Typical[ci].Year
	r.Expected = v
	r.ExpectedLevel = booleanLevel(pc, v)
}

// meanOutputs is the members' mean reconstruction of x.
func (r *Run) meanOutputs(x []float64) (mean []float64, outs [][]float64) {
	outs = make([][]float64, len(r.members))
	mean = make([]float64, len(x))
	for i, m := range r.members {
		outs[i] = m.net.Predict(x)
		for j, o := range outs[i] {
			mean[j] += o / float64(len(r.members))
		}
	}
	return mean, outs
}
