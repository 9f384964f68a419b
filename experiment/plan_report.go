package experiment

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/retainlab/retain/data"
)

// PlanPercents are the shares of customers, in percent, a plan report
// tabulates besides its best point (Plan.AtPercent).
var PlanPercents = []int{5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100}

// PlanInput is what a plan report is computed from: the customers, the
// model's probability of the outcome the campaign acts on for each, and
// (optionally) what explains them.
type PlanInput struct {
	// IDs name the customers (1-based row numbers when the data has none).
	IDs []string
	// Probs are the probabilities of the outcome the campaign acts on.
	Probs []float64
	// Values are per-customer values (nil: Assumptions.Value for all);
	// ValueColumn names their column.
	Values      []float64
	ValueColumn string
	// ValueRead says how the column's blank and negative cells were read
	// (PlanValues); zero when Values is nil.
	ValueRead PlanValueColumn
	// Segments assign each customer a segment and a risk level.
	Segments *Segments
	// Explainer and Row give the model and each customer's transformed
	// input, for drivers and levers; nil Explainer skips both.
	Explainer *Explainer
	Row       func(i int) []float64
	// Own, when not nil, gives customer i's own raw value of pipeline
	// column pc as the data holds it (NaN when missing or not known;
	// OwnValue reads a table's), for the levers to show a clipped value
	// beside the model's (ClippedText) and the contact list's reasons to
	// mark it (Explainer.SetOwn).
	Own func(i int, pc *data.PipelineColumn) float64
	// Positive says whether the outcome is the model's positive class (else
	// Probs are 1 − P(positive)).
	Positive bool
	// TiesByID ranks customers of equal worth and probability in the
	// order of their IDs rather than in the customers' order. With the
	// ids pseudonymised the customers' order is the file's, which gives
	// the ids back when the file is sorted by them.
	TiesByID bool
}

// PlanRequest is what the user chose.
type PlanRequest struct {
	Assumptions PlanAssumptions
	// Prevent says the campaign tries to prevent the outcome (churn), so
	// it helps by lowering its probability; else it encourages it (a
	// purchase).
	Prevent bool
	// Outcome names the outcome in sentences ("churn", "Revenue = TRUE").
	Outcome string
	// Levers are the columns the platform can influence.
	Levers []string
	// DriverSample caps the customers explained per segment × risk cell
	// (0: 64);
	// Contacts caps the contacts listed with their lever (0: 20).
	DriverSample, Contacts int
}

// PlanSegment is a group of the plan's customers (a segment, or a
// segment × P level) with how many of them the best plan contacts and the
// suggested action of each side.
type PlanSegment struct {
	Cell
	// Contacted counts the group's customers the best plan contacts.
	Contacted int `json:"contacted"`
	// Contact is the action of the group's contacted customers, Others
	// that of the rest (PlanReport.ActionOf); nil when the group has no
	// such customer.
	Contact *Action `json:"action_contacted,omitempty"`
	Others  *Action `json:"action_not_contacted,omitempty"`
}

// SegmentAction is one cell of segment × P level with its suggested
// actions and the evidence behind them.
type SegmentAction struct {
	PlanSegment
	// Drivers are the columns that move the cell's predictions most, on
	// average (at most three).
	Drivers []Driver `json:"drivers"`
}

// PlanContact is one customer of the best plan.
type PlanContact struct {
	Rank    int        `json:"rank"`
	ID      string     `json:"id"`
	Prob    float64    `json:"probability"`
	Value   float64    `json:"value"`
	Segment Segment    `json:"segment"`
	Risk    Level      `json:"p_level"`
	Action  Action     `json:"action"`
	Lever   *LeverMove `json:"lever,omitempty"`
}

// PLevelsMeaning is what a plan's P levels mean, as its JSON says.
const PLevelsMeaning = "relative to these customers: high is the top 20 % of them by P, medium the next 30 %, low the other 50 %; a low level can still be a high probability"

// PlanReport is everything `retain plan` writes and the Plan screen shows.
type PlanReport struct {
	Outcome string `json:"outcome"`
	// Target is "prevent" or "encourage".
	Target      string          `json:"target"`
	Assumptions PlanAssumptions `json:"assumptions"`
	ValueColumn string          `json:"value_column,omitempty"`
	// ValueBlanks blank cells of the value column were valued at
	// ValueFill; ValueZeroed negative values counted as 0.
	ValueBlanks int     `json:"value_blanks_filled,omitempty"`
	ValueFill   float64 `json:"value_filled_with,omitempty"`
	// ValueFillMean says ValueFill is the mean of the column's other
	// cells: the model does not use the column, so imputes nothing for it.
	ValueFillMean bool   `json:"value_filled_with_mean,omitempty"`
	ValueZeroed   int    `json:"value_negatives_as_zero,omitempty"`
	Customers     int    `json:"customers"`
	Headline      string `json:"headline"`
	// Curve holds the points at PlanPercents, each count once (a share
	// that reaches no more customers than the share before it is left
	// out); Best the best point.
	Curve []PlanPoint `json:"curve"`
	Best  PlanPoint   `json:"best"`
	// CurveByPercent has a point per whole percent, 1 % … 100 % (the net
	// value curve to draw).
	CurveByPercent []PlanPoint `json:"curve_by_percent"`
	// BestWithoutBudget is the best point had there been no budget.
	BestWithoutBudget PlanPoint `json:"best_without_budget"`
	// BreakEven is where a contact's expected value is zero under the
	// assumptions; Sensitivity the best point had the success rate been
	// half and double (Plan.Sensitivity): the success rate is an
	// assumption, and it alone can move the plan from contacting no one
	// to everyone.
	BreakEven   PlanBreakEven     `json:"break_even"`
	Sensitivity []PlanSensitivity `json:"success_sensitivity"`
	Segments    []PlanSegment     `json:"segments"`
	// SegmentKind is "rfm" or "value".
	SegmentKind string `json:"segment_kind"`
	// PLevels says what the P levels of the cells and contacts mean: they
	// are relative, so a "low" P may still be a high probability.
	PLevels string          `json:"p_levels"`
	Actions []SegmentAction `json:"actions"`
	// Drivers are the model's main drivers over all customers (at most 5):
	// the cells' drivers weighted by their sizes.
	Drivers  []Driver      `json:"drivers"`
	Levers   []string      `json:"levers,omitempty"`
	Contacts []PlanContact `json:"contacts"`
	// Plan is the full ranking and per-percent curve.
	Plan *Plan `json:"-"`

	// names are the customers' segments; contacted says which customers
	// the best plan contacts.
	names     []Segment
	contacted []bool
}

// ActionOf is customer i's suggested action: its segment's contact action
// when the best plan contacts it, whatever its P level, else its
// segment's action for the customers left out. The report's segments,
// cells and contacts, the contact list and the Plan screen all word a
// customer's action with it.
func (r *PlanReport) ActionOf(i int) Action { return SuggestedAction(r.names[i], r.contacted[i]) }

// BudgetBinds reports whether the budget holds the plan back: without it
// the best plan would contact more customers (BestWithoutBudget).
func (r *PlanReport) BudgetBinds() bool { return r.BestWithoutBudget.Contacted > r.Best.Contacted }

// group counts the cell's contacted customers and words the action of
// each side.
func (r *PlanReport) group(c Cell) PlanSegment {
	g := PlanSegment{Cell: c}
	for _, i := range c.Members {
		a := r.ActionOf(i)
		switch {
		case r.contacted[i]:
			g.Contacted++
			if g.Contact == nil {
				g.Contact = &a
			}
		case g.Others == nil:
			g.Others = &a
		}
	}
	return g
}

// NewPlanReport computes the plan, the segments' cells, the suggested
// actions with their drivers and the best plan's first contacts with their
// levers.
func NewPlanReport(in PlanInput, req PlanRequest) (*PlanReport, error) {
	var tieIDs []string
	if in.TiesByID {
		tieIDs = in.IDs
	}
	pl, err := newPlan(in.Probs, in.Values, req.Assumptions, tieIDs, !req.Prevent)
	if err != nil {
		return nil, err
	}
	if in.Segments == nil || len(in.Segments.Names) != len(in.Probs) {
		return nil, fmt.Errorf("%w: the segments do not cover the customers", ErrPlan)
	}
	sample, contacts := cmp0(req.DriverSample, 64), cmp0(req.Contacts, 20)
	rep := &PlanReport{Outcome: req.Outcome, Target: "encourage", Assumptions: req.Assumptions,
		ValueColumn: in.ValueColumn, ValueBlanks: in.ValueRead.Blanks, ValueFill: in.ValueRead.Fill, ValueZeroed: in.ValueRead.Zeroed,
		ValueFillMean: in.ValueRead.FillIsMean && in.ValueRead.Blanks > 0,
		Customers:     len(in.Probs), Best: pl.Best, BestWithoutBudget: pl.Unbounded, Plan: pl, CurveByPercent: pl.Curve,
		SegmentKind: in.Segments.Kind, PLevels: PLevelsMeaning, Levers: req.Levers}
	if req.Prevent {
		rep.Target = "prevent"
	}
	for _, pct := range PlanPercents {
		// A share that reaches no more customers than the one before (the
		// 5 % … 90 % of one customer) would repeat its row.
		pt := pl.AtPercent(pct)
		if k := len(rep.Curve); k > 0 && rep.Curve[k-1].Contacted == pt.Contacted {
			continue
		}
		rep.Curve = append(rep.Curve, pt)
	}
	rep.Headline = Headline(pl.Best, req.Prevent, in.Values != nil)
	rep.BreakEven, rep.Sensitivity = pl.BreakEven(), pl.Sensitivity()
	// Without per-customer values every customer is worth the assumed
	// value (PlanInput.Values), in the segments' value columns as in the
	// plan itself.
	values := in.Values
	if values == nil {
		values = make([]float64, len(in.Probs))
		for i := range values {
			values[i] = req.Assumptions.Value
		}
	}
	rep.names = in.Segments.Names
	rep.contacted = make([]bool, len(in.Probs))
	for _, i := range pl.Contacted(pl.Best) {
		rep.contacted[i] = true
	}
	dir := Encourage
	if req.Prevent {
		dir = Prevent
	}
	for _, c := range in.Segments.Cells(in.Probs, values, dir, false) {
		rep.Segments = append(rep.Segments, rep.group(c))
	}
	explain := in.Explainer != nil && in.Row != nil
	cells := in.Segments.Cells(in.Probs, values, dir, true)
	for _, c := range cells {
		rep.Actions = append(rep.Actions, SegmentAction{PlanSegment: rep.group(c)})
	}
	if explain {
		drivers, err := cellDrivers(in, cells, sample)
		if err != nil {
			return nil, err
		}
		for k := range rep.Actions {
			rep.Actions[k].Drivers = drivers[k][:min(3, len(drivers[k]))]
		}
		all := overallDrivers(cells, drivers, len(in.Probs))
		rep.Drivers = all[:min(5, len(all))]
	}
	listed := pl.Contacted(pl.Best)
	listed = listed[:min(contacts, len(listed))]
	var moves []*LeverMove
	if explain && len(req.Levers) > 0 {
		if moves, err = in.Explainer.bestLeversOf(listed, in.Row, in.Own, req.Levers, in.Positive, req.Prevent); err != nil {
			return nil, err
		}
	}
	for k, i := range listed {
		c := PlanContact{Rank: k + 1, ID: idOf(in.IDs, i), Prob: in.Probs[i], Value: pl.value(i),
			Segment: in.Segments.Names[i], Risk: in.Segments.Risk[i], Action: rep.ActionOf(i)}
		if moves != nil {
			c.Lever = moves[k]
		}
		rep.Contacts = append(rep.Contacts, c)
	}
	return rep, nil
}

// MarshalJSON writes the report, its assumptions without "value" when the
// values come from a column (the amount typed, or its default, is then not
// used).
func (r PlanReport) MarshalJSON() ([]byte, error) {
	type plain PlanReport
	type assumptions struct {
		BudgetMoney    float64  `json:"budget_money,omitempty"`
		BudgetShare    float64  `json:"budget_share,omitempty"`
		CostPerContact float64  `json:"cost_per_contact"`
		Value          *float64 `json:"value,omitempty"`
		Success        float64  `json:"success_rate"`
	}
	a := r.Assumptions
	out := struct {
		plain
		Assumptions assumptions `json:"assumptions"`
	}{plain: plain(r), Assumptions: assumptions{BudgetMoney: a.BudgetMoney, BudgetShare: a.BudgetShare,
		CostPerContact: a.CostPerContact, Success: a.Success}}
	if r.ValueColumn == "" {
		out.Assumptions.Value = &a.Value
	}
	return json.Marshal(out)
}

// cmp0 is v, or def when v is 0.
func cmp0(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}

// Headline says the best plan in one sentence, e.g. "Contact the 412
// customers at highest risk (8 %): about 61 kept, net value 3,450 under
// your assumptions." (prevent) or "Contact the 412 customers least likely
// to convert without a contact (8 %): about 61 converted, net value 3,450
// under your assumptions; customers who would convert anyway are not
// counted as converted." (encourage); with per-customer values, "… with
// the most value at stake …" (prevent) or "… with the most value a
// contact can win …" (encourage). A best plan expected to change fewer
// than one customer (PlanPoint.TooSmall) is said to be no campaign.
func Headline(best PlanPoint, prevent, perCustomer bool) string {
	if best.Contacted == 0 {
		return "No contact pays for itself under your assumptions: the expected value of contacting even the " +
			"first customer of the ranking is below the cost of a contact."
	}
	changed := "kept"
	if !prevent {
		changed = "converted"
	}
	noun := "customers"
	if best.Contacted == 1 {
		noun = "customer"
	}
	if best.TooSmall() {
		return fmt.Sprintf("No campaign pays under your assumptions: the best contacts %s %s (%s) for about %s %s, "+
			"less than one customer, and a net value of %s.",
			data.Thousands(best.Contacted), noun, Percent(best.Share), Count(best.Outcomes), changed, Money(best.Net))
	}
	who, anyway := "at highest risk", ""
	switch {
	case !prevent && perCustomer:
		who = "with the most value a contact can win"
	case !prevent:
		who = "least likely to convert without a contact"
	case perCustomer:
		who = "with the most value at stake"
	}
	if !prevent {
		anyway = "; customers who would convert anyway are not counted as converted"
	}
	return fmt.Sprintf("Contact the %s %s %s (%s): about %s %s, net value %s under your assumptions%s.",
		data.Thousands(best.Contacted), noun, who, Percent(best.Share), Count(best.Outcomes), changed, Money(best.Net), anyway)
}

// TooSmall reports whether the campaign contacts someone yet is expected
// to change the outcome of fewer than one customer: it most likely
// changes no one, and its net value, however positive, is the luck of a
// fraction of a customer. Such a best plan is reported as no campaign
// that pays (Headline), not as a plan to run.
func (pt PlanPoint) TooSmall() bool { return pt.Contacted > 0 && pt.Outcomes < 1 }

// Percent writes a share as a whole percent, or with one decimal where a
// whole percent would hide it: below 10 % when it is not whole ("8 %",
// "0.4 %", "35 %") and from 99.5 % up to 100 % ("99.9 %", where 4,335 of
// 4,339 customers read "100 %" beside all 4,339). A share above 0 that
// would show as 0.0 is "< 0.1 %", one below 1 that would show as 100.0 is
// "> 99.9 %": only none is 0 % and only all is 100 %.
func Percent(share float64) string {
	return percentAt(percentDecimals(share))
}

// percentDecimals is share in percent and the decimals Percent writes it
// with.
func percentDecimals(share float64) (p float64, d int) {
	p = share * 100
	if p > 0 && p < 10 && (math.Abs(p-math.Round(p)) > 0.05 || p < 0.05) || p >= 99.5 && p < 100 {
		d = 1
	}
	return p, d
}

// percentAt writes p percent with d decimals, never rounding a p above 0
// to 0 ("< 0.1 %") nor one below 100 to 100 ("> 99.9 %").
func percentAt(p float64, d int) string {
	unit := math.Pow(10, -float64(d))
	switch {
	case p > 0 && p < unit/2:
		return "< " + strconv.FormatFloat(unit, 'f', d, 64) + " %"
	case p < 100 && p >= 100-unit/2:
		return "> " + strconv.FormatFloat(100-unit, 'f', d, 64) + " %"
	}
	return strconv.FormatFloat(p, 'f', d, 64) + " %"
}

// PercentLabels writes the shares of one table's rows as Percent does,
// except that two rows of different shares whose labels would be the same
// get the fewest decimals (up to 4) that tell them apart: 1,226 and 1,230
// of 4,086 customers are "30.0 %" and "30.1 %", not "30 %" twice. Every
// row then has the most decimals any row has ("5.1 %", "10.0 %").
func PercentLabels(shares []float64) []string {
	dec := make([]int, len(shares)) // -1: as Percent writes it
	for i := range dec {
		dec[i] = -1
	}
	label := func(i int) string {
		if dec[i] < 0 {
			return Percent(shares[i])
		}
		return percentAt(100*shares[i], dec[i])
	}
	// A row given more decimals may meet another's label: look again, a
	// few times at most (each look only adds decimals, up to 4).
	for range 5 {
		clash := false
		for i := range shares {
			for j := range i {
				if shares[i] == shares[j] || label(i) != label(j) {
					continue
				}
				clash = true
				d := 1
				for d < 4 && percentAt(100*shares[i], d) == percentAt(100*shares[j], d) {
					d++
				}
				dec[i], dec[j] = max(dec[i], d), max(dec[j], d)
			}
		}
		if !clash {
			break
		}
	}
	// One column, one number of decimals: "5.1 %" sat above "10 %" and
	// "20 %".
	most := 0
	for i := range shares {
		d := dec[i]
		if d < 0 {
			_, d = percentDecimals(shares[i])
		}
		most = max(most, d)
	}
	out := make([]string, len(shares))
	for i := range out {
		out[i] = percentAt(100*shares[i], most)
	}
	return out
}

// Count writes an expected count: whole with thousands separators from
// 10 up, one decimal below ("61", "1,234", "3.4").
func Count(v float64) string {
	if huge(v) {
		return strconv.FormatFloat(v, 'g', 4, 64)
	}
	if math.Abs(v) >= 10 {
		return data.Thousands(int(math.Round(v)))
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// huge reports whether v is too large to write whole (an int would
// overflow from 9.2e18; a budget may be 1e300): such values are written
// as 1.235e+19.
func huge(v float64) bool { return !(math.Abs(v) < 1e15) }

// Money writes an amount: whole with thousands separators from 100 up, two
// decimals below ("3,450", "-1,200", "12.50").
func Money(v float64) string {
	if huge(v) {
		return strconv.FormatFloat(v, 'g', 4, 64)
	}
	if math.Abs(v) >= 100 {
		return data.Thousands(int(math.Round(v)))
	}
	s := strconv.FormatFloat(v, 'f', 2, 64)
	return strings.Replace(s, "-0.00", "0.00", 1)
}

// MoneyColumn writes the amounts of one table column alike: whole, as
// Money writes them, when every amount but 0 is from 100 up; otherwise
// all with two decimals and thousands separators ("1,234.50"), so that
// "339" and "25.00" never share a column. Amounts from 1e15 are written
// as Money writes them.
func MoneyColumn(amounts []float64) []string {
	whole := true
	for _, v := range amounts {
		if v != 0 && !huge(v) && math.Abs(v) < 100 {
			whole = false
		}
	}
	out := make([]string, len(amounts))
	for i, v := range amounts {
		switch {
		case huge(v):
			out[i] = Money(v)
		case whole && v == 0:
			out[i] = "0"
		case whole:
			out[i] = Money(v)
		default:
			out[i] = cents(v)
		}
	}
	return out
}

// cents writes an amount below 1e15 with two decimals and thousands
// separators: "-1,234.50".
func cents(v float64) string {
	c := int64(math.Round(math.Abs(v) * 100))
	sign := ""
	if v < 0 && c > 0 {
		sign = "-"
	}
	return fmt.Sprintf("%s%s.%02d", sign, data.Thousands(int(c/100)), c%100)
}

// CurveRows are the rows of a plan's table of net value by share
// contacted, as the report and the Plan screen both show them: the points
// at PlanPercents (Curve) and the best point, each count once, in the
// order of their counts; labels are their shares as PercentLabels writes
// one column of them, and best is the best point's index.
func (r *PlanReport) CurveRows() (rows []PlanPoint, labels []string, best int) {
	// The best point stands for its count wherever it is one of the
	// shares (a budget of 5 %).
	for _, p := range r.Curve {
		if p.Contacted != r.Best.Contacted {
			rows = append(rows, p)
		}
	}
	rows = append(rows, r.Best)
	slices.SortStableFunc(rows, func(p, q PlanPoint) int { return cmp.Compare(p.Contacted, q.Contacted) })
	best = slices.IndexFunc(rows, func(p PlanPoint) bool { return p.Contacted == r.Best.Contacted })
	shares := make([]float64, len(rows))
	for i, p := range rows {
		shares[i] = p.Share
	}
	return rows, PercentLabels(shares), best
}
