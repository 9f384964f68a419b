package metrics

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"testing"
)

// bruteForceAUC is the Mann–Whitney statistic by its definition: over all
// positive–negative pairs, 1 when the positive scores higher, 1/2 on a tie.
// Counting in integers makes it exact, an independent check of the sweep.
func bruteForceAUC(s, y []float64) (float64, bool) {
	var halves, pairs int
	for i := range s {
		for j := range s {
			if y[i] != 1 || y[j] != 0 {
				continue
			}
			pairs++
			switch {
			case s[i] > s[j]:
				halves += 2
			case s[i] == s[j]:
				halves++
			}
		}
	}
	return float64(halves) / float64(2*pairs), pairs > 0
}

// gridInput returns n rows with scores on a grid of k/levels, where 1−s and
// −s are exact and ties are frequent.
func gridInput(r *rand.Rand, n, levels int) (s, y []float64) {
	for range n {
		s = append(s, float64(r.IntN(levels+1))/float64(levels))
		y = append(y, float64(r.IntN(2)))
	}
	return s, y
}

func TestAUCProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 500 {
		s, y := gridInput(r, 1+r.IntN(60), 1+r.IntN(20))
		want, ok := bruteForceAUC(s, y)
		got, err := AUC(s, y, nil)
		if !ok {
			if err == nil {
				t.Fatalf("trial %d: one class accepted, AUC %v", trial, got)
			}
			continue
		}
		if err != nil || math.Abs(got-want) > 1e-12 {
			t.Fatalf("trial %d: AUC %v, %v; Mann–Whitney %v", trial, got, err, want)
		}
		flipped := make([]float64, len(s))
		for i := range s {
			flipped[i] = 1 - s[i]
		}
		if back, _ := AUC(flipped, y, nil); math.Abs(back-(1-got)) > 1e-12 {
			t.Fatalf("trial %d: AUC(1-s) = %v, want 1 - %v", trial, back, got)
		}
		// AUC equals the trapezoid under the ROC curve's points.
		roc, _ := ROCCurve(s, y, nil)
		area := 0.0
		for k := 1; k < len(roc.FPR); k++ {
			area += (roc.FPR[k] - roc.FPR[k-1]) * (roc.TPR[k] + roc.TPR[k-1]) / 2
		}
		if math.Abs(area-got) > 1e-12 {
			t.Fatalf("trial %d: trapezoid over ROCCurve %v, AUC %v", trial, area, got)
		}
	}
}

// TestIntegerWeightsEqualRepeatedRows checks the weighted paths against
// the unweighted ones: weight k must act as k copies of the row.
func TestIntegerWeightsEqualRepeatedRows(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for trial := range 200 {
		s, y := gridInput(r, 2+r.IntN(40), 1+r.IntN(10))
		y[0], y[1] = 0, 1
		w := make([]float64, len(s))
		var rs, ry []float64
		for i := range s {
			w[i] = float64(r.IntN(4))
			for range int(w[i]) {
				rs, ry = append(rs, s[i]), append(ry, y[i])
			}
		}
		w[0], w[1] = w[0]+1, w[1]+1
		rs, ry = append(rs, s[0], s[1]), append(ry, y[0], y[1])

		weighted, err := NewReport(s, y, w, 0.5)
		if err != nil {
			t.Fatal(err)
		}
		repeated, err := NewReport(rs, ry, nil, 0.5)
		if err != nil {
			t.Fatal(err)
		}
		a, b := reportNumbers(weighted), reportNumbers(repeated)
		for k := range a {
			if math.Abs(a[k]-b[k]) > 1e-9 {
				t.Fatalf("trial %d: weighted report number %d = %v, repeated rows %v", trial, k, a[k], b[k])
			}
		}
	}
}

// reportNumbers flattens every number of a Report except Rows.
func reportNumbers(r Report) []float64 {
	out := []float64{r.Positives, r.Negatives, r.ROCAUC, r.AveragePrecision, r.LogLoss, r.BrierScoreLoss,
		r.Accuracy, r.Precision, r.Recall, r.F1, r.Confusion.TN, r.Confusion.FP, r.Confusion.FN, r.Confusion.TP,
		r.BestF1.Threshold, r.BestF1.F1}
	for _, b := range r.Calibration {
		out = append(out, b.MeanPredicted, b.ObservedRate)
	}
	for _, g := range r.Gains {
		out = append(out, g.Targeted, g.MinScore, g.Positives, g.ShareCaptured, g.Lift)
	}
	return out
}

// FuzzMetrics feeds arbitrary scores, labels and weights to every metric:
// nothing may panic, and whatever succeeds must be finite (a Report must
// encode as JSON, which refuses NaN and Inf) with AUC(-s) = 1 − AUC(s).
func FuzzMetrics(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 200, 100, 7, 9}, uint8(3))
	f.Add([]byte{5, 5, 5, 5, 5, 5}, uint8(0))
	f.Add([]byte{}, uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, mode uint8) {
		n := len(data) / 2
		s, y, w := make([]float64, n), make([]float64, n), make([]float64, n)
		for i := range n {
			s[i] = float64(data[2*i]) / 255
			y[i] = float64(data[2*i+1] & 1)
			w[i] = float64(data[2*i+1] >> 5)
		}
		if mode&1 == 0 {
			w = nil
		}
		for name, err := range everyMetric(s, y, w) {
			if err != nil && !isSentinel(err) {
				t.Fatalf("%s: error %v wraps none of the package sentinels", name, err)
			}
		}
		if r, err := NewReport(s, y, w, float64(mode)/255); err == nil {
			if _, err := json.Marshal(r); err != nil {
				t.Fatalf("report does not encode: %v (%+v)", err, r)
			}
		}
		auc, err := AUC(s, y, w)
		if err != nil {
			return
		}
		negated := make([]float64, n)
		for i := range s {
			negated[i] = -s[i]
		}
		back, err := AUC(negated, y, w)
		if err != nil || math.Abs(back-(1-auc)) > 1e-12 || auc < 0 || auc > 1 {
			t.Fatalf("AUC(s) = %v, AUC(-s) = %v, %v", auc, back, err)
		}
	})
}

// isSentinel reports whether err wraps one of the package's errors.
func isSentinel(err error) bool {
	for _, sentinel := range []error{ErrEmpty, ErrLengthMismatch, ErrOneClass, ErrNonFinite, ErrLabel,
		ErrProbability, ErrWeight, ErrArgument} {
		if errors.Is(err, sentinel) {
			return true
		}
	}
	return false
}
