package engine

import (
	"math"
	"testing"
)

// TestRowWeight: a positive row weighs PositiveWeight, a negative one 1,
// and an unset weight leaves every row at 1.
func TestRowWeight(t *testing.T) {
	for _, c := range []struct{ pos, y, want float64 }{
		{0, 1, 1}, {0, 0, 1}, {3, 1, 3}, {3, 0, 1}, {3, 0.5, 2}, {0.25, 1, 0.25},
	} {
		if got := (TrainConfig{PosWeight: c.pos}).RowWeight(c.y); math.Abs(got-c.want) > 1e-15 {
			t.Errorf("PosWeight %v, y %v: %v, want %v", c.pos, c.y, got, c.want)
		}
	}
}

// TestRowWeightMatchesTheLoss: the traced step's row losses are the
// unweighted ones times RowWeight.
func TestRowWeightMatchesTheLoss(t *testing.T) {
	z, y := []float64{0.3, -1.2}, []float64{1, 0}
	plain := rowLosses(BCE, z, y, 1)
	weighted := rowLosses(BCE, z, y, 4)
	cfg := TrainConfig{PosWeight: 4}
	for i := range z {
		if want := plain[i] * cfg.RowWeight(y[i]); math.Abs(weighted[i]-want) > 1e-12 {
			t.Errorf("row %d: %v, want %v", i, weighted[i], want)
		}
	}
}
