package experiment

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/retainlab/retain/data"
)

// PlanFor's value columns are the numeric columns of the customers' table
// but the identifier and the label (here read as a column, as plan --data
// reads a file: 0/1 numbers), features of the model or not; a blank cell
// of a column the model does not use takes the mean of the others
// ((10 + 30) ÷ 2 = 20, by hand); Rows picks the customers' rows.
func TestPlanForValueColumns(t *testing.T) {
	table := &data.Table{Source: "t.csv", IDColumn: 1, Columns: []*data.Column{
		{Name: "name", Kind: data.Categorical, Strings: []string{"a", "b", "c", "d"}},
		{Name: "no", Kind: data.Numeric, Values: []float64{1, 2, 3, 4}},
		{Name: "spend", Kind: data.Numeric, Values: []float64{99, 10, math.NaN(), 30}},
		{Name: "vip", Kind: data.Boolean, Values: []float64{0, 1, 0, 1}},
		{Name: "churn", Kind: data.Numeric, Values: []float64{0, 1, 1, 0}},
	}}
	p := &data.Pipeline{Label: data.LabelSpec{Name: "churn", Positive: "1", Negative: "0"}}
	c := PlanCustomers{IDs: []string{"b", "c", "d"}, Pos: []float64{0.2, 0.5, 0.9}, Table: table, Rows: []int{1, 2, 3}, Pipeline: p}
	if got := c.ValueColumns(); !slices.Equal(got, []string{"spend"}) {
		t.Errorf("value columns %v, want [spend]", got)
	}
	req := PlanRequest{Assumptions: PlanAssumptions{CostPerContact: 1, Value: 100, Success: 0.5}}
	rep, _, err := PlanFor(c, NewTarget(p.Label, Prevent), "SPEND", req)
	if err != nil {
		t.Fatal(err)
	}
	if rep.ValueColumn != "spend" || rep.ValueBlanks != 1 || rep.ValueFill != 20 || !rep.ValueFillMean {
		t.Errorf("value column %q, %d blanks at %v, want spend with 1 blank at 20", rep.ValueColumn, rep.ValueBlanks, rep.ValueFill)
	}
	for _, name := range []string{"vip", "churn", "no", "name"} {
		_, _, err := PlanFor(c, NewTarget(p.Label, Prevent), name, req)
		var ve *ValueColumnError
		if !errors.As(err, &ve) || !errors.Is(err, ErrPlan) || !slices.Equal(ve.Numeric, []string{"spend"}) {
			t.Errorf("%s: %v, want a ValueColumnError listing spend", name, err)
		}
	}
	c.Rows = nil
	if _, _, err := PlanFor(c, NewTarget(p.Label, Prevent), "", req); err == nil {
		t.Error("a table of 4 rows for 3 customers was taken")
	}
}
