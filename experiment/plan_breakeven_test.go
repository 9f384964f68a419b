package experiment

import (
	"math"
	"testing"
)

// The break-even and the success-rate sensitivity of two small plans,
// worked by hand (review 27, finding 3). Four customers of P 0.9, 0.5,
// 0.2, 0.05; cost c = 10, value v = 100, success s = 0.2, no budget.
//
// Preventing, q = P: a contact pays where s·P·v > c, P > c/(s·v) =
// 10/(0.2·100) = 0.5. Only P 0.9 pays (P 0.5 nets 0, a tie, fewest
// contacts kept): 1 contact, value 0.2·0.9·100 = 18, net 18 − 10 = 8.
// At s = 0.1 the break-even is 10/10 = 1: no one pays, net 0. At s = 0.4
// it is 10/40 = 0.25: P 0.9 and 0.5 pay, value 0.4·1.4·100 = 56, net
// 56 − 20 = 36.
//
// Encouraging, q = 1 − P = 0.1, 0.5, 0.8, 0.95: a contact pays where
// P < 1 − c/(s·v) = 0.5: P 0.2 and 0.05, value 0.2·(0.8 + 0.95)·100 = 35,
// net 35 − 20 = 15. At s = 0.1 no one (1 − 1 = 0), at s = 0.4 P < 0.75:
// three, value 0.4·(0.5 + 0.8 + 0.95)·100 = 90, net 90 − 30 = 60.
func TestPlanBreakEvenAndSensitivity(t *testing.T) {
	probs := []float64{0.9, 0.5, 0.2, 0.05}
	a := PlanAssumptions{CostPerContact: 10, Value: 100, Success: 0.2}
	type point struct {
		contacted int
		value     float64
		net       float64
	}
	for _, tc := range []struct {
		name      string
		new       func([]float64, []float64, PlanAssumptions) (*Plan, error)
		p         float64
		above     bool
		best      point
		half, dbl point
		sentence  string
	}{
		{"prevent", NewPlan, 0.5, true, point{1, 18, 8}, point{0, 0, 0}, point{2, 56, 36},
			"Break-even: a contact pays for itself where P(churn) > 0.500 (cost ÷ (success × value) = 10.00 ÷ (20 % × 100))."},
		{"encourage", NewEncouragePlan, 0.5, false, point{2, 35, 15}, point{0, 0, 0}, point{3, 90, 60},
			"Break-even: a contact pays for itself where P(churn) < 0.500 (1 − cost ÷ (success × value) = 1 − 10.00 ÷ (20 % × 100))."},
	} {
		pl, err := tc.new(probs, nil, a)
		if err != nil {
			t.Fatal(err)
		}
		be := pl.BreakEven()
		if be.P == nil || math.Abs(*be.P-tc.p) > 1e-12 || be.Above != tc.above || be.None || be.Stake != 50 {
			t.Errorf("%s: break-even %+v, want P %v above %v, stake 10/0.2 = 50", tc.name, be, tc.p, tc.above)
		}
		check := func(what string, got PlanPoint, want point) {
			if got.Contacted != want.contacted || math.Abs(got.Value-want.value) > 1e-9 || math.Abs(got.Net-want.net) > 1e-9 {
				t.Errorf("%s %s: %d contacted, value %v, net %v; want %+v", tc.name, what, got.Contacted, got.Value, got.Net, want)
			}
		}
		check("best", pl.Best, tc.best)
		sens := pl.Sensitivity()
		if len(sens) != 2 || sens[0].Success != 0.1 || sens[1].Success != 0.4 || sens[0].Factor != 0.5 || sens[1].Factor != 2 {
			t.Fatalf("%s: sensitivity %+v", tc.name, sens)
		}
		check("half", sens[0].Best, tc.half)
		check("double", sens[1].Best, tc.dbl)
		rep := &PlanReport{Outcome: "churn", Assumptions: a, BreakEven: be, Sensitivity: sens}
		if got := BreakEvenSentence(rep); got != tc.sentence {
			t.Errorf("%s:\n%s\nwant\n%s", tc.name, got, tc.sentence)
		}
		want := "Had the success rate been half, 10 %: contact no one; double, 40 %: contact " +
			map[string]string{"prevent": "2 (50 %), net value 36.00.", "encourage": "3 (75 %), net value 60.00."}[tc.name]
		if got := SensitivitySentence(rep); got != want {
			t.Errorf("%s:\n%s\nwant\n%s", tc.name, got, want)
		}
	}
}

// No probability pays when s·v is not above c (0.2 × 40 = 8 < 10); with
// per-customer values the break-even is a value at stake, c/s = 50; a
// success rate of 0.7 is doubled to at most 1, and one of 1 is not
// doubled.
func TestPlanBreakEvenEdges(t *testing.T) {
	probs := []float64{0.9, 0.5}
	pl, err := NewPlan(probs, nil, PlanAssumptions{CostPerContact: 10, Value: 40, Success: 0.2})
	if err != nil {
		t.Fatal(err)
	}
	if be := pl.BreakEven(); !be.None || be.P != nil {
		t.Errorf("break-even %+v, want none", be)
	}
	rep := &PlanReport{Outcome: "churn", Assumptions: pl.Assumptions, BreakEven: pl.BreakEven()}
	if got, want := BreakEvenSentence(rep), "Break-even: no contact pays for itself whatever P(churn): success × value (20 % × 40.00) is not above the cost of a contact (10.00)."; got != want {
		t.Errorf("\n%s\nwant\n%s", got, want)
	}
	pl, err = NewEncouragePlan(probs, []float64{100, 300}, PlanAssumptions{CostPerContact: 10, Success: 0.2})
	if err != nil {
		t.Fatal(err)
	}
	rep = &PlanReport{Outcome: "churn", Assumptions: pl.Assumptions, BreakEven: pl.BreakEven()}
	if got, want := BreakEvenSentence(rep), "Break-even: a contact pays for itself where (1 − P(churn)) × value is above cost ÷ success = 10.00 ÷ 20 % = 50.00."; got != want {
		t.Errorf("\n%s\nwant\n%s", got, want)
	}
	for v, want := range map[float64]string{0.1: "10 %", 0.125: "12.5 %", 1.0 / 3: "33.33 %", 0.05: "5 %"} {
		if got := SuccessRate(v); got != want {
			t.Errorf("SuccessRate(%v) %q, want %q", v, got, want)
		}
	}
	for _, tc := range []struct {
		s    float64
		want []float64
	}{{0.7, []float64{0.35, 1}}, {1, []float64{0.5}}} {
		pl, err := NewPlan(probs, nil, PlanAssumptions{CostPerContact: 1, Value: 100, Success: tc.s})
		if err != nil {
			t.Fatal(err)
		}
		var got []float64
		for _, sv := range pl.Sensitivity() {
			got = append(got, sv.Success)
		}
		if len(got) != len(tc.want) || got[0] != tc.want[0] || got[len(got)-1] != tc.want[len(tc.want)-1] {
			t.Errorf("success %v: sensitivity at %v, want %v", tc.s, got, tc.want)
		}
	}
}
