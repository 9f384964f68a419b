package experiment

import (
	"math"

	"github.com/retainlab/retain/engine/metrics"
)

// PlanCheck is how the model's probabilities held on the planned customers
// whose outcome is known (the held-out customers a plan is made for): how
// well they rank, how much the plan's first customers concentrate the
// outcome, and how close the probabilities are to the observed rates.
type PlanCheck struct {
	// Customers counts the customers with a known outcome, Outcomes those
	// of them who had it.
	Customers, Outcomes int
	// AUC is the ROC AUC of the probability of the outcome (the same as
	// the model's ROC AUC), with DeLong's 95 % interval as train and eval
	// give it (Hanley & McNeil's when a class has a single customer, for
	// which DeLong's has no variance to estimate; Method says which).
	AUC Figure
	// Share is the plan's share the lift is measured at; Lift is the rate
	// of the outcome among the customers the plan contacts first (that
	// share of the ranking, those with a known outcome) divided by the
	// rate among all, with the Wilson 95 % interval of the first rate
	// divided by the overall rate. Lift.Of is the contacted customers with
	// a known outcome; Lift.Value is NaN when the plan contacts no one.
	Share float64
	Lift  Figure
	// ECE is the expected calibration error of the probabilities
	// (metrics.ExpectedCalibrationError, metrics.ECEBins bins).
	ECE float64
	// ChanceLift is the lift of the top 20 % of these customers ranked by
	// the probability of the outcome (ChanceLift of their decile gains
	// table), and AtChance says it is no better than at random
	// (NoBetterThanChance): the Evaluate screen's rule (RanksAtChance).
	ChanceLift float64
	AtChance   bool
}

// CheckPlan measures a plan on its customers: probs are their
// probabilities of the outcome the plan acts on, labels the label's 0/1
// values (1: the positive class; NaN: unknown), onPositive whether the
// outcome is the positive class, order the plan's ranking and contacted
// the number of customers of its best point. It returns nil when the
// known outcomes are not of both kinds (no AUC to measure).
func CheckPlan(probs, labels []float64, onPositive bool, order []int, contacted int) *PlanCheck {
	var ps, ys []float64
	for i, y := range labels {
		if math.IsNaN(y) {
			continue
		}
		if !onPositive {
			y = 1 - y
		}
		ps, ys = append(ps, probs[i]), append(ys, y)
	}
	c := &PlanCheck{Customers: len(ys)}
	for _, y := range ys {
		if y == 1 {
			c.Outcomes++
		}
	}
	if c.Outcomes == 0 || c.Outcomes == c.Customers {
		return nil
	}
	auc, err := metrics.AUC(ps, ys, nil)
	if err != nil {
		return nil
	}
	// DeLong's interval is the same whichever class the plan acts on (it
	// is symmetric in the two). Hanley & McNeil's approximation is not:
	// when it stands in, it is taken on the label's own classes, as
	// ValidationFigures takes it.
	positives := c.Outcomes
	if !onPositive {
		positives = c.Customers - c.Outcomes
	}
	c.AUC = hanleyMcNeil(auc, float64(positives), float64(c.Customers-positives))
	if iv, ok, err := metrics.AUCInterval(ps, ys, nil); err == nil && ok {
		c.AUC.Low, c.AUC.High, c.AUC.Method = iv.Low, iv.High, iv.Method
	}
	c.ECE, _ = metrics.ExpectedCalibrationError(ps, ys) // both classes: no error
	c.ChanceLift = math.NaN()
	if gains, err := metrics.Gains(ps, ys, nil, metrics.ReportBins); err == nil {
		c.AtChance, c.ChanceLift = gainsAtChance(gains)
	}
	c.Share = float64(contacted) / float64(len(probs))
	var hits, trials float64
	for _, i := range order[:contacted] {
		if y := labels[i]; !math.IsNaN(y) {
			trials++
			if had := y == 1; had == onPositive {
				hits++
			}
		}
	}
	rate := float64(c.Outcomes) / float64(c.Customers)
	c.Lift = Figure{Name: "lift", Value: math.NaN(), Low: math.NaN(), High: math.NaN(), Method: "Wilson"}
	if trials > 0 {
		w := wilson("lift", hits, trials)
		c.Lift = Figure{Name: "lift", Value: w.Value / rate, Low: w.Low / rate, High: w.High / rate, Method: "Wilson", Of: w.Of}
	}
	return c
}
