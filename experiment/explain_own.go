package experiment

import (
	"math"
	"slices"

	"github.com/retainlab/retain/data"
)

// A reason on a column the model clips reads "column≥bound" (or "≤")
// when the user's own value lies beyond the column's k-anonymous range, so
// that the model took the bound for it, and "column=value" otherwise.
// Explain alone can only guess that from the model's input (atBound); every
// path that knows the user's own values (predict --explain, the scoring
// API, a plan's contact list, the Users screen and its export) decides it
// by one rule, Reason.SetBeyond, through Explainer.SetOwn, which also
// marks a reason on a blank cell the model filled (Reason.Blank).

// SetBeyond sets r.Beyond from own, the user's own raw value of r's column
// pc in original units (a day number for a date column; NaN when missing
// or not known): +1 when own lies above pc's clipped range [Min, Max],
// −1 below it, else 0, a value exactly at a bound included. A reason of a
// column that is not numeric keeps its Beyond.
func (r *Reason) SetBeyond(pc *data.PipelineColumn, own float64) {
	if pc.Kind != data.Numeric {
		return
	}
	switch {
	case !pc.Clips(own):
		r.Beyond = 0
	case own > pc.Max:
		r.Beyond = 1
	default:
		r.Beyond = -1
	}
}

// SetOwn sets the Beyond and Blank of each of reasons (of x's
// explanations) from own, which gives the user's own raw value of
// pipeline column ci, NaN when the cell was blank: Beyond by
// Reason.SetBeyond, and Blank on a blank cell of a column that has no
// was-missing input, whose Value is the fill the model read it as, not a
// value the user had. own is asked only of numeric columns, the only ones
// with a range. A nil own leaves the reasons as Explain marked them from
// the input alone.
func (x *Explainer) SetOwn(reasons []Reason, own func(ci int) float64) {
	if own == nil {
		return
	}
	for k := range reasons {
		ci := slices.IndexFunc(x.Pipeline.Columns, func(pc data.PipelineColumn) bool { return pc.Name == reasons[k].Column })
		if ci < 0 || x.Pipeline.Columns[ci].Kind != data.Numeric {
			continue
		}
		pc := &x.Pipeline.Columns[ci]
		v := own(ci)
		reasons[k].Blank = math.IsNaN(v) && !pc.Indicator
		reasons[k].SetBeyond(pc, v)
	}
}

// OwnValue returns t's row's value of pipeline column pc as the table
// holds it, NaN when it is missing or t has no such numeric column
// (Explainer.SetOwn reads NaN as a blank cell).
func OwnValue(t *data.Table, row int, pc *data.PipelineColumn) float64 {
	if t == nil {
		return math.NaN()
	}
	c := t.Column(pc.Name)
	if c == nil || c.Values == nil || row < 0 || row >= len(c.Values) {
		return math.NaN()
	}
	return c.Values[row]
}

// ClippedValue returns table row's value of the pipeline's column ci as the
// data holds it (FormatValue), when the model clipped it to the column's
// k-anonymous range and so took the bound for it; ok is false when the
// model took the value as it is (or the column is not numeric, or the
// value is missing).
func (e *Experiment) ClippedValue(row, ci int) (value string, ok bool) {
	return ClippedValue(e.Data.Table, row, &e.Pipeline.Columns[ci])
}

// ClippedValue returns t's row's value of pipeline column pc as the data
// holds it (FormatValue, or a date), when pc clips it to the column's
// k-anonymous range; ok is false when the model takes the value as it is
// (or t has no such numeric column, or the value is missing).
func ClippedValue(t *data.Table, row int, pc *data.PipelineColumn) (value string, ok bool) {
	return ClippedText(pc, OwnValue(t, row, pc))
}

// ClippedText writes v, a raw value of pipeline column pc, as ClippedValue
// does: ok only when pc clips it.
func ClippedText(pc *data.PipelineColumn, v float64) (string, bool) {
	if !pc.Clips(v) {
		return "", false
	}
	if pc.Date {
		return data.FormatDay(v), true
	}
	return FormatValue(v), true
}

// ExplainRow explains table row of e with x, each reason's Beyond and
// Blank set from the value the table holds (Explainer.SetOwn) rather than
// guessed from the model's input: a user whose own value lies beyond a
// clipped column's range reads "≥ bound" (or "≤ bound") even where the
// bound is a whole number, a user who holds the bound exactly reads "=
// bound", and a blank cell the model filled is marked Blank.
func (e *Experiment) ExplainRow(x *Explainer, row int) (Explanation, error) {
	in, err := e.Row(row)
	if err != nil {
		return Explanation{}, err
	}
	ex, err := x.Explain(in)
	if err != nil {
		return ex, err
	}
	x.SetOwn(ex.Reasons, func(ci int) float64 { return OwnValue(e.Data.Table, row, &x.Pipeline.Columns[ci]) })
	return ex, nil
}
