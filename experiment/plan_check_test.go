package experiment

import (
	"math"
	"testing"
)

// Six customers, the last with no known outcome. Known: P 0.9 0.8 0.3 0.6
// 0.2 with outcomes 1 0 0 1 0. Hand calculations (the intervals checked in
// Python with the same formulas):
//
//   - AUC: the positives 0.9 and 0.6 beat 3 and 2 of the 3 negatives: 5/6.
//     Hanley–McNeil: q1 = A/(2−A), q2 = 2A²/(1+A), var = (A(1−A) +
//     (1)(q1−A²) + (2)(q2−A²))/(2·3) → 0.8333 ± 1.96·0.21794, so
//     [0.406174, 1] (clamped).
//   - The plan contacts 2: customers 0 and 1, one outcome in two: rate 0.5
//     against 2/5 = 0.4 overall, lift 1.25; Wilson for 1 of 2 is
//     [0.094531, 0.905469], so the lift's interval is [0.236328, 2.263672].
//   - ECE: every customer alone in a bin of width 0.1: mean |P − y| =
//     (0.1 + 0.8 + 0.3 + 0.4 + 0.2)/5 = 0.36.
//
// With the outcome the negative class and the labels flipped, the same,
// but for the AUC's interval: Hanley–McNeil on the label's classes, 3
// positives and 2 negatives, gives 0.8333 ± 1.96·0.20071, [0.439952, 1].
func TestCheckPlanHandCalculation(t *testing.T) {
	probs := []float64{0.9, 0.8, 0.3, 0.6, 0.2, 0.1}
	order := []int{0, 1, 3, 2, 4, 5}
	nan := math.NaN()
	for _, c := range []struct {
		labels     []float64
		onPositive bool
		aucLow     float64
	}{
		{[]float64{1, 0, 0, 1, 0, nan}, true, 0.406174},
		{[]float64{0, 1, 1, 0, 1, nan}, false, 0.439952},
	} {
		got := CheckPlan(probs, c.labels, c.onPositive, order, 2)
		if got == nil {
			t.Fatal("no check")
		}
		close := func(a, b float64) bool { return math.Abs(a-b) < 1e-6 }
		if got.Customers != 5 || got.Outcomes != 2 || !close(got.AUC.Value, 5.0/6) || !close(got.AUC.Low, c.aucLow) ||
			got.AUC.High != 1 || got.AUC.Of != 5 {
			t.Errorf("on positive %v: %d customers, %d outcomes, AUC %+v", c.onPositive, got.Customers, got.Outcomes, got.AUC)
		}
		if !close(got.Share, 2.0/6) || !close(got.Lift.Value, 1.25) || !close(got.Lift.Low, 0.236328) ||
			!close(got.Lift.High, 2.263672) || got.Lift.Of != 2 {
			t.Errorf("on positive %v: share %v, lift %+v", c.onPositive, got.Share, got.Lift)
		}
		if !close(got.ECE, 0.36) {
			t.Errorf("on positive %v: ECE %v, want 0.36", c.onPositive, got.ECE)
		}
	}
	// No contact: no lift. One kind of outcome only: no check.
	if got := CheckPlan(probs, []float64{1, 0, 0, 1, 0, nan}, true, order, 0); got == nil || !math.IsNaN(got.Lift.Value) {
		t.Errorf("no contact: %+v", got)
	}
	if got := CheckPlan(probs, []float64{1, 1, 1, 1, nan, nan}, true, order, 2); got != nil {
		t.Errorf("one class: %+v", got)
	}
}
