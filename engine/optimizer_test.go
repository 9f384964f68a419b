package engine

import (
	"math"
	"testing"
)

var (
	optW0    = []float64{0.5, -1.25, 2.0, 0.0}
	optGrads = [][]float64{{0.1, -0.2, 0.3, -0.4}, {1.5, 0.0, -2.5, 0.25}, {-0.3, 0.7, 0.01, 1e-4}}
)

// TestOptimizersMatchReferences runs three updates from optW0 with optGrads.
// SGD figures come from torch.optim.SGD (PyTorch 1.13, float64, lr 0.1,
// momentum 0.9); Adam's from a line-by-line Python transcription of the Keras
// update (lr 0.01, β1 0.9, β2 0.999, ε 1e-7: α = lr·√(1−β2ᵗ)/(1−β1ᵗ),
// w −= α·m/(√v+ε)).
func TestOptimizersMatchReferences(t *testing.T) {
	cases := []struct {
		name string
		cfg  OptimizerConfig
		want []float64
	}{
		{"sgd momentum", OptimizerConfig{Kind: "sgd", LR: 0.1, Momentum: 0.9},
			[]float64{0.21789999999999995, -1.2658, 2.3927, 0.060890000000000014}},
		{"sgd nesterov", OptimizerConfig{Kind: "sgd", LR: 0.1, Momentum: 0.9, Nesterov: true},
			[]float64{0.11610999999999995, -1.31422, 2.5724299999999998, 0.06979100000000002}},
		{"adam", OptimizerConfig{Kind: "adam", LR: 0.01},
			[]float64{0.4774146086972726, -1.2380208486486044, 2.001659582361481, 0.013076385443756592}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			opt, err := NewOptimizer(c.cfg, len(optW0))
			if err != nil {
				t.Fatal(err)
			}
			w := append([]float64(nil), optW0...)
			for _, g := range optGrads {
				opt.Step(w, g)
			}
			for i := range w {
				if math.Abs(w[i]-c.want[i]) > 1e-12 {
					t.Errorf("w[%d] = %.17g, want %.17g", i, w[i], c.want[i])
				}
			}
		})
	}
}

func TestOptimizerConfigRejectsBadValues(t *testing.T) {
	cases := map[string]OptimizerConfig{
		`invalid configuration: optimizer "rmsprop" (want adam or sgd)`:          {Kind: "rmsprop"},
		"invalid configuration: learning rate must be a positive number, got -1": {Kind: "sgd", LR: -1},
		"invalid configuration: momentum must be in [0, 1), got 1":               {Kind: "sgd", Momentum: 1},
		"invalid configuration: momentum must be in [0, 1), got NaN":             {Kind: "sgd", Momentum: math.NaN()},
		"invalid configuration: Nesterov needs a momentum above 0":               {Kind: "sgd", Nesterov: true},
		"invalid configuration: Adam betas must be in [0, 1), got 1 and 0.999":   {Kind: "adam", Beta1: 1},
	}
	for want, cfg := range cases {
		if err := cfg.Validate(); err == nil || err.Error() != want {
			t.Errorf("Validate(%+v) = %v, want %q", cfg, err, want)
		}
	}
}

// TestScheduleConfigRejectsBadValues: a schedule's floor above the
// learning rate, NaN or infinite settings are configuration errors naming
// the valid range, not runs that climb or diverge.
func TestScheduleConfigRejectsBadValues(t *testing.T) {
	base := DefaultTrainConfig()
	for want, s := range map[string]ScheduleConfig{
		"invalid configuration: cosine schedule needs min lr in [0, 0.001] (the learning rate), got 1":   {Kind: "cosine", MinLR: 1},
		"invalid configuration: cosine schedule needs min lr in [0, 0.001] (the learning rate), got NaN": {Kind: "cosine", MinLR: math.NaN()},
		"invalid configuration: plateau schedule needs min lr in [0, 0.001] (the learning rate), got 5":  {Kind: "plateau", Patience: 5, Factor: 0.5, MinLR: 5},
		"invalid configuration: plateau schedule needs a factor in (0, 1), got NaN":                      {Kind: "plateau", Patience: 5, Factor: math.NaN()},
		"invalid configuration: plateau schedule needs patience ≥ 1, got 0":                              {Kind: "plateau", Factor: 0.5},
		"invalid configuration: plateau schedule needs a finite min delta ≥ 0, got NaN":                  {Kind: "plateau", Patience: 5, Factor: 0.5, MinDelta: math.NaN()},
		"invalid configuration: step schedule needs every ≥ 1 and factor in (0, 1], got 10 and +Inf":     {Kind: "step", Every: 10, Factor: math.Inf(1)},
	} {
		cfg := base
		cfg.Schedule = s
		if err := cfg.Validate(); err == nil || err.Error() != want {
			t.Errorf("Validate(%+v) = %v, want %q", s, err, want)
		}
	}
	cfg := base
	cfg.Schedule = ScheduleConfig{Kind: "cosine", MinLR: 0.001}
	if err := cfg.Validate(); err != nil {
		t.Errorf("min lr equal to the rate: %v", err)
	}
}

func TestClipNormRescalesOnlyLargeGradients(t *testing.T) {
	g := []float64{3, 4} // norm 5
	clipNorm(g, 1)
	if math.Abs(g[0]-0.6) > 1e-15 || math.Abs(g[1]-0.8) > 1e-15 {
		t.Fatalf("clipped to %v, want [0.6 0.8]", g)
	}
	g = []float64{3, 4}
	clipNorm(g, 10)
	if g[0] != 3 || g[1] != 4 {
		t.Fatalf("gradient below the bound changed to %v", g)
	}
}
