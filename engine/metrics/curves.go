package metrics

import "slices"

// ROC holds the points of a receiver operating characteristic curve, as
// scikit-learn's roc_curve returns them with drop_intermediate=False: one
// point per distinct score, thresholds decreasing, and a first point (0, 0)
// whose threshold is the highest score plus 1 (the scikit-learn 1.2
// convention; later versions use +Inf, which JSON cannot carry). Point k
// predicts positive every row with score >= Thresholds[k].
type ROC struct {
	FPR        []float64 `json:"fpr"`
	TPR        []float64 `json:"tpr"`
	Thresholds []float64 `json:"thresholds"`
}

// PrecisionRecall holds the points of a precision–recall curve, as
// scikit-learn 1.2's precision_recall_curve returns them: thresholds are the
// distinct scores in increasing order, Precision[k] and Recall[k] belong to
// Thresholds[k], and one last point (precision 1, recall 0) with no
// threshold closes the curve, so Precision and Recall are one longer than
// Thresholds.
type PrecisionRecall struct {
	Precision  []float64 `json:"precision"`
	Recall     []float64 `json:"recall"`
	Thresholds []float64 `json:"thresholds"`
}

// ROCCurve returns the ROC curve of scores against labels with optional
// sample weights (nil means all 1). Unlike scikit-learn, which warns and
// returns NaN rates, it returns ErrOneClass when either class is missing.
func ROCCurve(scores, labels, weights []float64) (ROC, error) {
	pairs, pos, neg, err := sortedPairs(scores, labels, weights)
	if err != nil {
		return ROC{}, err
	}
	if pos == 0 || neg == 0 {
		return ROC{}, oneClassError(pos, neg)
	}
	curve := ROC{
		FPR:        []float64{0},
		TPR:        []float64{0},
		Thresholds: []float64{pairs[0].score + 1},
	}
	for c := range cuts(pairs) {
		curve.FPR = append(curve.FPR, c.fp/neg)
		curve.TPR = append(curve.TPR, c.tp/pos)
		curve.Thresholds = append(curve.Thresholds, c.score)
	}
	return curve, nil
}

// PrecisionRecallCurve returns the precision–recall curve of scores against
// labels with optional sample weights (nil means all 1). Recall is undefined
// without positives, so it returns ErrOneClass then (scikit-learn instead
// warns and sets recall to 1); rows with no negatives are fine.
func PrecisionRecallCurve(scores, labels, weights []float64) (PrecisionRecall, error) {
	pairs, pos, neg, err := sortedPairs(scores, labels, weights)
	if err != nil {
		return PrecisionRecall{}, err
	}
	if pos == 0 {
		return PrecisionRecall{}, oneClassError(pos, neg)
	}
	var curve PrecisionRecall
	for c := range cuts(pairs) {
		curve.Precision = append(curve.Precision, c.tp/(c.tp+c.fp))
		curve.Recall = append(curve.Recall, c.tp/pos)
		curve.Thresholds = append(curve.Thresholds, c.score)
	}
	// Built from the highest threshold down; scikit-learn orders by
	// increasing threshold.
	slices.Reverse(curve.Precision)
	slices.Reverse(curve.Recall)
	slices.Reverse(curve.Thresholds)
	curve.Precision = append(curve.Precision, 1)
	curve.Recall = append(curve.Recall, 0)
	return curve, nil
}

// AveragePrecision returns scikit-learn's average_precision_score: the
// step-wise integral of the precision–recall curve, the sum over distinct
// thresholds of (R_k − R_{k−1})·P_k, without interpolation. It needs both
// classes and returns ErrOneClass otherwise (with no negatives the value
// would trivially be 1, which says nothing about the model).
func AveragePrecision(scores, labels, weights []float64) (float64, error) {
	pairs, pos, neg, err := sortedPairs(scores, labels, weights)
	if err != nil {
		return 0, err
	}
	return averagePrecisionSorted(pairs, pos, neg)
}

// averagePrecisionSorted computes AveragePrecision on sorted pairs.
func averagePrecisionSorted(pairs []pair, pos, neg float64) (float64, error) {
	if pos == 0 || neg == 0 {
		return 0, oneClassError(pos, neg)
	}
	var ap float64
	for c := range cuts(pairs) {
		if c.pos > 0 {
			ap += (c.pos / pos) * (c.tp / (c.tp + c.fp))
		}
	}
	return ap, nil
}
