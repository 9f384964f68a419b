package planscreen

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/tui/screentest"
)

// The value field takes the numeric columns of the run's table that are
// not the label or the identifier, features or not, as `retain plan
// --value` does (experiment.PlanFor): a yes/no column is no value, though
// it holds 0s and 1s (the screen took it before, the CLI refused it). The
// columns are added to a copy of the run's table, as a file would hold
// them: margin (numeric, not a feature) and vip (yes/no).
func TestValueColumnIsANumericColumnOfTheTable(t *testing.T) {
	s := planned(t, screentest.Common("en", 160, 48), screentest.TextbookRun(t))
	table := *s.base.customers.Table
	n := len(table.Columns[1].Values)
	margin, vip := make([]float64, n), make([]float64, n)
	for i := range n {
		margin[i], vip[i] = float64(i%7), float64(i%2)
	}
	table.Columns = append(slices.Clone(table.Columns),
		&data.Column{Name: "margin", Kind: data.Numeric, Values: margin},
		&data.Column{Name: "vip", Kind: data.Boolean, Values: vip, Levels: []string{"no", "yes"}})
	margin[s.base.customers.Rows[0]] = math.NaN() // a blank: the model has no fill for margin
	customers := *s.base.customers
	customers.Table = &table
	base := *s.base
	base.customers = &customers
	s.base = &base

	s = typeIn(t, s, "v", "MARGIN")
	if rep := s.Report(); s.Refusal(fieldValue) != "" || rep.ValueColumn != "margin" {
		t.Fatalf("margin: refusal %q, value column %q", s.Refusal(fieldValue), rep.ValueColumn)
	}
	// The blank takes the mean of the other customers' margins, said so.
	sum := 0.0
	for _, r := range s.base.customers.Rows[1:] {
		sum += margin[r]
	}
	if rep := s.Report(); rep.ValueBlanks != 1 || !rep.ValueFillMean || math.Abs(rep.ValueFill-sum/float64(len(s.base.customers.Rows)-1)) > 1e-12 {
		t.Errorf("blanks %d at %v (mean %v), want 1 at the others' mean %v", rep.ValueBlanks, rep.ValueFill, rep.ValueFillMean,
			sum/float64(len(s.base.customers.Rows)-1))
	}
	screentest.MustContain(t, screentest.Render(s, 160, 48), "1 blank cell valued at", ", the mean of the others")
	s = typeIn(t, s, "v", "vip")
	got := s.Refusal(fieldValue)
	if !strings.HasPrefix(got, "invalid plan: value vip: not an amount, nor a numeric column") {
		t.Fatalf("vip: refusal %q, want it refused", got)
	}
	if !strings.Contains(got, "tenure_days, margin)") || strings.Contains(got, "user_id") {
		t.Errorf("vip: refusal %q, want the numeric columns, margin last, no user_id", got)
	}
}
