package data

import (
	"errors"
	"math"
	"testing"
)

// TestPipelineHugeValues checks that statistics of values near the float64
// limit are finite and right (the trial's huge.csv, 1e308 in 57 of 400
// cells, diverged: its sums overflowed). With groups of one nothing is
// clipped. a = 1e308 ×3 and 0, with a blank: the mean is 3/4·1e308 =
// 7.5e307 (the mean fill), and the deviations in units of 1e308 of the
// imputed column (1, 1, 1, 0, 0.75) are 0.25 ×3, −0.75, 0: variance
// (3·0.0625 + 0.5625)/5 = 0.15, sd √0.15·1e308. b = −1.7e308 and 1.7e308
// ×3 (b − mean overflows for the first row): mean 0.85e308, sd
// √0.75·1.7e308, so the first row transforms to (−1 − 0.5)/√0.75 =
// −√3.
func TestPipelineHugeValues(t *testing.T) {
	csv := "a,b,y\n1e308,-1.7e308,no\n1e308,1.7e308,yes\n1e308,1.7e308,no\n0,1.7e308,yes\n,-1.7e308,no\n"
	tab := mustRead(t, csv, CSVOptions{Label: "y"})
	p, err := FitPipeline(tab, []int{0, 1, 2, 3, 4}, PipelineOptions{Scale: ScaleZScore, Impute: ImputeMean, MinGroup: 1})
	if err != nil {
		t.Fatal(err)
	}
	near := func(got, want float64) bool { return math.Abs(got-want) <= 1e-14*math.Abs(want) }
	a, b := p.Columns[0], p.Columns[1]
	if !near(a.Fill, 7.5e307) || !near(a.Center, 7.5e307) || !near(a.Scale, math.Sqrt(0.15)*1e308) {
		t.Errorf("a: fill %v, center %v, scale %v; want 7.5e307, 7.5e307, %v", a.Fill, a.Center, a.Scale, math.Sqrt(0.15)*1e308)
	}
	if !near(b.Center, 3.4e307) || !near(b.Scale, math.Sqrt(0.96)*1.7e308) {
		t.Errorf("b: center %v, scale %v; want 3.4e307, %v", b.Center, b.Scale, math.Sqrt(0.96)*1.7e308)
	}
	x, err := p.Transform(tab, []int{0, 1, 2, 3, 4})
	if err != nil {
		t.Fatal(err)
	}
	if got := x.At(0, 1); !near(got, -math.Sqrt(1.5)) {
		t.Errorf("b row 1: %v, want −√1.5", got)
	}
	if got := x.At(4, 0); got != 0 {
		t.Errorf("a row 5 (filled with the mean): %v, want 0", got)
	}
	p, err = FitPipeline(tab, []int{0, 1, 2, 3}, PipelineOptions{MinGroup: 1, KeepDuplicates: true})
	if err == nil || !errors.Is(err, ErrTooLarge) {
		t.Fatalf("min-max of b's range [−1.7e308, 1.7e308]: err %v, want ErrTooLarge", err)
	}
	want := `column "b": values too large to scale: its training range [-1.7e+308, 1.7e+308] cannot become model inputs within ±1e+150 under scale minmax; use --log1p or --scale zscore, or rescale the column`
	if got := err.Error(); got != tab.Source+": "+want {
		t.Errorf("error %q\nwant %q", got, tab.Source+": "+want)
	}
	tab = mustRead(t, "a,y\n1e308,no\n1e308,yes\n0,no\n5,yes\n", CSVOptions{Label: "y"})
	p, err = FitPipeline(tab, []int{0, 1, 2, 3}, PipelineOptions{MinGroup: 1, KeepDuplicates: true})
	if err != nil {
		t.Fatal(err)
	}
	if c := p.Columns[0]; c.Center != 0 || c.Scale != 1e308 {
		t.Errorf("min-max of [0, 1e308]: center %v, scale %v; want 0, 1e308", c.Center, c.Scale)
	}
	// Unscaled, 1e308 is beyond MaxInput: refused, not a divergence later.
	if _, err = FitPipeline(tab, []int{0, 1, 2, 3}, PipelineOptions{Scale: ScaleNone, MinGroup: 1}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("unscaled 1e308: err %v, want ErrTooLarge", err)
	}
}
