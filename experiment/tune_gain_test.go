package experiment

import (
	"math"
	"testing"
)

// gainTrial is a trial measured on folds 1.. with the given ROC AUCs, its
// mean and sample standard deviation as Tune sets them.
func gainTrial(number int, base bool, aucs ...float64) *Trial {
	t := &Trial{Number: number, Base: base, Complete: true}
	for i, a := range aucs {
		t.Folds = append(t.Folds, FoldResult{Fold: i + 1, Scores: Scores{ROCAUC: a}})
	}
	mean, sd := 0.0, 0.0
	for _, a := range aucs {
		mean += a
	}
	mean /= float64(len(aucs))
	for _, a := range aucs {
		sd += (a - mean) * (a - mean)
	}
	if len(aucs) > 1 {
		sd = math.Sqrt(sd / float64(len(aucs)-1))
	}
	t.AUC, t.AUCStd = mean, sd
	return t
}

// TestTuneGain checks the rule of TuneGain on figures computed with numpy
// (/usr/bin/python3): d = best − base per fold, d.mean() and
// 2*d.std(ddof=1)/sqrt(n); unpaired, 2*sqrt(sd²/k) of the best (the base
// measured on one fold has no spread).
func TestTuneGain(t *testing.T) {
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-12 }
	// Like review31's telco search: 0.8496 against 0.8493, the folds
	// spread by about 0.012, the paired differences by far less.
	base := gainTrial(1, true, 0.8372, 0.8651, 0.8410, 0.8533, 0.8499)
	best := gainTrial(15, false, 0.8390, 0.8640, 0.8402, 0.8551, 0.8497)
	g := NewTuneGain(best, base)
	if g == nil || !g.Paired || g.Folds != 5 || !near(g.Difference, 0.0003) || !near(g.Noise, 0.0012585706178041666) || g.ClearlyBetter {
		t.Errorf("within the noise: %+v, want difference 0.0003, noise 0.0012585706178041666, paired on 5, not clearly better", g)
	}
	// A fold-by-fold gain of 0 or 0.01: mean 0.006, noise 0.0048990.
	base = gainTrial(1, true, 0.80, 0.85, 0.83, 0.90, 0.78)
	best = gainTrial(9, false, 0.81, 0.85, 0.84, 0.90, 0.79)
	g = NewTuneGain(best, base)
	if g == nil || !near(g.Difference, 0.006) || !near(g.Noise, 0.00489897948556636) || !g.ClearlyBetter {
		t.Errorf("beyond the noise: %+v, want difference 0.006, noise 0.00489897948556636, clearly better", g)
	}
	// One fold in common: the two means, unpaired.
	base = gainTrial(1, true, 0.85)
	best = gainTrial(4, false, 0.8390, 0.8640, 0.8402, 0.8551, 0.8497)
	g = NewTuneGain(best, base)
	if g == nil || g.Paired || !near(g.Difference, -0.00039999999999995595) || !near(g.Noise, 0.009363119138406829) || g.ClearlyBetter {
		t.Errorf("unpaired: %+v, want difference -0.0004, noise 0.009363119138406829", g)
	}
	if NewTuneGain(base, base) != nil || NewTuneGain(nil, base) != nil || NewTuneGain(best, nil) != nil {
		t.Error("the base against itself, or a missing trial, gives a gain")
	}
}
