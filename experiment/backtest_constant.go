package experiment

import "math"

// ConstantLogLoss is the log loss of predicting the training cohort's
// positive rate p for every test customer: −(q ln p + (1 − q) ln(1 − p)),
// q the test cohort's positive rate. A model whose log loss is above it
// gives probabilities worse than a constant that needs no model at all.
// NaN without customers in either cohort.
func (f *BacktestFold) ConstantLogLoss() float64 {
	return constantLogLoss(f.Train.Positives, f.Train.Customers, f.Test.Positives, f.Test.Customers)
}

// constantLogLoss is ConstantLogLoss on the cohorts' counts.
func constantLogLoss(trainPos, trainN, testPos, testN int) float64 {
	if trainN <= 0 || testN <= 0 {
		return math.NaN()
	}
	p, q := float64(trainPos)/float64(trainN), float64(testPos)/float64(testN)
	loss := 0.0
	// 0 · ln 0 is 0: a term whose weight is 0 adds nothing.
	if q > 0 {
		loss -= q * math.Log(p)
	}
	if q < 1 {
		loss -= (1 - q) * math.Log(1-p)
	}
	return loss
}

// MeanConstantLogLoss is the mean over the folds of ConstantLogLoss, the
// figure a model's mean log loss is set against (NaN without folds).
func (r *BacktestResult) MeanConstantLogLoss() float64 {
	if len(r.Folds) == 0 {
		return math.NaN()
	}
	sum := 0.0
	for i := range r.Folds {
		sum += r.Folds[i].ConstantLogLoss()
	}
	return sum / float64(len(r.Folds))
}

// WorseThanConstant is a model's log loss above the constant-rate log loss
// on one fold, or on the mean over the folds (Fold 0).
type WorseThanConstant struct {
	// Model is "network" or "bgnbd".
	Model string `json:"model"`
	// Fold is 1-based; 0 is the mean over the folds.
	Fold     int     `json:"fold"`
	LogLoss  float64 `json:"log_loss"`
	Constant float64 `json:"constant_log_loss"`
}

// WorseThanConstant lists, network first, each fold and mean whose log
// loss is above the constant-rate log loss (ConstantLogLoss); BG/NBD's
// only on the folds where it was fitted, and its mean only when it was
// fitted on every fold. Nothing when every model does better.
func (r *BacktestResult) WorseThanConstant() []WorseThanConstant {
	var out []WorseThanConstant
	check := func(model string, fold int, loss, constant float64) {
		if loss > constant {
			out = append(out, WorseThanConstant{Model: model, Fold: fold, LogLoss: loss, Constant: constant})
		}
	}
	for i := range r.Folds {
		check("network", r.Folds[i].Fold, r.Folds[i].Network.LogLoss, r.Folds[i].ConstantLogLoss())
	}
	check("network", 0, r.Network.Mean.LogLoss, r.MeanConstantLogLoss())
	for i := range r.Folds {
		if r.Folds[i].BGNBDErr == nil {
			check("bgnbd", r.Folds[i].Fold, r.Folds[i].BGNBD.LogLoss, r.Folds[i].ConstantLogLoss())
		}
	}
	if r.BGNBD != nil {
		check("bgnbd", 0, r.BGNBD.Mean.LogLoss, r.MeanConstantLogLoss())
	}
	return out
}

// BGNBDLogLossMargin is how much lower BG/NBD's mean log loss over a
// backtest's folds must be than the network's for BG/NBD to be called the
// better calibrated of the two (BGNBDBetterCalibrated): 0.01, about the
// difference between two folds of the same model on a shop of a few
// thousand customers, so that a gap in the third decimal is not advice.
const BGNBDLogLossMargin = 0.01

// BGNBDBetterCalibrated reports whether BG/NBD, fitted on every fold, has
// a mean log loss lower than the network's by more than
// BGNBDLogLossMargin, and in how many folds its log loss is the lower.
func (r *BacktestResult) BGNBDBetterCalibrated() (better bool, ahead int) {
	if r.BGNBD == nil {
		return false, 0
	}
	for i := range r.Folds {
		if r.Folds[i].BGNBD.LogLoss < r.Folds[i].Network.LogLoss {
			ahead++
		}
	}
	return r.Network.Mean.LogLoss-r.BGNBD.Mean.LogLoss > BGNBDLogLossMargin, ahead
}

// BGNBDWorthScoring reports whether a backtest makes a case for scoring
// with BG/NBD instead of the network (`--scorer bgnbd`): BG/NBD, fitted on
// every fold, is the better calibrated (BGNBDBetterCalibrated), or it
// ranks the test customers better on average and in more than half of the
// folds. A higher mean ROC AUC won in a minority of folds (a lead in the
// fourth decimal, or one fold's swing) is not advice to switch models.
func (r *BacktestResult) BGNBDWorthScoring() bool {
	if r.BGNBD == nil || len(r.Folds) == 0 {
		return false
	}
	if better, _ := r.BGNBDBetterCalibrated(); better {
		return true
	}
	return r.BGNBD.Mean.ROCAUC > r.Network.Mean.ROCAUC && 2*r.BGNBDRanksAhead() > len(r.Folds)
}

// BGNBDRanksAhead is the number of folds in which BG/NBD's ROC AUC is above
// the network's.
func (r *BacktestResult) BGNBDRanksAhead() int {
	ahead := 0
	for i := range r.Folds {
		if r.Folds[i].BGNBD.ROCAUC > r.Folds[i].Network.ROCAUC {
			ahead++
		}
	}
	return ahead
}
