package data

import (
	"maps"
	"math"
	"slices"
	"strings"
	"testing"
)

// A table's cells are noted as a file's are, in the same words, each first
// cell placed by where(row) instead of a line and column: per column the
// missing cells (NaN, or "" in a categorical column) and their fill, then
// the values beyond the clipped range [0, 10] and the bound they are
// scored as. The counts and places are read off the table by hand.
func TestTableCellNotesSayWhatAFilesSay(t *testing.T) {
	p := &Pipeline{Options: PipelineOptions{Impute: ImputeMean}, Columns: []PipelineColumn{
		{Name: "tenure", Kind: Numeric, Clip: true, Min: 0, Max: 10, Fill: 5, Center: 5, Scale: 3, Width: 1},
		{Name: "plan", Kind: Categorical, Levels: []string{"a", "b"}, First: 1, Width: 2},
	}}
	tab := &Table{Columns: []*Column{
		{Name: "tenure", Kind: Numeric, Values: []float64{12, 4, math.NaN(), -3, 15}},
		{Name: "plan", Kind: Categorical, Strings: []string{"a", "", "b", "", "a"}},
	}}
	ids := []string{"c1", "c2", "c3", "c4", "c5"}
	got := p.TableCellNotes(tab, "log.csv", func(r int) string { return "customer " + ids[r] })
	want := []string{
		`log.csv: column "tenure": 1 missing cell, the first at customer c3, filled with the training mean 5; ` +
			`no was-missing input (the training rows had no missing cell here)`,
		`log.csv: column "plan": 2 missing cells, the first at customer c2, encoded as no level (all its inputs 0)`,
		`log.csv: column "tenure": outside the range the model keeps [0, 10] (its ends are means of the 10th–19th most extreme training values, for privacy): 2 values above it scored as 10 and ` +
			`1 value below it scored as 0; the first is 12 at customer c1`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("notes\n%q\nwant\n%q", got, want)
	}
	beyond := map[Cell]float64{{Row: 0, Column: 0}: 12, {Row: 3, Column: 0}: -3, {Row: 4, Column: 0}: 15}
	gotBeyond, gotBlank := p.TableCells(tab)
	if b := gotBeyond; !maps.Equal(b, beyond) {
		t.Errorf("TableCells' beyond %v, want %v", b, beyond)
	}
	// Only the numeric column's blank is marked: a categorical blank is no
	// level, not a fill read as a value.
	if b := gotBlank; !maps.Equal(b, map[Cell]bool{{Row: 2, Column: 0}: true}) {
		t.Errorf("TableCells' blank %v, want row 2's tenure only", b)
	}
}

// ReadRows marks the blank cells of numeric columns, as TableCells marks
// a table's: an empty cell and a missing word alike, not a categorical
// blank, not a cell holding the fill.
func TestReadRowsMarksBlankNumericCells(t *testing.T) {
	p := &Pipeline{Options: PipelineOptions{Impute: ImputeMean}, Columns: []PipelineColumn{
		{Name: "tenure", Kind: Numeric, Fill: 5, Center: 5, Scale: 3, Width: 1},
		{Name: "plan", Kind: Categorical, Levels: []string{"a", "b"}, First: 1, Width: 2},
	}, Outputs: []Output{{Name: "tenure"}, {Name: "plan=a", Input: 1, Level: "a"}, {Name: "plan=b", Input: 1, Level: "b"}}}
	rows, err := p.ReadRows(strings.NewReader("tenure,plan\n,a\n5,\nNA,b\n7,a\n"), "new.csv")
	if err != nil {
		t.Fatal(err)
	}
	if want := map[Cell]bool{{Row: 0, Column: 0}: true, {Row: 2, Column: 0}: true}; !maps.Equal(rows.Blank, want) {
		t.Errorf("Blank %v, want %v", rows.Blank, want)
	}
}
