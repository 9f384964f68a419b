package experiment

import (
	"testing"

	"github.com/retainlab/retain/engine/metrics"
)

// TestBGNBDWorthScoring: the command that plans on BG/NBD is advice only
// when BG/NBD is the better calibrated (mean log loss lower by more than
// BGNBDLogLossMargin) or ranks better on average and in more than half of
// the folds. Fold figures made up by hand; the means are the folds' means
// worked out here: ROC AUC network (0.80+0.70+0.75+0.76)/4 = 0.7525,
// BG/NBD (0.79+0.72+0.74+0.7604)/4 = 0.7526 (ahead in folds 2 and 4 only:
// 2 of 4, not more than half); log loss equal, 0.5 each.
func TestBGNBDWorthScoring(t *testing.T) {
	fold := func(net, bg float64) BacktestFold {
		return BacktestFold{Network: metrics.Report{ROCAUC: net, LogLoss: 0.5}, BGNBD: metrics.Report{ROCAUC: bg, LogLoss: 0.5}}
	}
	res := &BacktestResult{Folds: []BacktestFold{fold(0.80, 0.79), fold(0.70, 0.72), fold(0.75, 0.74), fold(0.76, 0.7604)},
		BGNBD: &BacktestSummary{}}
	res.Network.Mean.ROCAUC, res.Network.Mean.LogLoss = 0.7525, 0.5
	res.BGNBD.Mean.ROCAUC, res.BGNBD.Mean.LogLoss = 0.7526, 0.5
	if res.BGNBDWorthScoring() {
		t.Error("a mean lead of 0.0001 won in 2 of 4 folds is advice to switch")
	}
	// Fold 3 turns too: 3 of 4 folds, mean (0.79+0.72+0.76+0.7604)/4 = 0.7576.
	res.Folds[2].BGNBD.ROCAUC, res.BGNBD.Mean.ROCAUC = 0.76, 0.7576
	if !res.BGNBDWorthScoring() {
		t.Error("ahead on average and in 3 of 4 folds is not advice")
	}
	// Behind on ranking everywhere but better calibrated by 0.02 > 0.01.
	for i := range res.Folds {
		res.Folds[i].BGNBD.ROCAUC = 0.5
	}
	res.BGNBD.Mean.ROCAUC, res.BGNBD.Mean.LogLoss = 0.5, 0.48
	if !res.BGNBDWorthScoring() {
		t.Error("better calibrated by 0.02 is not advice")
	}
	res.BGNBD = nil
	if res.BGNBDWorthScoring() {
		t.Error("advice without a BG/NBD fit on every fold")
	}
}
