package metrics

// The small fixture: 12 rows in no particular order, with three ties at 0.4,
// two at 0.8 (one of each class) and two at 0.2. The weighted variant gives
// the only row scored 0.55 weight 0, so scikit-learn drops that threshold.
// Numbers printed by testdata/sklearn_reference.py with scikit-learn 1.2.1:
// roc_auc_score, average_precision_score, log_loss(labels=[0, 1]),
// brier_score_loss, accuracy/precision/recall/f1_score and confusion_matrix
// of (s >= 0.5), roc_curve(drop_intermediate=False), precision_recall_curve,
// calibration_curve(n_bins=10, strategy="uniform"), each with and without
// sample_weight. BestF1 is the argmax of 2PR/(P+R) over the PR curve; the
// recall-0.8 point is the highest PR threshold with recall >= 0.8.
var (
	smallScores  = []float64{0.4, 0.9, 0.2, 0.8, 0.55, 0.4, 0.05, 0.8, 0.3, 0.4, 0.7, 0.2}
	smallLabels  = []float64{1, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0}
	smallWeights = []float64{3, 1, 2, 2, 0, 1, 1, 0.5, 1, 0.25, 1, 1}
)

func references() []reference {
	return []reference{smallReference(), smallWeightedReference(), largeReference(), largeWeightedReference()}
}

func smallReference() reference {
	return reference{
		name: "small", scores: smallScores, labels: smallLabels,
		auc: 0.7571428571428571, ap: 0.6944444444444444,
		logLoss: 0.5610516500258902, brier: 0.19458333333333333,
		accuracy: 0.6666666666666666, precision: 0.6, recall: 0.6, f1: 0.6,
		confusion: Confusion{TN: 5, FP: 2, FN: 2, TP: 3},
		bestF1:    OperatingPoint{Threshold: 0.3, Precision: 0.5555555555555556, Recall: 1, F1: 0.7142857142857143},
		recall80:  OperatingPoint{Threshold: 0.4, Precision: 0.5, Recall: 0.8},
		roc: &ROC{
			FPR:        []float64{0.0, 0.0, 0.14285714285714285, 0.14285714285714285, 0.2857142857142857, 0.5714285714285714, 0.5714285714285714, 0.8571428571428571, 1.0},
			TPR:        []float64{0.0, 0.2, 0.4, 0.6, 0.6, 0.8, 1.0, 1.0, 1.0},
			Thresholds: []float64{1.9, 0.9, 0.8, 0.7, 0.55, 0.4, 0.3, 0.2, 0.05},
		},
		pr: &PrecisionRecall{
			Precision:  []float64{0.4166666666666667, 0.45454545454545453, 0.5555555555555556, 0.5, 0.6, 0.75, 0.6666666666666666, 1.0, 1.0},
			Recall:     []float64{1.0, 1.0, 1.0, 0.8, 0.6, 0.6, 0.4, 0.2, 0.0},
			Thresholds: []float64{0.05, 0.2, 0.3, 0.4, 0.55, 0.7, 0.8, 0.9},
		},
		sklearnCalibObserved: []float64{0.0, 0.0, 1.0, 0.3333333333333333, 0.0, 1.0, 0.5, 1.0},
		sklearnCalibPr:       []float64{0.05, 0.2, 0.3, 0.4000000000000001, 0.55, 0.7, 0.8, 0.9},
		sklearnCalibCounts:   []int{1, 2, 1, 3, 0, 1, 1, 2, 1, 0},
		// Independent numpy formula in the script: each tie group adds its
		// positives times the fraction of its weight before the cut, the
		// cut after ceil(k·12/10) whole users.
		gains: [][5]float64{
			{2.0, 0.8, 1.5, 0.3, 1.8},
			{3.0, 0.8, 2.0, 0.4, 1.6},
			{4.0, 0.7, 3.0, 0.6, 1.8},
			{5.0, 0.55, 3.0, 0.6, 1.44},
			{6.0, 0.4, 3.3333333333333335, 0.6666666666666667, 1.3333333333333335},
			{8.0, 0.4, 4.0, 0.8, 1.2000000000000002},
			{9.0, 0.3, 5.0, 1.0, 1.3333333333333333},
			{10.0, 0.2, 5.0, 1.0, 1.2},
			{11.0, 0.2, 5.0, 1.0, 1.090909090909091},
			{12.0, 0.05, 5.0, 1.0, 1.0},
		},
	}
}

func smallWeightedReference() reference {
	return reference{
		name: "small weighted", scores: smallScores, labels: smallLabels, weights: smallWeights,
		auc: 0.8668478260869565, ap: 0.8529609279609279,
		logLoss: 0.5109194542856799, brier: 0.17400000000000002,
		accuracy: 0.6727272727272727, precision: 0.8888888888888888, recall: 0.5, f1: 0.64,
		confusion: Confusion{TN: 5.25, FP: 0.5, FN: 4, TP: 4},
		bestF1:    OperatingPoint{Threshold: 0.3, Precision: 0.8205128205128205, Recall: 1, F1: 0.9014084507042254},
		recall80:  OperatingPoint{Threshold: 0.4, Precision: 0.8, Recall: 0.875},
		roc: &ROC{
			FPR:        []float64{0.0, 0.0, 0.08695652173913043, 0.08695652173913043, 0.30434782608695654, 0.30434782608695654, 0.8260869565217391, 1.0},
			TPR:        []float64{0.0, 0.125, 0.375, 0.5, 0.875, 1.0, 1.0, 1.0},
			Thresholds: []float64{1.9, 0.9, 0.8, 0.7, 0.4, 0.3, 0.2, 0.05},
		},
		pr: &PrecisionRecall{
			Precision:  []float64{0.5818181818181818, 0.6274509803921569, 0.8205128205128205, 0.8, 0.8888888888888888, 0.8571428571428571, 1.0, 1.0},
			Recall:     []float64{1.0, 1.0, 1.0, 0.875, 0.5, 0.375, 0.125, 0.0},
			Thresholds: []float64{0.05, 0.2, 0.3, 0.4, 0.7, 0.8, 0.9},
		},
		// Weighted calibration: the script's numpy formula over
		// searchsorted(linspace(0, 1, 11)[1:-1], s) bins (mean predicted,
		// observed rate, count); the 0.55 row has weight 0 and is not counted.
		calibration: []CalibrationBin{
			{MeanPredicted: 0.05, ObservedRate: 0, Count: 1},
			{MeanPredicted: 0.20000000000000004, ObservedRate: 0, Count: 2},
			{MeanPredicted: 0.3, ObservedRate: 1, Count: 1},
			{MeanPredicted: 0.4, ObservedRate: 0.7058823529411765, Count: 3},
			{}, {},
			{MeanPredicted: 0.7, ObservedRate: 1, Count: 1},
			{MeanPredicted: 0.8, ObservedRate: 0.8, Count: 2},
			{MeanPredicted: 0.9, ObservedRate: 1, Count: 1},
			{},
		},
		gains: [][5]float64{
			{1.375, 0.8, 1.3, 0.1625, 1.625},
			{2.75, 0.8, 2.4, 0.3, 1.4999999999999998},
			{4.125, 0.7, 3.625, 0.453125, 1.5104166666666667},
			{5.5, 0.4, 4.705882352941177, 0.5882352941176471, 1.4705882352941175},
			{6.875, 0.4, 5.676470588235294, 0.7095588235294118, 1.4191176470588236},
			{8.25, 0.4, 6.647058823529411, 0.8308823529411764, 1.3848039215686274},
			{9.625, 0.3, 7.875, 0.984375, 1.40625},
			{11.0, 0.2, 8.0, 1.0, 1.25},
			{12.375, 0.2, 8.0, 1.0, 1.1111111111111112},
			{13.75, 0.05, 8.0, 1.0, 1.0},
		},
	}
}
