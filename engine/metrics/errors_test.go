package metrics

import (
	"errors"
	"math"
	"testing"
)

// everyMetric calls each exported entry point on one input and returns the
// errors in a fixed order, so malformed input can be checked against all of
// them: none may panic or succeed.
func everyMetric(s, y, w []float64) map[string]error {
	errs := map[string]error{}
	_, errs["AUC"] = AUC(s, y, w)
	var scratch AUCScratch
	_, errs["AUCScratch.AUC"] = scratch.AUC(s, y, w)
	_, errs["AveragePrecision"] = AveragePrecision(s, y, w)
	_, errs["ROCCurve"] = ROCCurve(s, y, w)
	_, errs["PrecisionRecallCurve"] = PrecisionRecallCurve(s, y, w)
	_, errs["LogLoss"] = LogLoss(s, y, w)
	_, errs["BrierScore"] = BrierScore(s, y, w)
	_, errs["ConfusionAt"] = ConfusionAt(s, y, w, 0.5)
	_, errs["Accuracy"] = Accuracy(s, y, w, 0.5)
	_, errs["Precision"] = Precision(s, y, w, 0.5)
	_, errs["Recall"] = Recall(s, y, w, 0.5)
	_, errs["F1"] = F1(s, y, w, 0.5)
	_, errs["BestF1Threshold"] = BestF1Threshold(s, y, w)
	_, errs["ThresholdForRecall"] = ThresholdForRecall(s, y, w, 0.5)
	_, errs["Calibration"] = Calibration(s, y, w, 10)
	_, errs["Gains"] = Gains(s, y, w, 10)
	_, errs["NewReport"] = NewReport(s, y, w, 0.5)
	return errs
}

func TestMalformedInputIsRejectedByEveryMetric(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	cases := []struct {
		name    string
		s, y, w []float64
		want    error
		message string
	}{
		{"empty", nil, nil, nil, ErrEmpty, "empty input"},
		{"empty with weights", []float64{}, []float64{}, []float64{}, ErrEmpty, "empty input"},
		{"label length", []float64{0.1, 0.2, 0.3}, []float64{0, 1}, nil, ErrLengthMismatch,
			"length mismatch: 3 scores, 2 labels"},
		{"weight length", []float64{0.1, 0.2}, []float64{0, 1}, []float64{1, 1, 1}, ErrLengthMismatch,
			"length mismatch: 2 scores, 3 weights"},
		{"NaN score", []float64{0.1, nan}, []float64{0, 1}, nil, ErrNonFinite,
			"non-finite score at index 1: NaN"},
		{"infinite score", []float64{inf, 0.2}, []float64{0, 1}, nil, ErrNonFinite,
			"non-finite score at index 0: +Inf"},
		{"label 2", []float64{0.1, 0.2, 0.3}, []float64{0, 1, 2}, nil, ErrLabel,
			"label not 0 or 1 at index 2: 2"},
		{"label -1", []float64{0.1, 0.2}, []float64{-1, 1}, nil, ErrLabel,
			"label not 0 or 1 at index 0: -1"},
		{"NaN label", []float64{0.1, 0.2}, []float64{0, nan}, nil, ErrLabel,
			"label not 0 or 1 at index 1: NaN"},
		{"negative weight", []float64{0.1, 0.2}, []float64{0, 1}, []float64{-1, 1}, ErrWeight,
			"invalid sample weight at index 0: -1 (must be finite and >= 0)"},
		{"NaN weight", []float64{0.1, 0.2}, []float64{0, 1}, []float64{1, nan}, ErrWeight,
			"invalid sample weight at index 1: NaN (must be finite and >= 0)"},
		{"infinite weight", []float64{0.1, 0.2}, []float64{0, 1}, []float64{inf, 1}, ErrWeight,
			"invalid sample weight at index 0: +Inf (must be finite and >= 0)"},
		{"zero weights", []float64{0.1, 0.2}, []float64{0, 1}, []float64{0, 0}, ErrWeight,
			"invalid sample weight: all weights are zero"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for name, err := range everyMetric(tc.s, tc.y, tc.w) {
				if !errors.Is(err, tc.want) || err.Error() != tc.message {
					t.Errorf("%s: error %v, want %q", name, err, tc.message)
				}
			}
		})
	}
}

func TestProbabilityRange(t *testing.T) {
	const message = "probability outside [0, 1] at index 1: 1.5"
	s, y := []float64{0.2, 1.5}, []float64{0, 1}
	errs := everyMetric(s, y, nil)
	for _, name := range []string{"LogLoss", "BrierScore", "Calibration", "NewReport"} {
		if err := errs[name]; !errors.Is(err, ErrProbability) || err.Error() != message {
			t.Errorf("%s: error %v, want %q", name, err, message)
		}
	}
	// Ranking and threshold metrics take any finite score.
	for _, name := range []string{"AUC", "ROCCurve", "ConfusionAt", "Gains", "BestF1Threshold"} {
		if err := errs[name]; err != nil {
			t.Errorf("%s rejected a score above 1: %v", name, err)
		}
	}
}

func TestOneClass(t *testing.T) {
	s := []float64{0.3, 0.6, 0.6}
	needBoth := []string{"AUC", "AUCScratch.AUC", "AveragePrecision", "ROCCurve", "NewReport"}
	needPositive := []string{"PrecisionRecallCurve", "BestF1Threshold", "ThresholdForRecall", "Gains"}
	fine := []string{"LogLoss", "BrierScore", "ConfusionAt", "Accuracy", "Precision", "Recall", "F1", "Calibration"}

	negatives := everyMetric(s, []float64{0, 0, 0}, nil)
	for _, name := range append(needBoth, needPositive...) {
		const message = "only one class present: no positive labels"
		if err := negatives[name]; !errors.Is(err, ErrOneClass) || err.Error() != message {
			t.Errorf("all negative, %s: error %v, want %q", name, err, message)
		}
	}
	// A positive whose weight is 0 does not count as present.
	zeroWeighted := everyMetric(s, []float64{1, 0, 0}, []float64{0, 1, 1})
	if !errors.Is(zeroWeighted["AUC"], ErrOneClass) {
		t.Errorf("AUC with only a zero-weight positive: %v, want ErrOneClass", zeroWeighted["AUC"])
	}

	positives := everyMetric(s, []float64{1, 1, 1}, nil)
	for _, name := range needBoth {
		const message = "only one class present: no negative labels"
		if err := positives[name]; !errors.Is(err, ErrOneClass) || err.Error() != message {
			t.Errorf("all positive, %s: error %v, want %q", name, err, message)
		}
	}
	for _, name := range append(needPositive, fine...) {
		if err := positives[name]; err != nil {
			t.Errorf("all positive, %s: %v", name, err)
		}
	}
	for _, name := range fine {
		if err := negatives[name]; err != nil {
			t.Errorf("all negative, %s: %v", name, err)
		}
	}
}

func TestInvalidArguments(t *testing.T) {
	s, y := []float64{0.2, 0.8}, []float64{0, 1}
	cases := []struct {
		name string
		err  func() error
		want string
	}{
		{"recall 0", func() error { _, err := ThresholdForRecall(s, y, nil, 0); return err },
			"invalid argument: target recall 0 is not in (0, 1]"},
		{"recall above 1", func() error { _, err := ThresholdForRecall(s, y, nil, 1.01); return err },
			"invalid argument: target recall 1.01 is not in (0, 1]"},
		{"recall NaN", func() error { _, err := ThresholdForRecall(s, y, nil, math.NaN()); return err },
			"invalid argument: target recall NaN is not in (0, 1]"},
		{"no bins", func() error { _, err := Calibration(s, y, nil, 0); return err },
			"invalid argument: 0 calibration bins (need at least 1)"},
		{"no groups", func() error { _, err := Gains(s, y, nil, -1); return err },
			"invalid argument: -1 gains groups (need at least 1)"},
		{"NaN threshold", func() error { _, err := ConfusionAt(s, y, nil, math.NaN()); return err },
			"invalid argument: threshold is NaN"},
		{"NaN report threshold", func() error { _, err := NewReport(s, y, nil, math.NaN()); return err },
			"invalid argument: threshold is NaN"},
	}
	for _, tc := range cases {
		if err := tc.err(); !errors.Is(err, ErrArgument) || err.Error() != tc.want {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}
