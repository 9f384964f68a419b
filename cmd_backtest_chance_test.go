package main

import (
	"slices"
	"testing"

	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
)

// TestBacktestChance: the network's top-20 % lifts 1.02 and 0.96 average
// 0.99, shown as 1.0×: no better than at random (the Evaluate screen's
// rule); BG/NBD's 1.5 and 1.7 average 1.6, better. Only the network is
// named. With BG/NBD at 1.04 and 1.0 (mean 1.02) both are.
func TestBacktestChance(t *testing.T) {
	fold := func(network, bgnbd float64) experiment.BacktestFold {
		return experiment.BacktestFold{
			Network: metrics.Report{Gains: []metrics.GainsRow{{Lift: 2}, {Lift: network}}},
			BGNBD:   metrics.Report{Gains: []metrics.GainsRow{{Lift: 2}, {Lift: bgnbd}}},
		}
	}
	res := &experiment.BacktestResult{Folds: []experiment.BacktestFold{fold(1.02, 1.5), fold(0.96, 1.7)}, BGNBD: &experiment.BacktestSummary{}}
	want := []string{"The network ranks these customers no better than at random: mean lift of the top 20 % 0.99× over the folds."}
	if got := backtestChance(res); !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	res.Folds = []experiment.BacktestFold{fold(1.02, 1.04), fold(0.96, 1.0)}
	want = append(want, "BG/NBD ranks these customers no better than at random: mean lift of the top 20 % 1.02× over the folds.")
	if got := backtestChance(res); !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	res.BGNBD = nil // not fitted on every fold: not judged
	if got := backtestChance(res); len(got) != 1 {
		t.Errorf("without BG/NBD: %q", got)
	}
}
