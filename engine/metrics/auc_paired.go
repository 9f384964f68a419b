package metrics

import (
	"math"
	"sort"
)

// PairedAUC compares the ROC AUCs of two scores of the same rows by
// DeLong, DeLong & Clarke-Pearson (1988): the AUCs are correlated, so the
// variance of their difference uses the covariance of each row's
// structural components under both scores.
type PairedAUC struct {
	// A and B are the two AUCs, Diff = B − A.
	A, B, Diff float64
	// SE is the standard error of Diff, Z = Diff/SE and P the two-sided
	// p-value under the standard normal (1 when SE is 0 and Diff is 0).
	SE, Z, P float64
	// Interval is Diff's 95 % interval, Diff ± 1.96·SE.
	Interval Interval
}

// PairedAUCTest compares scores a and b of the same rows against labels
// (unweighted). The structural component of a positive is the share of
// negatives it outranks (ties half), that of a negative the share of
// positives that outrank it; with S10 and S01 their 2×2 sample covariance
// matrices over the m positives and n negatives, Var(B − A) =
// (S10aa + S10bb − 2·S10ab)/m + (S01aa + S01bb − 2·S01ab)/n. It returns
// ErrOneClass when a class is missing and ok false when a class has fewer
// than two rows.
func PairedAUCTest(a, b, labels []float64) (t PairedAUC, ok bool, err error) {
	if err := validate(a, labels, nil); err != nil {
		return t, false, err
	}
	if err := validate(b, labels, nil); err != nil {
		return t, false, err
	}
	var m, n int
	for _, y := range labels {
		if y == 1 {
			m++
		} else {
			n++
		}
	}
	if m == 0 || n == 0 {
		return t, false, oneClassError(float64(m), float64(n))
	}
	if m < 2 || n < 2 {
		return t, false, nil
	}
	va, vb := components(a, labels, m, n), components(b, labels, m, n)
	var s10, s01 [3]float64 // variance of a, of b, covariance, per class
	t.A, t.B = classMean(va, labels, 1), classMean(vb, labels, 1)
	ma0, mb0 := classMean(va, labels, 0), classMean(vb, labels, 0)
	for i, y := range labels {
		s := &s01
		da, db := va[i]-ma0, vb[i]-mb0
		if y == 1 {
			s = &s10
			da, db = va[i]-t.A, vb[i]-t.B
		}
		s[0] += da * da
		s[1] += db * db
		s[2] += da * db
	}
	v := (s10[0]+s10[1]-2*s10[2])/float64(m*(m-1)) + (s01[0]+s01[1]-2*s01[2])/float64(n*(n-1))
	t.Diff, t.SE = t.B-t.A, math.Sqrt(max(v, 0))
	t.P = 1
	if t.SE > 0 {
		t.Z = t.Diff / t.SE
		t.P = math.Erfc(math.Abs(t.Z) / math.Sqrt2)
	} else if t.Diff != 0 {
		t.Z, t.P = math.Copysign(math.Inf(1), t.Diff), 0
	}
	half := z95 * t.SE
	t.Interval = Interval{Low: t.Diff - half, High: t.Diff + half, Level: 0.95, Method: "DeLong paired"}
	return t, true, nil
}

// components returns each row's structural component of the AUC of
// scores: for a positive the share of the n negatives scored below it
// (ties half), for a negative the share of the m positives scored above
// it (ties half).
func components(scores, labels []float64, m, n int) []float64 {
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(x, y int) bool { return scores[idx[x]] < scores[idx[y]] })
	out := make([]float64, len(scores))
	var posBelow, negBelow float64
	for lo := 0; lo < len(idx); {
		hi := lo
		var pos, neg float64
		for hi < len(idx) && scores[idx[hi]] == scores[idx[lo]] {
			if labels[idx[hi]] == 1 {
				pos++
			} else {
				neg++
			}
			hi++
		}
		for _, r := range idx[lo:hi] {
			if labels[r] == 1 {
				out[r] = (negBelow + neg/2) / float64(n)
			} else {
				out[r] = (float64(m) - posBelow - pos + pos/2) / float64(m)
			}
		}
		posBelow += pos
		negBelow += neg
		lo = hi
	}
	return out
}

// classMean is the mean of v over the rows labelled y.
func classMean(v, labels []float64, y float64) float64 {
	var s, k float64
	for i, l := range labels {
		if l == y {
			s += v[i]
			k++
		}
	}
	return s / k
}
