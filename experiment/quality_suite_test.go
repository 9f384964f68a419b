package experiment

import "testing"

// TestSuiteChoice works a 3×2 table by hand: best per set 0.90 and 0.80;
// shortfalls a (0, 0.05), b (0.02, 0), c (0.01, 0.01). c has the least
// worst shortfall (0.01) and is chosen although it misses set 2's bar
// 0.795, which only b reaches; a tie in shortfall goes to the higher mean.
func TestSuiteChoice(t *testing.T) {
	cell := func(v float64) SuiteCell { return SuiteCell{AUCMean: v} }
	r := SuiteResult{
		Sets: []string{"one", "two"}, Candidates: []string{"a", "b", "c"}, Bars: []float64{0, 0.795},
		Cells: [][]SuiteCell{{cell(0.90), cell(0.75)}, {cell(0.88), cell(0.80)}, {cell(0.89), cell(0.79)}},
	}
	r.choose()
	want := []float64{0.05, 0.02, 0.01}
	for i, w := range want {
		if d := r.Regret[i] - w; d > 1e-12 || d < -1e-12 {
			t.Errorf("%s: shortfall %g, want %g", r.Candidates[i], r.Regret[i], w)
		}
	}
	if r.Chosen != 2 || r.Eligible[0] || !r.Eligible[1] || r.Eligible[2] {
		t.Errorf("chosen %d, eligible %v; want c, [false true false]", r.Chosen, r.Eligible)
	}
	// b at (0.89, 0.80): shortfalls a 0.05, b 0.01, c 0.01; b's mean 0.845
	// beats c's 0.84.
	r.Cells[1][0] = cell(0.89)
	r.choose()
	if r.Chosen != 1 {
		t.Errorf("on a tie chosen %d, want b (higher mean)", r.Chosen)
	}
}
