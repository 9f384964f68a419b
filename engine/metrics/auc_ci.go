package metrics

import "math"

// Interval is a two-sided confidence interval of a metric.
type Interval struct {
	Low  float64 `json:"low"`
	High float64 `json:"high"`
	// Level is the coverage, 0.95 for a 95 % interval.
	Level float64 `json:"level"`
	// Method names how it was computed ("DeLong").
	Method string `json:"method"`
}

// z95 is the standard normal quantile of 0.975.
const z95 = 1.959963984540054

// AUCInterval returns the 95 % confidence interval of the ROC AUC of scores
// against labels by DeLong, DeLong & Clarke-Pearson (1988): the variance of
// the AUC is S10/m + S01/n, where S10 is the sample variance over the m
// positives of the share of negatives each outranks (ties counting half)
// and S01 that over the n negatives of the share of positives that outrank
// each; the interval is AUC ± 1.96·√variance, clipped to [0, 1] as R's
// pROC::ci.auc does. Weights (nil means all 1) count as frequencies. It
// returns ErrOneClass when a class is missing and ok false when a class has
// fewer than two rows (no variance to estimate).
func AUCInterval(scores, labels, weights []float64) (iv Interval, ok bool, err error) {
	if err := validate(scores, labels, weights); err != nil {
		return Interval{}, false, err
	}
	pairs := appendPairs(make([]pair, 0, len(scores)), scores, labels, weights)
	sortDescending(pairs)
	return aucIntervalSorted(pairs)
}

// aucIntervalSorted is AUCInterval on pairs sorted by decreasing score.
func aucIntervalSorted(pairs []pair) (Interval, bool, error) {
	pos, neg := classTotals(pairs)
	if pos == 0 || neg == 0 {
		return Interval{}, false, oneClassError(pos, neg)
	}
	if pos < 2 || neg < 2 {
		return Interval{}, false, nil
	}
	// One sweep from the top: a positive's component is the negative
	// weight below it plus half that tied with it, over neg; a negative's
	// is the positive weight above it plus half that tied, over pos.
	var posAbove, negAbove, s10, ss10, s01, ss01 float64
	for i := 0; i < len(pairs); {
		var g group
		g, i = nextGroup(pairs, i)
		if g.pos > 0 {
			v := (neg - negAbove - g.neg + g.neg/2) / neg
			s10 += g.pos * v
			ss10 += g.pos * v * v
		}
		if g.neg > 0 {
			v := (posAbove + g.pos/2) / pos
			s01 += g.neg * v
			ss01 += g.neg * v * v
		}
		posAbove += g.pos
		negAbove += g.neg
	}
	auc := s10 / pos
	var10 := max(ss10-s10*s10/pos, 0) / (pos - 1)
	var01 := max(ss01-s01*s01/neg, 0) / (neg - 1)
	half := z95 * math.Sqrt(var10/pos+var01/neg)
	return Interval{Low: max(auc-half, 0), High: min(auc+half, 1), Level: 0.95, Method: "DeLong"}, true, nil
}
