package metrics

import (
	"encoding/json"
	"math"
	"slices"
	"testing"
)

func TestPerfectAndInvertedScorers(t *testing.T) {
	s := []float64{0.1, 0.2, 0.35, 0.6, 0.8, 0.95}
	y := []float64{0, 0, 0, 1, 1, 1}
	inverted := []float64{1, 1, 1, 0, 0, 0}
	// scikit-learn 1.2.1: roc_auc_score and average_precision_score give 1.0
	// for (y, s), and 0.0 and 0.38333333333333336 for (inverted, s).
	for _, tc := range []struct {
		name    string
		labels  []float64
		auc, ap float64
	}{{"perfect", y, 1, 1}, {"inverted", inverted, 0, 0.38333333333333336}} {
		auc, err := AUC(s, tc.labels, nil)
		if err != nil || auc != tc.auc {
			t.Errorf("%s: AUC = %v, %v; want %v", tc.name, auc, err, tc.auc)
		}
		ap, err := AveragePrecision(s, tc.labels, nil)
		if err != nil || !near(ap, tc.ap) {
			t.Errorf("%s: AP = %v, %v; want %v", tc.name, ap, err, tc.ap)
		}
	}
	best, err := BestF1Threshold(s, y, nil)
	if err != nil || best != (OperatingPoint{Threshold: 0.6, Precision: 1, Recall: 1, F1: 1}) {
		t.Errorf("perfect scorer BestF1Threshold = %+v, %v; want threshold 0.6 with F1 1", best, err)
	}
	op, err := ThresholdForRecall(s, y, nil, 1)
	if err != nil || op.Threshold != 0.6 || op.Precision != 1 {
		t.Errorf("perfect scorer ThresholdForRecall(1) = %+v, %v; want threshold 0.6, precision 1", op, err)
	}
	rows, err := Gains(s, y, nil, 2)
	if err != nil || rows[0].ShareCaptured != 1 || rows[0].Lift != 2 || rows[0].MinScore != 0.6 {
		t.Errorf("perfect scorer top half = %+v, %v; want all positives, lift 2, min score 0.6", rows, err)
	}
}

func TestAllScoresTied(t *testing.T) {
	s := []float64{0.3, 0.3, 0.3, 0.3}
	y := []float64{1, 0, 0, 1}
	// One threshold only: AUC 0.5, AP the prevalence, one point after (0, 0),
	// as scikit-learn 1.2.1 gives (roc_curve: fpr [0 1], tpr [0 1], thresholds
	// [1.3 0.3]).
	auc, err := AUC(s, y, nil)
	if err != nil || auc != 0.5 {
		t.Errorf("AUC = %v, %v; want 0.5", auc, err)
	}
	ap, err := AveragePrecision(s, y, nil)
	if err != nil || ap != 0.5 {
		t.Errorf("AP = %v, %v; want 0.5", ap, err)
	}
	roc, err := ROCCurve(s, y, nil)
	if err != nil || !slices.Equal(roc.FPR, []float64{0, 1}) || !slices.Equal(roc.TPR, []float64{0, 1}) ||
		!slices.Equal(roc.Thresholds, []float64{1.3, 0.3}) {
		t.Errorf("ROCCurve = %+v, %v", roc, err)
	}
	// The decile cut falls inside the single tie group: pro rata credit.
	rows, err := Gains(s, y, nil, 4)
	if err != nil || rows[0].Positives != 0.5 || rows[0].Lift != 1 || rows[3].Positives != 2 {
		t.Errorf("Gains = %+v, %v; want 0.5 positives in the first quarter, lift 1", rows, err)
	}
}

func TestSingleElement(t *testing.T) {
	s, y := []float64{0.25}, []float64{1}
	loss, err := LogLoss(s, y, nil)
	if err != nil || !near(loss, -math.Log(0.25)) {
		t.Errorf("LogLoss = %v, %v; want -ln 0.25", loss, err)
	}
	brier, err := BrierScore(s, y, nil)
	if err != nil || brier != 0.5625 {
		t.Errorf("BrierScore = %v, %v; want 0.5625", brier, err)
	}
	c, err := ConfusionAt(s, y, nil, 0.5)
	if err != nil || c != (Confusion{FN: 1}) || c.Precision() != 0 || c.Recall() != 0 || c.F1() != 0 {
		t.Errorf("ConfusionAt = %+v, %v; want one false negative and zero rates", c, err)
	}
	rows, err := Gains(s, y, nil, 10)
	// A tenth of one user rounds up to the whole user.
	if err != nil || rows[0].Targeted != 1 || rows[0].ShareTargeted != 1 || rows[0].Positives != 1 || rows[0].Lift != 1 || rows[9].ShareCaptured != 1 {
		t.Errorf("Gains = %+v, %v; want the whole user in the first decile", rows, err)
	}
}

func TestLogLossClipsLikeScikitLearn(t *testing.T) {
	// scikit-learn 1.2.1: log_loss([0,1,1,0,1,0], [0,1,0,1,0.5,0.25],
	// labels=[0,1]) = 12.17802267187434 (the two confident mistakes cost
	// -ln(2.22e-16) each); brier_score_loss = 0.3854166666666667.
	s := []float64{0, 1, 0, 1, 0.5, 0.25}
	y := []float64{0, 1, 1, 0, 1, 0}
	loss, err := LogLoss(s, y, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkNear(t, "LogLoss", loss, 12.17802267187434)
	brier, err := BrierScore(s, y, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkNear(t, "BrierScore", brier, 0.3854166666666667)
}

func TestCalibrationEmptyBinsAndEdges(t *testing.T) {
	// 0 and 0.1 belong to the first bin, 1 to the last (scikit-learn's
	// searchsorted on the interior edges); every other bin is empty.
	table, err := Calibration([]float64{0, 0.1, 1}, []float64{0, 1, 1}, nil, 10)
	if err != nil {
		t.Fatal(err)
	}
	for b, bin := range table {
		switch b {
		case 0:
			if bin.Count != 2 || !near(bin.MeanPredicted, 0.05) || bin.ObservedRate != 0.5 {
				t.Errorf("bin 0 = %+v, want 2 rows, mean 0.05, rate 0.5", bin)
			}
		case 9:
			if bin.Count != 1 || bin.MeanPredicted != 1 || bin.ObservedRate != 1 {
				t.Errorf("bin 9 = %+v, want 1 row at 1", bin)
			}
		default:
			if bin.Count != 0 || bin.MeanPredicted != 0 || bin.ObservedRate != 0 {
				t.Errorf("bin %d = %+v, want empty and zero", b, bin)
			}
		}
	}
}

func TestReport(t *testing.T) {
	for _, ref := range []reference{smallReference(), smallWeightedReference(), largeWeightedReference()} {
		r, err := NewReport(ref.scores, ref.labels, ref.weights, 0.5)
		if err != nil {
			t.Fatal(err)
		}
		checkSlice(t, ref.name+" report",
			[]float64{r.ROCAUC, r.AveragePrecision, r.LogLoss, r.BrierScoreLoss, r.Accuracy, r.Precision, r.Recall, r.F1},
			[]float64{ref.auc, ref.ap, ref.logLoss, ref.brier, ref.accuracy, ref.precision, ref.recall, ref.f1})
		checkSlice(t, ref.name+" report confusion", []float64{r.Confusion.TN, r.Confusion.FP, r.Confusion.FN, r.Confusion.TP},
			[]float64{ref.confusion.TN, ref.confusion.FP, ref.confusion.FN, ref.confusion.TP})
		if !near(r.BestF1.F1, ref.bestF1.F1) || len(r.Calibration) != 10 || len(r.Gains) != 10 {
			t.Errorf("%s report best F1 %+v, %d bins, %d gains rows", ref.name, r.BestF1, len(r.Calibration), len(r.Gains))
		}
		checkNear(t, ref.name+" top decile capture", r.Gains[0].ShareCaptured, ref.gains[0][3])
	}
	r, err := NewReport(smallScores, smallLabels, smallWeights, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	if r.Rows != 11 || r.Positives != 8 || r.Negatives != 5.75 {
		t.Errorf("weighted report counts rows %d positives %v negatives %v; want 11, 8, 5.75", r.Rows, r.Positives, r.Negatives)
	}
	encoded, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var keys map[string]any
	if err := json.Unmarshal(encoded, &keys); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"roc_auc", "accuracy", "precision", "recall", "f1", "average_precision",
		"brier_score_loss", "log_loss", "confusion_matrix", "calibration", "gains", "best_f1", "threshold"} {
		if _, ok := keys[key]; !ok {
			t.Errorf("report JSON lacks %q: %s", key, encoded)
		}
	}
}

func TestAUCScratchReusesItsBuffer(t *testing.T) {
	s, y, w := largeInput(5000, 7)
	var scratch AUCScratch
	want, err := AUC(s, y, w)
	if err != nil {
		t.Fatal(err)
	}
	allocs := testing.AllocsPerRun(20, func() {
		got, err := scratch.AUC(s, y, w)
		if err != nil || got != want {
			t.Fatalf("scratch AUC = %v, %v; want %v", got, err, want)
		}
	})
	if allocs != 0 {
		t.Errorf("AUCScratch.AUC allocates %v times per call after the first, want 0", allocs)
	}
	// A shorter input after a longer one must not see stale rows.
	got, err := scratch.AUC(s[:100], y[:100], nil)
	if want, _ := AUC(s[:100], y[:100], nil); err != nil || got != want {
		t.Errorf("scratch AUC on a prefix = %v, %v; want %v", got, err, want)
	}
}

func TestInputsAreNotModified(t *testing.T) {
	s, y, w := largeInput(300, 3)
	s0, y0, w0 := slices.Clone(s), slices.Clone(y), slices.Clone(w)
	everyMetric(s, y, w)
	if !slices.Equal(s, s0) || !slices.Equal(y, y0) || !slices.Equal(w, w0) {
		t.Error("a metric modified its input slices")
	}
}

func TestBestF1PrefersTheHighestThresholdOnATie(t *testing.T) {
	// F1 is 2/3 both at 0.9 (1 of 2 positives, no false positive) and at 0.6
	// (both positives, two false positives): keep 0.9, which flags fewer
	// users. (scikit-learn has no such tool; np.argmax over its PR curve
	// would pick the first, lowest threshold.)
	best, err := BestF1Threshold([]float64{0.9, 0.8, 0.7, 0.6}, []float64{1, 0, 0, 1}, nil)
	if err != nil || best.Threshold != 0.9 || best.F1 != 2.0/3 {
		t.Errorf("BestF1Threshold = %+v, %v; want threshold 0.9, F1 2/3", best, err)
	}
}
