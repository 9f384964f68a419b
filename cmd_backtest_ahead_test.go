package main

import (
	"testing"

	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
)

// The line after the backtest table: said only when BG/NBD's mean ROC AUC
// is above the network's, with the folds where it is ahead counted (here
// folds 1 and 3 of 3: 0.80 > 0.78 and 0.85 > 0.84, not 0.79 < 0.81), and
// worded for a network with or without the BG/NBD inputs.
func TestBacktestSaysWhenBGNBDIsAhead(t *testing.T) {
	fold := func(net, bg float64) experiment.BacktestFold {
		return experiment.BacktestFold{Network: metrics.Report{ROCAUC: net}, BGNBD: metrics.Report{ROCAUC: bg}}
	}
	res := &experiment.BacktestResult{Folds: []experiment.BacktestFold{fold(0.78, 0.80), fold(0.81, 0.79), fold(0.84, 0.85)}}
	res.Network.Mean.ROCAUC = (0.78 + 0.81 + 0.84) / 3
	bg := experiment.BacktestSummary{}
	bg.Mean.ROCAUC = (0.80 + 0.79 + 0.85) / 3
	res.BGNBD = &bg
	const head = "BG/NBD ranks these customers better than the network: mean ROC AUC 0.8133 against 0.8100, ahead in 2 of 3 folds."
	if got, want := bgnbdAhead(res, false), head+" --btyd-features gives the network BG/NBD's P(alive), expected orders and "+
		"P(any order) in the horizon as inputs (a model with them cannot be exported to SQL)."; got != want {
		t.Errorf("without the inputs:\n%s\nwant\n%s", got, want)
	}
	if got, want := bgnbdAhead(res, true), head+" The network had BG/NBD's outputs as inputs (--btyd-features) and still trails."; got != want {
		t.Errorf("with the inputs:\n%s\nwant\n%s", got, want)
	}
	bg.Mean.ROCAUC = res.Network.Mean.ROCAUC
	if got := bgnbdAhead(res, false); got != "" {
		t.Errorf("level: %q, want nothing", got)
	}
	res.BGNBD = nil
	if got := bgnbdAhead(res, false); got != "" {
		t.Errorf("BG/NBD not fitted: %q, want nothing", got)
	}
}
