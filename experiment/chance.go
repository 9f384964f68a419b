package experiment

import (
	"math"

	"github.com/retainlab/retain/engine/metrics"
)

// ChanceRow is the row of a gains table by decile (metrics.ReportBins
// groups) whose lift says whether a model ranks better than at random:
// the top 20 %, the row the Evaluate screen's sentence reads.
const ChanceRow = 1

// NoBetterThanChance reports whether a lift, at the one decimal it is
// shown with, is at most 1.0×: the rule LiftWords words as "no better
// than at random" (1.0×) or "worse than at random" (below). NaN is not
// judged (false).
func NoBetterThanChance(lift float64) bool { return math.Round(lift*10)/10 <= 1 }

// ChanceLift is the lift of a decile gains table's top 20 % (ChanceRow),
// the figure NoBetterThanChance judges; ok is false when the table has no
// such row.
func ChanceLift(gains []metrics.GainsRow) (lift float64, ok bool) {
	if len(gains) <= ChanceRow {
		return math.NaN(), false
	}
	return gains[ChanceRow].Lift, true
}

// RanksAtChance reports whether the model of a metrics report ranks its
// rows no better than at random, by the lift of its gains table's top
// 20 % (NoBetterThanChance), and returns that lift (NaN without one).
func RanksAtChance(r *metrics.Report) (bool, float64) {
	if r == nil {
		return false, math.NaN()
	}
	return gainsAtChance(r.Gains)
}

// gainsAtChance is RanksAtChance's rule on a decile gains table: whether
// its top 20 % lift (ChanceLift) is no better than at random
// (NoBetterThanChance), and that lift (NaN without one).
func gainsAtChance(gains []metrics.GainsRow) (bool, float64) {
	lift, ok := ChanceLift(gains)
	return ok && NoBetterThanChance(lift), lift
}

// MajorityRate is the accuracy of predicting the more common class for
// every row: max(positives, negatives) ÷ rows. Accuracy means something
// only above it (NaN without rows).
func MajorityRate(r *metrics.Report) float64 {
	if r == nil || r.Positives+r.Negatives <= 0 {
		return math.NaN()
	}
	return max(r.Positives, r.Negatives) / (r.Positives + r.Negatives)
}

// MeanChanceLift is the mean over reports (a backtest's folds) of the
// lift of the top 20 % (ChanceLift), and whether that mean is no better
// than at random (NoBetterThanChance); NaN and false when a report has no
// such row.
func MeanChanceLift(reports []metrics.Report) (lift float64, atChance bool) {
	if len(reports) == 0 {
		return math.NaN(), false
	}
	sum := 0.0
	for i := range reports {
		l, ok := ChanceLift(reports[i].Gains)
		if !ok {
			return math.NaN(), false
		}
		sum += l
	}
	lift = sum / float64(len(reports))
	return lift, NoBetterThanChance(lift)
}
