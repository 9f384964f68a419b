package experiment

import (
	"math"
	"testing"
)

// On the built-in shop, whose true purchase probabilities are known, the
// plan's expected count of outcomes (success 1: Σ p over the contacted),
// summed over three seeds, is within 5 % of the count the true
// probabilities give for the same customers, at every tabulated share of
// the test users. The probabilities are calibrated as `retain plan`
// calibrates them by default (Platt on the validation part). One seed's 1,000 test users are too few for 5 % at the top 5 % (50
// users); three seeds' sums are not.
func TestPlanExpectedOutcomesMatchTrueProbabilitiesOnShop(t *testing.T) {
	expected, truth := make([]float64, len(PlanPercents)), make([]float64, len(PlanPercents))
	for seed := uint64(1); seed <= 3; seed++ {
		cfg := DefaultConfig()
		cfg.Seed, cfg.TestFrac = seed, 0.2
		cfg.CalibFrac, cfg.Calibration = DefaultCalibFrac, DefaultCalibration
		e := trainedOn(t, Source{Kind: "builtin"}, cfg)
		b, err := e.Bundle(0.5)
		if err != nil {
			t.Fatal(err)
		}
		d := e.Data
		s, err := b.ScoreTable(d.Table)
		if err != nil {
			t.Fatal(err)
		}
		rows := e.Split.Test
		probs := make([]float64, len(rows))
		for k, r := range rows {
			probs[k] = s.Probabilities[r]
		}
		pl, err := NewPlan(probs, nil, PlanAssumptions{Value: 1, Success: 1})
		if err != nil {
			t.Fatal(err)
		}
		for i, pct := range PlanPercents {
			pt := pl.AtPercent(pct)
			expected[i] += pt.Outcomes
			for _, k := range pl.Contacted(pt) {
				truth[i] += d.TrueProb[rows[k]]
			}
		}
	}
	for i, pct := range PlanPercents {
		if math.Abs(expected[i]-truth[i]) > 0.05*truth[i] {
			t.Errorf("top %d %% of the test users, seeds 1–3: plan expects %.1f purchases, the true probabilities %.1f",
				pct, expected[i], truth[i])
		}
	}
}
