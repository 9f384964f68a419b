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
//     DeLong, as train gives it: the positives' components 1 and 2/3
//     (sample variance 1/18), the negatives' (0.8, 0.3, 0.2) 1/2, 1, 1
//     (variance 1/12); var = (1/18)/2 + (1/12)/3 = 1/18, so 0.8333 ±
//     1.96·0.235702 = [0.371365, 1] (clamped).
//   - The plan contacts 2: customers 0 and 1, one outcome in two: rate 0.5
//     against 2/5 = 0.4 overall, lift 1.25; Wilson for 1 of 2 is
//     [0.094531, 0.905469], so the lift's interval is [0.236328, 2.263672].
//   - ECE: every customer alone in a bin of width 0.1: mean |P − y| =
//     (0.1 + 0.8 + 0.3 + 0.4 + 0.2)/5 = 0.36.
//
// With the outcome the negative class and the labels flipped, the same,
// the AUC's interval too: DeLong's is symmetric in the two classes (it
// used to be Hanley–McNeil's on the label's classes, [0.439952, 1]
// against [0.406174, 1]).
//
// One known outcome of the other kind (a class of one customer) leaves
// DeLong no variance to estimate: Hanley–McNeil stands in, AUC 1 with 1
// positive and 2 negatives: q1 = 1, q2 = 1, var = 0, so [1, 1].
func TestCheckPlanHandCalculation(t *testing.T) {
	probs := []float64{0.9, 0.8, 0.3, 0.6, 0.2, 0.1}
	order := []int{0, 1, 3, 2, 4, 5}
	nan := math.NaN()
	for _, c := range []struct {
		labels     []float64
		onPositive bool
		aucLow     float64
	}{
		{[]float64{1, 0, 0, 1, 0, nan}, true, 0.371365},
		{[]float64{0, 1, 1, 0, 1, nan}, false, 0.371365},
	} {
		got := CheckPlan(probs, c.labels, c.onPositive, order, 2)
		if got == nil {
			t.Fatal("no check")
		}
		close := func(a, b float64) bool { return math.Abs(a-b) < 1e-6 }
		if got.Customers != 5 || got.Outcomes != 2 || !close(got.AUC.Value, 5.0/6) || !close(got.AUC.Low, c.aucLow) ||
			got.AUC.High != 1 || got.AUC.Of != 5 || got.AUC.Method != "DeLong" {
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
	got := CheckPlan(probs[:3], []float64{1, 0, 0}, true, order[:2], 1)
	if got == nil || got.AUC.Value != 1 || got.AUC.Low != 1 || got.AUC.High != 1 || got.AUC.Method != "Hanley-McNeil" {
		t.Errorf("one positive: %+v", got)
	}
}
