package metrics

import (
	"errors"
	"math"
	"testing"
)

// The expected intervals were computed independently in pure Python 3.11
// (no numpy on the machine) by the textbook DeLong definition: the O(m·n)
// matrix ψ(p, n) = 1, ½ or 0 over every positive–negative pair, V10 and
// V01 its row and column means, variance statistics.variance(V10)/m +
// statistics.variance(V01)/n, z = NormalDist().inv_cdf(0.975), clipped
// to [0, 1]. The weighted case was computed on the rows repeated by their
// weight.
func TestAUCIntervalMatchesDeLongByHand(t *testing.T) {
	cases := []struct {
		name           string
		scores, labels []float64
		weights        []float64
		auc, low, high float64
	}{
		{"ties, 20 rows",
			[]float64{0.95, 0.9, 0.85, 0.8, 0.8, 0.7, 0.65, 0.6, 0.6, 0.55, 0.5, 0.45, 0.4, 0.4, 0.35, 0.3, 0.25, 0.2, 0.15, 0.1},
			[]float64{1, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0}, nil,
			0.6927083333333334, 0.451223562790093, 0.9341931038765737},
		{"upper end clipped",
			[]float64{0.9, 0.8, 0.8, 0.7, 0.65, 0.6, 0.6, 0.55, 0.5, 0.4, 0.35, 0.3, 0.2, 0.1},
			[]float64{1, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0}, nil,
			0.75, 0.48135476125105964, 1},
		{"frequency weights",
			[]float64{0.9, 0.8, 0.8, 0.7, 0.65, 0.6, 0.6, 0.55, 0.5, 0.4, 0.35, 0.3, 0.2, 0.1},
			[]float64{1, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0},
			[]float64{1, 2, 1, 1, 3, 1, 1, 1, 2, 1, 1, 1, 1, 2},
			0.7678571428571429, 0.5367749855302171, 0.9989393001840687},
		{"perfect ranking", []float64{0.9, 0.8, 0.7, 0.3, 0.2, 0.1}, []float64{1, 1, 1, 0, 0, 0}, nil, 1, 1, 1},
	}
	for _, c := range cases {
		iv, ok, err := AUCInterval(c.scores, c.labels, c.weights)
		if err != nil || !ok {
			t.Fatalf("%s: ok %v err %v", c.name, ok, err)
		}
		auc, _ := AUC(c.scores, c.labels, c.weights)
		if math.Abs(auc-c.auc) > 1e-12 || math.Abs(iv.Low-c.low) > 1e-12 || math.Abs(iv.High-c.high) > 1e-12 {
			t.Errorf("%s: auc %.16g [%.16g, %.16g], want %.16g [%.16g, %.16g]", c.name, auc, iv.Low, iv.High, c.auc, c.low, c.high)
		}
		if iv.Level != 0.95 || iv.Method != "DeLong" {
			t.Errorf("%s: %+v", c.name, iv)
		}
	}
}

func TestAUCIntervalNeedsTwoOfEachClass(t *testing.T) {
	if _, ok, err := AUCInterval([]float64{0.9, 0.2, 0.1}, []float64{1, 0, 0}, nil); ok || err != nil {
		t.Errorf("one positive: ok %v err %v, want no interval and no error", ok, err)
	}
	if _, _, err := AUCInterval([]float64{0.9, 0.2}, []float64{1, 1}, nil); !errors.Is(err, ErrOneClass) {
		t.Errorf("one class: %v", err)
	}
}
