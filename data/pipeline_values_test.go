package data

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
)

// ReadValues gives the cells as written (no fill, clip or scaling), NaN for
// a missing one, with a semicolon file's decimal commas; the expected
// values are the cells read by eye.
func TestReadValuesRawCells(t *testing.T) {
	p := &Pipeline{Columns: []PipelineColumn{
		{Name: "spend", Kind: Numeric, Fill: 5, Min: 1, Max: 2, Clip: true, Center: 1, Scale: 1},
		{Name: "plan", Kind: Categorical, Levels: []string{"a"}},
	}}
	got, err := p.ReadValues(strings.NewReader("id;Spend;spend;plan\n1;x;1000,5;a\n2;x;NA;a\n3;x; -2 ;b\n"), "v.csv", "SPEND")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0] != 1000.5 || !math.IsNaN(got[1]) || got[2] != -2 {
		t.Errorf("got %v, want [1000.5 NaN -2]", got)
	}
	if _, err := p.ReadValues(strings.NewReader("spend,plan\n1,a\nlots,a\n"), "v.csv", "spend"); !errors.Is(err, ErrNotNumeric) ||
		err.Error() != `v.csv:3:1: column "spend": expected a finite number, got "lots"` {
		t.Errorf("bad cell: %v", err)
	}
	if _, err := p.ReadValues(strings.NewReader("spend,plan\n1,a\n"), "v.csv", "plan"); err == nil ||
		err.Error() != `"plan" is not a numeric column of the pipeline` {
		t.Errorf("categorical column: %v", err)
	}
}

// TestClipsIsWhatTransformedClips: Clips is true exactly where Transformed
// moves a present value to a bound (checked against Transformed itself),
// and never for a missing value or a column that does not clip.
func TestClipsIsWhatTransformedClips(t *testing.T) {
	pc := PipelineColumn{Name: "x", Kind: Numeric, Min: 2, Max: 8, Clip: true, Scale: 1}
	for _, v := range []float64{-1, 1.999, 2, 5, 8, 8.001, 100} {
		moved := pc.Transformed(v) != v
		if pc.Clips(v) != moved {
			t.Errorf("Clips(%g) = %v, but Transformed gives %g", v, pc.Clips(v), pc.Transformed(v))
		}
	}
	if pc.Clips(math.NaN()) {
		t.Error("a missing value is not clipped")
	}
	pc.Clip = false
	if pc.Clips(100) {
		t.Error("a column without Clip clips nothing")
	}
}

// TestReadTextsCategoricalCells: ReadTexts gives every categorical column
// the file has as its trimmed cells in file order, "" where ReadRows reads
// a missing cell (a blank, "NA"); numeric columns and those the file lacks
// are left out.
func TestReadTextsCategoricalCells(t *testing.T) {
	p := &Pipeline{Columns: []PipelineColumn{
		{Name: "spend", Kind: Numeric},
		{Name: "email", Kind: Categorical, Levels: []string{"a@x.org"}},
		{Name: "plan", Kind: Categorical, Levels: []string{"a"}},
		{Name: "city", Kind: Categorical, Levels: []string{"Leeds"}},
	}}
	got, err := p.ReadTexts(strings.NewReader("id,spend,email,plan\n1,3, a@x.org ,a\n2,4,NA,b\n3,5,,gold\n"), "t.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{"email": {"a@x.org", "", ""}, "plan": {"a", "b", "gold"}}
	if len(got) != len(want) || !slices.Equal(got["email"], want["email"]) || !slices.Equal(got["plan"], want["plan"]) {
		t.Errorf("got %q, want %q", got, want)
	}
}
