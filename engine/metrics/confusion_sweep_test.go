package metrics

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"
)

// TestConfusionSweepEqualsConfusionAt checks the sweep against the direct
// count at every threshold that matters: each distinct score (ties
// included), between scores, beyond both ends and at ±Inf.
func TestConfusionSweepEqualsConfusionAt(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for trial := range 50 {
		n := 1 + rng.IntN(300)
		scores, labels := make([]float64, n), make([]float64, n)
		for i := range n {
			// Rounded to two decimals, so ties are common.
			scores[i] = math.Round(rng.Float64()*100) / 100
			if rng.Float64() < 0.3 {
				labels[i] = 1
			}
		}
		sweep, err := NewConfusionSweep(scores, labels, nil)
		if err != nil {
			t.Fatal(err)
		}
		thresholds := []float64{math.Inf(-1), -1, 0, 0.005, 0.5, 0.505, 1, 2, math.Inf(1)}
		thresholds = append(thresholds, scores...)
		for _, th := range thresholds {
			want, err := ConfusionAt(scores, labels, nil, th)
			if err != nil {
				t.Fatal(err)
			}
			got, err := sweep.At(th)
			if err != nil || got != want {
				t.Fatalf("trial %d, threshold %v: sweep %+v, %v; ConfusionAt %+v", trial, th, got, err, want)
			}
		}
	}
}

func TestConfusionSweepWeighted(t *testing.T) {
	scores := []float64{0.9, 0.1, 0.4, 0.4, 0.7}
	labels := []float64{1, 0, 1, 0, 0}
	weights := []float64{2, 1, 0.5, 3, 0}
	sweep, err := NewConfusionSweep(scores, labels, weights)
	if err != nil {
		t.Fatal(err)
	}
	// At 0.4: 0.9 (pos, 2), 0.4 (pos, 0.5), 0.4 (neg, 3) and 0.7 (neg, 0)
	// are predicted positive; 0.1 (neg, 1) negative.
	got, err := sweep.At(0.4)
	if want := (Confusion{TN: 1, FP: 3, FN: 0, TP: 2.5}); err != nil || got != want {
		t.Errorf("At(0.4) = %+v, %v; want %+v", got, err, want)
	}
	if sweep.Rows() != 5 {
		t.Errorf("Rows() = %d, want 5", sweep.Rows())
	}
}

func TestConfusionSweepRefusals(t *testing.T) {
	if _, err := NewConfusionSweep([]float64{0.5, math.NaN()}, []float64{0, 1}, nil); !errors.Is(err, ErrNonFinite) ||
		err.Error() != "non-finite score at index 1: NaN" {
		t.Errorf("NaN score: %v", err)
	}
	if _, err := NewConfusionSweep(nil, nil, nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("no rows: %v", err)
	}
	sweep, err := NewConfusionSweep([]float64{0.5}, []float64{1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sweep.At(math.NaN()); err == nil || err.Error() != "invalid argument: threshold is NaN" {
		t.Errorf("NaN threshold: %v", err)
	}
}

func TestConfusionRates(t *testing.T) {
	c := Confusion{TN: 6, FP: 2, FN: 1, TP: 3}
	for _, tc := range []struct {
		name      string
		got, want float64
	}{
		{"FalsePositiveRate", c.FalsePositiveRate(), 2.0 / 8},
		{"TruePositiveRate", c.TruePositiveRate(), 3.0 / 4},
		{"Total", c.Total(), 12},
		{"PredictedPositive", c.PredictedPositive(), 5},
		{"PredictedPositiveRate", c.PredictedPositiveRate(), 5.0 / 12},
		{"empty FalsePositiveRate", Confusion{TP: 1}.FalsePositiveRate(), 0},
		{"empty PredictedPositiveRate", Confusion{}.PredictedPositiveRate(), 0},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}
