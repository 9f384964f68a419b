package experiment

import (
	"slices"
	"testing"
)

// TestLevelsCutAsBands: the P levels end where risk bands of 20 % and 50 %
// end, after ⌈share·n⌉ customers (PercentCount); they were cut at
// ⌊share·n⌋, so with 1 to 4 customers no one was high. By hand: n = 1:
// ⌈0.2⌉ = 1 high. n = 2: ⌈0.4⌉ = 1 high, ⌈1⌉ = 1, so no medium. n = 5:
// ⌈1⌉ = 1 high, ⌈2.5⌉ = 3, so ranks 2–3 medium. n = 10: 2 high, 3 medium,
// 5 low, as before.
func TestLevelsCutAsBands(t *testing.T) {
	for _, tc := range []struct {
		scores []float64
		want   []Level
	}{
		{[]float64{0.968}, []Level{High}},
		{[]float64{0.2, 0.9}, []Level{Low, High}},
		{[]float64{0.5, 0.4, 0.3, 0.2, 0.1}, []Level{High, Medium, Medium, Low, Low}},
		{[]float64{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, []Level{High, High, Medium, Medium, Medium, Low, Low, Low, Low, Low}},
	} {
		if got := Levels(tc.scores); !slices.Equal(got, tc.want) {
			t.Errorf("Levels(%v) = %v, want %v", tc.scores, got, tc.want)
		}
	}
	// On 1,494 customers the top 5 % is ⌈74.7⌉ = 75, the plan's row and the
	// band alike (the plan's row contacted ⌊74.7⌋ = 74).
	probs := make([]float64, 1494)
	for i := range probs {
		probs[i] = float64(i+1) / 1495
	}
	pl, err := NewPlan(probs, nil, PlanAssumptions{Value: 100, Success: 0.1, CostPerContact: 1})
	if err != nil {
		t.Fatal(err)
	}
	band := AssignBands(probs, BandScheme{}).Bands[0]
	if got := pl.AtPercent(5).Contacted; got != 75 || band.Users() != 75 {
		t.Errorf("top 5 %% of 1,494: plan row %d, band %d; want 75 and 75", got, band.Users())
	}
}

// TestPlanReportOfOneCustomer: with one customer every share from 5 % to
// 100 % reaches that customer, so the table has one row, not ten "0 %"
// rows and one of 100 %; and the customer is at high P.
func TestPlanReportOfOneCustomer(t *testing.T) {
	probs := []float64{0.968}
	seg, err := ValueSegments(probs, nil)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := NewPlanReport(PlanInput{IDs: []string{"12346"}, Probs: probs, Segments: seg, Positive: true},
		PlanRequest{Assumptions: PlanAssumptions{CostPerContact: 1, Value: 100, Success: 0.1}, Outcome: "orders_again_90d = yes"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Curve) != 1 || rep.Curve[0].Contacted != 1 || rep.Curve[0].Share != 1 {
		t.Errorf("curve %+v, want one point: 1 customer, 100 %%", rep.Curve)
	}
	if len(rep.Segments) != 1 || rep.Segments[0].HighRisk != 1 {
		t.Errorf("segments %+v, want the one customer at high P", rep.Segments)
	}
}
