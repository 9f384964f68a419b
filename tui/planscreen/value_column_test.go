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
	table := *s.base.table
	n := len(table.Columns[1].Values)
	margin, vip := make([]float64, n), make([]float64, n)
	for i := range n {
		margin[i], vip[i] = float64(i%7), float64(i%2)
	}
	table.Columns = append(slices.Clone(table.Columns),
		&data.Column{Name: "margin", Kind: data.Numeric, Values: margin},
		&data.Column{Name: "vip", Kind: data.Boolean, Values: vip, Levels: []string{"no", "yes"}})
	base := *s.base
	base.table = &table
	s.base = &base

	s = typeIn(t, s, "v", "MARGIN")
	if rep := s.Report(); s.Refusal(fieldValue) != "" || rep.ValueColumn != "margin" {
		t.Fatalf("margin: refusal %q, value column %q", s.Refusal(fieldValue), rep.ValueColumn)
	}
	// margin's mean over the validation customers fills no blank: none.
	for _, ct := range s.Report().Contacts {
		if ct.Value < 0 || ct.Value > 6 || ct.Value != math.Trunc(ct.Value) {
			t.Errorf("contact %s: value %v, not a margin of 0 to 6", ct.ID, ct.Value)
		}
	}
	s = typeIn(t, s, "v", "vip")
	got := s.Refusal(fieldValue)
	if !strings.HasPrefix(got, "invalid plan: value vip: not an amount, nor a numeric column") {
		t.Fatalf("vip: refusal %q, want it refused", got)
	}
	if !strings.Contains(got, "tenure_days, margin)") || strings.Contains(got, "user_id") {
		t.Errorf("vip: refusal %q, want the numeric columns, margin last, no user_id", got)
	}
}
