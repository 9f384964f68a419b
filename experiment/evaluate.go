package experiment

import (
	"fmt"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/engine/metrics"
)

// Part names one of the experiment's row sets.
type Part string

// The parts of a split.
const (
	TrainPart Part = "train"
	ValPart   Part = "validation"
	TestPart  Part = "test"
)

// part returns the data set and table rows of a part (for LaterPart, rows
// of Later.Data.Table; for TrainPart, rows of Trained().Data.Table).
func (e *Experiment) part(p Part) (engine.Dataset, []int, error) {
	switch p {
	case TrainPart:
		return e.Train, e.Trained().TrainRows, nil
	case ValPart:
		return e.Val, e.Split.Validation, nil
	case TestPart:
		return e.Test, e.Split.Test, nil
	case CalibPart:
		return e.Calib, e.CalibRows, nil
	case LaterPart:
		if e.Later != nil {
			rows := make([]int, e.Later.Set.Rows)
			for i := range rows {
				rows[i] = i
			}
			return e.Later.Set, rows, nil
		}
	}
	return engine.Dataset{}, nil, fmt.Errorf("unknown part %q", p)
}

// Scores returns the model's probabilities (calibrated when the
// experiment calibrates; see Calibration and RawScores) and the 0/1 labels
// of a part, with the table rows they belong to (for LaterPart, rows of
// Later.Data.Table).
func (e *Experiment) Scores(p Part) (probs, labels []float64, rows []int, err error) {
	probs, labels, rows, err = e.RawScores(p)
	if err != nil {
		return nil, nil, nil, err
	}
	cal, err := e.Calibration()
	if err != nil {
		return nil, nil, nil, err
	}
	cal.ApplyAll(probs)
	return probs, labels, rows, nil
}

// Evaluation is everything known about the model's quality on one part.
type Evaluation struct {
	Part   Part
	Report metrics.Report
	ROC    metrics.ROC
	PR     metrics.PrecisionRecall
	// Bayes holds the best figures any model could reach on the same rows
	// (built-in data only; nil otherwise).
	Bayes *data.BayesLimit
}

// Evaluate scores a part and computes its metrics at threshold.
func (e *Experiment) Evaluate(p Part, threshold float64) (Evaluation, error) {
	probs, labels, rows, err := e.Scores(p)
	if err != nil {
		return Evaluation{}, err
	}
	return e.evaluateScores(p, threshold, probs, labels, rows)
}

// evaluateScores computes a part's metrics at threshold from its scores,
// as Scores gives them (for a caller that needs the scores as well).
func (e *Experiment) evaluateScores(p Part, threshold float64, probs, labels []float64, rows []int) (Evaluation, error) {
	if len(probs) == 0 {
		return Evaluation{}, fmt.Errorf("the %s part has no rows", p)
	}
	var err error
	ev := Evaluation{Part: p}
	if ev.Report, err = metrics.NewReport(probs, labels, nil, threshold); err != nil {
		return Evaluation{}, fmt.Errorf("%s metrics: %w", p, err)
	}
	if ev.ROC, err = metrics.ROCCurve(probs, labels, nil); err != nil {
		return Evaluation{}, err
	}
	if ev.PR, err = metrics.PrecisionRecallCurve(probs, labels, nil); err != nil {
		return Evaluation{}, err
	}
	if d, _ := e.trainedData(); d.TrueProb != nil && p != LaterPart {
		truth := make([]float64, len(rows))
		for i, r := range rows {
			truth[i] = d.TrueProb[r]
		}
		if b, err := data.BayesLimitOf(truth, labels); err == nil {
			ev.Bayes = &b
		}
	}
	return ev, nil
}

// ReportWhere measures a part on the rows for which keep holds (rows of
// the part's table, as Scores gives them), at threshold; rows counts them.
func (e *Experiment) ReportWhere(p Part, keep func(row int) bool, threshold float64) (r metrics.Report, rows int, err error) {
	probs, labels, at, err := e.Scores(p)
	if err != nil {
		return r, 0, err
	}
	var kp, kl []float64
	for i, row := range at {
		if keep(row) {
			kp, kl = append(kp, probs[i]), append(kl, labels[i])
		}
	}
	if len(kp) == 0 {
		return r, 0, fmt.Errorf("no row of the %s part is kept", p)
	}
	r, err = metrics.NewReport(kp, kl, nil, threshold)
	if err != nil {
		return r, len(kp), fmt.Errorf("%s metrics: %w", p, err)
	}
	return r, len(kp), nil
}
