package experiment

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
)

// The campaign planner turns a model's probabilities into a contact list
// and what it is worth, under assumptions the user states:
//
//	p_i      the model's probability of the outcome the campaign acts on
//	         (churn to prevent, a purchase to encourage) for customer i
//	v_i      the value of that outcome changed for customer i (one figure
//	         for everyone, or a column such as the average order value)
//	s        the share of contacted customers whose outcome the action
//	         changes (the "success rate", an assumption, not a measurement)
//	c        the cost of one contact
//
// Contacting customer i is expected to change s·q_i outcomes, worth
// s·q_i·v_i, for cost c, where q_i is the probability that the outcome is
// one a contact can change: for a campaign that prevents an outcome,
// q_i = p_i (only a customer who would churn can be kept); for one that
// encourages it, q_i = 1 − p_i (a customer who would buy anyway is not
// converted by the contact, only one who would not buy can be). An
// encouraging plan is therefore the preventing plan of the complementary
// outcome. Below, p_i stands for q_i. Customers are ranked by expected value p_i·v_i,
// highest first (ties: the higher p_i, then the earlier row first). With one value for all this
// is the ranking by p_i; with per-customer values it puts a likely churner
// worth 10 behind a less likely one worth 400, because the contact costs the
// same and the second is worth more: for any number k of contacts, the
// first k of this ranking have the largest Σ p_i·v_i, so the ranking is
// the best one for every k at once and the best k is found by one pass.
//
// All figures are expectations under the user's assumptions and under the
// model's probabilities: the association the model learnt, not a measured
// effect of the campaign.

// ErrPlan is matched (errors.Is) by every refusal of the planner's inputs.
var ErrPlan = errors.New("invalid plan")

// PlanAssumptions are the figures the user types.
type PlanAssumptions struct {
	// BudgetMoney caps the campaign's cost (0: no cap by money).
	BudgetMoney float64 `json:"budget_money,omitempty"`
	// BudgetShare caps the share of customers contacted, in (0, 1] (0: no
	// cap by share). At most one of BudgetMoney and BudgetShare is set.
	BudgetShare float64 `json:"budget_share,omitempty"`
	// CostPerContact is c, ≥ 0.
	CostPerContact float64 `json:"cost_per_contact"`
	// Value is v_i for every customer when Values is nil.
	Value float64 `json:"value"`
	// Success is s, in (0, 1].
	Success float64 `json:"success_rate"`
}

// PlanPoint is the campaign that contacts the first Contacted customers of
// the ranking.
type PlanPoint struct {
	// Share is Contacted ÷ customers.
	Share     float64 `json:"share"`
	Contacted int     `json:"contacted"`
	// Outcomes is s·Σp_i over the contacted: the outcomes the campaign is
	// expected to change (customers kept, purchases made).
	Outcomes float64 `json:"expected_outcomes_changed"`
	// Value is s·Σp_i·v_i; Cost is c·Contacted; Net is Value − Cost.
	Value float64 `json:"expected_value"`
	Cost  float64 `json:"cost"`
	Net   float64 `json:"net_value"`
	// ROI is Net ÷ Cost (NaN when nothing is spent).
	ROI float64 `json:"roi"`
	// MeanProb is the mean probability of the outcome (p_i, not q_i) of
	// the contacted customers (NaN for none).
	MeanProb float64 `json:"mean_probability"`
	// InBudget says whether the point's cost and share are within the
	// budget.
	InBudget bool `json:"within_budget"`
}

// Plan is the planner's answer for one set of assumptions.
type Plan struct {
	Assumptions PlanAssumptions `json:"assumptions"`
	Customers   int             `json:"customers"`
	// Order is the ranking: customer indices, highest p_i·v_i first.
	Order []int `json:"-"`
	// MaxContacts is the most customers the budget allows.
	MaxContacts int `json:"max_contacts"`
	// Curve has one point per whole percent of customers, 1 % to 100 %
	// (Contacted = ⌊j·n/100⌋, so small lists repeat counts).
	Curve []PlanPoint `json:"curve"`
	// Best is the point of largest net value within the budget, found
	// over every count 0 … MaxContacts (ties: the fewest contacts). It is
	// the empty campaign when no contact pays for itself.
	Best PlanPoint `json:"best"`
	// Unbounded is the best point without the budget (the same as Best
	// when the budget does not bind).
	Unbounded PlanPoint `json:"best_without_budget"`

	// Encourage says the plan encourages the outcome: it counts and ranks
	// by q_i = 1 − p_i, what a contact can change.
	Encourage bool `json:"-"`

	// probs are q_i (the probabilities a contact can change), outcome
	// the p_i the plan was given.
	probs, outcome, values, cumP, cumPV []float64
	// tieOrder lists the customers by id when ties are ranked so
	// (newPlan's ids), for the contact list's bands; nil otherwise.
	tieOrder []int
}

// NewPlan ranks the customers and computes the curve and the best point.
// probs are the model's probabilities of the outcome the campaign acts on;
// values, when not nil, are per-customer values (v_i), else a.Value is
// everyone's.
// The plan prevents the outcome: contacting customer i changes s·p_i of
// it (NewEncouragePlan for a plan that encourages it).
func NewPlan(probs, values []float64, a PlanAssumptions) (*Plan, error) {
	return newPlan(probs, values, a, nil, false)
}

// NewEncouragePlan is NewPlan for a campaign that encourages the outcome
// of probability probs: a contact can change it only for a customer who
// would not have it anyway, so customers are ranked by (1 − p_i)·v_i and a
// contact is expected to convert s·(1 − p_i) of them.
func NewEncouragePlan(probs, values []float64, a PlanAssumptions) (*Plan, error) {
	return newPlan(probs, values, a, nil, true)
}

// newPlan is NewPlan (NewEncouragePlan when encourage) with the ties of
// the ranking in the order of ids when ids is not nil, else in the
// customers' order.
func newPlan(probs, values []float64, a PlanAssumptions, ids []string, encourage bool) (*Plan, error) {
	if err := a.check(values == nil); err != nil {
		return nil, err
	}
	n := len(probs)
	if n == 0 {
		return nil, fmt.Errorf("%w: no customers to plan for", ErrPlan)
	}
	if values != nil && len(values) != n {
		return nil, fmt.Errorf("%w: %d values for %d customers", ErrPlan, len(values), n)
	}
	for i, p := range probs {
		if !(p >= 0 && p <= 1) {
			return nil, fmt.Errorf("%w: probability %g of customer %d is not in [0, 1]", ErrPlan, p, i+1)
		}
		if values != nil && (math.IsNaN(values[i]) || math.IsInf(values[i], 0) || values[i] < 0) {
			return nil, &PlanRefusal{Code: RefuseCustomerValue, Value: values[i], Customer: i + 1}
		}
	}
	outcome := probs
	if encourage {
		q := make([]float64, n)
		for i, p := range probs {
			q[i] = 1 - p
		}
		probs = q
	}
	pl := &Plan{Assumptions: a, Customers: n, probs: probs, outcome: outcome, values: values, Encourage: encourage}
	pl.Order = make([]int, n)
	for i := range pl.Order {
		pl.Order[i] = i
	}
	if ids != nil {
		slices.SortStableFunc(pl.Order, func(i, j int) int { return strings.Compare(idOf(ids, i), idOf(ids, j)) })
		pl.tieOrder = slices.Clone(pl.Order)
	}
	// Equal worth (a value of 0 for everyone, or customers worth 0 in a
	// value column) falls back to the probability, so that the ranking is
	// still the one by p_i the report names.
	slices.SortStableFunc(pl.Order, func(i, j int) int {
		return cmp.Or(cmp.Compare(pl.worth(j), pl.worth(i)), cmp.Compare(probs[j], probs[i]))
	})
	pl.cumP = make([]float64, n+1)
	pl.cumPV = make([]float64, n+1)
	for k, i := range pl.Order {
		pl.cumP[k+1] = pl.cumP[k] + probs[i]
		pl.cumPV[k+1] = pl.cumPV[k] + pl.worth(i)
	}
	if math.IsInf(pl.cumPV[n], 0) {
		return nil, &PlanRefusal{Code: RefuseTooLarge, Value: slices.Max(append(slices.Clone(values), a.Value))}
	}
	if math.IsInf(a.CostPerContact*float64(n), 0) {
		return nil, &PlanRefusal{Code: RefuseTooLarge, Value: a.CostPerContact}
	}
	pl.MaxContacts = pl.maxContacts()
	for j := 1; j <= 100; j++ {
		pl.Curve = append(pl.Curve, pl.AtPercent(j))
	}
	pl.Best, pl.Unbounded = pl.At(pl.bestUpTo(pl.MaxContacts)), pl.At(pl.bestUpTo(n))
	return pl, nil
}

// bestUpTo is the count 0 … limit of largest net value (ties: the fewest).
func (pl *Plan) bestUpTo(limit int) int {
	best := 0
	for k := 1; k <= limit; k++ {
		// Rounding must not break a tie in favour of more contacts.
		if net, top := pl.net(k), pl.net(best); net > top+1e-9*max(1, math.Abs(top)) {
			best = k
		}
	}
	return best
}

// check refuses assumptions out of range; uniform says whether a.Value is
// used.
func (a PlanAssumptions) check(uniform bool) error {
	finite := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
	switch {
	case !finite(a.BudgetMoney) || a.BudgetMoney < 0:
		return &PlanRefusal{Code: RefuseBudget, Value: a.BudgetMoney}
	case !finite(a.BudgetShare) || a.BudgetShare < 0 || a.BudgetShare > 1:
		return &PlanRefusal{Code: RefuseBudgetShare, Value: a.BudgetShare}
	case a.BudgetMoney > 0 && a.BudgetShare > 0:
		return &PlanRefusal{Code: RefuseBudgetBoth}
	case !finite(a.CostPerContact) || a.CostPerContact < 0:
		return &PlanRefusal{Code: RefuseCost, Value: a.CostPerContact}
	case uniform && (!finite(a.Value) || a.Value < 0):
		return &PlanRefusal{Code: RefuseValue, Value: a.Value}
	case !(a.Success > 0 && a.Success <= 1):
		return &PlanRefusal{Code: RefuseSuccess, Value: a.Success}
	}
	return nil
}

// worth is p_i·v_i, the ranking key.
func (pl *Plan) worth(i int) float64 { return pl.probs[i] * pl.value(i) }

// gain is s·p_i·v_i − c, the expected net value of contacting customer i
// (p_i standing for q_i, as above).
func (pl *Plan) gain(i int) float64 {
	return pl.Assumptions.Success*pl.worth(i) - pl.Assumptions.CostPerContact
}

// value is v_i.
func (pl *Plan) value(i int) float64 {
	if pl.values != nil {
		return pl.values[i]
	}
	return pl.Assumptions.Value
}

// net is the net value of contacting the first k customers.
func (pl *Plan) net(k int) float64 {
	return pl.Assumptions.Success*pl.cumPV[k] - pl.Assumptions.CostPerContact*float64(k)
}

// maxContacts is the largest count the budget allows.
func (pl *Plan) maxContacts() int {
	a := pl.Assumptions
	k := pl.Customers
	if a.BudgetShare > 0 {
		// Cut after ⌈share × customers⌉ as the rows by share and the risk
		// bands are (5 % of 5,630 is 282, the top 5 % band); a share that
		// lands within rounding of a whole count keeps it (0.07 of 100
		// customers is 7, not 8).
		k = min(k, int(math.Ceil(a.BudgetShare*float64(pl.Customers)-1e-9)))
	}
	if a.BudgetMoney > 0 && a.CostPerContact > 0 {
		// Compared as floats: a budget of 1e19 contacts overflows an int
		// (to a negative count, which planned no contact at all).
		if affordable := math.Floor(a.BudgetMoney/a.CostPerContact + 1e-9); affordable < float64(k) {
			k = int(affordable)
		}
	}
	return k
}

// At is the campaign that contacts the first k customers of the ranking
// (k is clamped to 0 … Customers).
func (pl *Plan) At(k int) PlanPoint {
	k = min(max(k, 0), pl.Customers)
	a := pl.Assumptions
	pt := PlanPoint{
		Share: float64(k) / float64(pl.Customers), Contacted: k,
		Outcomes: a.Success * pl.cumP[k], Value: a.Success * pl.cumPV[k],
		Cost: a.CostPerContact * float64(k), MeanProb: math.NaN(), ROI: math.NaN(),
		InBudget: k <= pl.MaxContacts,
	}
	pt.Net = pt.Value - pt.Cost
	if pt.Cost > 0 {
		pt.ROI = pt.Net / pt.Cost
	}
	if k > 0 {
		pt.MeanProb = pl.cumP[k] / float64(k)
		if pl.Encourage {
			pt.MeanProb = 1 - pt.MeanProb
		}
	}
	return pt
}

// AtPercent is the campaign that contacts the top pct percent of the
// customers: ⌈pct·n/100⌉ of them, where a risk band of that share ends
// (PercentCount).
func (pl *Plan) AtPercent(pct int) PlanPoint { return pl.At(PercentCount(pct, pl.Customers)) }

// Contacted returns the indices of the customers the point contacts, in
// ranking order.
func (pl *Plan) Contacted(pt PlanPoint) []int { return pl.Order[:pt.Contacted] }

// Rank returns each customer's 1-based place in the ranking.
func (pl *Plan) Rank() []int {
	r := make([]int, pl.Customers)
	for k, i := range pl.Order {
		r[i] = k + 1
	}
	return r
}

// MarshalJSON writes the point with null for the ROI of a free campaign
// and the mean probability of an empty one (JSON has no NaN).
func (pt PlanPoint) MarshalJSON() ([]byte, error) {
	type plain PlanPoint
	return json.Marshal(struct {
		plain
		ROI      *float64 `json:"roi"`
		MeanProb *float64 `json:"mean_probability"`
	}{plain(pt), finiteOrNil(pt.ROI), finiteOrNil(pt.MeanProb)})
}

// finiteOrNil is &v, or nil for NaN and ±Inf.
func finiteOrNil(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}
