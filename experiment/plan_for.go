package experiment

import (
	"fmt"
	"math"
	"strings"

	"github.com/retainlab/retain/data"
)

// PlanCustomers are the scored customers a plan is made for, as `retain
// plan` (a file, an order log's current customers, the built-in
// population) and the Plan screen (a run's validation customers) gather
// them: everything PlanFor needs, so that both make the same plan of the
// same customers.
type PlanCustomers struct {
	// IDs name the customers; Pos are the model's probabilities of the
	// label's positive class, one per customer.
	IDs []string
	Pos []float64
	// Table holds the customers' columns and Rows their rows in it (nil
	// Rows: row i is customer i). Value columns and RFM segments are read
	// from it; with a nil Table there are neither.
	Table *data.Table
	Rows  []int
	// Pipeline is the model's preprocessing: its label is never a value
	// column, and a value column's blank cells take the value it imputes
	// for the column (nil: the mean of the other cells).
	Pipeline *data.Pipeline
	// Explainer, Row, Own and TiesByID go to PlanInput as they are.
	Explainer *Explainer
	Row       func(i int) []float64
	Own       func(i int, pc *data.PipelineColumn) float64
	TiesByID  bool
}

// The RFM columns of an order log's customer table (data.Cohort): a plan
// segments its customers by RFM cell when their table has all three.
const (
	recencyColumn   = "recency_days"
	frequencyColumn = "frequency"
	monetaryColumn  = "monetary_total"
)

// ValueColumnError refuses a value column that is not one of the
// customers' value columns (PlanCustomers.ValueColumns).
type ValueColumnError struct {
	// Name is the column asked for; Numeric lists the columns there are.
	Name    string
	Numeric []string
}

// Error says which column was asked for and which there are.
func (e *ValueColumnError) Error() string {
	return fmt.Sprintf("%s: value column %q is not a numeric column of the data (its numeric columns: %s)",
		ErrPlan, e.Name, strings.Join(e.Numeric, ", "))
}

// Unwrap returns ErrPlan.
func (e *ValueColumnError) Unwrap() error { return ErrPlan }

// PlanFor makes the plan of c's customers for target t: their scores are
// the probabilities of t's outcome; valueColumn ("" for
// req.Assumptions.Value for everyone) names the column their values come
// from, any of c.ValueColumns in any case (a *ValueColumnError otherwise);
// the segments are RFM cells when c's table has the three RFM columns,
// else value levels. req's Prevent and Outcome are set from t. It returns
// the report with the segments its customers were given.
func PlanFor(c PlanCustomers, t Target, valueColumn string, req PlanRequest) (*PlanReport, *Segments, error) {
	if err := c.check(); err != nil {
		return nil, nil, err
	}
	probs := t.Scores(c.Pos)
	var values []float64
	var read PlanValueColumn
	if valueColumn != "" {
		col := c.valueColumn(valueColumn)
		if col == nil {
			return nil, nil, &ValueColumnError{Name: valueColumn, Numeric: c.ValueColumns()}
		}
		values, read = PlanValues(col.Name, c.pick(col), c.fill(col.Name))
	}
	seg, err := c.segments(probs, values)
	if err != nil {
		return nil, nil, err
	}
	req.Prevent, req.Outcome = t.Direction == Prevent, t.Outcome()
	rep, err := NewPlanReport(PlanInput{
		IDs: c.IDs, Probs: probs, Values: values, ValueColumn: read.Name, ValueRead: read, Segments: seg,
		Explainer: c.Explainer, Row: c.Row, Own: c.Own, Positive: t.OnPositive, TiesByID: c.TiesByID,
	}, req)
	return rep, seg, err
}

// ValueColumns are the columns a plan's customer values may come from, in
// the table's order: every numeric column of the customers' table (a
// feature of the model or not) except the label and the identifier.
func (c PlanCustomers) ValueColumns() []string {
	var out []string
	for i, col := range c.Table.Columns {
		if c.isValueColumn(i, col) {
			out = append(out, col.Name)
		}
	}
	return out
}

// isValueColumn reports whether column i of the table may give values.
func (c PlanCustomers) isValueColumn(i int, col *data.Column) bool {
	t := c.Table
	if col.Kind != data.Numeric || col.Values == nil || i == t.IDColumn {
		return false
	}
	return col.Name != t.Label.Name && (c.Pipeline == nil || col.Name != c.Pipeline.Label.Name)
}

// valueColumn finds the value column named name: the one spelt so, else
// the first in any case; nil when there is none (or no table).
func (c PlanCustomers) valueColumn(name string) *data.Column {
	if c.Table == nil {
		return nil
	}
	var folded *data.Column
	for i, col := range c.Table.Columns {
		if !c.isValueColumn(i, col) {
			continue
		}
		if col.Name == name {
			return col
		}
		if folded == nil && strings.EqualFold(col.Name, name) {
			folded = col
		}
	}
	return folded
}

// check refuses a table whose rows are not the customers'.
func (c PlanCustomers) check() error {
	if c.Table == nil || c.Rows != nil {
		return nil
	}
	for _, col := range c.Table.Columns {
		if n := max(len(col.Values), len(col.Strings)); n > 0 && n != len(c.Pos) {
			return fmt.Errorf("%s: %d rows for %d scored customers", c.Table.Source, n, len(c.Pos))
		}
	}
	return nil
}

// pick returns the customers' cells of a numeric column, in their order.
func (c PlanCustomers) pick(col *data.Column) []float64 {
	if c.Rows == nil {
		return col.Values
	}
	out := make([]float64, len(c.Rows))
	for k, r := range c.Rows {
		out[k] = col.Values[r]
	}
	return out
}

// fill is the value the model imputes for a numeric column, NaN when it
// does not use the column.
func (c PlanCustomers) fill(name string) float64 {
	if c.Pipeline != nil {
		for _, pc := range c.Pipeline.Columns {
			if pc.Kind == data.Numeric && pc.Name == name {
				return pc.Fill
			}
		}
	}
	return math.NaN()
}

// segments are RFM cells when the table has an order log's three RFM
// columns, else value levels.
func (c PlanCustomers) segments(probs, values []float64) (*Segments, error) {
	if t := c.Table; t != nil {
		r, f, m := t.Column(recencyColumn), t.Column(frequencyColumn), t.Column(monetaryColumn)
		if r != nil && f != nil && m != nil && r.Values != nil && f.Values != nil && m.Values != nil {
			return RFMSegments(c.pick(r), c.pick(f), c.pick(m), probs)
		}
	}
	return ValueSegments(probs, values)
}
