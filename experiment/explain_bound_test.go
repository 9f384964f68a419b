package experiment

import (
	"math"
	"testing"

	"github.com/retainlab/retain/data"
)

// A reason on a value the model clipped to a bound that no user holds
// exactly (a mean of ten different values) says the user's own value is
// beyond it; a whole-number bound, which the ten of its window share, and
// any value inside the range read "=".
func TestReasonBeyondTheRange(t *testing.T) {
	age := data.PipelineColumn{Name: "Age", Kind: data.Numeric, Clip: true, Min: 18.5, Max: 67.9, Center: 40, Scale: 10, Width: 1}
	tenure := data.PipelineColumn{Name: "Tenure", Kind: data.Numeric, Clip: true, Min: 0, Max: 10, Center: 5, Scale: 3, Width: 1, Whole: true}
	for _, c := range []struct {
		pc   data.PipelineColumn
		raw  float64
		want int8
	}{
		{age, 69, 1}, {age, 67.9, 1}, {age, 30, 0}, {age, 18, -1},
		{tenure, 10, 0}, {tenure, 12, 0}, {tenure, 0, 0}, {tenure, 4, 0},
	} {
		row := []float64{c.pc.Transformed(c.raw)}
		if got := atBound(&c.pc, row); got != c.want {
			t.Errorf("%s %v: beyond %d, want %d", c.pc.Name, c.raw, got, c.want)
		}
	}
	for _, c := range []struct {
		r    Reason
		want string
	}{
		{Reason{Column: "Age", Value: "67.9", Attribution: 0.2227, Beyond: 1}, "Age≥67.9 (+0.2227)"},
		{Reason{Column: "Age", Value: "18.5", Attribution: -0.01, Beyond: -1}, "Age≤18.5 (-0.0100)"},
		{Reason{Column: "Age", Value: "30", Attribution: 0.05}, "Age=30 (+0.0500)"},
	} {
		if got := FormatReason(c.r); got != c.want {
			t.Errorf("FormatReason(%+v) = %q, want %q", c.r, got, c.want)
		}
	}
}

// From the table's own values, a reason marks exactly the users beyond the
// clipped range, whole-number bounds too, which atBound cannot tell from
// the model's input: tenure 12 and 10 both reach the model as 10, and only
// 12 reads "≥"; a missing cell and a value inside the range read "=".
func TestSetBeyondFromTheTable(t *testing.T) {
	p := &data.Pipeline{Columns: []data.PipelineColumn{
		{Name: "Tenure", Kind: data.Numeric, Clip: true, Min: 0, Max: 10, Center: 5, Scale: 3, Width: 1, Whole: true},
		{Name: "Plan", Kind: data.Categorical, Levels: []string{"a", "b"}, Width: 2},
	}}
	nan := math.NaN()
	tab := &data.Table{Columns: []*data.Column{{Name: "Tenure", Kind: data.Numeric, Values: []float64{12, 10, -3, 4, nan}}}}
	for row, want := range []int8{1, 0, -1, 0, 0} {
		reasons := []Reason{{Column: "Plan", Beyond: 1}, {Column: "Tenure", Beyond: 0}}
		x := &Explainer{Pipeline: p}
		x.SetOwn(reasons, func(ci int) float64 { return OwnValue(tab, row, &p.Columns[ci]) })
		if reasons[1].Beyond != want || reasons[0].Beyond != 1 {
			t.Errorf("row %d: Tenure beyond %d, Plan %d; want %d and 1 (untouched)", row, reasons[1].Beyond, reasons[0].Beyond, want)
		}
	}
}

// The one rule reads the side from the user's own value, not from the
// model's input: a date before a date column's range (whose input, days
// before its latest date, is the largest) reads "≤" the first date, and a
// value above a range of one value (a count that fewer than ten training
// customers hold above 0: Min = Max = 0) reads "≥". MarkBeyond, which
// read the side from the input, made the first "≥" and the second "≤".
func TestSetBeyondSideFromTheOwnValue(t *testing.T) {
	day := data.PipelineColumn{Name: "last_order", Kind: data.Numeric, Date: true, Clip: true,
		Min: 19000, Max: 19500, Center: 100, Scale: 50, Width: 1}
	count := data.PipelineColumn{Name: "complaints", Kind: data.Numeric, Clip: true, Min: 0, Max: 0, Scale: 1, Width: 1, Whole: true}
	for _, c := range []struct {
		pc   data.PipelineColumn
		own  float64
		want int8
	}{
		{day, 18000, -1}, {day, 20000, 1}, {day, 19500, 0}, {day, 19200, 0},
		{count, 3, 1}, {count, -1, -1}, {count, 0, 0}, {count, math.NaN(), 0},
	} {
		r := Reason{Column: c.pc.Name, Beyond: 1}
		r.SetBeyond(&c.pc, c.own)
		if r.Beyond != c.want {
			t.Errorf("%s own %v: beyond %d, want %d", c.pc.Name, c.own, r.Beyond, c.want)
		}
	}
}
