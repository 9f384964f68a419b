package experiment

import (
	"math"
)

// CheckCalibration compares the scored rows' labels with the network's
// and the calibrated probabilities (rows with a blank label left out); nil
// when the model has no calibration or the file no labels.
func (s *Scored) CheckCalibration() (*CalibrationCheck, error) {
	if s.Calibration == nil || s.Actual == nil {
		return nil, nil
	}
	var raw, cal, labels []float64
	for i, y := range s.Actual {
		if !math.IsNaN(y) {
			raw, cal, labels = append(raw, s.Uncalibrated[i]), append(cal, s.Probabilities[i]), append(labels, y)
		}
	}
	ch := &CalibrationCheck{Method: s.Calibration.Method, FitPart: s.Calibration.FittedOn, CalibRows: s.Calibration.Rows}
	if err := ch.measure(raw, cal, labels); err != nil {
		return nil, err
	}
	return ch, nil
}
