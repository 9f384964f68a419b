package metrics

import (
	"fmt"
	"math"
)

// ReportBins is the number of calibration bins and gains groups in a Report.
const ReportBins = 10

// Report gathers every metric of a binary classifier on one data set. The
// scalar fields carry scikit-learn's metric names as JSON keys. The O(n)
// curves (ROC, precision–recall) are left out to keep a Report small enough
// to store with a model; compute them with ROCCurve and
// PrecisionRecallCurve.
type Report struct {
	// Rows is the number of rows with non-zero weight.
	Rows int `json:"rows"`
	// Positives and Negatives are the (weighted) class totals.
	Positives float64 `json:"positives"`
	Negatives float64 `json:"negatives"`
	// Threshold is the threshold of the threshold-dependent metrics.
	Threshold float64 `json:"threshold"`

	// ROCAUC is AUC: ranking quality, independent of the threshold.
	ROCAUC float64 `json:"roc_auc"`
	// ROCAUCCI is ROC AUC's 95 % DeLong interval (nil when a class has
	// fewer than two rows); see AUCInterval.
	ROCAUCCI *Interval `json:"roc_auc_ci,omitempty"`
	// AveragePrecision is AveragePrecision: ranking quality on the positives.
	AveragePrecision float64 `json:"average_precision"`
	// LogLoss is LogLoss: how well the probabilities fit.
	LogLoss float64 `json:"log_loss"`
	// BrierScoreLoss is BrierScore: mean squared error of the probabilities.
	BrierScoreLoss float64 `json:"brier_score_loss"`
	// Accuracy, Precision, Recall and F1 are measured at Threshold.
	Accuracy  float64 `json:"accuracy"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`

	// Confusion is the confusion matrix at Threshold.
	Confusion Confusion `json:"confusion_matrix"`
	// BestF1 is the operating point that maximises F1.
	BestF1 OperatingPoint `json:"best_f1"`
	// Calibration has ReportBins equal-width bins.
	Calibration []CalibrationBin `json:"calibration"`
	// Gains has ReportBins groups (deciles).
	Gains []GainsRow `json:"gains"`
}

// NewReport computes a Report of probabilities against labels, with
// optional sample weights (nil means all 1) and the threshold at or above
// which a row is predicted positive. It sorts once for all ranking metrics.
// It fails with the first error any metric reports; in particular both
// classes must be present (ErrOneClass), so every field is a real number.
func NewReport(probs, labels, weights []float64, threshold float64) (Report, error) {
	if math.IsNaN(threshold) {
		return Report{}, fmt.Errorf("%w: threshold is NaN", ErrArgument)
	}
	if err := validateProbabilities(probs, labels, weights); err != nil {
		return Report{}, err
	}
	pairs := appendPairs(make([]pair, 0, len(probs)), probs, labels, weights)
	sortDescending(pairs)
	pos, neg := classTotals(pairs)
	r := Report{Rows: len(pairs), Positives: pos, Negatives: neg, Threshold: threshold}
	var err error
	if r.ROCAUC, err = aucSorted(pairs); err != nil {
		return Report{}, err
	}
	if iv, ok, err := aucIntervalSorted(pairs); err != nil {
		return Report{}, err
	} else if ok {
		r.ROCAUCCI = &iv
	}
	if r.AveragePrecision, err = averagePrecisionSorted(pairs, pos, neg); err != nil {
		return Report{}, err
	}
	if r.BestF1, err = bestF1Sorted(pairs, pos, neg); err != nil {
		return Report{}, err
	}
	if r.Gains, err = gainsSorted(pairs, pos, neg, ReportBins); err != nil {
		return Report{}, err
	}
	// The remaining metrics cannot fail on validated input; their errors are
	// still checked so a future precondition cannot be dropped silently.
	if r.LogLoss, err = LogLoss(probs, labels, weights); err != nil {
		return Report{}, err
	}
	if r.BrierScoreLoss, err = BrierScore(probs, labels, weights); err != nil {
		return Report{}, err
	}
	if r.Confusion, err = ConfusionAt(probs, labels, weights, threshold); err != nil {
		return Report{}, err
	}
	if r.Calibration, err = Calibration(probs, labels, weights, ReportBins); err != nil {
		return Report{}, err
	}
	r.Accuracy = r.Confusion.Accuracy()
	r.Precision = r.Confusion.Precision()
	r.Recall = r.Confusion.Recall()
	r.F1 = r.Confusion.F1()
	return r, nil
}
