package sqlexport

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// TestLimitsNameSpacedColumns: a model whose training file grouped a
// column's thousands with spaces or apostrophes, which retain predict
// reads in that column only, exports with a limit naming the column (the
// SELECT reads such a text cell as no number, a NULL probability); a
// column without them gets none.
func TestLimitsNameSpacedColumns(t *testing.T) {
	var spaced, apos data.NumberMarks
	if err := spaced.UnmarshalJSON([]byte(`["thousands_spaces"]`)); err != nil {
		t.Fatal(err)
	}
	if err := apos.UnmarshalJSON([]byte(`["$","thousands_apostrophes"]`)); err != nil {
		t.Fatal(err)
	}
	b := &experiment.Bundle{Pipeline: &data.Pipeline{Columns: []data.PipelineColumn{
		{Name: "amount", Kind: data.Numeric, Marks: spaced},
		{Name: "plain", Kind: data.Numeric},
		{Name: "price", Kind: data.Numeric, Marks: apos},
	}}}
	want := `columns "amount", "price": the training file grouped thousands with spaces or apostrophes (1 234,50 or 1'234.50), ` +
		"which retain predict reads and the SELECT does not: the table must hold them as numeric columns; a text cell written so gives the row a NULL probability"
	got := Limits(b, Options{})
	if len(got) != 1 || got[0] != want {
		t.Errorf("limits %q\nwant %q", got, want)
	}
	b.Pipeline.Columns = b.Pipeline.Columns[1:2]
	if got := Limits(b, Options{}); len(got) != 0 && strings.Contains(got[0], "spaces") {
		t.Errorf("limits %q, want none", got)
	}
}
