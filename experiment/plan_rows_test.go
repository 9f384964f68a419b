package experiment

import (
	"slices"
	"testing"
)

// bestBetweenShares is a plan whose best point falls between two of the
// tabulated shares: of 200 customers, 199 have P 0.5 and one 0.05; with
// cost 1, value 100 and success 0.1 a contact to prevent pays where
// P > 1 ÷ (0.1 × 100) = 0.1, so the best contacts 199, 99.5 %.
func bestBetweenShares(t *testing.T) *PlanReport {
	t.Helper()
	probs := make([]float64, 200)
	for i := range probs {
		probs[i] = 0.5
	}
	probs[199] = 0.05
	seg, err := ValueSegments(probs, nil)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := NewPlanReport(PlanInput{Probs: probs, Segments: seg, Positive: true},
		PlanRequest{Assumptions: PlanAssumptions{CostPerContact: 1, Value: 100, Success: 0.1}, Prevent: true, Outcome: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// The table's rows (review 27, finding 9): every tabulated share, the best
// point at 99.5 % between 90 % and 100 %, and the 100 % row after it, all
// with one decimal as 99.5 % needs one.
func TestCurveRowsKeepAllBesideTheBest(t *testing.T) {
	rep := bestBetweenShares(t)
	rows, labels, best := rep.CurveRows()
	want := []string{"5.0 %", "10.0 %", "20.0 %", "30.0 %", "40.0 %", "50.0 %", "60.0 %", "70.0 %", "80.0 %", "90.0 %", "99.5 %", "100.0 %"}
	if !slices.Equal(labels, want) || best != 10 || rows[best].Contacted != 199 || rows[11].Contacted != 200 {
		t.Errorf("labels %q, best %d (%d contacted), want %q with the best at 10 (199)", labels, best, rows[best].Contacted, want)
	}
}
