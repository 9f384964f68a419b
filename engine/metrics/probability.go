package metrics

import (
	"fmt"
	"math"
)

// logLossEpsilon is the clipping bound of scikit-learn 1.2's log_loss
// (eps="auto", the float64 machine epsilon): probabilities are clipped to
// [ε, 1−ε] so a confident mistake costs about 36 nats instead of +Inf.
const logLossEpsilon = 0x1p-52

// LogLoss returns the (weighted) mean binary cross-entropy of probabilities
// against labels, with probabilities clipped to [ε, 1−ε], ε = 2.22e-16, as
// scikit-learn 1.2 clips them. Probabilities outside [0, 1] are an
// ErrProbability (scikit-learn would silently clip them). Unlike
// scikit-learn it accepts labels of a single class: the loss is still
// well defined.
func LogLoss(probs, labels, weights []float64) (float64, error) {
	if err := validateProbabilities(probs, labels, weights); err != nil {
		return 0, err
	}
	var loss, total float64
	for i, p := range probs {
		p = min(max(p, logLossEpsilon), 1-logLossEpsilon)
		w := weightAt(weights, i)
		if labels[i] == 1 {
			loss -= w * math.Log(p)
		} else {
			loss -= w * math.Log(1-p)
		}
		total += w
	}
	return loss / total, nil
}

// BrierScore returns the (weighted) mean squared difference between
// probabilities and labels, scikit-learn's brier_score_loss. Probabilities
// outside [0, 1] are an ErrProbability.
func BrierScore(probs, labels, weights []float64) (float64, error) {
	if err := validateProbabilities(probs, labels, weights); err != nil {
		return 0, err
	}
	var sum, total float64
	for i, p := range probs {
		w := weightAt(weights, i)
		d := p - labels[i]
		sum += w * d * d
		total += w
	}
	return sum / total, nil
}

// CalibrationBin is one row of a calibration table: the rows whose
// predicted probability falls in (Lower, Upper] (the first bin also holds
// exactly 0). Empty bins have Count 0 and zero means rather than NaN.
type CalibrationBin struct {
	Lower float64 `json:"lower"`
	Upper float64 `json:"upper"`
	// MeanPredicted is the (weighted) mean predicted probability in the bin.
	MeanPredicted float64 `json:"mean_predicted"`
	// ObservedRate is the (weighted) share of positives in the bin.
	ObservedRate float64 `json:"observed_rate"`
	// Count is the number of rows in the bin (zero-weight rows excluded).
	Count int `json:"count"`
}

// Calibration returns a calibration table of probabilities against labels
// with the given number of equal-width bins over [0, 1] (10 is the usual
// choice) and optional sample weights (nil means all 1). Bin edges and
// their closed-on-the-right assignment follow scikit-learn 1.2's
// calibration_curve(strategy="uniform"), which reports the same means for
// the non-empty bins; here every bin is reported.
func Calibration(probs, labels, weights []float64, bins int) ([]CalibrationBin, error) {
	if bins < 1 {
		return nil, fmt.Errorf("%w: %d calibration bins (need at least 1)", ErrArgument, bins)
	}
	if err := validateProbabilities(probs, labels, weights); err != nil {
		return nil, err
	}
	table := make([]CalibrationBin, bins)
	weightSums := make([]float64, bins)
	for b := range table {
		table[b].Lower = binEdge(b, bins)
		table[b].Upper = binEdge(b+1, bins)
	}
	for i, p := range probs {
		w := weightAt(weights, i)
		if w == 0 {
			continue
		}
		b := binOf(p, bins)
		table[b].MeanPredicted += w * p
		table[b].ObservedRate += w * labels[i]
		table[b].Count++
		weightSums[b] += w
	}
	for b := range table {
		table[b].MeanPredicted = ratio(table[b].MeanPredicted, weightSums[b])
		table[b].ObservedRate = ratio(table[b].ObservedRate, weightSums[b])
	}
	return table, nil
}

// binEdge returns edge k of bins equal-width bins, computed as numpy's
// linspace computes it (k·(1/bins), last edge exactly 1) so that a
// probability lying on an edge lands in the same bin as in scikit-learn.
func binEdge(k, bins int) float64 {
	if k == bins {
		return 1
	}
	return float64(k) * (1 / float64(bins))
}

// binOf returns the bin of p: the number of interior edges strictly below
// p, i.e. numpy's searchsorted(edges[1:-1], p, side="left").
func binOf(p float64, bins int) int {
	b := min(max(int(p*float64(bins)), 0), bins-1)
	// The product can round across an edge; step to the exact bin.
	for b > 0 && p <= binEdge(b, bins) {
		b--
	}
	for b < bins-1 && p > binEdge(b+1, bins) {
		b++
	}
	return b
}
