package main

import (
	"fmt"

	"github.com/retainlab/retain/experiment"
)

// worseThanConstant says of each fold, and of the mean over the folds,
// where a model's log loss is above the constant-rate log loss (the
// training cohort's positive rate predicted for every test customer):
// there its probabilities are worse than a constant that needs no model,
// and a plan's expected counts made of them are off.
func worseThanConstant(res *experiment.BacktestResult) []string {
	var out []string
	for _, w := range res.WorseThanConstant() {
		name := "The network"
		if w.Model == "bgnbd" {
			name = "BG/NBD"
		}
		where := fmt.Sprintf("in fold %d", w.Fold)
		loss := "log loss"
		if w.Fold == 0 {
			where, loss = "over the folds", "mean log loss"
		}
		out = append(out, fmt.Sprintf("%s's probabilities are worse than a constant %s: %s %.4f, above %.4f, "+
			"the log loss of predicting the training cohort's positive rate for every test customer.",
			name, where, loss, w.LogLoss, w.Constant))
	}
	return out
}

// bgnbdCalibrated says, when BG/NBD's mean log loss over the folds is
// lower than the network's by more than experiment.BGNBDLogLossMargin,
// both figures and in how many folds it is the lower ("" otherwise).
func bgnbdCalibrated(res *experiment.BacktestResult) string {
	better, ahead := res.BGNBDBetterCalibrated()
	if !better {
		return ""
	}
	return fmt.Sprintf("BG/NBD's probabilities are better than the network's: mean log loss %.4f against %.4f, lower in %d of %d folds.",
		res.BGNBD.Mean.LogLoss, res.Network.Mean.LogLoss, ahead, len(res.Folds))
}

// bgnbdCommand is the command that plans on BG/NBD's probabilities for
// the backtested log (FILE when it came from standard input): the model
// file gives the horizon and the customers' columns, --scorer bgnbd the
// probabilities.
func bgnbdCommand(log string, horizonDays int) string {
	if log == "-" || log == "" {
		log = "FILE"
	}
	log = shellQuote(log)
	return fmt.Sprintf("To score and plan on BG/NBD instead: retain train --log %s --horizon %dd --out model.json, then "+
		"retain plan --model model.json --log %s --scorer bgnbd (or retain predict … --scorer bgnbd).", log, horizonDays, log)
}
