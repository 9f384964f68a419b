package experiment

import (
	"math"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
)

// TestReasonsAreCompleteOnTheCalibratedScale: the README promises the
// reasons sum to P(x) − P(baseline) within engine.CompletenessTolerance
// (1e-4). The integration was refined until the network's own output was
// that close, and the calibration's rescaling (slope 1.03–1.10 here) then
// carried gaps just under 1e-4 over it: up to 1.08e-4 on 2 of 300 telco
// users with this configuration (the trial's "m2": robust scaling,
// --log1p=false, median imputation, 16 leaky ReLU → 8 sigmoid → 4 tanh,
// Adam 0.01, 4 epochs, Platt). The tolerance now holds in the points the
// reasons are reported in, for the batch and the single explanations.
func TestReasonsAreCompleteOnTheCalibratedScale(t *testing.T) {
	d, err := Load(Source{Kind: "csv", Path: datasetPath(t, "telco_churn/WA_Fn-UseC_-Telco-Customer-Churn.csv")}, osOpen)
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.Hidden = []engine.LayerSpec{{Units: 16, Activation: engine.LeakyReLU}, {Units: 8, Activation: engine.Sigmoid}, {Units: 4, Activation: engine.Tanh}}
	cfg.Train.Epochs = 4
	cfg.Train.Optimizer = engine.OptimizerConfig{Kind: "adam", LR: 0.01}
	cfg.Pipeline.Scale, cfg.Pipeline.Log1p, cfg.Pipeline.Impute = data.ScaleRobust, false, data.ImputeMedian
	cfg.Calibration = CalibPlatt
	e := trainedOnData(t, d, cfg)
	x := e.Explainer()
	if x.Calibration == nil {
		t.Fatal("the run does not calibrate")
	}
	n := d.Table.Rows
	var rows [][]float64
	for r := 0; r < n && len(rows) < 300; r += n / 300 {
		row, err := e.Row(r)
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, row)
	}
	batch, err := x.Batch()
	if err != nil {
		t.Fatal(err)
	}
	out := make([]Explanation, len(rows))
	if err := batch.Explain(out, rows); err != nil {
		t.Fatal(err)
	}
	worst, over := 0.0, 0
	for i, ex := range out {
		single, err := x.Explain(rows[i])
		if err != nil {
			t.Fatal(err)
		}
		for _, ex := range []Explanation{ex, single} {
			sum := 0.0
			for _, r := range ex.Reasons {
				sum += r.Attribution
			}
			gap := math.Abs(sum - (ex.Prob - ex.BaselineProb))
			worst = max(worst, gap)
			if gap > engine.CompletenessTolerance {
				over++
			}
		}
	}
	t.Logf("largest gap on the calibrated scale: %.3g over %d users", worst, len(rows))
	if over > 0 {
		t.Errorf("%d explanations miss P(x) − P(baseline) by more than %g (largest %.3g)", over, engine.CompletenessTolerance, worst)
	}
}
