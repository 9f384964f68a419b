package experiment

import (
	"math"

	"gonum.org/v1/gonum/stat"
)

// TuneGain is how much the best trial of a search beats the base
// configuration (retain train's default) by, set against the noise of the
// folds: the best is the highest of many trials' means over a few folds,
// so a gain of the size of that noise is no evidence that it is better.
//
// The rule: with the folds shared (Tune draws them from the base
// configuration's seed, so every trial is measured on the same folds), the
// difference is the mean of the per-fold differences best − base over the
// folds both were measured on, and the noise is twice its standard error,
// 2 × sd(differences) / √n, which leaves out the spread of the folds
// themselves (a hard fold is hard for both). With fewer than two folds in
// common, it is the difference of the two means with the noise 2 ×
// √(sd₁²/k₁ + sd₂²/k₂). The best is clearly better only when the
// difference is larger than the noise.
type TuneGain struct {
	// Difference is the best's mean ROC AUC minus the base's; Noise twice
	// its standard error.
	Difference float64 `json:"difference"`
	Noise      float64 `json:"noise"`
	// Paired is true when they come from the per-fold differences, on
	// Folds folds.
	Paired bool `json:"paired"`
	Folds  int  `json:"folds"`
	// ClearlyBetter is Difference > Noise.
	ClearlyBetter bool `json:"clearly_better"`
}

// NewTuneGain compares best with base by the rule of TuneGain; nil when
// either has no measured fold or best is the base itself.
func NewTuneGain(best, base *Trial) *TuneGain {
	if best == nil || base == nil || best.Base || len(best.Folds) == 0 || len(base.Folds) == 0 {
		return nil
	}
	baseOn := make(map[int]float64, len(base.Folds))
	for _, f := range base.Folds {
		baseOn[f.Fold] = f.Scores.ROCAUC
	}
	var diffs []float64
	for _, f := range best.Folds {
		if b, ok := baseOn[f.Fold]; ok {
			diffs = append(diffs, f.Scores.ROCAUC-b)
		}
	}
	var g TuneGain
	if n := len(diffs); n >= 2 {
		mean, sd := stat.MeanStdDev(diffs, nil)
		g = TuneGain{Difference: mean, Noise: 2 * sd / math.Sqrt(float64(n)), Paired: true, Folds: n}
	} else {
		se2 := 0.0
		for _, t := range []*Trial{best, base} {
			if k := len(t.Folds); k > 1 {
				se2 += t.AUCStd * t.AUCStd / float64(k)
			}
		}
		g = TuneGain{Difference: best.AUC - base.AUC, Noise: 2 * math.Sqrt(se2)}
	}
	g.ClearlyBetter = g.Difference > g.Noise
	return &g
}

// baseTrial is the base configuration's trial on the board (nil if none).
func (r TuneResult) baseTrial() *Trial {
	for i := range r.Board {
		if r.Board[i].Base {
			return &r.Board[i]
		}
	}
	return nil
}
