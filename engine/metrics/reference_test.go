package metrics

import (
	"math"
	"strconv"
	"testing"
)

// This file checks every metric against values computed independently with
// scikit-learn 1.2.1 (numpy 1.24.2) by testdata/sklearn_reference.py, whose
// output is pasted into reference_small_test.go and reference_large_test.go.
// Gains and the weighted calibration table have no scikit-learn function;
// the script computes them with its own numpy formula (noted there).

// reference holds one input and the values the reference script printed.
type reference struct {
	name                    string
	scores, labels, weights []float64

	auc, ap, logLoss, brier              float64
	accuracy, precision, recall, f1      float64 // at threshold 0.5
	confusion                            Confusion
	bestF1                               OperatingPoint
	recall80                             OperatingPoint // F1 not printed; unchecked
	roc                                  *ROC           // full curve, small inputs only
	pr                                   *PrecisionRecall
	rocLen, prLen                        int        // large inputs: length and sums
	rocSums, prSums                      [3]float64 // fpr tpr thresholds / p r thresholds
	calibration                          []CalibrationBin
	gains                                [][5]float64 // targeted, min score, positives, share, lift
	sklearnCalibObserved, sklearnCalibPr []float64    // non-empty bins only (unweighted)
	sklearnCalibCounts                   []int
}

// near reports whether got equals want to 1e-12 relative to max(1, |want|):
// the two implementations sum in different orders, nothing more.
func near(got, want float64) bool {
	return math.Abs(got-want) <= 1e-12*math.Max(1, math.Abs(want))
}

func checkNear(t *testing.T, what string, got, want float64) {
	t.Helper()
	if !near(got, want) {
		t.Errorf("%s = %.17g, want %.17g (scikit-learn)", what, got, want)
	}
}

func checkSlice(t *testing.T, what string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s has %d points, want %d: %v", what, len(got), len(want), got)
		return
	}
	for i := range want {
		checkNear(t, what+"["+strconv.Itoa(i)+"]", got[i], want[i])
	}
}

func sum(s []float64) float64 {
	total := 0.0
	for _, v := range s {
		total += v
	}
	return total
}

func TestAgainstScikitLearn(t *testing.T) {
	for _, ref := range references() {
		t.Run(ref.name, func(t *testing.T) { checkReference(t, ref) })
	}
}

func checkReference(t *testing.T, ref reference) {
	s, y, w := ref.scores, ref.labels, ref.weights
	scalar := func(name string, f func() (float64, error), want float64) {
		t.Helper()
		got, err := f()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checkNear(t, name, got, want)
	}
	scalar("AUC", func() (float64, error) { return AUC(s, y, w) }, ref.auc)
	scalar("AveragePrecision", func() (float64, error) { return AveragePrecision(s, y, w) }, ref.ap)
	scalar("LogLoss", func() (float64, error) { return LogLoss(s, y, w) }, ref.logLoss)
	scalar("BrierScore", func() (float64, error) { return BrierScore(s, y, w) }, ref.brier)
	scalar("Accuracy", func() (float64, error) { return Accuracy(s, y, w, 0.5) }, ref.accuracy)
	scalar("Precision", func() (float64, error) { return Precision(s, y, w, 0.5) }, ref.precision)
	scalar("Recall", func() (float64, error) { return Recall(s, y, w, 0.5) }, ref.recall)
	scalar("F1", func() (float64, error) { return F1(s, y, w, 0.5) }, ref.f1)

	c, err := ConfusionAt(s, y, w, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	checkSlice(t, "confusion tn,fp,fn,tp", []float64{c.TN, c.FP, c.FN, c.TP},
		[]float64{ref.confusion.TN, ref.confusion.FP, ref.confusion.FN, ref.confusion.TP})

	best, err := BestF1Threshold(s, y, w)
	if err != nil {
		t.Fatal(err)
	}
	checkSlice(t, "BestF1Threshold", []float64{best.Threshold, best.Precision, best.Recall, best.F1},
		[]float64{ref.bestF1.Threshold, ref.bestF1.Precision, ref.bestF1.Recall, ref.bestF1.F1})
	op, err := ThresholdForRecall(s, y, w, 0.8)
	if err != nil {
		t.Fatal(err)
	}
	checkSlice(t, "ThresholdForRecall(0.8)", []float64{op.Threshold, op.Precision, op.Recall},
		[]float64{ref.recall80.Threshold, ref.recall80.Precision, ref.recall80.Recall})

	roc, err := ROCCurve(s, y, w)
	if err != nil {
		t.Fatal(err)
	}
	pr, err := PrecisionRecallCurve(s, y, w)
	if err != nil {
		t.Fatal(err)
	}
	if ref.roc != nil {
		checkSlice(t, "ROC FPR", roc.FPR, ref.roc.FPR)
		checkSlice(t, "ROC TPR", roc.TPR, ref.roc.TPR)
		checkSlice(t, "ROC thresholds", roc.Thresholds, ref.roc.Thresholds)
		checkSlice(t, "PR precision", pr.Precision, ref.pr.Precision)
		checkSlice(t, "PR recall", pr.Recall, ref.pr.Recall)
		checkSlice(t, "PR thresholds", pr.Thresholds, ref.pr.Thresholds)
	} else {
		if len(roc.FPR) != ref.rocLen || len(pr.Precision) != ref.prLen {
			t.Errorf("curve lengths ROC %d PR %d, want %d and %d", len(roc.FPR), len(pr.Precision), ref.rocLen, ref.prLen)
		}
		checkSlice(t, "ROC sums", []float64{sum(roc.FPR), sum(roc.TPR), sum(roc.Thresholds)}, ref.rocSums[:])
		checkSlice(t, "PR sums", []float64{sum(pr.Precision), sum(pr.Recall), sum(pr.Thresholds)}, ref.prSums[:])
	}

	checkCalibration(t, ref)
	checkGains(t, ref)
}

func checkCalibration(t *testing.T, ref reference) {
	table, err := Calibration(ref.scores, ref.labels, ref.weights, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := ref.calibration
	if want == nil {
		// Unweighted: scikit-learn's calibration_curve lists the non-empty
		// bins only; spread them over the bins by their counts.
		want = make([]CalibrationBin, 10)
		k := 0
		for b := range want {
			want[b].Count = ref.sklearnCalibCounts[b]
			if want[b].Count > 0 {
				want[b].ObservedRate = ref.sklearnCalibObserved[k]
				want[b].MeanPredicted = ref.sklearnCalibPr[k]
				k++
			}
		}
	}
	if len(table) != 10 {
		t.Fatalf("calibration has %d bins, want 10", len(table))
	}
	for b, got := range table {
		if got.Count != want[b].Count {
			t.Errorf("calibration bin %d count %d, want %d", b, got.Count, want[b].Count)
		}
		checkNear(t, "calibration mean predicted bin "+strconv.Itoa(b), got.MeanPredicted, want[b].MeanPredicted)
		checkNear(t, "calibration observed rate bin "+strconv.Itoa(b), got.ObservedRate, want[b].ObservedRate)
		checkNear(t, "calibration lower edge bin "+strconv.Itoa(b), got.Lower, float64(b)/10)
		checkNear(t, "calibration upper edge bin "+strconv.Itoa(b), got.Upper, float64(b+1)/10)
	}
}

func checkGains(t *testing.T, ref reference) {
	rows, err := Gains(ref.scores, ref.labels, ref.weights, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(ref.gains) {
		t.Fatalf("gains has %d rows, want %d", len(rows), len(ref.gains))
	}
	for k, want := range ref.gains {
		got := rows[k]
		if got.Group != k+1 {
			t.Errorf("gains row %d has group %d", k, got.Group)
		}
		// The script's cut (want[0]) over the total weight.
		total := float64(len(ref.scores))
		if ref.weights != nil {
			total = 0
			for _, w := range ref.weights {
				total += w
			}
		}
		checkNear(t, "gains share targeted row "+strconv.Itoa(k), got.ShareTargeted, want[0]/total)
		checkSlice(t, "gains row "+strconv.Itoa(k)+" (targeted, min score, positives, share, lift)",
			[]float64{got.Targeted, got.MinScore, got.Positives, got.ShareCaptured, got.Lift}, want[:])
	}
}
