package main

import (
	"slices"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
)

// TestBacktestSaysWorseThanConstant: review38's Online Retail outside the
// UK at 90 days, fold 1 (99 of 173 training customers positive, 129 of
// 253 test customers): the network's log loss 0.7406 is above the
// constant's 0.7008 (−(129/253 ln(99/173) + 124/253 ln(74/173)), pandas
// gave the same), BG/NBD's 0.5480 is not; the mean over the folds
// (0.6432 against the constants' mean) is named as well, BG/NBD's lower
// mean log loss is said with the folds where it is lower, and the command
// that plans on BG/NBD is given.
func TestBacktestSaysWorseThanConstant(t *testing.T) {
	fold := func(n int, trainPos, trainN, testPos, testN int, network, bgnbd float64) experiment.BacktestFold {
		return experiment.BacktestFold{Fold: n,
			Train:   data.CohortReport{Customers: trainN, Positives: trainPos, PositiveRate: float64(trainPos) / float64(trainN)},
			Test:    data.CohortReport{Customers: testN, Positives: testPos, PositiveRate: float64(testPos) / float64(testN)},
			Network: metrics.Report{LogLoss: network}, BGNBD: metrics.Report{LogLoss: bgnbd}}
	}
	// Fold 2 is the review's fold 4 (127 of 264, 193 of 335): its
	// constant is 0.6996 (−(193/335 ln(127/264) + 142/335 ln(137/264))),
	// above both models.
	res := &experiment.BacktestResult{Log: "or_nonuk.csv", HorizonDays: 90, Folds: []experiment.BacktestFold{
		fold(1, 99, 173, 129, 253, 0.7406, 0.5480),
		fold(2, 127, 264, 193, 335, 0.5874, 0.5809),
	}}
	// Means: network 0.6640, BG/NBD 0.56445, constants (0.7008 + 0.6996)/2
	// = 0.7002: neither mean is above.
	res.Network.Mean.LogLoss, res.BGNBD = 0.6640, &experiment.BacktestSummary{}
	res.BGNBD.Mean.LogLoss = 0.56445
	got := worseThanConstant(res)
	want := []string{"The network's probabilities are worse than a constant in fold 1: log loss 0.7406, above 0.7008, " +
		"the log loss of predicting the training cohort's positive rate for every test customer."}
	if !slices.Equal(got, want) {
		t.Errorf("said %q\nwant %q", got, want)
	}
	res.Network.Mean.LogLoss = 0.80 // above the constants' mean 0.7002
	if got := worseThanConstant(res); len(got) != 2 ||
		got[1] != "The network's probabilities are worse than a constant over the folds: mean log loss 0.8000, above 0.7002, "+
			"the log loss of predicting the training cohort's positive rate for every test customer." {
		t.Errorf("with the mean above: %q", got)
	}
	if got, want := bgnbdCalibrated(res), "BG/NBD's probabilities are better than the network's: mean log loss 0.5645 against 0.8000, lower in 2 of 2 folds."; got != want {
		t.Errorf("calibration line %q, want %q", got, want)
	}
	if got, want := bgnbdCommand("my orders.csv", 90), "To score and plan on BG/NBD instead: retain train --log 'my orders.csv' --horizon 90d --out model.json, "+
		"then retain plan --model model.json --log 'my orders.csv' --scorer bgnbd (or retain predict … --scorer bgnbd)."; got != want {
		t.Errorf("command %q, want %q", got, want)
	}
}
