package experiment

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/engine/metrics"
)

// A model file ("bundle") is one JSON object holding everything needed to
// score new users and to tell what the model is:
//
//	{
//	  "format": "retain-model",            always this string
//	  "version": 2,                        BundleVersion; readers refuse newer versions
//	  "created_at": "2026-11-27T01:02:03Z", UTC, RFC 3339
//	  "source": {...},                     the Source the rows came from, without its "path"
//	                                       unless saved with --store-source-path; for an order log
//	                                       ("kind": "log") how its rows were made: "cutoff",
//	                                       "horizon_days", "log_columns" and "log_features" (the
//	                                       cohort feature set; absent in older files: set 1)
//	  "source_description": "...",         Source.Describe()
//	  "label": {"name": "Churn", "positive": "Yes", "negative": "No"},
//	  "features": ["tenure", "Contract=One year", ...],  the network's inputs, in order
//	  "threshold": 0.5,                    probability ≥ threshold ⇒ positive class
//	  "network": {
//	    "architecture": {"inputs": 45, "hidden": [{"units": 64, "activation": "relu"}, ...],
//	                     "outputs": 1, "loss": "bce"},
//	    "layers": [{"inputs": 45, "outputs": 64, "activation": "relu",
//	                "weights": [...], "biases": [...]}, ...]
//	  },
//	  "pipeline": {...},                   the fitted data.Pipeline (its own JSON)
//	  "baseline": [...],                   the mean training user's inputs: explanations are
//	                                       measured against it (optional; absent in older files)
//	  "training": {...},                   the experiment Config, seed included
//	  "epochs_trained": 12, "best_epoch": 7, "train_rows": 5000, "validation_rows": 1400,
//	  "validation_metrics": {...},         metrics.Report on the validation rows (no curves)
//	  "validation_note": "...",            why there are no validation metrics, if there are none
//	  "levers": ["CouponUsed", ...]        the columns the platform can influence (train --levers;
//	                                       optional): plan looks for each user's most movable one
//	  "calibration": {...}                 the fitted Calibration every probability goes through
//	                                       (optional; absent in older files: the network's own)
//	  "target": {"direction": "encourage", "class": "True"}  the outcome plans act on (optional;
//	                                       absent in older files: guessed from the label's name)
//	  "training_rows_fingerprint": {"rows": 7043, "sum": "9f…"}  one hash of every row of the
//	                                       training table (RowsFingerprint), so eval can tell it is
//	                                       given those rows again (optional: absent in older files,
//	                                       for an order log and for fewer than 10 rows)
//	}
//
// Weights are stored per layer, hidden layers first and the output layer
// last. "weights" is the layer's outputs×inputs matrix flattened row-major:
// weights[j*inputs+i] connects input i to unit j, so unit j computes
// activation(biases[j] + Σ_i weights[j*inputs+i]·x[i]). The output layer's
// activation is sigmoid (loss "bce"). Numbers are written in Go's shortest
// round-trip form, so reading a file back gives bit-identical parameters.
//
// Readers ignore fields they do not know: adding optional fields keeps the
// version; any change an older reader would misread increments it. Version
// 2 added the pipeline's clipping ("clip") and catch-all levels ("other"),
// which version 1 readers would ignore; version 1 files are read as before.
//
// Privacy: no value in a saved file belongs to fewer than data.MinGroup
// customers. The pipeline holds k-anonymous bounds, aggregates and levels
// seen at least data.MinGroup times (see data.MinGroup); the baseline is a
// mean over the training rows; the calibration map is fitted on at least
// 2×MinCalibClassRows rows, an isotonic map's points being means over
// blocks of at least data.MinGroup rows; the validation metrics are aggregates, and
// their calibration bins with fewer than data.MinGroup rows are left out;
// the training rows fingerprint is one hash summing every row, stored only
// for data.MinGroup rows or more.
// Bundle refuses a pipeline whose statistics come from fewer customers
// (data.Pipeline.PrivacyCheck). The source's file path is left out unless
// asked for (KeepSourcePath). `retain inspect` prints it all in words.

// BundleFormat is the "format" value of every model file.
const BundleFormat = "retain-model"

// BundleVersion is the version of the model-file format this build writes
// and the newest it reads.
const BundleVersion = 2

// ErrBundle is matched (errors.Is) by every refusal to read a model file.
var ErrBundle = errors.New("invalid model file")

// BundleError says which model file was refused and why.
type BundleError struct {
	File   string
	Reason string
}

// Error implements error.
func (e *BundleError) Error() string {
	return fmt.Sprintf("model file %s: %s", e.File, e.Reason)
}

// Is makes errors.Is(err, ErrBundle) true.
func (e *BundleError) Is(target error) bool { return target == ErrBundle }

// BundleLabel names the label column and its two classes.
type BundleLabel struct {
	Name     string `json:"name"`
	Positive string `json:"positive"`
	Negative string `json:"negative"`
}

// BundleLayer is one dense layer's parameters (see the format description).
type BundleLayer struct {
	Inputs     int               `json:"inputs"`
	Outputs    int               `json:"outputs"`
	Activation engine.Activation `json:"activation"`
	Weights    []float64         `json:"weights"`
	Biases     []float64         `json:"biases"`
}

// BundleNetwork is the network of a model file.
type BundleNetwork struct {
	Architecture engine.Architecture `json:"architecture"`
	Layers       []BundleLayer       `json:"layers"`
}

// Bundle is a saved model: a trained network with the preprocessing and
// metadata needed to score raw rows and to describe the model.
type Bundle struct {
	Format            string      `json:"format"`
	Version           int         `json:"version"`
	CreatedAt         string      `json:"created_at"`
	Source            Source      `json:"source"`
	SourceDescription string      `json:"source_description"`
	Label             BundleLabel `json:"label"`
	Features          []string    `json:"features"`
	Threshold         float64     `json:"threshold"`
	// Net is the network's architecture and parameters.
	Net      BundleNetwork  `json:"network"`
	Pipeline *data.Pipeline `json:"pipeline"`
	// Baseline is the mean training user's input vector (features order);
	// explanations of new users are measured against it.
	Baseline []float64 `json:"baseline,omitempty"`
	// Training is the configuration the network was trained with.
	Training Config `json:"training"`
	// DecayCheck is the validation comparison that chose the decay the
	// network trained with (nil when none was made).
	DecayCheck     *DecayCheck `json:"decay_check,omitempty"`
	EpochsTrained  int         `json:"epochs_trained"`
	BestEpoch      int         `json:"best_epoch"`
	TrainRows      int         `json:"train_rows"`
	ValidationRows int         `json:"validation_rows"`
	// ValidationMetrics are measured on the validation rows at Threshold
	// (nil when the experiment had none or they could not be computed, with
	// the reason in ValidationNote).
	ValidationMetrics *metrics.Report `json:"validation_metrics,omitempty"`
	ValidationNote    string          `json:"validation_note,omitempty"`
	// Levers are the feature columns the platform can influence (spelled
	// as the pipeline does), given to train with --levers.
	Levers []string `json:"levers,omitempty"`
	// Calibration maps the network's probability to the calibrated one
	// every score of the file reports (nil in files without it: they
	// score with the network's probabilities, as before).
	Calibration *Calibration `json:"calibration,omitempty"`
	// CalibrationDropped says why the calibration the training asked for
	// was not applied (nil when it was, when none was asked for, and in
	// files written before the rule).
	CalibrationDropped *CalibrationDropped `json:"calibration_not_applied,omitempty"`
	// Target is the outcome plans act on (nil in older files; see
	// Bundle.Outcome).
	Target *BundleTarget `json:"target,omitempty"`
	// TrainingRows fingerprints the rows of the table the model was
	// trained on, validation rows included (nil in older files, for an
	// order log's cohort and for fewer than data.MinGroup rows): eval warns
	// when it is given them again.
	TrainingRows *RowsFingerprint `json:"training_rows_fingerprint,omitempty"`
	// File is the name ReadBundle read the bundle from ("" for a bundle
	// built in memory); scoring errors name it.
	File string `json:"-"`
}

// Bundle packages the experiment's current network for saving, with
// predictions cut at threshold. It refuses a network that has not finished
// an epoch, a threshold outside (0, 1) and a pipeline some statistic of
// which comes from fewer than data.MinGroup customers (a
// *data.PrivacyError). The source's path is left out (see KeepSourcePath).
func (e *Experiment) Bundle(threshold float64) (*Bundle, error) {
	if err := CheckThreshold(threshold); err != nil {
		return nil, err
	}
	if len(e.Trainer.History()) == 0 {
		return nil, errors.New("the network has not finished an epoch of training yet; nothing to save")
	}
	if err := e.Pipeline.PrivacyCheck(); err != nil {
		return nil, fmt.Errorf("not saving the model: %w", err)
	}
	net := e.Net
	src := e.Data.Source
	src.Path = ""
	b := &Bundle{
		Format: BundleFormat, Version: BundleVersion,
		CreatedAt:         time.Now().UTC().Format(time.RFC3339),
		Source:            src,
		SourceDescription: src.Describe(),
		Label:             BundleLabel(e.Pipeline.Label),
		Features:          e.Pipeline.FeatureNames(),
		Threshold:         threshold,
		Net:               BundleNetwork{Architecture: net.Arch},
		Pipeline:          e.Pipeline,
		Baseline:          e.Explainer().Baseline,
		Training:          e.Config,
		DecayCheck:        e.Decay,
		EpochsTrained:     len(e.Trainer.History()),
		BestEpoch:         e.Trainer.BestEpoch(),
		TrainRows:         e.Train.Rows,
		ValidationRows:    e.Val.Rows,
	}
	// An order log's cohort is judged by its cutoff instead (eval --log
	// warns at the training cutoff), and eval --data refuses a log model.
	if src.Kind != "log" {
		b.TrainingRows = e.Data.RowsFingerprint()
	}
	cal, err := e.Calibration()
	if err != nil {
		return nil, err
	}
	b.Calibration = cal
	if b.CalibrationDropped, err = e.CalibrationDropped(); err != nil {
		return nil, err
	}
	for _, l := range net.Layers {
		b.Net.Layers = append(b.Net.Layers, BundleLayer{
			Inputs: l.In, Outputs: l.Out, Activation: l.Activation,
			Weights: append([]float64(nil), l.W...), Biases: append([]float64(nil), l.B...),
		})
	}
	// Metrics describe the model; a validation set they cannot be computed
	// on (one class only, say) is no reason to refuse saving it.
	// The validation rows are scored once, for the metrics and for the
	// scores groupScores reads.
	probs, labels, rows, err := e.Scores(ValPart)
	var ev Evaluation
	if err == nil {
		ev, err = e.evaluateScores(ValPart, threshold, probs, labels, rows)
	}
	switch {
	case e.Val.Rows == 0:
		b.ValidationNote = "no validation rows"
	case err != nil:
		b.ValidationNote = err.Error()
	default:
		rep := ev.Report
		rep.Calibration = nil
		for _, bin := range ev.Report.Calibration {
			if bin.Count >= data.MinGroup {
				rep.Calibration = append(rep.Calibration, bin)
			}
		}
		groupScores(&rep, probs)
		b.ValidationMetrics = &rep
	}
	return b, nil
}

// KeepSourcePath records the path of the file the model was trained on
// (train --store-source-path); by default a model file does not say where
// its rows came from.
func (b *Bundle) KeepSourcePath(path string) {
	b.Source.Path = path
	b.SourceDescription = b.Source.Describe()
}

// Write encodes the bundle as indented JSON.
func (b *Bundle) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	if err := enc.Encode(b); err != nil {
		return fmt.Errorf("writing model: %w", err)
	}
	return nil
}

// Explainer returns an explainer of the bundle's network measured against
// its stored training-mean baseline, or against fallback (e.g. the mean of
// the rows being scored) when the file has none.
func (b *Bundle) Explainer(fallback []float64) (*Explainer, error) {
	net, err := b.Network()
	if err != nil {
		return nil, err
	}
	base := b.Baseline
	if base == nil {
		base = fallback
	}
	return &Explainer{Net: net, Pipeline: b.Pipeline, Baseline: base, Calibration: b.Calibration}, nil
}

// ExplainerFor returns the explainer of rows the bundle scored: measured
// against the stored training-mean baseline, or, for older files without
// one, against the mean prepared input of s (what predict --explain, plan
// and the scoring API all fall back to).
func (b *Bundle) ExplainerFor(s *Scored) (*Explainer, error) {
	var fallback []float64
	if b.Baseline == nil {
		fallback = meanInput(s)
	}
	return b.Explainer(fallback)
}

// meanInput is the average prepared input of the scored rows.
func meanInput(s *Scored) []float64 {
	count, cols := s.X.Dims()
	mean := make([]float64, cols)
	for i := range count {
		for j := range cols {
			mean[j] += s.X.At(i, j) / float64(count)
		}
	}
	return mean
}

// Network builds the engine network the bundle holds.
func (b *Bundle) Network() (*engine.Network, error) {
	params := make([]float64, 0, b.Net.Architecture.ParamCount())
	for _, l := range b.Net.Layers {
		params = append(params, l.Weights...)
		params = append(params, l.Biases...)
	}
	return engine.FromParams(b.Net.Architecture, params)
}
