package data

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestDeclareCategoricalReadsNumbersAsCodes(t *testing.T) {
	text := "id,region,spend,when,churn\n" +
		"a,3,10.5,2024-01-02,yes\n" +
		"b,10,3,2024-02-03,no\n" +
		"c,3.0,7,2024-03-04,no\n" +
		"d,,1,2024-04-05,yes\n" +
		"e,2,2,2024-05-06,no\n"
	tab, err := ReadCSV(strings.NewReader(text), "t.csv", CSVOptions{Label: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	if err := DeclareCategorical(tab, []string{"Region"}); err != nil {
		t.Fatal(err)
	}
	c := tab.Column("region")
	// Levels in numeric order (10 after 2, not before it as text sorts),
	// "3.0" read as the code 3, the blank cell missing.
	if c.Kind != Categorical || !c.Codes || c.Values != nil ||
		!slices.Equal(c.Levels, []string{"2", "3", "10"}) || !slices.Equal(c.Strings, []string{"3", "10", "3", "", "2"}) || c.Missing != 1 {
		t.Errorf("region: kind %v codes %v levels %q strings %q missing %d", c.Kind, c.Codes, c.Levels, c.Strings, c.Missing)
	}
	if got := tab.namesWhere(func(c *Column) bool { return c.Codes }); !slices.Equal(got, []string{"region"}) {
		t.Errorf("columns read as codes %q", got)
	}
	for _, tc := range []struct{ name, want string }{
		{"when", `not a column of codes: t.csv: column "when" holds dates`},
		{"id", `not a column of codes: t.csv: column "id" is an identifier`},
		{"regoin", `unknown column: t.csv: no column "regoin" (columns: id, region, spend, when)`},
		{"churn", `unknown column: t.csv: "churn" is the label, not a feature column`},
	} {
		if err := DeclareCategorical(tab, []string{"spend", tc.name}); err == nil || err.Error() != tc.want {
			t.Errorf("%s: error %v, want %s", tc.name, err, tc.want)
		}
	}
	// A refused list changes nothing, spend included.
	if tab.Column("spend").Kind != Numeric {
		t.Errorf("spend became %v after a refused list", tab.Column("spend").Kind)
	}
}

func TestDeclareCategoricalRefusesManyNumbers(t *testing.T) {
	var b strings.Builder
	b.WriteString("amount,churn\n")
	for i := range 60 { // 51 distinct amounts: 0..50, then repeats
		fmt.Fprintf(&b, "%d,%s\n", i%51, []string{"no", "yes"}[i%2])
	}
	tab, err := ReadCSV(strings.NewReader(b.String()), "m.csv", CSVOptions{Label: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	err = DeclareCategorical(tab, []string{"amount"})
	if want := `not a column of codes: m.csv: column "amount" has 51 distinct numbers (at most 50)`; err == nil || err.Error() != want || !errors.Is(err, ErrNotCategorical) {
		t.Errorf("error %v, want %s", err, want)
	}
}

// A pipeline fitted on codes keeps them in numeric order and reads a new
// cell as a number: "3.0" and "03" are the level 3, "unknown" is missing.
func TestPipelineReadsCodesAsNumbers(t *testing.T) {
	var b strings.Builder
	b.WriteString("region,churn\n")
	for i := range 40 {
		fmt.Fprintf(&b, "%d,%s\n", []int{2, 10, 3, 2}[i%4], []string{"no", "yes"}[i%3%2])
	}
	tab, err := ReadCSV(strings.NewReader(b.String()), "r.csv", CSVOptions{Label: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	if err := DeclareCategorical(tab, []string{"region"}); err != nil {
		t.Fatal(err)
	}
	rows := make([]int, tab.Rows)
	for i := range rows {
		rows[i] = i
	}
	p, err := FitPipeline(tab, rows, PipelineOptions{KeepDuplicates: true})
	if err != nil {
		t.Fatal(err)
	}
	pc := p.Columns[0]
	if !pc.Codes || !slices.Equal(pc.Levels, []string{"2", "3", "10"}) {
		t.Fatalf("fitted codes %v levels %q, want 2, 3, 10", pc.Codes, pc.Levels)
	}
	e := p.CellEncoder()
	for _, tc := range []struct {
		cell string
		want []float64
	}{{"3.0", []float64{0, 1, 0}}, {"03", []float64{0, 1, 0}}, {"1e1", []float64{0, 0, 1}}, {"unknown", []float64{0, 0, 0}}, {"7", []float64{0, 0, 0}}} {
		row := make([]float64, 3)
		if err := e.Encode(0, []byte(tc.cell), row); err != nil || !slices.Equal(row, tc.want) {
			t.Errorf("%q: %v %v, want %v", tc.cell, row, err, tc.want)
		}
	}
	row := make([]float64, 3)
	if err := e.Encode(0, []byte("north"), row); err == nil || err.Error() != `column "region": expected a code (a number), got "north"` {
		t.Errorf("north: %v", err)
	}
}
