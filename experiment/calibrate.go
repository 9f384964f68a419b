package experiment

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/engine/metrics"
)

// CalibrationMethod names how the network's probabilities are calibrated.
type CalibrationMethod string

// The calibration methods.
const (
	// CalibNone leaves the network's probabilities as they are.
	CalibNone CalibrationMethod = "none"
	// CalibPlatt fits P = 1/(1+exp(A·logit(p)+B)) (Platt scaling).
	CalibPlatt CalibrationMethod = "platt"
	// CalibIsotonic fits a non-decreasing piecewise linear map (isotonic
	// regression by pool-adjacent-violators, its blocks pooled to at least
	// data.MinGroup rows; metrics.FitIsotonic).
	CalibIsotonic CalibrationMethod = "isotonic"
)

// DefaultCalibFrac and DefaultCalibration are what train, eval --cv and the
// terminal UI use unless told otherwise: Platt scaling fitted on the
// validation part, so that no row is taken from gradient descent for it
// (see the README for the measurements behind the choice).
const (
	DefaultCalibFrac                     = 0
	DefaultCalibration CalibrationMethod = CalibPlatt
)

// MinCalibClassRows is the fewest rows of each class the calibration part
// must hold.
const MinCalibClassRows = 5

// CalibPart is the calibration part: rows carved from the training rows
// (never seen by gradient descent nor by early stopping) on which the
// calibration map and the decision thresholds are fitted, when
// Config.CalibFrac asks for one; without it they are fitted on ValPart.
const CalibPart Part = "calibration"

// Calibration is a fitted calibration map, stored in the model file as
//
//	"calibration": {"method": "platt", "platt": {"a": -1.02, "b": 0.11}, "rows": 1000, "positives": 260}
//	"calibration": {"method": "isotonic", "isotonic": {"x": [...], "y": [...]}, "rows": ..., "positives": ...}
//
// A model file without it scores with the network's probabilities.
type Calibration struct {
	Method    CalibrationMethod `json:"method"`
	Platt     *metrics.Platt    `json:"platt,omitempty"`
	Isotonic  *metrics.Isotonic `json:"isotonic,omitempty"`
	Rows      int               `json:"rows"`
	Positives int               `json:"positives"`
	// FittedOn is the part the map was fitted on: CalibPart, ValPart, or
	// "" in files written before the validation part could be used.
	FittedOn Part `json:"fitted_on,omitempty"`
}

// FitCalibration fits method on the network's probabilities of the
// calibration rows and their labels. CalibNone (or "") gives nil.
func FitCalibration(method CalibrationMethod, probs, labels []float64) (*Calibration, error) {
	c := &Calibration{Method: method, Rows: len(labels)}
	for _, y := range labels {
		if y == 1 {
			c.Positives++
		}
	}
	switch method {
	case "", CalibNone:
		return nil, nil
	case CalibPlatt:
		m, err := metrics.FitPlatt(probs, labels)
		if err != nil {
			return nil, err
		}
		c.Platt = &m
	case CalibIsotonic:
		m, err := metrics.FitIsotonic(probs, labels, data.MinGroup)
		if err != nil {
			return nil, err
		}
		c.Isotonic = &m
	default:
		return nil, fmt.Errorf("%w: calibration %q: want platt, isotonic or none", engine.ErrConfig, method)
	}
	return c, nil
}

// Apply returns the calibrated probability of a network probability; a nil
// calibration returns p.
func (c *Calibration) Apply(p float64) float64 {
	switch {
	case c == nil:
		return p
	case c.Platt != nil:
		return c.Platt.Apply(p)
	case c.Isotonic != nil:
		return c.Isotonic.Apply(p)
	}
	return p
}

// ApplyAll calibrates probs in place.
func (c *Calibration) ApplyAll(probs []float64) {
	if c == nil {
		return
	}
	for i, p := range probs {
		probs[i] = c.Apply(p)
	}
}

// validateCalibration checks the calibration settings of a Config.
func (c Config) validateCalibration() error {
	switch {
	case !(c.CalibFrac >= 0 && c.CalibFrac < 1):
		return fmt.Errorf("%w: calibration share must be in [0, 1), got %g", engine.ErrConfig, c.CalibFrac)
	case c.Calibration != "" && c.Calibration != CalibNone && c.Calibration != CalibPlatt && c.Calibration != CalibIsotonic:
		return fmt.Errorf("%w: calibration %q: want platt, isotonic or none", engine.ErrConfig, c.Calibration)
	}
	return nil
}

// Calibrates reports whether the configuration fits a calibration map: on a
// calibration part carved for it when CalibFrac > 0, else on the validation
// part.
func (c Config) Calibrates() bool {
	return c.Calibration != "" && c.Calibration != CalibNone
}

// CalibratesOnValidation reports whether the map is fitted on the
// validation part (no calibration part is carved).
func (c Config) CalibratesOnValidation() bool {
	return c.Calibrates() && c.CalibFrac == 0
}

// carveCalibration moves cfg.CalibFrac of the rows outside the test part,
// class by class, from the training rows to a calibration part, drawn with
// a generator of its own (so the rest of the run is as without one). It
// refuses a share that leaves the calibration part fewer than
// MinCalibClassRows rows of a class, or the training part none.
func carveCalibration(y []float64, split data.Split, cfg Config, label, source string) (rest, calib []int, err error) {
	var groups [2][]int
	var outside [2]int // rows of each class outside the test part
	for _, r := range split.Train {
		groups[int(y[r])] = append(groups[int(y[r])], r)
		outside[int(y[r])]++
	}
	for _, r := range split.Validation {
		outside[int(y[r])]++
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0xca11b))
	names := [2]string{"negative", "positive"}
	for k, g := range groups {
		n := int(float64(outside[k])*cfg.CalibFrac + 0.5)
		if n > len(g) {
			n = len(g)
		}
		if n < MinCalibClassRows || n == len(g) {
			// A larger share helps only a calibration part that is too
			// small; one that leaves nothing to train on needs a smaller.
			advice := "use more data, "
			switch {
			case n >= MinCalibClassRows:
				advice += "a smaller --calib, "
			case n < len(g):
				advice += "a larger --calib, "
			}
			return nil, nil, &CalibSplitError{msg: fmt.Sprintf("%v: %s: calibration share %g gives %d %s rows of %s to calibrate on and leaves %d to train on "+
				"(need at least %d to calibrate and 1 to train): %s--calib val (the validation part), or --calib 0 (none)",
				ErrTooFewRows, source, cfg.CalibFrac, n, names[k], label, len(g)-n, MinCalibClassRows, advice)}
		}
		rng.Shuffle(len(g), func(i, j int) { g[i], g[j] = g[j], g[i] })
		calib = append(calib, g[:n]...)
		rest = append(rest, g[n:]...)
	}
	slices.Sort(rest)
	slices.Sort(calib)
	return rest, calib, nil
}

// validate checks a calibration read from a model file: a known method
// with its parameters, finite, and an isotonic map whose points increase
// and stay within [0, 1].
func (c *Calibration) validate() error {
	if c == nil {
		return nil
	}
	if c.FittedOn != "" && c.FittedOn != CalibPart && c.FittedOn != ValPart {
		return fmt.Errorf("fitted_on %q: want %q or %q", c.FittedOn, CalibPart, ValPart)
	}
	switch c.Method {
	case CalibPlatt:
		if c.Platt == nil || c.Isotonic != nil {
			return errors.New(`method "platt" needs "platt": {"a", "b"} and nothing else`)
		}
		if firstNonFinite([]float64{c.Platt.A, c.Platt.B}) >= 0 {
			return fmt.Errorf("platt a %v, b %v: both must be finite", c.Platt.A, c.Platt.B)
		}
	case CalibIsotonic:
		m := c.Isotonic
		if m == nil || c.Platt != nil || len(m.X) == 0 || len(m.X) != len(m.Y) {
			return errors.New(`method "isotonic" needs "isotonic": {"x", "y"}, as many y as x (at least one)`)
		}
		for i := range m.X {
			if !(m.Y[i] >= 0 && m.Y[i] <= 1) || math.IsNaN(m.X[i]) || math.IsInf(m.X[i], 0) {
				return fmt.Errorf("isotonic point %d (%v, %v): x must be finite and y in [0, 1]", i+1, m.X[i], m.Y[i])
			}
			if i > 0 && (!(m.X[i] > m.X[i-1]) || m.Y[i] < m.Y[i-1]) {
				return fmt.Errorf("isotonic point %d (%v, %v) does not increase from (%v, %v)", i+1, m.X[i], m.Y[i], m.X[i-1], m.Y[i-1])
			}
		}
	default:
		return fmt.Errorf("method %q: want platt or isotonic", c.Method)
	}
	return nil
}

// CalibSplitError says that the calibration share leaves too few rows of a
// class to calibrate on (or none to train on). It matches ErrTooFewRows.
type CalibSplitError struct{ msg string }

// Error implements error.
func (e *CalibSplitError) Error() string { return e.msg }

// Unwrap makes errors.Is(err, ErrTooFewRows) true.
func (e *CalibSplitError) Unwrap() error { return ErrTooFewRows }
