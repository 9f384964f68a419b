package experiment

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
)

// Levers are the columns the platform can influence (coupons, time in the
// app, delivery distance…). For a customer, the most movable lever is the
// change of one lever column, within the values the training rows had
// (numeric: LeverSteps+1 values evenly spaced over the range as the model
// measures it — in log(1+v) for a column the model takes in logs, else in
// its own units — or for a column of whole numbers every whole number of
// it when it has at most LeverSteps+1 of them, else those values rounded
// to whole; categorical and boolean: every level), that moves the
// probability of the outcome the campaign acts on most in the helpful
// direction, by at least MinLeverGain, the rest of the row unchanged. It
// is what the model associates with the change, not a measured effect of
// making it.
//
// A numeric lever moves a customer by at most LeverMaxShare of the
// column's range as the model measures it, from the customer's value as
// the model counts it: a plausible step, not a jump to the other end of
// the range, where the model's association is least supported (review 33
// found "distinct_items 1 → 387" for a one-item buyer; a quarter of the
// log range from 1 is 6). In log units the step is relative: a quarter
// of log(1+387) − log(1+1) multiplies 1 + v by at most 3.7.

// LeverSteps is the number of intervals a numeric lever's range is cut
// into when it is not a short range of whole numbers.
const LeverSteps = 20

// LeverMaxShare is the largest move of a numeric lever, as a share of its
// range in the model's units (see above).
const LeverMaxShare = 0.25

// MinLeverGain is the least change of the probability a suggested lever
// must make: one hundredth, the precision suggestions are written at, so
// that none reads "0.90 → 0.90".
const MinLeverGain = 0.01

// A lever may be limited to one direction: "SatisfactionScore:up" is only
// ever raised, "DeliveryDays:down" only lowered (a numeric column the
// platform can move one way only, or only one way of moving it is an
// action). A lever without a direction is tried both ways.

// leverSpec is a lever column with the direction it may move in: +1 up,
// −1 down, 0 either.
type leverSpec struct {
	name string
	dir  int
}

// parseLever reads "Column", "Column:up" or "Column:down" (the direction
// in any case); any other text after a colon is part of the name, and so
// is ":up" or ":down" when the whole text names a column (isColumn) — a
// column named "Hours:up" is a lever both ways, "Hours:up:up" up only.
func parseLever(s string, isColumn func(string) bool) leverSpec {
	s = strings.TrimSpace(s)
	if isColumn(s) {
		return leverSpec{name: s}
	}
	if i := strings.LastIndex(s, ":"); i >= 0 {
		name := strings.TrimSpace(s[:i])
		switch strings.ToLower(strings.TrimSpace(s[i+1:])) {
		case "up":
			return leverSpec{name: name, dir: 1}
		case "down":
			return leverSpec{name: name, dir: -1}
		}
	}
	return leverSpec{name: s}
}

// String writes the lever as CheckLevers returns it.
func (l leverSpec) String() string { return LeverSpec(l.name, l.dir) }

// LeverSpec writes a lever column with a direction (+1 up only, −1 down
// only, 0 either) as --levers and CheckLevers write it: "tenure:up".
func LeverSpec(column string, dir int) string {
	switch {
	case dir > 0:
		return column + ":up"
	case dir < 0:
		return column + ":down"
	}
	return column
}

// ParseLever reads a lever as CheckLevers returns it into its column (one
// of columns when it names one, any case) and direction (LeverSpec's).
func ParseLever(spec string, columns []string) (column string, dir int) {
	l := parseLever(spec, func(name string) bool {
		return slices.ContainsFunc(columns, func(c string) bool { return strings.EqualFold(c, name) })
	})
	return l.name, l.dir
}

// CheckLevers resolves lever names against a pipeline's feature columns
// (case-insensitive), returning them spelled as the pipeline does, with
// the direction given (":up", ":down"). An unknown name is refused with
// the columns there are, a direction on a categorical or boolean column,
// which has no up or down, and one column given with two directions.
func CheckLevers(p *data.Pipeline, names []string) ([]string, error) {
	var out []string
	seen := map[string]string{}
	isColumn := func(name string) bool {
		return slices.ContainsFunc(p.Columns, func(c data.PipelineColumn) bool { return strings.EqualFold(c.Name, name) })
	}
	for _, given := range names {
		spec := parseLever(given, isColumn)
		name := spec.name
		found, kind := "", data.Numeric
		for i := range p.Columns {
			if strings.EqualFold(p.Columns[i].Name, name) {
				found, kind = p.Columns[i].Name, p.Columns[i].Kind
			}
		}
		if found == "" {
			var cols []string
			for i := range p.Columns {
				cols = append(cols, p.Columns[i].Name)
			}
			return nil, fmt.Errorf("%w: lever %q is not a feature column of the model (its columns: %s)",
				ErrUnknownColumn, name, strings.Join(cols, ", "))
		}
		if spec.dir != 0 && (kind == data.Categorical || kind == data.Boolean) {
			return nil, fmt.Errorf("lever %q: %s is %s, with levels and no up or down; give it without a direction",
				strings.TrimSpace(given), found, kind)
		}
		spec.name = found
		if before, ok := seen[found]; ok {
			if before != spec.String() {
				return nil, fmt.Errorf("lever %s is given twice, as %s and %s: give it once", found, before, spec)
			}
			continue
		}
		seen[found] = spec.String()
		out = append(out, spec.String())
	}
	return out, nil
}

// LeverMove is a customer's most movable lever.
type LeverMove struct {
	Column string `json:"column"`
	// From and To are the column's current and suggested values (original
	// units); Before and After the probability of the outcome the campaign
	// acts on at each. Model is, when the customer's value lies outside the
	// column's k-anonymous range, the bound the model counts it as (From
	// is then the customer's own value; "" otherwise).
	From   string  `json:"from"`
	Model  string  `json:"model_value,omitempty"`
	To     string  `json:"to"`
	Before float64 `json:"before"`
	After  float64 `json:"after"`
}

// String reads "CouponUsed 0 → 2: P(churn) 0.41 → 0.28" with outcome
// naming the probability ("cart_adds 9 (model: 6.2) → 4: …" for a value
// the model clipped).
func (m LeverMove) String(outcome string) string {
	return fmt.Sprintf("%s %s → %s: P(%s) %.2f → %.2f", m.Column, m.FromText(), m.To, outcome, m.Before, m.After)
}

// FromText is From, followed by the value the model counts it as when that
// differs ("9 (model: 6.2)").
func (m LeverMove) FromText() string {
	if m.Model == "" {
		return m.From
	}
	return m.From + " (model: " + m.Model + ")"
}

// leverCandidates are the values a lever column is tried at: their labels
// and transformed rows are made by setting the column in a row.
type leverCandidates struct {
	pc     *data.PipelineColumn
	labels []string
	values []float64 // numeric values (numeric columns only)
	dir    int       // the lever's direction (leverSpec.dir)
	// step is the largest move from a row's value, in transformed units:
	// LeverMaxShare of the transformed range (numeric columns only).
	step float64
}

// allowed reports whether candidate k moves the lever of row (transformed
// inputs) in its direction: above the row's value for up, below for
// down. The transform is increasing, so transformed values compare as the
// original ones (a value the model clipped counts as its bound).
func (c *leverCandidates) allowed(row []float64, k int) bool {
	if c.values == nil {
		return true
	}
	v, cur := c.pc.Transformed(c.values[k]), row[c.pc.First]
	// At most the step from the value the model counts (a blank one's
	// fill), with room for rounding.
	if math.Abs(v-cur) > c.step*(1+1e-9) {
		return false
	}
	if c.dir == 0 {
		return true
	}
	if c.pc.Indicator && row[c.pc.First+1] == 1 {
		// A blank value (filled in for the model) is neither below nor
		// above any: every value within the step may be suggested.
		return true
	}
	if c.dir > 0 {
		return v > cur
	}
	return v < cur
}

// candidates lists the values a lever column may take.
func (x *Explainer) candidates(column string) (leverCandidates, error) {
	ci, err := x.column(column)
	if err != nil {
		return leverCandidates{}, err
	}
	pc := &x.Pipeline.Columns[ci]
	c := leverCandidates{pc: pc}
	if pc.Kind == data.Categorical || pc.Kind == data.Boolean {
		c.labels = pc.Levels
		return c, nil
	}
	whole := pc.Whole || (pc.Min == math.Trunc(pc.Min) && pc.Max == math.Trunc(pc.Max))
	lo, hi := pc.Min, pc.Max
	if whole {
		// A file from before Whole has whole bounds or none of this.
		lo, hi = math.Ceil(pc.Min), math.Floor(pc.Max)
	}
	switch {
	case whole && hi < lo:
		// A range narrower than one: no whole number inside it.
	case whole && hi-lo <= LeverSteps:
		for v := lo; v <= hi; v++ {
			c.values = append(c.values, v)
		}
	default:
		// Evenly spaced as the model measures the column: in log(1+v)
		// for a log column (whose range starts at 0 or above).
		at := func(k int) float64 { return lo + (hi-lo)*float64(k)/LeverSteps }
		if pc.Log && lo >= 0 {
			llo, lhi := math.Log1p(lo), math.Log1p(hi)
			at = func(k int) float64 {
				v := math.Expm1(llo + (lhi-llo)*float64(k)/LeverSteps)
				if whole {
					return v
				}
				// To two significant digits, as a suggestion is
				// written (0.061, not 0.06089).
				return leverRound(v)
			}
		}
		for k := range LeverSteps + 1 {
			v := at(k)
			switch k {
			case 0:
				v = lo // exactly the ends, not rounded
			case LeverSteps:
				v = hi
			}
			if whole {
				v = math.Round(v)
			}
			if n := len(c.values); n == 0 || c.values[n-1] != v {
				c.values = append(c.values, v)
			}
		}
	}
	c.step = LeverMaxShare * math.Abs(pc.Transformed(hi)-pc.Transformed(lo))
	for _, v := range c.values {
		if pc.Date {
			c.labels = append(c.labels, data.FormatDay(v))
		} else {
			c.labels = append(c.labels, FormatValue(v))
		}
	}
	return c, nil
}

// leverRound rounds v to two significant digits (0 stays 0).
func leverRound(v float64) float64 {
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	unit := math.Pow(10, math.Floor(math.Log10(math.Abs(v)))-1)
	return math.Round(v/unit) * unit
}

// set writes candidate k into dst, a copy of the row.
func (c *leverCandidates) set(x *Explainer, dst []float64, k int) error {
	if c.values != nil {
		dst[c.pc.First] = c.pc.Transformed(c.values[k])
		if c.pc.Indicator {
			dst[c.pc.First+1] = 0
		}
		return nil
	}
	r, err := x.Set(dst, c.pc.Name, c.labels[k])
	if err != nil {
		return err
	}
	copy(dst, r)
	return nil
}

// BestLevers finds the most movable lever of each row of rows (transformed
// inputs, one per customer). positive says whether the campaign's outcome is
// the positive class (else probabilities are 1 − P(positive)); lower says
// whether helping means lowering its probability (prevent) or raising it
// (encourage). Probabilities are calibrated, as Predict's are. A row no
// lever moves in the helpful direction gets nil. own, when not nil, gives
// row k's own value of a column the model clipped (ClippedValue), which
// the move then shows beside the model's.
func (x *Explainer) BestLevers(rows [][]float64, levers []string, positive, lower bool,
	own func(k int, pc *data.PipelineColumn) (string, bool)) ([]*LeverMove, error) {
	var cands []leverCandidates
	isColumn := func(name string) bool { _, err := x.column(name); return err == nil }
	for _, l := range levers {
		spec := parseLever(l, isColumn)
		c, err := x.candidates(spec.name)
		if err != nil {
			return nil, err
		}
		c.dir = spec.dir
		cands = append(cands, c)
	}
	out := make([]*LeverMove, len(rows))
	if len(cands) == 0 {
		return out, nil
	}
	pred := engine.NewPredictor(x.Net)
	cols := x.Net.Arch.Inputs
	outcome := func(p float64) float64 {
		if positive {
			return p
		}
		return 1 - p
	}
	var batch, probs []float64
	for i, row := range rows {
		before := outcome(x.Predict(row))
		best := &LeverMove{Before: before, After: before}
		var moved *data.PipelineColumn // best's column
		movedCI := -1
		for _, c := range cands {
			n := len(c.labels)
			batch = slices.Grow(batch[:0], n*cols)[:n*cols]
			for k := range n {
				dst := batch[k*cols : (k+1)*cols]
				copy(dst, row)
				if err := c.set(x, dst, k); err != nil {
					return nil, err
				}
			}
			probs = slices.Grow(probs[:0], n)[:n]
			pred.PredictFlat(probs, nil, batch, n)
			for k, p := range probs {
				if !c.allowed(row, k) {
					continue
				}
				p = outcome(x.Calibration.Apply(p)) // on the scale of before

				if (lower && p < best.After) || (!lower && p > best.After) {
					ci := slices.IndexFunc(x.Pipeline.Columns, func(q data.PipelineColumn) bool { return q.Name == c.pc.Name })
					best = &LeverMove{Column: c.pc.Name, From: x.Value(row, ci), To: c.labels[k], Before: before, After: p}
					moved, movedCI = c.pc, ci
				}
			}
		}
		if best.Column != "" && best.From != best.To && math.Abs(best.After-before) >= MinLeverGain {
			if own != nil {
				if v, ok := own(i, moved); ok {
					best.From, best.Model = v, best.From
				}
			}
			if x.Personal.Personal(movedCI) {
				best.From, best.To = x.Personal.Show(movedCI, best.From), x.Personal.Show(movedCI, best.To)
			}
			out[i] = best
		}
	}
	return out, nil
}

// bestLeversOf is BestLevers for the customers listed (indices), row
// giving each one's transformed inputs and own (nil: none) their own raw
// values (PlanInput.Own), shown where the model clipped them.
func (x *Explainer) bestLeversOf(listed []int, row func(i int) []float64, own func(i int, pc *data.PipelineColumn) float64,
	levers []string, positive, lower bool) ([]*LeverMove, error) {
	rows := make([][]float64, len(listed))
	for k, i := range listed {
		rows[k] = row(i)
	}
	var ownK func(k int, pc *data.PipelineColumn) (string, bool)
	if own != nil {
		ownK = func(k int, pc *data.PipelineColumn) (string, bool) { return ClippedText(pc, own(listed[k], pc)) }
	}
	return x.BestLevers(rows, levers, positive, lower, ownK)
}

// Driver is a column's mean share of the predictions of a group of
// customers.
type Driver struct {
	Column string `json:"column"`
	// Mean is the mean integrated-gradients attribution to the probability
	// of the outcome the campaign acts on (positive raises it), measured
	// against the mean training customer; MeanAbs the mean of its size.
	Mean    float64 `json:"mean"`
	MeanAbs float64 `json:"mean_abs"`
}

// Drivers explains up to sample rows of members (evenly spaced through
// them, so the same members always give the same sample) and averages each
// column's attribution; largest mean size first. positive says whether the
// campaign's outcome is the positive class (else attributions change sign).
func (x *Explainer) Drivers(rows func(i int) []float64, members []int, sample int, positive bool) ([]Driver, error) {
	picked := members
	if sample > 0 && len(members) > sample {
		picked = make([]int, sample)
		for k := range picked {
			picked[k] = members[k*len(members)/sample]
		}
	}
	sums := map[string]*Driver{}
	var order []string
	for _, i := range picked {
		ex, err := x.Explain(rows(i))
		if err != nil {
			return nil, err
		}
		for _, r := range ex.Reasons {
			d := sums[r.Column]
			if d == nil {
				d = &Driver{Column: r.Column}
				sums[r.Column] = d
				order = append(order, r.Column)
			}
			a := r.Attribution
			if !positive {
				a = -a
			}
			d.Mean += a
			d.MeanAbs += math.Abs(a)
		}
	}
	out := make([]Driver, 0, len(order))
	for _, name := range order {
		d := *sums[name]
		d.Mean /= float64(len(picked))
		d.MeanAbs /= float64(len(picked))
		out = append(out, d)
	}
	slices.SortStableFunc(out, func(p, q Driver) int { return cmp.Compare(q.MeanAbs, p.MeanAbs) })
	return out, nil
}
