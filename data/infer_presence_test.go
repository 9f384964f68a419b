package data

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// flagCSV has a flag written "Y" or blank (blank in rows 1, 4, 7, …: 3 of
// 8), one written 10 or blank (blank in rows 0 and 5), a column "Y"
// throughout and a column of x.
func flagCSV() string {
	var b strings.Builder
	b.WriteString("promo,discount,always,x,churn\n")
	for i := range 8 {
		promo, discount := "Y", "10"
		if i%3 == 1 {
			promo = ""
		}
		if i%5 == 0 {
			discount = ""
		}
		fmt.Fprintf(&b, "%s,%s,Y,%d,%s\n", promo, discount, i, []string{"no", "yes"}[i%2])
	}
	return b.String()
}

// A column of one value and blanks is a boolean of two states, present or
// blank (no missing cell), in text and in numbers, with a note; one value
// without blanks stays constant.
func TestPresenceFlag(t *testing.T) {
	tab := mustRead(t, flagCSV(), CSVOptions{})
	for _, tc := range []struct {
		name   string
		levels []string
		values []float64
	}{
		{"promo", []string{"", "Y"}, []float64{1, 0, 1, 1, 0, 1, 1, 0}},
		{"discount", []string{"", "10"}, []float64{0, 1, 1, 1, 1, 0, 1, 1}},
	} {
		c := tab.Column(tc.name)
		if c.Kind != Boolean || !c.Presence() || c.Missing != 0 || !slices.Equal(c.Levels, tc.levels) || !slices.Equal(c.Values, tc.values) {
			t.Errorf("%s: kind %v, levels %q, missing %d, values %v; want boolean %q %v", tc.name, c.Kind, c.Levels, c.Missing, c.Values, tc.levels, tc.values)
		}
	}
	if c := tab.Column("always"); c.Kind != Constant {
		t.Errorf("always: %v, want constant", c.Kind)
	}
	notes := LoadNotes(tab)
	for _, note := range []string{
		`t.csv: column "promo": one value ("Y") and 3 blanks: read as yes/no, present or blank`,
		`t.csv: column "discount": one value ("10") and 2 blanks: read as yes/no, present or blank`,
		`t.csv: column "always" is not a feature: constant (a single value)`,
	} {
		if !slices.Contains(notes, note) {
			t.Errorf("notes %q lack %q", notes, note)
		}
	}
	if got := LoadNotes(mustRead(t, "f,x,churn\nY,1,no\n,2,yes\nY,3,no\n", CSVOptions{})); !slices.Contains(got,
		`t.csv: column "f": one value ("Y") and 1 blank: read as yes/no, present or blank`) {
		t.Errorf("one blank: %q", got)
	}
	// The value in a single cell: constant, as before.
	one := mustRead(t, "f,n,x,churn\n,,1,no\ncall back,7,2,yes\n,,3,no\n", CSVOptions{})
	if f, n := one.Column("f"), one.Column("n"); f.Kind != Constant || n.Kind != Constant {
		t.Errorf("one cell: f %v, n %v; want constant", f.Kind, n.Kind)
	}
}

// The fitted flag fills a blank with 0, the absent state, though most rows
// hold the value; cells read as the file's: the value in any case is 1, a
// blank or "NA" 0 (no missing cell), the usual no/yes spellings as
// usual, and anything else an error naming the flag's value.
func TestPresenceFlagCells(t *testing.T) {
	tab := mustRead(t, flagCSV(), CSVOptions{})
	p, err := FitPipeline(tab, []int{0, 1, 2, 3, 4, 5, 6, 7}, PipelineOptions{MissingIndicators: true, MinGroup: 1})
	if err != nil {
		t.Fatal(err)
	}
	ci := slices.IndexFunc(p.Columns, func(pc PipelineColumn) bool { return pc.Name == "promo" })
	pc := &p.Columns[ci]
	if !pc.Presence() || pc.Fill != 0 || pc.Indicator || pc.Width != 1 {
		t.Fatalf("promo: %+v", *pc)
	}
	e := p.CellEncoder()
	for cell, want := range map[string]float64{"Y": 1, "y": 1, "": 0, "NA": 0, "N": 0, "yes": 1} {
		row := make([]float64, p.Width())
		if err := e.Encode(ci, []byte(cell), row); err != nil || row[pc.First] != want {
			t.Errorf("cell %q: %v, %v; want %v", cell, row[pc.First], err, want)
		}
	}
	err = e.Encode(ci, []byte("maybe"), make([]float64, p.Width()))
	var ce *CellError
	if !errors.As(err, &ce) || err.Error() != `column "promo": expected "Y" or a blank, got "maybe"` {
		t.Errorf("maybe: %v", err)
	}
	// New rows read as a table: promo constant "Y", discount of other
	// numbers, then discount 10 throughout (a constant of numbers).
	for _, tc := range []struct {
		csv, err string
		want     []float64
	}{
		{"promo,discount,always,x\nY,10,Y,1\nY,,Y,2\n", "", []float64{1, 1, 1, 0}},
		{"promo,discount,always,x\n,10,Y,1\n,10,Y,2\n", "", []float64{0, 1, 0, 1}},
		{"promo,discount,always,x\nY,10,Y,1\nY,20,Y,2\n", `t.csv: column "discount": expected "10" or a blank, got "20"`, nil},
	} {
		X, err := p.Transform(mustRead(t, tc.csv, CSVOptions{NoLabel: true}), []int{0, 1})
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("%q: error %v, want %s", tc.csv, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		d := slices.IndexFunc(p.Columns, func(pc PipelineColumn) bool { return pc.Name == "discount" })
		got := []float64{X.At(0, pc.First), X.At(0, p.Columns[d].First), X.At(1, pc.First), X.At(1, p.Columns[d].First)}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: promo, discount %v, want %v", tc.csv, got, tc.want)
		}
	}
}

// A flag whose value is a number takes the same number written otherwise
// ("10.0", "+10", "1e1", and " 10" once trimmed) cell by cell, as ReadRows
// and the scoring API read cells, and as a table of new rows reads it;
// another number, or text around the number, is still refused. A flag of
// text ("Y") is matched as text: "Y.0" is no "Y".
func TestPresenceFlagOfANumberTakesItWrittenOtherwise(t *testing.T) {
	tab := mustRead(t, flagCSV(), CSVOptions{})
	p, err := FitPipeline(tab, []int{0, 1, 2, 3, 4, 5, 6, 7}, PipelineOptions{MinGroup: 1})
	if err != nil {
		t.Fatal(err)
	}
	d := slices.IndexFunc(p.Columns, func(pc PipelineColumn) bool { return pc.Name == "discount" })
	pc := &p.Columns[d]
	e := p.CellEncoder()
	for _, cell := range []string{"10", "10.0", "+10", "1e1", "10.000", "1.0E+1"} {
		row := make([]float64, p.Width())
		if err := e.Encode(d, []byte(cell), row); err != nil || row[pc.First] != 1 {
			t.Errorf("cell %q: %v, %v; want 1 (present)", cell, row[pc.First], err)
		}
	}
	for cell, want := range map[string]string{
		"10.5":  `column "discount": expected "10" or a blank, got "10.5"`,
		"$10":   `column "discount": expected "10" or a blank, got "$10"`,
		"0x1p3": `column "discount": expected "10" or a blank, got "0x1p3"`,
		"10x":   `column "discount": expected "10" or a blank, got "10x"`,
	} {
		if err := e.Encode(d, []byte(cell), make([]float64, p.Width())); err == nil || err.Error() != want {
			t.Errorf("cell %q: error %v, want %s", cell, err, want)
		}
	}
	promo := slices.IndexFunc(p.Columns, func(pc PipelineColumn) bool { return pc.Name == "promo" })
	if err := e.Encode(promo, []byte("Y.0"), make([]float64, p.Width())); err == nil ||
		err.Error() != `column "promo": expected "Y" or a blank, got "Y.0"` {
		t.Errorf("promo Y.0: error %v", err)
	}
	// New rows as a table: discount written 10.0 and blank is read as
	// numbers, the flag "10".
	X, err := p.Transform(mustRead(t, "promo,discount,always,x\nY,10.0,Y,1\nY,,Y,2\n", CSVOptions{NoLabel: true}), []int{0, 1})
	if err != nil {
		t.Fatal(err)
	}
	if got := []float64{X.At(0, pc.First), X.At(1, pc.First)}; !slices.Equal(got, []float64{1, 0}) {
		t.Errorf("table with 10.0: discount %v, want [1 0]", got)
	}
}
