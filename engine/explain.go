package engine

import (
	"errors"
	"fmt"
	"math/rand/v2"

	"github.com/retainlab/retain/engine/internal/kernel"
	"github.com/retainlab/retain/engine/metrics"
	"gonum.org/v1/gonum/stat"
)

// ErrSteps is returned for an integrated-gradients step count below 1.
var ErrSteps = errors.New("integrated gradients needs at least 1 step")

// Attribution is the integrated-gradients explanation of one output for one
// input: Values[i] is input i's share of Output − BaselineOutput.
type Attribution struct {
	Values         []float64
	Steps          int     // integration points used (linear pieces on the exact path)
	Output         float64 // f(x), the model's output for the input
	BaselineOutput float64 // f(baseline)
}

// Completeness returns Σ Values − (Output − BaselineOutput); integrated
// gradients makes it zero up to the integration error.
func (a Attribution) Completeness() float64 {
	s := 0.0
	for _, v := range a.Values {
		s += v
	}
	return s - (a.Output - a.BaselineOutput)
}

// CompletenessTolerance is the largest |Σ attributions − (f(x) − f(baseline))|
// IntegratedGradients accepts before it refines its integration (up to
// maxIGSteps points), measured in the caller's units when it scales the
// attributions (IntegratedGradientsScaled, BatchIG.SetOutputScale).
const CompletenessTolerance = 1e-4

// singleRows is the pass size of IntegratedGradients: one input's path has
// a few dozen pieces, and the midpoint rule starts at a few dozen points.
const singleRows = 64

// maxIGSteps bounds the refinement of IntegratedGradients.
const maxIGSteps = 1 << 14

// IntegratedGradients attributes output 0 of the network (the probability for
// BCE networks) at x to its inputs, relative to baseline, by integrating the
// gradient along the straight path from baseline to x. When every hidden
// layer is ReLU, leaky ReLU or linear the integral is exact: the path is cut
// where units change side and each linear piece integrated in closed form
// (see explain_exact.go); Steps then counts the pieces. Otherwise it uses the
// midpoint rule, starting with steps points (64 is a good start) and
// doubling them while the completeness error exceeds CompletenessTolerance:
// the path's curvature makes a fixed step count unreliable. It is a BatchIG
// of one input.
func IntegratedGradients(n *Network, x, baseline []float64, steps int) (Attribution, error) {
	return IntegratedGradientsScaled(n, x, baseline, steps, nil)
}

// IntegratedGradientsScaled is IntegratedGradients refined until the
// completeness error, multiplied by scale(Output, BaselineOutput), is
// within CompletenessTolerance: for a caller that reports the attributions
// multiplied by that factor (see BatchIG.SetOutputScale). nil scale: as
// IntegratedGradients.
func IntegratedGradientsScaled(n *Network, x, baseline []float64, steps int, scale func(output, baselineOutput float64) float64) (Attribution, error) {
	in := n.Arch.Inputs
	if len(x) != in || len(baseline) != in {
		return Attribution{}, fmt.Errorf("%w: input %d and baseline %d values, network takes %d", ErrShape, len(x), len(baseline), in)
	}
	if steps < 1 {
		return Attribution{}, ErrSteps
	}
	out := make([]Attribution, 1)
	b := newBatchIG(n, baseline, steps, singleRows)
	b.SetOutputScale(scale)
	if err := b.Explain(out, x); err != nil {
		return Attribution{}, err
	}
	return out[0], nil
}

// InputGradient returns ∂f₀/∂x at x: how output 0 changes with each input.
func InputGradient(n *Network, x []float64) ([]float64, error) {
	if len(x) != n.Arch.Inputs {
		return nil, fmt.Errorf("%w: input has %d values, network takes %d", ErrShape, len(x), n.Arch.Inputs)
	}
	ws := newWorkspace(n, 1)
	copy(ws.x, x)
	return append([]float64(nil), ws.inputGradients(n, 1)...), nil
}

// inputGradients back-propagates ∂output₀/∂z of the output layer down to
// the inputs for the first m rows of ws.x, returning m×Inputs gradients
// (in a buffer owned by ws).
func (ws *workspace) inputGradients(n *Network, m int) []float64 {
	return ws.outputGradients(n, m, n.Arch.Loss == BCE)
}

// outputGradients is inputGradients of output 0 (through the sigmoid when
// sigmoid is set) or of its logit.
func (ws *workspace) outputGradients(n *Network, m int, sigmoid bool) []float64 {
	ws.forward(n, m)
	L := len(n.Layers) - 1
	outs := n.Arch.Outputs
	d := ws.d[L][:m*outs]
	clear(d)
	for r := range m {
		if sigmoid {
			p := ws.a[L][r*outs]
			d[r*outs] = p * (1 - p)
		} else {
			d[r*outs] = 1
		}
	}
	for i := L; i >= 0; i-- {
		l := &n.Layers[i]
		d := ws.d[i][:m*l.Out]
		if i == 0 {
			dx := ws.x[:m*l.In] // the inputs are no longer needed
			kernel.MulNN(dx, d, l.W, m, l.In, l.Out)
			return dx
		}
		dp := ws.d[i-1][:m*l.In]
		kernel.MulNN(dp, d, l.W, m, l.In, l.Out)
		n.Layers[i-1].Activation.backprop(dp, ws.z[i-1][:m*l.In], ws.a[i-1][:m*l.In])
	}
	return nil
}

// Sweep returns output 0 for copies of x whose input feature takes each of
// values in turn (a what-if curve over one input).
func Sweep(n *Network, x []float64, feature int, values []float64) ([]float64, error) {
	in := n.Arch.Inputs
	if len(x) != in || feature < 0 || feature >= in {
		return nil, fmt.Errorf("%w: input %d values, feature %d, network takes %d", ErrShape, len(x), feature, in)
	}
	rows := make([]float64, len(values)*in)
	for k, v := range values {
		copy(rows[k*in:], x)
		rows[k*in+feature] = v
	}
	out := make([]float64, len(values)*n.Arch.Outputs)
	NewPredictor(n).PredictFlat(out, nil, rows, len(values))
	res := make([]float64, len(values))
	for k := range values {
		res[k] = out[k*n.Arch.Outputs]
	}
	return res, nil
}

// Importance is the permutation importance of one group of inputs: the mean
// and standard deviation over repeats of the drop in ROC AUC when the group's
// columns are shuffled together across rows.
type Importance struct {
	Group     int
	Mean, Std float64
}

// PermutationImportance measures, on a labelled set, how much ROC AUC of
// output 0 drops when each group of input columns (e.g. the one-hot columns
// of one original field) is permuted across rows, repeats times each, with
// randomness from rng. The base AUC is returned too.
func PermutationImportance(n *Network, d Dataset, groups [][]int, repeats int, rng *rand.Rand) (base float64, imp []Importance, err error) {
	if d.Rows == 0 || d.Cols != n.Arch.Inputs {
		return 0, nil, fmt.Errorf("%w: %d rows of %d inputs, network takes %d", ErrShape, d.Rows, d.Cols, n.Arch.Inputs)
	}
	repeats = max(repeats, 1)
	labels := make([]float64, d.Rows)
	for i := range labels {
		labels[i] = d.Y[i*d.Outs]
	}
	pred := NewPredictor(n)
	out := make([]float64, d.Rows*n.Arch.Outputs)
	scores := make([]float64, d.Rows)
	var scratch metrics.AUCScratch
	auc := func(x []float64) (float64, error) {
		pred.PredictFlat(out, nil, x, d.Rows)
		for i := range scores {
			scores[i] = out[i*n.Arch.Outputs]
		}
		return scratch.AUC(scores, labels, nil)
	}
	if base, err = auc(d.X); err != nil {
		return 0, nil, err
	}
	x := append([]float64(nil), d.X...)
	perm := make([]int, d.Rows)
	for g, cols := range groups {
		drops := make([]float64, repeats)
		for r := range repeats {
			for i := range perm {
				perm[i] = i
			}
			rng.Shuffle(len(perm), func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
			for i, src := range perm {
				for _, c := range cols {
					x[i*d.Cols+c] = d.X[src*d.Cols+c]
				}
			}
			a, err := auc(x)
			if err != nil {
				return 0, nil, err
			}
			drops[r] = base - a
			for i := range d.Rows { // restore the group's columns
				for _, c := range cols {
					x[i*d.Cols+c] = d.X[i*d.Cols+c]
				}
			}
		}
		mean, std := meanStd(drops)
		imp = append(imp, Importance{Group: g, Mean: mean, Std: std})
	}
	return base, imp, nil
}

// meanStd is the mean and sample standard deviation (n−1) of v; one value
// has no spread.
func meanStd(v []float64) (mean, std float64) {
	if len(v) < 2 {
		return stat.Mean(v, nil), 0
	}
	return stat.MeanStdDev(v, nil)
}
