package experiment

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/retainlab/retain/data"
)

// PlanBreakEven is where a contact's expected value is zero under the
// plan's assumptions: s·q·v = c, with q = P preventing and q = 1 − P
// encouraging (Plan's notation). A contact pays for itself beyond it.
type PlanBreakEven struct {
	// Stake is c ÷ s: a contact pays where q·v is above it.
	Stake float64 `json:"value_at_stake"`
	// P is the probability of the outcome at which a contact with the
	// value everyone has breaks even: c ÷ (s·v) preventing (a contact
	// pays above it), 1 − c ÷ (s·v) encouraging (it pays below it); nil
	// with per-customer values, or when no probability pays (None).
	P *float64 `json:"probability"`
	// Above says a contact pays above P (preventing), else below it.
	Above bool `json:"pays_above"`
	// None says no contact pays whatever its probability: s·v is not
	// above c (with one value for everyone).
	None bool `json:"no_probability_pays,omitempty"`
}

// PlanSensitivity is the best plan, within the budget, had the success
// rate been another: the ranking stays, the best count moves.
type PlanSensitivity struct {
	// Factor is Success ÷ the plan's success rate (0.5, 2, or less than 2
	// where double the rate would exceed 1 and 1 is taken).
	Factor  float64   `json:"factor"`
	Success float64   `json:"success_rate"`
	Best    PlanPoint `json:"best"`
}

// BreakEven is where a contact's expected value is zero under the plan's
// assumptions.
func (pl *Plan) BreakEven() PlanBreakEven {
	a := pl.Assumptions
	be := PlanBreakEven{Stake: a.CostPerContact / a.Success, Above: !pl.Encourage}
	if pl.values != nil {
		return be
	}
	if !(a.Success*a.Value > a.CostPerContact) {
		be.None = true
		return be
	}
	p := a.CostPerContact / (a.Success * a.Value)
	if pl.Encourage {
		p = 1 - p
	}
	be.P = &p
	return be
}

// BestWithSuccess is the best point within the budget had the success
// rate been s (in (0, 1]), the ranking unchanged: the success rate scales
// every customer's expected value alike, so it moves only where the
// contacts stop paying for themselves.
func (pl *Plan) BestWithSuccess(s float64) PlanPoint {
	other := *pl
	other.Assumptions.Success = s
	return other.At(other.bestUpTo(other.MaxContacts))
}

// Sensitivity is the best plan had the success rate been half and double
// the assumed one (double capped at 1, and left out when the rate is 1).
func (pl *Plan) Sensitivity() []PlanSensitivity {
	s := pl.Assumptions.Success
	out := []PlanSensitivity{{Factor: 0.5, Success: s / 2, Best: pl.BestWithSuccess(s / 2)}}
	if double := min(2*s, 1); double > s {
		out = append(out, PlanSensitivity{Factor: double / s, Success: double, Best: pl.BestWithSuccess(double)})
	}
	return out
}

// BreakEvenSentence says the break-even in English, e.g. "Break-even: a
// contact pays for itself where P < 0.900 (1 − cost ÷ (success × value) =
// 1 − 1.00 ÷ (10 % × 100))."; outcome names P's outcome.
func BreakEvenSentence(r *PlanReport) string {
	be, a := r.BreakEven, r.Assumptions
	if be.None {
		return fmt.Sprintf("Break-even: no contact pays for itself whatever P(%s): success × value (%s × %s) is not above the cost of a contact (%s).",
			r.Outcome, SuccessRate(a.Success), Money(a.Value), Money(a.CostPerContact))
	}
	if be.P == nil {
		q := "P(" + r.Outcome + ")"
		if !be.Above {
			q = "(1 − " + q + ")"
		}
		return fmt.Sprintf("Break-even: a contact pays for itself where %s × value is above cost ÷ success = %s ÷ %s = %s.",
			q, Money(a.CostPerContact), SuccessRate(a.Success), Money(be.Stake))
	}
	rule, one := ">", ""
	if !be.Above {
		rule, one = "<", "1 − "
	}
	return fmt.Sprintf("Break-even: a contact pays for itself where P(%s) %s %.3f (%scost ÷ (success × value) = %s%s ÷ (%s × %s)).",
		r.Outcome, rule, *be.P, one, one, Money(a.CostPerContact), SuccessRate(a.Success), Money(a.Value))
}

// SensitivitySentence says in English what the best plan would be had the
// success rate been half and double, e.g. "Had the success rate been
// half, 5 %: contact 23,368 (99 %), net value 75,000; double, 20 %:
// contact 23,500 (99.7 %), net value 370,000."
func SensitivitySentence(r *PlanReport) string {
	var parts []string
	for _, sv := range r.Sensitivity {
		how := "half"
		switch {
		case sv.Factor == 2:
			how = "double"
		case sv.Factor > 1:
			how = "at most"
		}
		parts = append(parts, fmt.Sprintf("%s, %s: %s", how, SuccessRate(sv.Success), contactWords(sv.Best)))
	}
	return "Had the success rate been " + strings.Join(parts, "; ") + "."
}

// SuccessRate writes a success rate in percent to at most two decimals,
// none when whole: "10 %", "12.5 %", "33.33 %" (half of 25 % is not
// "12 %").
func SuccessRate(s float64) string {
	return strconv.FormatFloat(math.Round(s*1e4)/100, 'f', -1, 64) + " %"
}

// contactWords says a best point's contacts and net value: "contact
// 2,357 (10 %), net value 20,444", or "contact no one".
func contactWords(pt PlanPoint) string {
	if pt.Contacted == 0 {
		return "contact no one"
	}
	return fmt.Sprintf("contact %s (%s), net value %s", data.Thousands(pt.Contacted), Percent(pt.Share), Money(pt.Net))
}
