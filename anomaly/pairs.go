package anomaly

import (
	"math"

	"github.com/retainlab/retain/data"
)

// The networks summarise each user by one number (the one-unit bottleneck,
// see DefaultHidden), so a user whose two strongly related columns
// disagree — 400 product pages viewed in 0 seconds, where pages and time
// on them rise together in every other user — is reconstructed only as
// badly as the compromise that one number allows (review 28: planted click
// bots ranked 93–174 on Online Shoppers). The joint component below asks
// each strongly related pair of numeric inputs on its own.

// pairCorrelation is the smallest |correlation| between two rank-gauss
// inputs for the pair to be checked: the two share at least a quarter of
// their variance, so that one tells something about the other.
const pairCorrelation = 0.5

// pairCheck is a strongly related pair of rank-gauss inputs: inputs a and
// b (of pipeline columns ca and cb) with correlation rho on the fit rows.
type pairCheck struct {
	a, b, ca, cb int
	rho          float64
}

// residual2 is how far the pair (x, y) lies from the pair's joint law, as
// the smaller of the two squared standardised residuals of one input
// given the other under a bivariate normal of correlation rho: 0 when
// either explains the other, large only when both disagree with each other
// (a rare value that the other input predicts is no disagreement).
func (p pairCheck) residual2(x, y float64) float64 {
	s2 := 1 - p.rho*p.rho
	r1 := y - p.rho*x
	r2 := x - p.rho*y
	return min(r1*r1, r2*r2) / s2
}

// fitPairs returns the pairs of rank-gauss inputs (gauss not nil) whose
// correlation on the rows of x (rows × width; at most rangeSample of them,
// every k-th, so that the pairs do not depend on the seed) is at least
// pairCorrelation in size, rows with a missing cell in either column left
// out. ranges is nil-safe; missing marks each pipeline column's missing
// cells (nil for a column without).
func fitPairs(x []float64, width int, gauss []*rankGauss, p *data.Pipeline, missing [][]bool) []pairCheck {
	rows := len(x) / max(1, width)
	stride := max(1, (rows+rangeSample-1)/rangeSample)
	var inputs []int
	for j, g := range gauss {
		if g != nil {
			inputs = append(inputs, j)
		}
	}
	var pairs []pairCheck
	for ia, a := range inputs {
		for _, b := range inputs[ia+1:] {
			ca, cb := p.Outputs[a].Input, p.Outputs[b].Input
			if ca == cb {
				continue
			}
			var n, sa, sb, saa, sbb, sab float64
			for i := 0; i < rows; i += stride {
				if isMissing(missing, ca, i) || isMissing(missing, cb, i) {
					continue
				}
				u, v := x[i*width+a], x[i*width+b]
				n++
				sa, sb, saa, sbb, sab = sa+u, sb+v, saa+u*u, sbb+v*v, sab+u*v
			}
			if n < 2 {
				continue
			}
			va, vb := saa/n-sa/n*sa/n, sbb/n-sb/n*sb/n
			if va <= 0 || vb <= 0 {
				continue
			}
			rho := (sab/n - sa/n*sb/n) / math.Sqrt(va*vb)
			if math.Abs(rho) >= pairCorrelation && math.Abs(rho) < 1 {
				pairs = append(pairs, pairCheck{a: a, b: b, ca: ca, cb: cb, rho: rho})
			}
		}
	}
	return pairs
}

// isMissing reports whether pipeline column c's cell of row i is missing.
func isMissing(missing [][]bool, c, i int) bool {
	return missing != nil && missing[c] != nil && missing[c][i]
}

// missingCells marks each pipeline column's missing cells in t (nil for a
// column with none).
func missingCells(t *data.Table, p *data.Pipeline) [][]bool {
	out := make([][]bool, len(p.Columns))
	for ci, pc := range p.Columns {
		c := t.Column(pc.Name)
		if c == nil || c.Values == nil {
			continue
		}
		for i, v := range c.Values {
			if math.IsNaN(v) {
				if out[ci] == nil {
					out[ci] = make([]bool, t.Rows)
				}
				out[ci][i] = true
			}
		}
	}
	return out
}

// pairScores returns each row's largest residual2 over the pairs and the
// index of that pair (−1 when no pair applies), rows with a missing cell
// in a pair's column left out of that pair.
func pairScores(x []float64, width int, pairs []pairCheck, missing [][]bool) ([]float64, []int) {
	rows := len(x) / max(1, width)
	score := make([]float64, rows)
	which := make([]int, rows)
	for i := range which {
		which[i] = -1
	}
	for k, pc := range pairs {
		for i := range rows {
			if isMissing(missing, pc.ca, i) || isMissing(missing, pc.cb, i) {
				continue
			}
			if r := pc.residual2(x[i*width+pc.a], x[i*width+pc.b]); r > score[i] {
				score[i], which[i] = r, k
			}
		}
	}
	return score, which
}

// binaryWeights returns the factor each 0/1 input's weight in the score is
// multiplied by (1 for the other inputs; all 1 without rank-gauss inputs):
// a rank-gauss input's most extreme value weighs about Φ⁻¹(q)² (about 8 for
// the rarest 1 % of users), while a 0/1 input's rarer value, divided by the
// input's mean squared error, weighs about 1/p for a share p (143 for the
// 85 of 12,330 Online Shoppers sessions of VisitorType Other, which led
// every ranking). The factor puts the 0/1 input on the rank-gauss scale:
// the squared distance between its two values as the rank-gauss transform
// would place them (Φ⁻¹ of each value's mid-rank share), times the input's
// variance p(1−p), relative to the same for a balanced input (p = ½: 1).
// It is 0.11 for p = 0.69 %, 0.15 for 1 % and 0.62 for 10 %.
func binaryWeights(x []float64, width int, rows []int, gauss []*rankGauss) []float64 {
	f := make([]float64, width)
	for j := range f {
		f[j] = 1
	}
	if gauss == nil || len(rows) == 0 {
		return f
	}
	for j := range width {
		if gauss[j] != nil {
			continue
		}
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, i := range rows {
			lo, hi = min(lo, x[i*width+j]), max(hi, x[i*width+j])
		}
		if !(hi > lo) {
			continue
		}
		n := 0
		for _, i := range rows {
			if x[i*width+j] > (lo+hi)/2 {
				n++
			}
		}
		p := float64(n) / float64(len(rows))
		f[j] = rarityScale(min(p, 1-p)) / rarityScale(0.5)
	}
	return f
}

// rarityScale is (Φ⁻¹(1−p/2) − Φ⁻¹((1−p)/2))²·p(1−p) for the share p of a
// 0/1 input's rarer value (see binaryWeights).
func rarityScale(p float64) float64 {
	if p <= 0 {
		return 0
	}
	d := normalQuantile(1-p/2) - normalQuantile((1-p)/2)
	return d * d * p * (1 - p)
}
