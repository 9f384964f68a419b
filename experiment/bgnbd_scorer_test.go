package experiment

import (
	"context"
	"math"
	"testing"
)

// TestScoreCurrentBGNBD checks --scorer bgnbd's probabilities against the
// BG/NBD formulas written out here, with the fitted parameters and each
// customer's summary counted by hand from backtestLog at 2024-02-20 (day
// 50), horizon 10 days = 10/7 weeks:
//
//	P(alive) = 1 / (1 + [x > 0] · a/(b + x − 1) · ((α + T)/(α + t_x))^(r + x))
//	P(any)   = P(alive) · (1 − ((α + T)/(α + T + t))^(r + x))
//
// (Fader, Hardie & Lee 2005: alive at T, λ | data ~ Gamma(r + x, α + T),
// and no dropout without a purchase, so P(no purchase | alive) is the
// gamma mixture of e^(−λt)).
func TestScoreCurrentBGNBD(t *testing.T) {
	log := backtestLog(t)
	cut := date("2024-02-20")
	cur, err := CurrentOf(log, Source{Kind: "log", Path: "orders.csv", HorizonDays: 10, Cutoff: cut})
	if err != nil {
		t.Fatal(err)
	}
	ids := cur.Table.IDs()
	net := &Scored{IDs: ids, Probabilities: make([]float64, len(ids)), Predicted: make([]string, len(ids)),
		Threshold: 0.5, Positive: "yes", Negative: "no", Uncalibrated: make([]float64, len(ids))}
	s, bg, err := ScoreCurrentBGNBD(context.Background(), cur, net, 10)
	if err != nil {
		t.Fatal(err)
	}
	if s.Uncalibrated != nil || s.Calibration != nil || s.X != nil {
		t.Error("BG/NBD's scores keep the network's calibration or inputs")
	}
	f := bg.Fit
	if f.Customers != 60 || !f.CalibrationEnd.Equal(cut) {
		t.Fatalf("fitted on %d customers up to %s, want 60 up to %s", f.Customers, f.CalibrationEnd, cut)
	}
	hand := func(x, tx, tt float64) float64 {
		odds := 0.0
		if x > 0 {
			odds = f.A / (f.B + x - 1) * math.Pow((f.Alpha+tt)/(f.Alpha+tx), f.R+x)
		}
		return 1 / (1 + odds) * (1 - math.Pow((f.Alpha+tt)/(f.Alpha+tt+10.0/7), f.R+x))
	}
	want := map[string]float64{
		"a00": hand(12, 48.0/7, 50.0/7), // every 4 days from day 0: days 4 … 48 are 12 repeats
		"a03": hand(7, 49.0/7, 50.0/7),  // every 7 days: days 7 … 49
		"b03": hand(0, 0, 47.0/7),       // day 3 only
		"c01": hand(1, 15.0/7, 15.0/7),  // days 35 and 50
		"d04": hand(3, 12.0/7, 49.0/7),  // days 1, 5, 9, 13
	}
	seen := 0
	for i, id := range ids {
		w, ok := want[id]
		if !ok {
			continue
		}
		seen++
		if math.Abs(s.Probabilities[i]-w) > 1e-12 {
			t.Errorf("%s: P(any order) %.15g, want %.15g", id, s.Probabilities[i], w)
		}
		class := "no"
		if w >= 0.5 {
			class = "yes"
		}
		if s.Predicted[i] != class {
			t.Errorf("%s: predicted %q at P %.4f, want %q", id, s.Predicted[i], w, class)
		}
	}
	if seen != len(want) {
		t.Fatalf("found %d of the %d customers checked", seen, len(want))
	}
	if net.Probabilities[0] != 0 || net.Uncalibrated == nil {
		t.Error("the network's scores were changed in place")
	}
}
