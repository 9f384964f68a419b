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
	// MinRows is the fewest rows behind any point: each point is the mean
	// score and the mean label of a block of at least MinRows rows
	// (FitIsotonic). 0 in files written before the rule, whose points are
	// the ends of pool-adjacent-violators' runs: single rows' scores.
	MinRows int `json:"min_rows,omitempty"`
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

// isoBlock is a run of rows sorted by score: the sums of their scores and
// labels, their count and the highest score.
type isoBlock struct {
	sx, sy, n, hi float64
}

func (b isoBlock) mean() float64 { return b.sy / b.n }

// join pools b with the block c just above it.
func (b isoBlock) join(c isoBlock) isoBlock {
	return isoBlock{b.sx + c.sx, b.sy + c.sy, b.n + c.n, max(b.hi, c.hi)}
}

// poolCost is how much pooling b and c raises the squared error of the
// fit: n_b·n_c/(n_b+n_c)·(ȳ_b − ȳ_c)².
func poolCost(b, c isoBlock) float64 {
	d := b.mean() - c.mean()
	return b.n * c.n / (b.n + c.n) * d * d
}

// pav runs pool-adjacent-violators over probs and 0/1 labels, as
// scikit-learn 1.2's IsotonicRegression does: rows of equal probability are
// one point first, then adjacent blocks that do not increase are pooled
// into their weighted mean. The blocks come in order of probability, their
// means strictly increasing.
func pav(probs, labels []float64) []isoBlock {
	idx := make([]int, len(probs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(i, j int) int { return cmpFloat(probs[i], probs[j]) })
	// One point per distinct probability first, then the pooling.
	points := make([]isoBlock, 0, len(probs))
	for _, i := range idx {
		b := isoBlock{probs[i], labels[i], 1, probs[i]}
		if n := len(points); n > 0 && points[n-1].hi == probs[i] {
			points[n-1] = points[n-1].join(b)
			continue
		}
		points = append(points, b)
	}
	blocks := make([]isoBlock, 0, len(points))
	for _, b := range points {
		blocks = append(blocks, b)
		for n := len(blocks); n > 1 && blocks[n-2].mean() >= blocks[n-1].mean(); n = len(blocks) {
			blocks[n-2] = blocks[n-2].join(blocks[n-1])
			blocks = blocks[:n-1]
		}
	}
	return blocks
}

// FitIsotonic fits a non-decreasing map from probs to 0/1 labels in which
// every number comes from at least minRows rows:
//
//  1. pool-adjacent-violators (pav), as scikit-learn 1.2's IsotonicRegression;
//  2. while a block holds fewer than minRows rows, the block with the
//     fewest (the first of them on a tie) is pooled with the neighbour whose
//     pooling raises the squared error least (the lower one on a tie).
//     Pooling two neighbours gives a mean between theirs, so the means stay
//     strictly increasing;
//  3. each block gives one point: the mean of its rows' probabilities and
//     the mean of their labels. Apply interpolates linearly between the
//     points and is constant beyond the first and the last.
//
// No point is one row's score or label, which scikit-learn's breakpoints
// are. It needs at least minRows rows.
func FitIsotonic(probs, labels []float64, minRows int) (Isotonic, error) {
	if err := validateProbabilities(probs, labels, nil); err != nil {
		return Isotonic{}, err
	}
	minRows = max(minRows, 1)
	if len(probs) < minRows {
		return Isotonic{}, fmt.Errorf("isotonic calibration on %d rows: each of its points is the mean of at least %d", len(probs), minRows)
	}
	blocks := pav(probs, labels)
	for len(blocks) > 1 {
		k := -1
		for i, b := range blocks {
			if b.n < float64(minRows) && (k < 0 || b.n < blocks[k].n) {
				k = i
			}
		}
		if k < 0 {
			break
		}
		j := k - 1 // the neighbour to pool with
		if k == 0 || (k+1 < len(blocks) && poolCost(blocks[k], blocks[k+1]) < poolCost(blocks[k-1], blocks[k])) {
			j = k + 1
		}
		lo := min(j, k)
		blocks[lo] = blocks[lo].join(blocks[lo+1])
		blocks = slices.Delete(blocks, lo+1, lo+2)
	}
	// Rounding could make two neighbouring means of scores equal; such
	// blocks are pooled, so that X strictly increases.
	kept := []isoBlock{blocks[0]}
	for _, b := range blocks[1:] {
		if n := len(kept); b.sx/b.n <= kept[n-1].sx/kept[n-1].n {
			kept[n-1] = kept[n-1].join(b)
			continue
		}
		kept = append(kept, b)
	}
	m := Isotonic{MinRows: minRows}
	for _, b := range kept {
		m.X, m.Y = append(m.X, b.sx/b.n), append(m.Y, b.mean())
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
