package experiment

import (
	"math"
	"testing"
)

// TestInputPrior checks the wide-table rule on figures worked out by hand:
// prior · max(1, 100 · inputs / rows).
func TestInputPrior(t *testing.T) {
	for _, c := range []struct {
		name            string
		prior           float64
		inputs, rows    int
		want, wantDecay float64
	}{
		// 200 inputs on 2,000 rows: 100 · 200 / 2,000 = 10, so 20 · 10 =
		// 200, and the decay 200 / 2,000 = 0.1 (at the cap, not above).
		{"10 rows per input", 20, 200, 2000, 200, 0.1},
		// 120 inputs on 1,500 rows: 100 · 120 / 1,500 = 8, so 20 · 8 =
		// 160; decay 160 / 1,500 = 0.10667, capped at 0.1.
		{"12.5 rows per input", 20, 120, 1500, 160, 0.1},
		// 10 inputs on 4,000 rows: 100 · 10 / 4,000 = 0.25 < 1, so the
		// prior stays 20; decay 20 / 4,000 = 0.005.
		{"400 rows per input", 20, 10, 4000, 20, 0.005},
		// Exactly 100 per input: 100 · 30 / 3,000 = 1, untouched.
		{"100 rows per input", 20, 30, 3000, 20, 20.0 / 3000},
		// 40 inputs on 5,000 rows: 100 · 40 / 5,000 = 0.8, untouched.
		{"125 rows per input", 20, 40, 5000, 20, 0.004},
		// 10 inputs on 800 rows: 100 · 10 / 800 = 1.25, so 2 · 1.25 =
		// 2.5; decay 2.5 / 800 = 0.003125.
		{"80 rows per input, prior 2", 2, 10, 800, 2.5, 0.003125},
		{"no inputs", 20, 0, 1000, 20, 0.02},
		{"no rows", 20, 10, 0, 20, math.NaN()},
	} {
		got := InputPrior(c.prior, c.inputs, c.rows)
		if math.Abs(got-c.want) > 1e-12 {
			t.Errorf("%s: InputPrior(%g, %d, %d) = %g, want %g", c.name, c.prior, c.inputs, c.rows, got, c.want)
		}
		if c.rows == 0 {
			continue
		}
		if d := PriorDecay(got, c.rows); math.Abs(d-c.wantDecay) > 1e-12 {
			t.Errorf("%s: decay %g, want %g", c.name, d, c.wantDecay)
		}
	}
}

// TestNewRaisesWidePrior: New gives the default's prior the wide-table
// rule. The built-in shop with 1,000 users has 10 network inputs and 899
// training rows (1,000 less the 101 of the stratified 10 % validation
// part), 89.9 per input, so the prior 20 becomes 20 · 100 · 10 / 899 =
// 20,000 / 899 = 22.2469 and the decay 20,000 / 899² = 20,000 / 808,201 =
// 0.0247463, where 20 / rows alone would give 20 / 899 = 0.0222469.
func TestNewRaisesWidePrior(t *testing.T) {
	d, err := Load(Source{Kind: "builtin", Users: 1000}, fileOpener)
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(d, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if e.Net.Inputs() != 10 || e.Train.Rows != 899 || e.Val.Rows != 101 {
		t.Fatalf("%d inputs on %d training and %d validation rows, want 10 on 899 and 101", e.Net.Inputs(), e.Train.Rows, e.Val.Rows)
	}
	if got := e.Config.Train.L2; math.Abs(got-0.0247463193) > 1e-9 {
		t.Errorf("L2 %g, want 20,000 / 808,201 = 0.0247463", got)
	}
	if got := e.TrainedPrior(); math.Abs(got-22.2469410) > 1e-6 || e.Config.L2Prior != 20 {
		t.Errorf("trained prior %g (configured %g), want 20,000 / 899 = 22.2469 (20)", got, e.Config.L2Prior)
	}
}
