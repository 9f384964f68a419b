package metrics

import (
	"fmt"
	"math"
	"slices"
)

// logitClip bounds the probabilities Platt scaling reads through the logit,
// so a saturated network output of exactly 0 or 1 gives a finite ±27.6.
const logitClip = 1e-12

// Logit returns ln(p/(1−p)) with p clipped to [1e−12, 1−1e−12].
func Logit(p float64) float64 {
	p = min(max(p, logitClip), 1-logitClip)
	return math.Log(p / (1 - p))
}

// Platt is a fitted Platt scaling: the calibrated probability of a raw
// probability p is 1/(1+exp(A·logit(p)+B)), scikit-learn's sign
// convention (A is negative for a model that ranks the right way).
type Platt struct {
	A float64 `json:"a"`
	B float64 `json:"b"`
}

// Apply returns the calibrated probability of a raw probability.
func (m Platt) Apply(p float64) float64 {
	return sigmoid(-(m.A*Logit(p) + m.B))
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

// FitPlatt fits Platt scaling on the logits of probs against 0/1 labels,
// minimising the same objective as scikit-learn 1.2's _SigmoidCalibration:
// the cross-entropy against Platt's smoothed targets (N₊+1)/(N₊+2) for a
// positive and 1/(N₋+2) for a negative, started from A = 0,
// B = ln((N₋+1)/(N₊+1)). The objective is convex; Newton's method with a
// halving line search runs it to convergence, where scikit-learn stops
// BFGS at a gradient of 1e−5. It needs both classes.
func FitPlatt(probs, labels []float64) (Platt, error) {
	if err := validateProbabilities(probs, labels, nil); err != nil {
		return Platt{}, err
	}
	var pos float64
	for _, y := range labels {
		pos += y
	}
	neg := float64(len(labels)) - pos
	if pos == 0 || neg == 0 {
		return Platt{}, fmt.Errorf("%w: Platt scaling on %d rows with %g positives", ErrOneClass, len(labels), pos)
	}
	f := make([]float64, len(probs))
	t := make([]float64, len(probs))
	hi, lo := (pos+1)/(pos+2), 1/(neg+2)
	for i, p := range probs {
		f[i] = Logit(p)
		t[i] = lo
		if labels[i] == 1 {
			t[i] = hi
		}
	}
	loss := func(a, b float64) float64 {
		var s float64
		for i := range f {
			z := a*f[i] + b
			// −T·log σ(−z) − (1−T)·log σ(z), written without overflow.
			s += t[i]*softplus(z) + (1-t[i])*softplus(-z)
		}
		return s
	}
	a, b := 0.0, math.Log((neg+1)/(pos+1))
	cur := loss(a, b)
	for range 100 {
		var ga, gb, haa, hab, hbb float64
		for i := range f {
			p := sigmoid(-(a*f[i] + b))
			d := t[i] - p
			w := p * (1 - p)
			ga += d * f[i]
			gb += d
			haa += w * f[i] * f[i]
			hab += w * f[i]
			hbb += w
		}
		if math.Abs(ga)+math.Abs(gb) < 1e-10*float64(len(f)) {
			break
		}
		ridge := 1e-12 * (haa + hbb + 1)
		haa, hbb = haa+ridge, hbb+ridge
		det := haa*hbb - hab*hab
		da, db := (hbb*ga-hab*gb)/det, (haa*gb-hab*ga)/det
		step, improved := 1.0, false
		for range 60 {
			na, nb := a-step*da, b-step*db
			if l := loss(na, nb); l <= cur {
				a, b, cur, improved = na, nb, l, true
				break
			}
			step /= 2
		}
		if !improved {
			break
		}
	}
	return Platt{A: a, B: b}, nil
}

// softplus is log(1+e^z) without overflow.
func softplus(z float64) float64 {
	if z > 0 {
		return z + math.Log1p(math.Exp(-z))
	}
	return math.Log1p(math.Exp(z))
}

// Isotonic is a fitted isotonic regression: a non-decreasing, piecewise
// linear map through the points (X[i], Y[i]), X strictly increasing, and
// constant beyond its ends (scikit-learn's out_of_bounds="clip").
type Isotonic struct {
	X []float64 `json:"x"`
	Y []float64 `json:"y"`
}

// Apply returns the calibrated probability of a raw probability: numpy's
// interp of p through the points, clipped to the end values outside them.
func (m Isotonic) Apply(p float64) float64 {
	n := len(m.X)
	switch {
	case n == 0:
		return p
	case p <= m.X[0]:
		return m.Y[0]
	case p >= m.X[n-1]:
		return m.Y[n-1]
	}
	j, _ := slices.BinarySearch(m.X, p) // X[j-1] < p ≤ X[j]
	x0, x1, y0, y1 := m.X[j-1], m.X[j], m.Y[j-1], m.Y[j]
	return y0 + (p-x0)*(y1-y0)/(x1-x0)
}

// FitIsotonic fits a non-decreasing map from probs to 0/1 labels by
// pool-adjacent-violators, as scikit-learn 1.2's
// IsotonicRegression(out_of_bounds="clip") does: equal probabilities are
// merged first (their labels averaged, their counts as weights), then
// adjacent blocks that decrease are pooled into their weighted mean. Only
// the ends of each constant run are kept, which interpolates the same.
func FitIsotonic(probs, labels []float64) (Isotonic, error) {
	if err := validateProbabilities(probs, labels, nil); err != nil {
		return Isotonic{}, err
	}
	idx := make([]int, len(probs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(i, j int) int { return cmpFloat(probs[i], probs[j]) })
	// Unique x with mean label and count as weight.
	var xs, ys, ws []float64
	for _, i := range idx {
		if n := len(xs); n > 0 && xs[n-1] == probs[i] {
			ys[n-1] += labels[i]
			ws[n-1]++
			continue
		}
		xs, ys, ws = append(xs, probs[i]), append(ys, labels[i]), append(ws, 1)
	}
	for i := range ys {
		ys[i] /= ws[i]
	}
	// Pool adjacent violators over blocks: value, weight and the index of
	// the block's first point.
	type block struct {
		v, w  float64
		start int
	}
	blocks := make([]block, 0, len(xs))
	for i := range xs {
		blocks = append(blocks, block{ys[i], ws[i], i})
		for n := len(blocks); n > 1 && blocks[n-2].v >= blocks[n-1].v; n = len(blocks) {
			a, b := blocks[n-2], blocks[n-1]
			w := a.w + b.w
			blocks[n-2] = block{(a.v*a.w + b.v*b.w) / w, w, a.start}
			blocks = blocks[:n-1]
		}
	}
	fit := make([]float64, len(xs))
	for k, bl := range blocks {
		end := len(xs)
		if k+1 < len(blocks) {
			end = blocks[k+1].start
		}
		for i := bl.start; i < end; i++ {
			fit[i] = bl.v
		}
	}
	m := Isotonic{}
	for i := range xs {
		inner := i > 0 && i < len(xs)-1
		if inner && fit[i-1] == fit[i] && fit[i] == fit[i+1] {
			continue
		}
		m.X, m.Y = append(m.X, xs[i]), append(m.Y, fit[i])
	}
	return m, nil
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// ECEBins is the number of equal-width bins of ExpectedCalibrationError.
const ECEBins = 10

// ExpectedCalibrationError is Σ_b (n_b/N)·|mean predicted_b − observed
// rate_b| over ECEBins equal-width bins of [0, 1] (Calibration's bins),
// each bin weighted by its count of rows.
func ExpectedCalibrationError(probs, labels []float64) (float64, error) {
	bins, err := Calibration(probs, labels, nil, ECEBins)
	if err != nil {
		return 0, err
	}
	return ECEOfBins(bins), nil
}

// ECEOfBins is the expected calibration error of a calibration table: the
// count-weighted mean gap between predicted and observed rates.
func ECEOfBins(bins []CalibrationBin) float64 {
	var sum float64
	var n int
	for _, b := range bins {
		sum += float64(b.Count) * math.Abs(b.MeanPredicted-b.ObservedRate)
		n += b.Count
	}
	return ratio(sum, float64(n))
}
