package experiment

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*max(1, math.Abs(b)) }

// One value for everyone: probabilities 0.9, 0.2, 0.5, 0.1, value 100,
// cost 10, success 0.2. Ranking by p: customers 0 (0.9), 2 (0.5), 1 (0.2),
// 3 (0.1). Each contact is worth 0.2·100·p − 10 = 8, 0, −6, −8, so the
// cumulative net values are 8, 8, 2, −6: the best is one contact (a tie
// with two, broken towards the fewer).
//
//	k  outcomes 0.2·Σp        value 100·outcomes  cost  net  ROI
//	1  0.2·0.9 = 0.18         18                  10    8    0.8
//	2  0.2·1.4 = 0.28         28                  20    8    0.4
//	3  0.2·1.6 = 0.32         32                  30    2    0.0667
//	4  0.2·1.7 = 0.34         34                  40   −6   −0.15
func TestPlanHandCalculationUniformValue(t *testing.T) {
	pl, err := NewPlan([]float64{0.9, 0.2, 0.5, 0.1}, nil,
		PlanAssumptions{CostPerContact: 10, Value: 100, Success: 0.2})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(pl.Order, []int{0, 2, 1, 3}) {
		t.Errorf("order %v, want [0 2 1 3]", pl.Order)
	}
	want := []PlanPoint{
		{Share: 0, Contacted: 0, Outcomes: 0, Value: 0, Cost: 0, Net: 0, ROI: math.NaN()},
		{Share: 0.25, Contacted: 1, Outcomes: 0.18, Value: 18, Cost: 10, Net: 8, ROI: 0.8, MeanProb: 0.9},
		{Share: 0.5, Contacted: 2, Outcomes: 0.28, Value: 28, Cost: 20, Net: 8, ROI: 0.4, MeanProb: 0.7},
		{Share: 0.75, Contacted: 3, Outcomes: 0.32, Value: 32, Cost: 30, Net: 2, ROI: 2.0 / 30, MeanProb: 1.6 / 3},
		{Share: 1, Contacted: 4, Outcomes: 0.34, Value: 34, Cost: 40, Net: -6, ROI: -0.15, MeanProb: 0.425},
	}
	for k, w := range want {
		got := pl.At(k)
		if got.Contacted != w.Contacted || !near(got.Share, w.Share) || !near(got.Outcomes, w.Outcomes) ||
			!near(got.Value, w.Value) || !near(got.Cost, w.Cost) || !near(got.Net, w.Net) ||
			(k > 0 && (!near(got.ROI, w.ROI) || !near(got.MeanProb, w.MeanProb))) || !got.InBudget {
			t.Errorf("At(%d) = %+v, want %+v", k, got, w)
		}
	}
	if !math.IsNaN(pl.At(0).ROI) || !math.IsNaN(pl.At(0).MeanProb) {
		t.Errorf("empty campaign: ROI %g, mean %g, want NaN", pl.At(0).ROI, pl.At(0).MeanProb)
	}
	if pl.Best.Contacted != 1 || !near(pl.Best.Net, 8) {
		t.Errorf("best %+v, want 1 contact, net 8 (tie with 2 goes to the fewer)", pl.Best)
	}
	// The curve: 1 % … 100 % of 4 customers is ⌈j·4/100⌉, as risk bands
	// cut: 1 from 1 % to 25 %, 2 from 26 % to 50 %, 4 at 100 %.
	if len(pl.Curve) != 100 || pl.Curve[0].Contacted != 1 || pl.Curve[24].Contacted != 1 ||
		pl.Curve[25].Contacted != 2 || pl.Curve[49].Contacted != 2 || pl.Curve[99].Contacted != 4 {
		t.Errorf("curve counts %d %d %d %d %d", pl.Curve[0].Contacted, pl.Curve[24].Contacted,
			pl.Curve[25].Contacted, pl.Curve[49].Contacted, pl.Curve[99].Contacted)
	}
}

// Per-customer values 50, 400, 100, 10 with probabilities 0.9, 0.2, 0.5,
// 0.1: p·v = 45, 80, 50, 1, so the ranking is 1, 2, 0, 3 — not the ranking
// by p. Success 0.5, cost 20: each contact is worth 0.5·p·v − 20 = 20,
// 5, 2.5, −19.5; cumulative net 20, 25, 27.5, 8. Without a budget the best
// is 3 contacts (net 27.5, value 0.5·175 = 87.5, cost 60, outcomes
// 0.5·(0.2+0.5+0.9) = 0.8, ROI 27.5/60). A budget of 50 allows ⌊50/20⌋ = 2
// contacts: best 2, net 25. A budget of 50 % of customers allows 2 too.
func TestPlanHandCalculationPerCustomerValue(t *testing.T) {
	probs := []float64{0.9, 0.2, 0.5, 0.1}
	values := []float64{50, 400, 100, 10}
	pl, err := NewPlan(probs, values, PlanAssumptions{CostPerContact: 20, Success: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(pl.Order, []int{1, 2, 0, 3}) {
		t.Errorf("order %v, want [1 2 0 3]", pl.Order)
	}
	b := pl.Best
	if b.Contacted != 3 || !near(b.Net, 27.5) || !near(b.Value, 87.5) || !near(b.Cost, 60) ||
		!near(b.Outcomes, 0.8) || !near(b.ROI, 27.5/60) || pl.MaxContacts != 4 {
		t.Errorf("best %+v (max %d), want 3 contacts, net 27.5, value 87.5, cost 60, outcomes 0.8", b, pl.MaxContacts)
	}
	for _, a := range []PlanAssumptions{
		{BudgetMoney: 50, CostPerContact: 20, Success: 0.5},
		{BudgetShare: 0.5, CostPerContact: 20, Success: 0.5},
	} {
		pl, err := NewPlan(probs, values, a)
		if err != nil {
			t.Fatal(err)
		}
		if pl.MaxContacts != 2 || pl.Best.Contacted != 2 || !near(pl.Best.Net, 25) {
			t.Errorf("%+v: max %d, best %+v, want 2 contacts, net 25", a, pl.MaxContacts, pl.Best)
		}
		if pl.Unbounded.Contacted != 3 || !near(pl.Unbounded.Net, 27.5) {
			t.Errorf("%+v: best without the budget %+v, want 3 contacts, net 27.5", a, pl.Unbounded)
		}
		if pl.At(3).InBudget || !pl.At(2).InBudget {
			t.Errorf("%+v: in budget at 2 %v, at 3 %v", a, pl.At(2).InBudget, pl.At(3).InBudget)
		}
	}
	if r := pl.Rank(); !slices.Equal(r, []int{3, 1, 2, 4}) {
		t.Errorf("rank %v, want [3 1 2 4]", r)
	}
}

// No contact pays when s·p·v < c for everyone: the best plan is the empty
// one (0.1·1·100 = 10 < 11).
func TestPlanNothingPays(t *testing.T) {
	pl, err := NewPlan([]float64{1, 0.5}, nil, PlanAssumptions{CostPerContact: 11, Value: 100, Success: 0.1})
	if err != nil {
		t.Fatal(err)
	}
	if pl.Best.Contacted != 0 || pl.Best.Net != 0 {
		t.Errorf("best %+v, want the empty campaign", pl.Best)
	}
}

// Customers of equal worth p·v are ranked by p: with a value of 0 for
// everyone (retain plan --value 0) and with customers worth 0 in a value
// column, the ranking used to fall back to row order, while the report
// said "ranking by P(…), highest first".
func TestPlanEqualWorthRanksByProbability(t *testing.T) {
	probs := []float64{0.2, 0.9, 0.5, 0.9}
	pl, err := NewPlan(probs, nil, PlanAssumptions{CostPerContact: 1, Value: 0, Success: 0.1})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(pl.Order, []int{1, 3, 2, 0}) || !near(pl.At(2).MeanProb, 0.9) {
		t.Errorf("value 0: order %v, mean P of the first 2 %g; want [1 3 2 0] and 0.9", pl.Order, pl.At(2).MeanProb)
	}
	pl, err = NewPlan(probs, []float64{0, 0, 10, 0}, PlanAssumptions{CostPerContact: 1, Success: 0.1})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(pl.Order, []int{2, 1, 3, 0}) {
		t.Errorf("values 0, 0, 10, 0: order %v, want [2 1 3 0]", pl.Order)
	}
}

// The best count is exact, not a percent of the curve: with 1,000
// customers where the first 37 are worth contacting (p 0.9: 0.5·0.9·100
// − 40 = 5) and the rest are not (p 0.1: 5 − 40 < 0), the best is 37
// contacts, net 37·5 = 185, between the curve's 3 % and 4 %.
func TestPlanBestIsExact(t *testing.T) {
	probs := make([]float64, 1000)
	for i := range probs {
		probs[i] = 0.1
		if i%27 == 0 && i/27 < 37 {
			probs[i] = 0.9
		}
	}
	pl, err := NewPlan(probs, nil, PlanAssumptions{CostPerContact: 40, Value: 100, Success: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	if pl.Best.Contacted != 37 || !near(pl.Best.Net, 185) || !near(pl.Best.Share, 0.037) {
		t.Errorf("best %+v, want 37 contacts, net 185", pl.Best)
	}
}

func TestPlanRefusesBadAssumptions(t *testing.T) {
	probs := []float64{0.5}
	for _, c := range []struct {
		a      PlanAssumptions
		values []float64
		probs  []float64
		want   string
		// code is the refusal's code for the TUI (0: an input the TUI
		// never sends).
		code Refusal
	}{
		{PlanAssumptions{Value: 1, Success: 1.5}, nil, probs, "success rate 1.5: want a share above 0 and at most 1", RefuseSuccess},
		{PlanAssumptions{Value: 1, Success: 0}, nil, probs, "success rate 0: want a share above 0 and at most 1", RefuseSuccess},
		{PlanAssumptions{Value: 1, Success: 0.2, CostPerContact: -1}, nil, probs, "cost per contact -1: want an amount ≥ 0", RefuseCost},
		{PlanAssumptions{Value: -5, Success: 0.2}, nil, probs, "value -5: want an amount ≥ 0", RefuseValue},
		{PlanAssumptions{Value: 1, Success: 0.2, BudgetShare: 2}, nil, probs, "budget share 2: want a share between 0 and 1", RefuseBudgetShare},
		{PlanAssumptions{Value: 1, Success: 0.2, BudgetMoney: math.Inf(1)}, nil, probs, "budget +Inf: want an amount ≥ 0", RefuseBudget},
		{PlanAssumptions{Value: 1, Success: 0.2, BudgetShare: 0.5, BudgetMoney: 3}, nil, probs, "a budget is an amount or a share of customers, not both", RefuseBudgetBoth},
		{PlanAssumptions{Value: 1, Success: 0.2}, nil, nil, "no customers to plan for", 0},
		{PlanAssumptions{Success: 0.2}, []float64{1, 2}, probs, "2 values for 1 customers", 0},
		{PlanAssumptions{Success: 0.2}, []float64{math.NaN()}, probs, "value NaN of customer 1 is not a number ≥ 0", RefuseCustomerValue},
		{PlanAssumptions{Value: 1, Success: 0.2}, nil, []float64{0.5, 1.2}, "probability 1.2 of customer 2 is not in [0, 1]", 0},
		// 0.9·1e308 twice is above the largest float, 1.8e308.
		{PlanAssumptions{Value: 1e308, Success: 0.2}, nil, []float64{0.9, 0.9}, "amount 1e+308 is too large: the plan's totals over the customers would overflow", RefuseTooLarge},
		{PlanAssumptions{Success: 0.2}, []float64{3, 1e308, 1e308}, []float64{1, 1, 1}, "amount 1e+308 is too large: the plan's totals over the customers would overflow", RefuseTooLarge},
		{PlanAssumptions{Value: 1, CostPerContact: 1e308, Success: 0.2}, nil, []float64{0.5, 0.5}, "amount 1e+308 is too large: the plan's totals over the customers would overflow", RefuseTooLarge},
	} {
		_, err := NewPlan(c.probs, c.values, c.a)
		if !errors.Is(err, ErrPlan) || err.Error() != "invalid plan: "+c.want {
			t.Errorf("%+v: err %v, want %q", c.a, err, c.want)
		}
		var r *PlanRefusal
		if got := errors.As(err, &r); got != (c.code != 0) || got && r.Code != c.code {
			t.Errorf("%+v: refusal %+v, want code %d", c.a, r, c.code)
		}
	}
}

// JSON has no NaN: the empty campaign's ROI and mean are null.
func TestPlanPointJSON(t *testing.T) {
	pl, err := NewPlan([]float64{0.5}, nil, PlanAssumptions{CostPerContact: 1, Value: 1, Success: 1})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(pl.At(0))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"roi":null`) || !strings.Contains(string(b), `"mean_probability":null`) {
		t.Errorf("JSON %s", b)
	}
	b, _ = json.Marshal(pl.At(1))
	if !strings.Contains(string(b), `"roi":-0.5`) || strings.Count(string(b), `"roi"`) != 1 {
		t.Errorf("JSON %s", b)
	}
}

// A money budget of 1e19 contacts or more overflowed the int count of
// contacts it allows to a negative number: the TUI's plan said no contact
// pays while its table showed one that did. Such a budget caps nothing:
// the plan is the one without a budget (the hand-computed 3 contacts of
// TestPlanHandCalculationPerCustomerValue), and a budget of 1e300 or of
// the largest float64 too.
func TestPlanHugeBudgetCapsNothing(t *testing.T) {
	for _, budget := range []float64{1e19 * 20, 1e300, math.MaxFloat64} {
		pl, err := NewPlan([]float64{0.9, 0.2, 0.5, 0.1}, []float64{50, 400, 100, 10},
			PlanAssumptions{CostPerContact: 20, Success: 0.5, BudgetMoney: budget})
		if err != nil {
			t.Fatal(err)
		}
		if pl.MaxContacts != 4 || pl.Best.Contacted != 3 || !near(pl.Best.Net, 27.5) {
			t.Errorf("budget %g: max %d contacts, best %d (net %g), want 4, 3 (27.5)",
				budget, pl.MaxContacts, pl.Best.Contacted, pl.Best.Net)
		}
	}
}

// A budget share cuts the ranking after ⌈share × customers⌉, as the rows
// by share and the risk bands do: 5 % of 5,630 customers is 281.5, so
// 282 (the top 5 % band's size); 7 % of 100 is 7 even where 0.07 × 100
// rounds to 7.000000000000001; 10 % of 3 is 1.
func TestBudgetShareCutAsBands(t *testing.T) {
	for _, c := range []struct {
		n     int
		share float64
		want  int
	}{{5630, 0.05, 282}, {100, 0.07, 7}, {3, 0.1, 1}, {1494, 0.05, 75}} {
		probs := make([]float64, c.n)
		for i := range probs {
			probs[i] = float64(i+1) / float64(c.n+1)
		}
		pl, err := NewPlan(probs, nil, PlanAssumptions{Value: 1, Success: 0.2, BudgetShare: c.share})
		if err != nil {
			t.Fatal(err)
		}
		if pl.MaxContacts != c.want || c.want != PercentCount(int(math.Round(c.share*100)), c.n) {
			t.Errorf("%v of %d: at most %d contacts (bands: %d), want %d", c.share, c.n, pl.MaxContacts,
				PercentCount(int(math.Round(c.share*100)), c.n), c.want)
		}
	}
}

// ParseBudget reads what `retain plan --budget` and the Plan screen's
// field take: an amount or a share, each above 0 (0 contacts nobody, so it
// is refused rather than read as no budget), a share at most 100 %.
func TestParseBudget(t *testing.T) {
	for _, c := range []struct {
		text         string
		money, share float64
	}{
		{"5000", 5000, 0}, {" 12.5 ", 12.5, 0}, {"10%", 0, 0.1}, {"5 %", 0, 0.05}, {"100%", 0, 1}, {"1e-9", 1e-9, 0},
	} {
		money, share, err := ParseBudget(c.text)
		if err != nil || money != c.money || share != c.share {
			t.Errorf("%q: %g, %g, %v; want %g, %g", c.text, money, share, err, c.money, c.share)
		}
	}
	for _, text := range []string{"0", "0%", "-5", "-1%", "100.5%", "lots", "", "%", "NaN", "Inf", "1e400", "10%%"} {
		_, _, err := ParseBudget(text)
		var r *PlanRefusal
		want := "invalid plan: budget " + strings.TrimSpace(text) + ": want an amount above 0, such as 5000, or a share of customers above 0 and at most 100%, such as 10%"
		if !errors.As(err, &r) || r.Code != RefuseBudgetText || !errors.Is(err, ErrPlan) || err.Error() != want {
			t.Errorf("%q: %v, want %q", text, err, want)
		}
	}
}

// An encouraging plan counts what a contact can change: only a customer
// who would not have the outcome anyway can be converted, so customer i
// is worth s·(1 − p_i)·v (review 14, H1). Probabilities 0.9, 0.2, 0.5,
// 0.1, value 100, cost 10, success 0.2: 1 − p = 0.1, 0.8, 0.5, 0.9, so the
// ranking is 3, 1, 2, 0 and a contact is worth 20·(1 − p) − 10 = 8, 6, 0,
// −8 in that order; cumulative net 8, 14, 14, 6. The best is 2 contacts
// (a tie with 3 goes to the fewer): 0.2·(0.9 + 0.8) = 0.34 converted,
// value 34, cost 20, net 14, ROI 0.7; the mean P of the outcome among
// them is (0.1 + 0.2)/2 = 0.15. (Ranked by p, as before, the best was one
// contact, customer 0, who buys anyway with P 0.9.)
func TestEncouragePlanCountsWhatAContactCanChange(t *testing.T) {
	pl, err := NewEncouragePlan([]float64{0.9, 0.2, 0.5, 0.1}, nil,
		PlanAssumptions{CostPerContact: 10, Value: 100, Success: 0.2})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(pl.Order, []int{3, 1, 2, 0}) {
		t.Errorf("order %v, want [3 1 2 0]", pl.Order)
	}
	b := pl.Best
	if b.Contacted != 2 || !near(b.Outcomes, 0.34) || !near(b.Value, 34) || !near(b.Cost, 20) || !near(b.Net, 14) ||
		!near(b.ROI, 0.7) || !near(b.MeanProb, 0.15) {
		t.Errorf("best %+v, want 2 contacts, 0.34 converted, value 34, cost 20, net 14, ROI 0.7, mean P 0.15", b)
	}
	if all := pl.At(4); !near(all.Outcomes, 0.2*2.3) || !near(all.Net, 6) || !near(all.MeanProb, 0.425) {
		t.Errorf("all four %+v, want 0.46 converted, net 6, mean P 0.425", all)
	}
}
