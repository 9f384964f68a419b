package experiment

import (
	"fmt"
	"math"

	"github.com/retainlab/retain/data"
)

// MinPlattClassRows is the fewest rows of each class Platt scaling is
// fitted with: ten rows of the rarer class for each of its two parameters,
// the usual least for a logistic fit (Peduzzi et al., J Clin Epidemiol
// 1996).
const MinPlattClassRows = 20

// PlattRateMargin is the margin of error (at 95 %) within which the
// calibration rows must know their positive rate φ for Platt scaling to be
// fitted: (1.96/PlattRateMargin)²·φ(1−φ) rows at least, Riley et al.'s
// criterion for the overall risk (BMJ 2020;368:m441). Platt's intercept
// sets that rate; fitted on fewer rows it moves every probability by the
// rows' noise.
const PlattRateMargin = 0.05

// minPlattRows is the fewest rows that know a positive rate of pos/rows
// within PlattRateMargin at 95 %.
func minPlattRows(pos, rows int) int {
	phi := float64(pos) / float64(rows)
	z := 1.959964 / PlattRateMargin
	return int(math.Ceil(z * z * phi * (1 - phi)))
}

// CalibrationDropped says why the Platt scaling the configuration asks for
// is not fitted: the calibration rows (FitPart, Rows of them, Positives
// positive) hold fewer than MinClassRows rows of a class, or fewer than
// MinRows rows (see PlattRateMargin). The network's own probabilities are
// kept.
type CalibrationDropped struct {
	Method    CalibrationMethod `json:"method"`
	FitPart   Part              `json:"fitted_on"`
	Rows      int               `json:"rows"`
	Positives int               `json:"positives"`
	// MinClassRows and MinRows are the least the rule asked for.
	MinClassRows int `json:"min_class_rows"`
	MinRows      int `json:"min_rows"`
}

// Why says, in English, why the map is not applied.
func (d *CalibrationDropped) Why() string {
	return fmt.Sprintf("the %s %s rows hold %s positive and %s negative: too few to fit Platt scaling, which needs "+
		"at least %d of each class (10 per parameter) and %s rows at this positive rate (to know it within ±%g at 95 %%), "+
		"so the network's own probabilities are kept",
		data.Thousands(d.Rows), d.FitPart, data.Thousands(d.Positives), data.Thousands(d.Rows-d.Positives),
		d.MinClassRows, data.Thousands(d.MinRows), PlattRateMargin)
}

// plattTooFew returns, as a *CalibrationDropped, why Platt scaling is not
// fitted on labels, the calibration rows of part; nil when it is.
func plattTooFew(labels []float64, part Part) *CalibrationDropped {
	var pos int
	for _, y := range labels {
		if y == 1 {
			pos++
		}
	}
	n := len(labels)
	if n == 0 {
		return nil
	}
	d := &CalibrationDropped{Method: CalibPlatt, FitPart: part, Rows: n, Positives: pos,
		MinClassRows: MinPlattClassRows, MinRows: minPlattRows(pos, n)}
	if min(pos, n-pos) >= d.MinClassRows && n >= d.MinRows {
		return nil
	}
	return d
}

// CalibrationDropped returns why the Platt scaling the configuration asks
// for is not applied (see Calibration); nil when a map is applied or none
// is asked for.
func (e *Experiment) CalibrationDropped() (*CalibrationDropped, error) {
	if e.calibratedBy != nil {
		return e.calibratedBy.CalibrationDropped()
	}
	if _, err := e.Calibration(); err != nil || e.calib == nil {
		return nil, err
	}
	e.calib.mu.Lock()
	defer e.calib.mu.Unlock()
	return e.calib.dropped, nil
}
