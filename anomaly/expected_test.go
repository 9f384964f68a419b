package anomaly

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
)

// TestRankGaussInvert checks the inverse transform on a hand-worked sample
// {0, 1, 3}: mid-rank shares ¼, ½, ¾, so z = ∓0.6745 (Φ⁻¹(0.25), from
// Python's statistics.NormalDist) and 0; a z between two knots maps
// linearly between their values, and z beyond the ends to the ends.
func TestRankGaussInvert(t *testing.T) {
	g := fitRankGauss([]float64{3, 0, 1})
	const q = 0.6744897501960817
	for _, c := range []struct{ z, want float64 }{
		{-q, 0}, {0, 1}, {q, 3}, {q / 2, 2}, {-q / 4, 0.75}, {-9, 0}, {9, 3},
	} {
		if got := g.invert(c.z); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("invert(%v) = %v, want %v", c.z, got, c.want)
		}
	}
	for _, v := range []float64{0, 0.5, 1, 2.2, 3} {
		if got := g.invert(g.apply(v)); math.Abs(got-v) > 1e-12 {
			t.Errorf("invert(apply(%v)) = %v", v, got)
		}
	}
}

// TestReasonExpected builds a one-member run on a hand-made table whose
// network outputs constants (every weight 0, the output biases chosen) and
// checks the expected values worked out by hand. spend takes 0, 1.5 and 3
// on 10 rows each: its rank-gauss knots are z = ∓Φ⁻¹(25.5/31) = ∓0.92524
// (Python's statistics.NormalDist) and 0, and min-max after log(1+v) puts
// 1.5 at log 2.5/log 4 and 3 at 1. An output of 0.92524/2 lies halfway
// between the knots of 1.5 and 3, so halfway between log 2.5 and log 4 in
// log units: 1 + v = √(2.5·4), v = √10 − 1 = 2.16228. orders (0, 1, 3, whole
// numbers) gets an output of 5, beyond its largest knot: the largest, 3. plan's
// outputs favour "b" although most rows are "a".
func TestReasonExpected(t *testing.T) {
	var b strings.Builder
	b.WriteString("spend,orders,plan\n")
	for i := range 30 {
		plan := "a"
		if i%5 == 0 {
			plan = "b"
		}
		fmt.Fprintf(&b, "%v,%d,%s\n", []float64{0, 1.5, 3}[i%3], []int{0, 1, 3}[i%3], plan)
	}
	tab, err := data.ReadCSV(strings.NewReader(b.String()), "hand.csv", data.CSVOptions{NoLabel: true})
	if err != nil {
		t.Fatal(err)
	}
	// The figures are worked out on the exact minimum and maximum: the
	// privacy pipeline's 10th smallest and largest would be those of the 15
	// distinct rows (duplicates dropped), 1.5 both.
	pipe := DefaultPipeline()
	pipe.MinGroup = 1
	run, err := Prepare(tab, Options{Members: 1, Trim: -1, Pipeline: &pipe})
	if err != nil {
		t.Fatal(err)
	}
	params := run.Net.Params()
	for i := range params {
		params[i] = 0
	}
	out := run.Net.Layers[len(run.Net.Layers)-1].B
	const zSpend = 0.9252445598541517
	copy(out, []float64{zSpend / 2, 5, 0.2, 0.7}) // spend, orders, plan=a, plan=b
	res, err := run.Finish(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Reason{}
	for _, r := range res.Reasons(0, 3) {
		got[r.Column] = r
	}
	if e := got["spend"].Expected; math.Abs(e-(math.Sqrt(10)-1)) > 1e-9 {
		t.Errorf("spend expected %v, want √10 − 1 = %v", e, math.Sqrt(10)-1)
	}
	if r := got["orders"]; r.Expected != 3 || !r.Whole {
		t.Errorf("orders expected %v (whole %v), want 3 (the largest value), a count", r.Expected, r.Whole)
	}
	if got["spend"].Whole {
		t.Error("spend is marked a count")
	}
	if r := got["plan"]; r.ExpectedLevel != "b" || r.TypicalLevel != "a" {
		t.Errorf("plan expected %q typical %q, want b and a", r.ExpectedLevel, r.TypicalLevel)
	}
	if s := got["orders"].String(); s != "orders 0, expected 3 (typical 1)" {
		t.Errorf("orders reason reads %q", s)
	}
	// The networks expect b, the user's own level: the error is their
	// uncertainty, not another level.
	if s := got["plan"].String(); s != "plan b, the level expected but with little certainty (typical a)" {
		t.Errorf("plan reason reads %q", s)
	}
}

// TestFormatValues checks the decimals chosen for values shown side by
// side, each expected text rounded by hand from the value: two decimals
// while those tell the values apart (and for a lone value), else the
// fewest that do plus one, at most three significant digits of the
// largest value.
func TestFormatValues(t *testing.T) {
	for _, c := range []struct {
		values []float64
		want   []string
	}{
		{[]float64{41}, []string{"41"}},
		{[]float64{3.5}, []string{"3.5"}},
		{[]float64{0.0749}, []string{"0.07"}},
		{[]float64{-0.004}, []string{"0"}},
		{[]float64{-0.09}, []string{"-0.09"}},
		{[]float64{math.NaN()}, []string{"missing"}},
		// Told apart with two decimals: as before.
		{[]float64{102.45, 939.35, 674.45}, []string{"102.45", "939.35", "674.45"}},
		{[]float64{2, 0, 0}, []string{"2", "0", "0"}},
		// CDNOW_sample's first user (retain anomalies --log CDNOW_sample.txt
		// --json): all three read 0 with two decimals and -0.0008, -0.0002,
		// 0 with four, the fewest that tell them apart; one more.
		{[]float64{-0.0007626472332853437, -0.00017004035949952367, 0}, []string{"-0.00076", "-0.00017", "0"}},
		// 0.01 thrice with two decimals, apart with three: four.
		{[]float64{0.0123, 0.0098, 0.011}, []string{"0.0123", "0.0098", "0.011"}},
		// Equal to three significant digits of the largest: read the same.
		{[]float64{5.001, 5, 5}, []string{"5", "5", "5"}},
		{[]float64{5.01, 5, 5}, []string{"5.01", "5", "5"}},
		// The TUI trial of 4 December (cdnow, Anomalies): an expected value
		// that is 0 at three significant digits of the user's reads 0, not
		// 0.000000016 or 0.000026, and the user's value is not stretched
		// to tell it from the typical 0.
		{[]float64{-0.10779794, 0.000000016, 0}, []string{"-0.11", "0", "0"}},
		{[]float64{-0.075109, 0.000026, 0}, []string{"-0.08", "0", "0"}},
		{[]float64{-1, 0.000039, 0}, []string{"-1", "0", "0"}},
		// Apart at two decimals but for the pair that is 0 at the cap.
		{[]float64{-0.0777, -0.0028, 0}, []string{"-0.0777", "-0.0028", "0"}},
		{[]float64{-0.004, 0, 0}, []string{"-0.004", "0", "0"}},
		// Equal to four significant digits: read the same.
		{[]float64{0.1 + 0.2, 0.3, 0}, []string{"0.3", "0.3", "0"}},
		{[]float64{math.NaN(), 0.001, 0.002}, []string{"missing", "0.001", "0.002"}},
	} {
		if got := FormatValues(c.values...); !slices.Equal(got, c.want) {
			t.Errorf("FormatValues(%v) = %q, want %q", c.values, got, c.want)
		}
	}
}

// TestReasonTellsValueFromExpected: spend_trend of CDNOW_sample's first
// user read "spend_trend 0, expected 0 (typical 0)" while it carried 9.5 %
// of the score; the figures are that user's from --json.
func TestReasonTellsValueFromExpected(t *testing.T) {
	r := Reason{Column: "spend_trend", Value: -0.0007626472332853437, Expected: -0.00017004035949952367, Typical: 0}
	if got, want := r.String(), "spend_trend -0.00076, expected -0.00017 (typical 0)"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

// typicalValues marks a column of years (data.Column.YearLike) and no
// other, for the screen that groups digits to leave its values whole.
func TestTypicalMarksYears(t *testing.T) {
	tab := &data.Table{Columns: []*data.Column{
		{Name: "birth_year", Kind: data.Numeric, Values: []float64{1950, 1985, 2001}},
		{Name: "spend", Kind: data.Numeric, Values: []float64{1950, 1985, 20010}},
	}}
	p := &data.Pipeline{Columns: []data.PipelineColumn{
		{Name: "birth_year", Kind: data.Numeric, Width: 1},
		{Name: "spend", Kind: data.Numeric, First: 1, Width: 1},
	}}
	typ, _ := typicalValues(tab, p)
	if !typ[0].Year || typ[1].Year {
		t.Errorf("years: birth_year %v, spend %v; want true, false", typ[0].Year, typ[1].Year)
	}
}
