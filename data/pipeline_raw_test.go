package data

import (
	"errors"
	"math"
	"reflect"
	"testing"
)

// rawTable is a table with a missing numeric cell, a boolean column and an
// id: what FitPipelineRaw must fit as FitPipeline does.
func rawTable(t *testing.T) *Table {
	t.Helper()
	nan := math.NaN()
	tab, err := NewTable("raw", []*Column{
		NewIDColumn("id", []string{"a", "b", "c", "d", "e", "f"}),
		{Name: "spend", Kind: Numeric, Values: []float64{3, nan, 10, 0.5, 7, 1e6}},
		{Name: "member", Kind: Boolean, Values: []float64{1, 0, 1, 1, nan, 0}, Levels: []string{"no", "yes"}},
	}, Label{Name: "y", Values: []float64{1, 0, 0, 1, 1, 0}, Positive: "1", Negative: "0"})
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

// TestFitPipelineRawEqualsTable checks FitPipelineRaw and TransformRaw
// against FitPipeline and Transform on the same rows (the reference is the
// table path, run here): equal pipelines and the same matrix bits.
func TestFitPipelineRawEqualsTable(t *testing.T) {
	tab := rawTable(t)
	fit := []int{4, 0, 1, 3, 2} // row 5 (1e6) is held out
	for _, opts := range []PipelineOptions{
		{Scale: ScaleZScore, Log1p: true, Impute: ImputeMean, KeepDuplicates: true},
		{Scale: ScaleMinMax, KeepDuplicates: true},
		{Scale: ScaleRobust, KeepDuplicates: true},
	} {
		want, err := FitPipeline(tab, fit, opts)
		if err != nil {
			t.Fatal(err)
		}
		x := rawRows(tab, fit)
		got, err := FitPipelineRaw(tab, x, fit, opts)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: pipeline\n got %+v\nwant %+v", opts, got, want)
		}
		all := []int{0, 1, 2, 3, 4, 5}
		m, err := want.Transform(tab, all)
		if err != nil {
			t.Fatal(err)
		}
		x = rawRows(tab, all)
		if err := got.TransformRaw(x); err != nil {
			t.Fatal(err)
		}
		for i, v := range m.RawMatrix().Data {
			if math.Float64bits(v) != math.Float64bits(x[i]) {
				t.Errorf("%+v: cell %d is %v, want %v", opts, i, x[i], v)
			}
		}
	}
}

// rawRows copies the feature cells of the rows, row-major.
func rawRows(tab *Table, rows []int) []float64 {
	var x []float64
	for _, r := range rows {
		for _, c := range tab.Features() {
			x = append(x, c.Values[r])
		}
	}
	return x
}

// TestPipelineRawErrors checks the exact errors of the raw path: a matrix
// of the wrong size, a categorical feature, and an indicator output that
// has no raw cell.
func TestPipelineRawErrors(t *testing.T) {
	tab := rawTable(t)
	_, err := FitPipelineRaw(tab, make([]float64, 5), []int{0, 1, 2}, PipelineOptions{})
	if !errors.Is(err, ErrShape) || err.Error() != "inconsistent shape: raw: 5 raw cells for 3 rows of 2 features" {
		t.Errorf("size: %v", err)
	}
	cat := rawTable(t)
	cat.Columns[2] = &Column{Name: "member", Kind: Categorical}
	_, err = FitPipelineRaw(cat, make([]float64, 6), []int{0, 1, 2}, PipelineOptions{})
	if !errors.Is(err, ErrShape) || err.Error() != `inconsistent shape: raw: column "member" is categorical: raw rows hold numbers only` {
		t.Errorf("categorical: %v", err)
	}
	p, err := FitPipeline(tab, []int{0, 1, 2}, PipelineOptions{MissingIndicators: true, KeepDuplicates: true, MinGroup: 1})
	if err != nil {
		t.Fatal(err)
	}
	err = p.TransformRaw(make([]float64, 6))
	if !errors.Is(err, ErrShape) || err.Error() != "inconsistent shape: 3 outputs for 2 columns: raw rows transform one output per column" {
		t.Errorf("indicator: %v", err)
	}
}
