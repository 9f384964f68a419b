package metrics

import (
	"fmt"
	"math"
)

// Confusion is the confusion matrix at one threshold. Entries are sums of
// sample weights, which are plain counts when no weights are given.
type Confusion struct {
	TN float64 `json:"tn"`
	FP float64 `json:"fp"`
	FN float64 `json:"fn"`
	TP float64 `json:"tp"`
}

// Accuracy returns the share of rows classified correctly.
func (c Confusion) Accuracy() float64 {
	return ratio(c.TP+c.TN, c.TP+c.TN+c.FP+c.FN)
}

// Precision returns TP / (TP + FP), or 0 when nothing is predicted positive
// (scikit-learn's zero_division default).
func (c Confusion) Precision() float64 {
	return ratio(c.TP, c.TP+c.FP)
}

// Recall returns TP / (TP + FN), or 0 when there are no positives
// (scikit-learn's zero_division default).
func (c Confusion) Recall() float64 {
	return ratio(c.TP, c.TP+c.FN)
}

// F1 returns the harmonic mean of precision and recall, computed as
// 2TP / (2TP + FP + FN), or 0 when that is 0/0.
func (c Confusion) F1() float64 {
	return ratio(2*c.TP, 2*c.TP+c.FP+c.FN)
}

// FalsePositiveRate returns FP / (FP + TN), the x of a ROC curve's point,
// or 0 when there are no negatives.
func (c Confusion) FalsePositiveRate() float64 {
	return ratio(c.FP, c.FP+c.TN)
}

// TruePositiveRate returns TP / (TP + FN), the y of a ROC curve's point: the
// recall under its ROC name.
func (c Confusion) TruePositiveRate() float64 { return c.Recall() }

// Total returns the (weighted) number of rows.
func (c Confusion) Total() float64 { return c.TN + c.FP + c.FN + c.TP }

// PredictedPositive returns the (weighted) number of rows predicted
// positive: the users a campaign would contact.
func (c Confusion) PredictedPositive() float64 { return c.TP + c.FP }

// PredictedPositiveRate returns the share of rows predicted positive, or 0
// for an empty matrix.
func (c Confusion) PredictedPositiveRate() float64 {
	return ratio(c.TP+c.FP, c.Total())
}

// ratio divides, answering 0 for 0/0 so degenerate matrices never yield NaN.
func ratio(num, den float64) float64 {
	if den == 0 {
		return 0
	}
	return num / den
}

// ConfusionAt returns the confusion matrix of scores against labels when
// every row with score >= threshold is predicted positive, with optional
// sample weights (nil means all 1). A NaN threshold is an ErrArgument.
func ConfusionAt(scores, labels, weights []float64, threshold float64) (Confusion, error) {
	if math.IsNaN(threshold) {
		return Confusion{}, fmt.Errorf("%w: threshold is NaN", ErrArgument)
	}
	if err := validate(scores, labels, weights); err != nil {
		return Confusion{}, err
	}
	var c Confusion
	for i, s := range scores {
		w := weightAt(weights, i)
		switch positive := s >= threshold; {
		case positive && labels[i] == 1:
			c.TP += w
		case positive:
			c.FP += w
		case labels[i] == 1:
			c.FN += w
		default:
			c.TN += w
		}
	}
	return c, nil
}

// Accuracy returns the (weighted) share of rows whose prediction at the
// threshold matches the label; see ConfusionAt.
func Accuracy(scores, labels, weights []float64, threshold float64) (float64, error) {
	c, err := ConfusionAt(scores, labels, weights, threshold)
	return c.Accuracy(), err
}

// Precision returns the precision at the threshold; see ConfusionAt and
// Confusion.Precision.
func Precision(scores, labels, weights []float64, threshold float64) (float64, error) {
	c, err := ConfusionAt(scores, labels, weights, threshold)
	return c.Precision(), err
}

// Recall returns the recall at the threshold; see ConfusionAt and
// Confusion.Recall.
func Recall(scores, labels, weights []float64, threshold float64) (float64, error) {
	c, err := ConfusionAt(scores, labels, weights, threshold)
	return c.Recall(), err
}

// F1 returns the F1 score at the threshold; see ConfusionAt and Confusion.F1.
func F1(scores, labels, weights []float64, threshold float64) (float64, error) {
	c, err := ConfusionAt(scores, labels, weights, threshold)
	return c.F1(), err
}

// OperatingPoint is a threshold chosen by a threshold tool together with
// the rates it yields (rows with score >= Threshold predicted positive).
type OperatingPoint struct {
	Threshold float64 `json:"threshold"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// BestF1Threshold returns the threshold, among the distinct scores, whose
// F1 is highest; on equal F1 it keeps the highest threshold, which flags
// the fewest rows. It needs at least one positive (F1 is 0 everywhere
// otherwise) and returns ErrOneClass without.
func BestF1Threshold(scores, labels, weights []float64) (OperatingPoint, error) {
	pairs, pos, neg, err := sortedPairs(scores, labels, weights)
	if err != nil {
		return OperatingPoint{}, err
	}
	return bestF1Sorted(pairs, pos, neg)
}

// bestF1Sorted computes BestF1Threshold on sorted pairs.
func bestF1Sorted(pairs []pair, pos, neg float64) (OperatingPoint, error) {
	if pos == 0 {
		return OperatingPoint{}, oneClassError(pos, neg)
	}
	best := OperatingPoint{F1: -1}
	for c := range cuts(pairs) {
		if f1 := 2 * c.tp / (c.tp + c.fp + pos); f1 > best.F1 {
			best = operatingPoint(c.score, c.tp, c.fp, pos)
		}
	}
	return best, nil
}

// ThresholdForRecall returns the highest threshold, among the distinct
// scores, whose recall is at least targetRecall, which must lie in (0, 1].
// This is the strictest rule that still finds that share of the positives.
// It returns ErrOneClass without positives.
func ThresholdForRecall(scores, labels, weights []float64, targetRecall float64) (OperatingPoint, error) {
	if !(targetRecall > 0 && targetRecall <= 1) {
		return OperatingPoint{}, fmt.Errorf("%w: target recall %v is not in (0, 1]", ErrArgument, targetRecall)
	}
	pairs, pos, neg, err := sortedPairs(scores, labels, weights)
	if err != nil {
		return OperatingPoint{}, err
	}
	if pos == 0 {
		return OperatingPoint{}, oneClassError(pos, neg)
	}
	// tp accumulates in the order classTotals used, so at the lowest
	// threshold tp == pos exactly and a target of 1 is always met.
	for c := range cuts(pairs) {
		if c.tp/pos >= targetRecall {
			return operatingPoint(c.score, c.tp, c.fp, pos), nil
		}
	}
	panic("metrics: recall never reached 1") // unreachable: see above
}

// operatingPoint fills the rates at a threshold from cumulative sums.
func operatingPoint(threshold, tp, fp, pos float64) OperatingPoint {
	return OperatingPoint{
		Threshold: threshold,
		Precision: tp / (tp + fp),
		Recall:    tp / pos,
		F1:        2 * tp / (tp + fp + pos),
	}
}
