package experiment

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
)

// IGSteps is the number of integrated-gradients points an explanation starts
// with (the engine refines it until the attributions are complete).
const IGSteps = 64

// ErrUnknownColumn is returned for a what-if on a column the model lacks.
var ErrUnknownColumn = errors.New("unknown column")

// Explainer explains a network's predictions in the original columns of the
// data: one-hot parts are summed back to their field and values are shown in
// the user's own units.
type Explainer struct {
	Net      *engine.Network
	Pipeline *data.Pipeline
	// Baseline is the transformed input attributions are measured against:
	// the mean training user.
	Baseline []float64
	// Calibration maps the network's probability to the calibrated one
	// in Predict, Sweep, ProbabilityGrid and Explain (nil: none).
	Calibration *Calibration
	// Personal, when set (--pseudonymise), shows the values of columns
	// that name people as their pseudonyms in the reasons and lever moves
	// the explainer gives (nil: every value as it is).
	Personal *PersonalValues
}

// Explainer returns the experiment's explainer, with the training mean as
// the baseline.
func (e *Experiment) Explainer() *Explainer {
	mean := make([]float64, e.Train.Cols)
	for i := range e.Train.Rows {
		for j, v := range e.Train.X[i*e.Train.Cols : (i+1)*e.Train.Cols] {
			mean[j] += v
		}
	}
	for j := range mean {
		mean[j] /= float64(max(e.Train.Rows, 1))
	}
	groupBaseline(mean, e.Pipeline, e.Train.Rows)
	cal, _ := e.Calibration() // a failed fit is reported by Scores
	return &Explainer{Net: e.Net, Pipeline: e.Pipeline, Baseline: mean, Calibration: cal}
}

// groupBaseline rounds the baseline of every 0/1 input (a one-hot level,
// a yes/no column, a was-missing input) that fewer than the pipeline's
// group (data.MinGroup) of the rows training rows differ on: to 0 when
// fewer hold a 1, to 1 when fewer hold a 0. Its mean, a count over rows,
// would otherwise tell how many of that handful there are (the catch-all
// level of 3 customers' rare countries, 3/rows).
func groupBaseline(mean []float64, p *data.Pipeline, rows int) {
	k := p.Options.Group()
	for j, o := range p.Outputs {
		pc := &p.Columns[o.Input]
		if o.Level == "" && !o.Indicator && pc.Kind != data.Boolean {
			continue
		}
		ones := math.Round(mean[j] * float64(rows))
		switch {
		case ones < float64(k):
			mean[j] = 0
		case float64(rows)-ones < float64(k):
			mean[j] = 1
		}
	}
}

// Reason is one original column's share of a prediction.
type Reason struct {
	Column string
	// Value is the user's value in original units ("missing" when the cell
	// was blank and imputed), or its pseudonym (Explainer.Personal).
	Value string
	// Attribution is how much the column moved the probability away from the
	// baseline user's: positive raises it.
	Attribution float64
	// Beyond is +1 when Value is the upper bound of the column's
	// k-anonymous range, which the model clipped the user's value to (the
	// user's own is at or above it), −1 for the lower bound, else 0.
	Beyond int8
	// Blank is set when the user's cell of the column was blank and the
	// model, having no was-missing input for it, read it as Value, the
	// column's training fill (with such an input Value is "missing"). Only
	// a path that knows the user's own cells sets it (Explainer.SetOwn).
	Blank bool
	// NoLevel is set when the column is categorical and the user's cell
	// took no level (Value is BlankLevel or NoLevel): the reason reads
	// "Gender (blank or unseen)", not "Gender=(other)".
	NoLevel bool
}

// NoLevel is the Value of a categorical column's reason when the cell took
// no level in a column without the catch-all (other): a blank cell or a
// level never seen in training. In a column with (other), where an unseen
// level goes, only a blank cell takes none, and the Value is BlankLevel.
const NoLevel = "(blank or unseen)"

// Op is how Value relates to the user's own value: "=", or "≥" / "≤" when
// Value is the bound the model clipped it to (Beyond).
func (r Reason) Op() string {
	switch r.Beyond {
	case 1:
		return "≥"
	case -1:
		return "≤"
	}
	return "="
}

// Explanation attributes one prediction to the original columns.
type Explanation struct {
	// Prob and BaselineProb are the calibrated probabilities of the user
	// and of the baseline user, as every screen and file shows them; the
	// attributions sum to Prob − BaselineProb.
	Prob, BaselineProb float64
	// Reasons has one entry per original column, largest |Attribution| first.
	Reasons []Reason
}

// Explain attributes the calibrated prediction for one transformed input
// row. Integrated gradients attribute the network's own output, which sums
// to raw − rawBaseline; the calibration map is monotone and applied after
// the network, so each attribution is rescaled by
//
//	(cal(raw) − cal(rawBaseline)) ÷ (raw − rawBaseline)
//
// (DeepLIFT's rescale rule for a final monotone map): the reasons keep their
// order and signs and sum to the calibrated Prob − BaselineProb, the change
// the user sees. When the two raw outputs are within 1e-9, the factor is
// the map's slope at raw, measured over ±1e-6. The integration is refined
// until the reasons sum to that change within engine.CompletenessTolerance
// (in calibrated points, not only in the network's).
func (x *Explainer) Explain(row []float64) (Explanation, error) {
	a, err := engine.IntegratedGradientsScaled(x.Net, row, x.Baseline, IGSteps, x.outputScale())
	if err != nil {
		return Explanation{}, err
	}
	return x.explanation(row, a, nil), nil
}

// explanation turns the attribution a of the network's output for row into
// the calibrated explanation Explain describes. Its reasons reuse reasons'
// memory when it is long enough.
func (x *Explainer) explanation(row []float64, a engine.Attribution, reasons []Reason) Explanation {
	cal := x.Calibration
	ex := Explanation{Prob: cal.Apply(a.Output), BaselineProb: cal.Apply(a.BaselineOutput), Reasons: reasons[:0]}
	scale := calibratedScale(cal, a.Output, a.BaselineOutput)
	for i := range x.Pipeline.Columns {
		pc := &x.Pipeline.Columns[i]
		s := 0.0
		for _, v := range a.Values[pc.First : pc.First+pc.Width] {
			s += v
		}
		ex.Reasons = append(ex.Reasons, Reason{Column: pc.Name, Value: x.Personal.Show(i, x.Value(row, i)), Attribution: s * scale,
			Beyond: atBound(pc, row), NoLevel: pc.Kind == data.Categorical && !slices.Contains(row[pc.First:pc.First+pc.Width], 1)})
	}
	slices.SortStableFunc(ex.Reasons, func(p, q Reason) int {
		return cmp.Compare(math.Abs(q.Attribution), math.Abs(p.Attribution))
	})
	return ex
}

// atBound is +1 when row's input of numeric column pc is the transformed
// upper bound its clipping gives, −1 for the lower bound, else 0: a user
// there had a value at or beyond the bound (Reason.Beyond). A bound that
// is a whole number is most likely a value the ten customers of its
// window share (data's kAnonymousRange: 0 spend, 10 years, a score's
// maximum), which most users there hold exactly: it is not marked.
func atBound(pc *data.PipelineColumn, row []float64) int8 {
	if !pc.Clip || pc.Kind != data.Numeric || pc.Date || pc.Min >= pc.Max {
		return 0
	}
	shared := func(b float64) bool { return b == math.Trunc(b) }
	switch v := row[pc.First]; {
	case v == pc.Transformed(pc.Max) && !shared(pc.Max):
		return 1
	case v == pc.Transformed(pc.Min) && !shared(pc.Min):
		return -1
	}
	return 0
}

// outputScale is the factor each attribution of the network's output is
// multiplied by (calibratedScale), for the integration to refine until the
// reasons are complete within engine.CompletenessTolerance in calibrated
// points, the units they are reported in; nil without a calibration.
func (x *Explainer) outputScale() func(raw, rawBaseline float64) float64 {
	cal := x.Calibration
	if cal == nil {
		return nil
	}
	return func(raw, rawBaseline float64) float64 { return calibratedScale(cal, raw, rawBaseline) }
}

// calibratedScale is the factor that turns attributions of the network's
// output into attributions of the calibrated probability (see Explain).
func calibratedScale(cal *Calibration, raw, rawBaseline float64) float64 {
	if cal == nil {
		return 1
	}
	if d := raw - rawBaseline; math.Abs(d) > 1e-9 {
		return (cal.Apply(raw) - cal.Apply(rawBaseline)) / d
	}
	const h = 1e-6
	lo, hi := max(raw-h, 0), min(raw+h, 1)
	return (cal.Apply(hi) - cal.Apply(lo)) / (hi - lo)
}

// Value renders pipeline column ci of a transformed row in original units
// (a date column's as YYYY-MM-DD).
func (x *Explainer) Value(row []float64, ci int) string {
	pc := &x.Pipeline.Columns[ci]
	out := row[pc.First : pc.First+pc.Width]
	switch pc.Kind {
	case data.Categorical:
		for k, v := range out {
			if v == 1 {
				return pc.Levels[k]
			}
		}
		// No level: a blank cell, or, in a column without the
		// catch-all (other) (to which an unseen level goes), a level
		// never seen in training. Not "(other)", which the row was not
		// scored as.
		if pc.Other {
			return BlankLevel
		}
		return NoLevel
	case data.Boolean:
		if pc.Indicator && out[1] == 1 {
			return "missing"
		}
		v := pc.Original(out[0])
		if len(pc.Levels) == 2 {
			return booleanSpelling(pc, int(math.Round(min(max(v, 0), 1))))
		}
		return FormatValue(v)
	}
	if pc.Indicator && out[1] == 1 {
		return "missing"
	}
	if pc.Date {
		return data.FormatDay(pc.Original(out[0]))
	}
	return FormatValue(pc.Original(out[0]))
}

// FormatValue prints a value in original units compactly, as the
// explanations write them: whole numbers in full, others to four
// significant digits.
func FormatValue(v float64) string { return data.FormatDigits(v, 4) }

// Predict returns the probability for one transformed row.
func (x *Explainer) Predict(row []float64) float64 {
	return x.Calibration.Apply(x.Net.Predict(row)[0])
}

// column finds a pipeline column by name (case-insensitive).
func (x *Explainer) column(name string) (int, error) {
	for i := range x.Pipeline.Columns {
		if strings.EqualFold(x.Pipeline.Columns[i].Name, name) {
			return i, nil
		}
	}
	return 0, fmt.Errorf("%w: %q", ErrUnknownColumn, name)
}

// Set returns a copy of row with column set to value, given in original
// units: a number for numeric columns, a date for date columns, a level for categorical ones, one of
// the two spellings (or 0/1) for booleans. Used by what-if.
func (x *Explainer) Set(row []float64, column, value string) ([]float64, error) {
	ci, err := x.column(column)
	if err != nil {
		return nil, err
	}
	pc := &x.Pipeline.Columns[ci]
	out := append([]float64(nil), row...)
	dst := out[pc.First : pc.First+pc.Width]
	value = strings.TrimSpace(value)
	switch pc.Kind {
	case data.Categorical:
		clear(dst)
		for k, l := range pc.Levels {
			if strings.EqualFold(l, value) {
				dst[k] = 1
				return out, nil
			}
		}
		return nil, &ValueError{Column: pc.Name, Value: value, Want: WantLevel, Levels: pc.Levels}
	case data.Boolean:
		for k := range pc.Levels {
			if strings.EqualFold(booleanSpelling(pc, k), value) || strings.EqualFold(pc.Levels[k], value) || value == strconv.Itoa(k) {
				dst[0] = pc.Transformed(float64(k))
				if pc.Indicator {
					dst[1] = 0
				}
				return out, nil
			}
		}
		levels := make([]string, len(pc.Levels))
		for k := range levels {
			levels[k] = booleanSpelling(pc, k)
		}
		return nil, &ValueError{Column: pc.Name, Value: value, Want: WantBoolean, Levels: levels}
	}
	var v float64
	if pc.Date {
		if v, err = pc.ParseDay(value); err != nil {
			return nil, &ValueError{Column: pc.Name, Value: value, Want: WantDate, Err: err}
		}
	} else if v, err = strconv.ParseFloat(value, 64); err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return nil, &ValueError{Column: pc.Name, Value: value, Want: WantNumber}
	}
	dst[0] = pc.Transformed(v)
	if pc.Indicator {
		dst[1] = 0
	}
	return out, nil
}

// SweepPoint is one point of a what-if curve.
type SweepPoint struct {
	Value string  // the column's value, original units
	X     float64 // numeric value (the level index for categorical columns)
	Prob  float64
}

// Sweep moves one column over its training range (points evenly spaced
// values for numeric columns; every level for categorical and boolean ones)
// with the rest of row fixed, and returns the probability at each value.
func (x *Explainer) Sweep(row []float64, column string, points int) ([]SweepPoint, error) {
	ci, err := x.column(column)
	if err != nil {
		return nil, err
	}
	pc := &x.Pipeline.Columns[ci]
	var values []string
	var xs []float64
	if pc.Kind == data.Categorical || pc.Kind == data.Boolean {
		values = pc.Levels
		for k := range values {
			xs = append(xs, float64(k))
		}
	} else {
		points = max(points, 2)
		for k := range points {
			v := pc.Min + (pc.Max-pc.Min)*float64(k)/float64(points-1)
			if pc.Date {
				values = append(values, data.FormatDay(v))
			} else {
				values = append(values, FormatValue(v))
			}
			xs = append(xs, v)
		}
	}
	out := make([]SweepPoint, len(values))
	for k, v := range values {
		r, err := x.setNumeric(row, pc, xs[k], v)
		if err != nil {
			return nil, err
		}
		out[k] = SweepPoint{Value: v, X: xs[k], Prob: x.Predict(r)}
	}
	return out, nil
}

// setNumeric sets a column from its numeric sweep value without parsing.
func (x *Explainer) setNumeric(row []float64, pc *data.PipelineColumn, v float64, label string) ([]float64, error) {
	if pc.Kind == data.Numeric {
		out := append([]float64(nil), row...)
		out[pc.First] = pc.Transformed(v)
		if pc.Indicator {
			out[pc.First+1] = 0
		}
		return out, nil
	}
	return x.Set(row, pc.Name, label)
}

// ColumnImportance is the permutation importance of one original column.
type ColumnImportance struct {
	Column    string
	Mean, Std float64 // drop in validation ROC AUC when the column is shuffled
}

// Importance measures permutation importance on the validation part (the
// training part when there is none), shuffling each original column's
// outputs together, repeats times, seeded by the experiment's seed. Largest
// mean first.
func (e *Experiment) Importance(repeats int) (baseAUC float64, imp []ColumnImportance, err error) {
	d := e.Val
	if d.Rows == 0 {
		d = e.Train
	}
	groups := make([][]int, len(e.Pipeline.Columns))
	for i, pc := range e.Pipeline.Columns {
		for k := range pc.Width {
			groups[i] = append(groups[i], pc.First+k)
		}
	}
	base, raw, err := engine.PermutationImportance(e.Net, d, groups, repeats, data.NewRand(e.Config.Seed))
	if err != nil {
		return 0, nil, err
	}
	for _, r := range raw {
		imp = append(imp, ColumnImportance{Column: e.Pipeline.Columns[r.Group].Name, Mean: r.Mean, Std: r.Std})
	}
	slices.SortStableFunc(imp, func(p, q ColumnImportance) int { return cmp.Compare(q.Mean, p.Mean) })
	return base, imp, nil
}

// Row returns the transformed input of a table row (any part).
func (e *Experiment) Row(tableRow int) ([]float64, error) {
	x, err := e.Pipeline.Transform(e.Data.Table, []int{tableRow})
	if err != nil {
		return nil, err
	}
	return x.RawRowView(0), nil
}

// BlankLevel is how explanations and what-if write the absent state of a
// presence flag (data.PipelineColumn.Presence), whose level is blank.
const BlankLevel = "(blank)"

// booleanSpelling writes level k of a boolean column: its spelling, or
// BlankLevel for a presence flag's blank.
func booleanSpelling(pc *data.PipelineColumn, k int) string {
	if pc.Presence() && k == 0 {
		return BlankLevel
	}
	return pc.Levels[k]
}
