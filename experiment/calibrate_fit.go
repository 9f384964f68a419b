package experiment

import (
	"errors"
	"fmt"
	"sync"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/engine/metrics"
)

// calibCache holds the calibration fitted for the network's weights at a
// given point of training, so every score consumer applies the same map
// without refitting it.
type calibCache struct {
	mu     sync.Mutex
	epochs int
	state  engine.State
	done   bool
	fit    *Calibration
	err    error
	// dropped says why the Platt scaling asked for is not fitted (fit is
	// then nil); see CalibrationDropped.
	dropped *CalibrationDropped
}

// reset forgets the fitted map: the network it was fitted for was
// replaced (see CheckDecay).
func (c *calibCache) reset() {
	c.mu.Lock()
	c.done, c.fit, c.err, c.dropped = false, nil, nil, nil
	c.mu.Unlock()
}

// Calibration returns the calibration map fitted on the calibration part
// for the network's current weights: nil (and no error) when the
// configuration calibrates nothing, no epoch has finished yet, or it asks
// for Platt scaling and the calibration rows hold fewer than
// MinPlattClassRows rows of a class (CalibrationDropped says so). It is
// refitted when training has moved on since the last call. The view
// Evaluated returns and the experiment OnCurrent returns take the map of
// the experiment they were made from: their own rows are not where a map
// is fitted.
func (e *Experiment) Calibration() (*Calibration, error) {
	if e.calibratedBy != nil {
		return e.calibratedBy.Calibration()
	}
	set := e.calibSet()
	if set.Rows == 0 || e.calib == nil || e.Trainer == nil || len(e.Trainer.History()) == 0 {
		return nil, nil
	}
	c := e.calib
	c.mu.Lock()
	defer c.mu.Unlock()
	epochs, state := len(e.Trainer.History()), e.Trainer.State()
	if c.done && c.epochs == epochs && c.state == state {
		return c.fit, c.err
	}
	probs := e.rawProbs(set)
	c.fit, c.err, c.dropped = nil, nil, nil
	if e.Config.Calibration == CalibPlatt {
		c.dropped = plattTooFew(set.Y, e.CalibrationPart())
	}
	if c.dropped == nil {
		c.fit, c.err = FitCalibration(e.Config.Calibration, probs, set.Y)
	}
	if c.fit != nil {
		c.fit.FittedOn = e.CalibrationPart()
	}
	if c.err != nil {
		c.err = fmt.Errorf("calibrating on %d rows: %w", set.Rows, c.err)
	}
	c.epochs, c.state, c.done = epochs, state, true
	return c.fit, c.err
}

// CalibrationPart is the part the calibration map is fitted on: CalibPart
// when one was carved, ValPart when the map is fitted on the validation
// part, "" when the experiment does not calibrate.
func (e *Experiment) CalibrationPart() Part {
	switch {
	case !e.Config.Calibrates():
		return ""
	case e.Calib.Rows > 0:
		return CalibPart
	case e.Config.CalibratesOnValidation() && e.Val.Rows > 0:
		return ValPart
	}
	return ""
}

// calibSet is the preprocessed part of CalibrationPart (empty without one).
func (e *Experiment) calibSet() engine.Dataset {
	switch e.CalibrationPart() {
	case CalibPart:
		return e.Calib
	case ValPart:
		return e.Val
	}
	return engine.Dataset{}
}

// rawProbs runs the network over a data set.
func (e *Experiment) rawProbs(d engine.Dataset) []float64 { return rawProbsOf(e.Net, d) }

// rawProbsOf runs a network over a data set.
func rawProbsOf(net *engine.Network, d engine.Dataset) []float64 {
	probs := make([]float64, d.Rows)
	if d.Rows > 0 {
		engine.NewPredictor(net).PredictFlat(probs, nil, d.X, d.Rows)
	}
	return probs
}

// RawScores is Scores before calibration: the network's own probabilities.
func (e *Experiment) RawScores(p Part) (probs, labels []float64, rows []int, err error) {
	d, rows, err := e.part(p)
	if err != nil {
		return nil, nil, nil, err
	}
	return e.rawProbs(d), d.Y, rows, nil
}

// CalibrationCheck compares a part's probabilities before and after
// calibration.
type CalibrationCheck struct {
	Method CalibrationMethod `json:"method"`
	Part   Part              `json:"part"`
	// FitPart is the part the map was fitted on (CalibPart or ValPart; ""
	// for a model file's map) and CalibRows its size.
	FitPart   Part `json:"fitted_on,omitempty"`
	CalibRows int  `json:"calibration_rows"`
	// Before and After are the reliability tables (metrics.ECEBins
	// equal-width bins) of the network's and the calibrated probabilities.
	Before []metrics.CalibrationBin `json:"reliability_before"`
	After  []metrics.CalibrationBin `json:"reliability_after"`
	// ECEBefore and ECEAfter are their expected calibration errors: the
	// count-weighted mean |predicted − observed| over the bins.
	ECEBefore float64 `json:"expected_calibration_error_before"`
	ECEAfter  float64 `json:"expected_calibration_error_after"`
	// TrueECEBefore and TrueECEAfter measure the same against the true
	// probabilities (built-in data only; nil otherwise).
	TrueECEBefore *float64 `json:"true_expected_calibration_error_before,omitempty"`
	TrueECEAfter  *float64 `json:"true_expected_calibration_error_after,omitempty"`
	// LogLossBefore and LogLossAfter are the part's log loss before and
	// after calibration.
	LogLossBefore float64 `json:"log_loss_before"`
	LogLossAfter  float64 `json:"log_loss_after"`
}

// CheckCalibration measures a part before and after calibration; nil (and
// no error) when the experiment does not calibrate.
func (e *Experiment) CheckCalibration(p Part) (*CalibrationCheck, error) {
	cal, err := e.Calibration()
	if cal == nil || err != nil {
		return nil, err
	}
	raw, labels, rows, err := e.RawScores(p)
	if err != nil {
		return nil, err
	}
	after := append([]float64(nil), raw...)
	cal.ApplyAll(after)
	ch := &CalibrationCheck{Method: cal.Method, Part: p, FitPart: cal.FittedOn, CalibRows: cal.Rows}
	if err := ch.measure(raw, after, labels); err != nil {
		return nil, err
	}
	if e.Data.TrueProb != nil && p != LaterPart {
		truth := make([]float64, len(rows))
		for i, r := range rows {
			truth[i] = e.Data.TrueProb[r]
		}
		b, a := TrueECE(raw, truth), TrueECE(after, truth)
		ch.TrueECEBefore, ch.TrueECEAfter = &b, &a
	}
	return ch, nil
}

// TrueECE is the expected calibration error against known probabilities:
// over metrics.ECEBins equal-width bins of the predicted probability, the
// count-weighted mean |mean predicted − mean true probability|.
func TrueECE(probs, truth []float64) float64 {
	var pred, tru [metrics.ECEBins]float64
	var n [metrics.ECEBins]int
	for i, p := range probs {
		b := min(max(int(p*metrics.ECEBins), 0), metrics.ECEBins-1)
		if p > 0 && p == float64(b)/metrics.ECEBins {
			b-- // bins are closed on the right, as metrics.Calibration's
		}
		pred[b] += p
		tru[b] += truth[i]
		n[b]++
	}
	var sum float64
	for b := range n {
		sum += abs(pred[b] - tru[b])
	}
	if len(probs) == 0 {
		return 0
	}
	return sum / float64(len(probs))
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// Thresholds are decision thresholds chosen on one part: the calibration
// part when one was carved (never seen by gradient descent nor by early
// stopping), else the validation part, else the training rows.
type Thresholds struct {
	Part Part `json:"part"`
	Rows int  `json:"rows"`
	// BestF1 maximises F1; Recall is the highest threshold that reaches
	// TargetRecall.
	BestF1       metrics.OperatingPoint `json:"best_f1"`
	TargetRecall float64                `json:"target_recall"`
	Recall       metrics.OperatingPoint `json:"at_target_recall"`
}

// ThresholdPart is the part ChooseThresholds uses.
func (e *Experiment) ThresholdPart() Part {
	switch {
	case e.Calib.Rows > 0:
		return CalibPart
	case e.Val.Rows > 0:
		return ValPart
	}
	return TrainPart
}

// ChooseThresholds picks the best-F1 threshold and the one reaching
// targetRecall on ThresholdPart, with the (calibrated) probabilities.
func (e *Experiment) ChooseThresholds(targetRecall float64) (Thresholds, error) {
	p := e.ThresholdPart()
	probs, labels, _, err := e.Scores(p)
	if err != nil {
		return Thresholds{}, err
	}
	th := Thresholds{Part: p, Rows: len(probs), TargetRecall: targetRecall}
	if th.BestF1, err = metrics.BestF1Threshold(probs, labels, nil); err != nil {
		return Thresholds{}, fmt.Errorf("thresholds on the %s part: %w", p, err)
	}
	if th.Recall, err = metrics.ThresholdForRecall(probs, labels, nil, targetRecall); err != nil {
		return Thresholds{}, fmt.Errorf("thresholds on the %s part: %w", p, err)
	}
	return th, nil
}

// carveIfAsked carves the calibration part when cfg asks for one, moving it
// out of split.Train; calibrating on the validation part carves nothing but
// needs MinCalibClassRows rows of each class there. With
// cfg.CalibIfPossible a part too small for the data turns calibration off
// in cfg and returns why as a note.
func carveIfAsked(d *Data, cfg *Config, split *data.Split) (calib []int, note string, err error) {
	if !cfg.Calibrates() {
		return nil, "", nil
	}
	var rest []int
	if cfg.CalibratesOnValidation() {
		err = checkCalibValidation(d.Table.Label.Values, split.Validation, d.Table.Label.Name, d.Table.Source)
	} else {
		rest, calib, err = carveCalibration(d.Table.Label.Values, *split, *cfg, d.Table.Label.Name, d.Table.Source)
	}
	var small *CalibSplitError
	if errors.As(err, &small) && cfg.CalibIfPossible {
		cfg.CalibFrac, cfg.Calibration = 0, CalibNone
		return nil, "not calibrated: " + err.Error(), nil
	}
	if err != nil || calib == nil {
		return nil, "", err
	}
	split.Train = rest
	return calib, "", nil
}

// checkCalibValidation refuses to calibrate on a validation part with
// fewer than MinCalibClassRows rows of a class.
func checkCalibValidation(y []float64, val []int, label, source string) error {
	if len(val) == 0 {
		return &CalibSplitError{msg: fmt.Sprintf("%v: %s: there is no validation part to calibrate on: "+
			"give --val a share, --calib F to carve a calibration part of that share, or --calib 0 (none)", ErrTooFewRows, source)}
	}
	var n [2]int
	for _, r := range val {
		n[int(y[r])]++
	}
	names := [2]string{"negative", "positive"}
	for k, c := range n {
		if c < MinCalibClassRows {
			return &CalibSplitError{msg: fmt.Sprintf("%v: %s: the validation part holds %d %s rows of %s to calibrate on "+
				"(need at least %d): use more data, a larger --val, --calib F to carve a calibration part of that share, or --calib 0 (none)",
				ErrTooFewRows, source, c, names[k], label, MinCalibClassRows)}
		}
	}
	return nil
}

// measure fills the check's figures from the probabilities before and after
// calibration.
func (ch *CalibrationCheck) measure(before, after, labels []float64) error {
	var err error
	if ch.Before, err = metrics.Calibration(before, labels, nil, metrics.ECEBins); err != nil {
		return err
	}
	if ch.After, err = metrics.Calibration(after, labels, nil, metrics.ECEBins); err != nil {
		return err
	}
	ch.ECEBefore, ch.ECEAfter = metrics.ECEOfBins(ch.Before), metrics.ECEOfBins(ch.After)
	if ch.LogLossBefore, err = metrics.LogLoss(before, labels, nil); err != nil {
		return err
	}
	ch.LogLossAfter, err = metrics.LogLoss(after, labels, nil)
	return err
}
