package experiment

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retainlab/retain/engine/metrics"
)

// The lever explainer with the Platt map cal(p) = σ(2·logit(p) − 1) (A =
// −2, B = 1 in metrics.Platt's σ(−(A·logit + B))): a
// customer with 1 coupon on the premium plan has raw P = σ(−0.5 − 1) =
// σ(−1.5); the baseline (0 coupons, basic) has raw σ(1). Calibrated, they
// are σ(2·(−1.5) − 1) = σ(−4) = 0.017986 and σ(2·1 − 1) = σ(1) = 0.731059.
// The model is logistic, so the raw integrated gradients along the straight
// path split raw P − raw P(baseline) in proportion to each column's share of
// the logit change: coupons −0.5, plan −2 of −2.5 (the gradient of σ(z(t))
// in each input is σ'·w_j, and z is linear in t). So the calibrated reasons
// are coupons 0.2·(σ(−4) − σ(1)) and plan 0.8·(σ(−4) − σ(1)), summing to
// the calibrated change the user sees.
func TestExplainReasonsAreInCalibratedProbability(t *testing.T) {
	x := leverExplainer(t)
	x.Calibration = &Calibration{Method: CalibPlatt, Platt: &metrics.Platt{A: -2, B: 1}}
	row := []float64{0.25, 0, 1}
	ex, err := x.Explain(row)
	if err != nil {
		t.Fatal(err)
	}
	prob, base := sigmoid(-4), sigmoid(1)
	if math.Abs(ex.Prob-prob) > 1e-12 || math.Abs(ex.BaselineProb-base) > 1e-12 {
		t.Errorf("P %v from baseline %v, want %v from %v", ex.Prob, ex.BaselineProb, prob, base)
	}
	if ex.Prob != x.Predict(row) {
		t.Errorf("explained P %v, shown P %v", ex.Prob, x.Predict(row))
	}
	want := map[string]float64{"plan": 0.8 * (prob - base), "coupons": 0.2 * (prob - base)}
	if len(ex.Reasons) != 2 || ex.Reasons[0].Column != "plan" {
		t.Fatalf("reasons %+v, want plan first", ex.Reasons)
	}
	for _, r := range ex.Reasons {
		// engine.CompletenessTolerance bounds the raw sum's error.
		if math.Abs(r.Attribution-want[r.Column]) > 1e-4 {
			t.Errorf("%s: %v, want %v", r.Column, r.Attribution, want[r.Column])
		}
	}
	// Without a calibration the reasons stay in the network's terms.
	x.Calibration = nil
	raw, err := x.Explain(row)
	if err != nil {
		t.Fatal(err)
	}
	if d := raw.Prob - raw.BaselineProb; math.Abs(raw.Reasons[0].Attribution-0.8*d) > 1e-4 || raw.Prob != sigmoid(-1.5) {
		t.Errorf("uncalibrated %+v", raw)
	}
}

// A row whose raw output equals the baseline's gets the map's slope: the
// reasons still sum to zero, with no division by zero.
func TestExplainCalibratedAtTheBaseline(t *testing.T) {
	x := leverExplainer(t)
	x.Calibration = &Calibration{Method: CalibPlatt, Platt: &metrics.Platt{A: -2, B: 1}}
	ex, err := x.Explain([]float64{0, 1, 0})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range ex.Reasons {
		if math.IsNaN(r.Attribution) || math.Abs(r.Attribution) > 1e-9 {
			t.Errorf("%s: %v, want 0", r.Column, r.Attribution)
		}
	}
}

// TestREADMESaysTheReasonsAreCalibrated: the README's "Calibrated
// probabilities" section said the reasons "are still attributions of the
// network's own (uncalibrated) probability", while they sum to the
// calibrated P(x) − P(baseline) (TestExplainReasonsAreInCalibratedProbability),
// as predict --help and the command table say.
func TestREADMESaysTheReasonsAreCalibrated(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Skipf("no README: %v", err)
	}
	_, section, ok := strings.Cut(string(b), "\n## Calibrated probabilities\n")
	if !ok {
		t.Fatal("the README has no Calibrated probabilities section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	flat := strings.Join(strings.Fields(section), " ")
	if strings.Contains(flat, "(uncalibrated) probability") {
		t.Error("the section still calls the reasons attributions of the uncalibrated probability")
	}
	if want := "sum to the calibrated `P(x) − P(baseline)`"; !strings.Contains(flat, want) {
		t.Errorf("the section does not say the reasons %s", want)
	}
}
