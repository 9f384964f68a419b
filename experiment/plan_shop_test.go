package experiment

import (
	"context"
	"math"
	"testing"
)

// On the built-in shop, whose true purchase probabilities are known, the
// plan's expected count of outcomes (success 1: Σ p over the contacted)
// is within 5 % of the count the true probabilities give for the same
// customers, at every tabulated share of the validation users. The
// probabilities are calibrated as `retain plan` calibrates them by default
// (Platt on 20 % of the rows): the default's weight decay pulls the raw
// network's top probabilities towards the mean (top 20 %: 69.0 purchases
// expected against the true 73.5).
func TestPlanExpectedOutcomesMatchTrueProbabilitiesOnShop(t *testing.T) {
	d, err := Load(Source{Kind: "builtin"}, osOpen)
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.CalibFrac, cfg.Calibration = DefaultCalibFrac, DefaultCalibration
	e, err := New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	b, err := e.Bundle(0.5)
	if err != nil {
		t.Fatal(err)
	}
	s, err := b.ScoreTable(d.Table)
	if err != nil {
		t.Fatal(err)
	}
	rows := e.Split.Validation
	probs, truth := make([]float64, len(rows)), make([]float64, len(rows))
	for k, r := range rows {
		probs[k], truth[k] = s.Probabilities[r], d.TrueProb[r]
	}
	pl, err := NewPlan(probs, nil, PlanAssumptions{Value: 1, Success: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, share := range PlanShares {
		pt := pl.AtShare(share)
		want := 0.0
		for _, i := range pl.Contacted(pt) {
			want += truth[i]
		}
		if math.Abs(pt.Outcomes-want) > 0.05*want {
			t.Errorf("top %s of %d validation users: plan expects %.1f purchases, the true probabilities %.1f",
				Percent(share), len(rows), pt.Outcomes, want)
		}
	}
}
