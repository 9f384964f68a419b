package engine

import (
	"context"
	"errors"
	"fmt"
	"math"
	"testing"
)

// TestAverageEpochsEndsWithTheMeanOfEveryStep: with a horizon longer than
// the run, the average is the plain mean of the weights after each step.
// The mean is computed independently from a trainer without averaging,
// stepped batch by batch on the same seed (the averaging does not change
// the path the weights take), and the averaging trainer must end with it.
func TestAverageEpochsEndsWithTheMeanOfEveryStep(t *testing.T) {
	cfg := DefaultTrainConfig()
	cfg.Epochs, cfg.BatchSize, cfg.EarlyStop.Patience = 3, 16, 0
	data := blobs(100, 3)
	plain := newTestTrainer(t, 7, cfg, data, Dataset{})
	const steps = 3 * 7 // 100 rows in batches of 16: 7 a epoch
	sum := make([]float64, plain.Network().ParamCount())
	for range steps {
		if err := plain.TrainBatch(context.Background()); err != nil {
			t.Fatal(err)
		}
		for i, v := range plain.Network().Params() {
			sum[i] += v
		}
	}
	cfg.AverageEpochs = 1e6
	avg := newTestTrainer(t, 7, cfg, data, Dataset{})
	if err := avg.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	for i, v := range avg.Network().Params() {
		if want := sum[i] / steps; math.Abs(v-want) > 1e-12*max(1, math.Abs(want)) {
			t.Fatalf("parameter %d: %v, want the mean of the %d steps' %v", i, v, steps, want)
		}
	}
	if got := plain.Network().Params()[0]; got == avg.Network().Params()[0] {
		t.Fatalf("the averaged network equals the last step's (%v): nothing was averaged", got)
	}
}

// TestAverageEpochsRefusesNegative: a negative or non-finite horizon is a
// configuration error.
func TestAverageEpochsRefusesNegative(t *testing.T) {
	for _, v := range []float64{-1, math.NaN(), math.Inf(1)} {
		cfg := DefaultTrainConfig()
		cfg.AverageEpochs = v
		want := fmt.Sprintf("%v: weight averaging needs a finite number of epochs ≥ 0, got %g", ErrConfig, v)
		if err := cfg.Validate(); !errors.Is(err, ErrConfig) || err.Error() != want {
			t.Errorf("AverageEpochs %v: err %v", v, err)
		}
	}
}
