package modelscreen

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// field is one editable setting of the Model screen. set parses typed
// text and refuses it with a reason; step moves to the neighbouring common
// value (dir is +1 or -1).
type field struct {
	label string
	layer int // 1-based hidden layer, 0 for other settings
	hint  string
	get   func(c experiment.Config) string
	set   func(c *experiment.Config, text string) error
	step  func(c *experiment.Config, dir int)
}

// Common values the arrow keys step through.
var (
	lrSteps       = []float64{1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1}
	batchSteps    = []float64{1, 8, 16, 32, 64, 128, 256, 512, 1024}
	epochSteps    = []float64{1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 500}
	unitSteps     = []float64{1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024}
	l2Steps       = []float64{0, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1}
	weightSteps   = []float64{0.25, 0.5, 1, 1.5, 2, 3, 4, 5, 10}
	patienceSteps = []float64{0, 2, 3, 5, 10, 20, 50}
	valSteps      = []float64{0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5}
	activations   = []engine.Activation{engine.ReLU, engine.LeakyReLU, engine.Tanh, engine.Sigmoid, engine.Linear}
	optimizers    = []string{"adam", "sgd"}
)

// Upper bounds that keep a typo from asking for hours of training.
const (
	maxUnits    = 4096
	maxBatch    = 1 << 16
	maxEpochs   = 100000
	maxPatience = 10000
)

// stepThrough returns the next common value above (dir > 0) or below cur.
func stepThrough(values []float64, cur float64, dir int) float64 {
	if dir > 0 {
		for _, v := range values {
			if v > cur*(1+1e-9) {
				return v
			}
		}
		return values[len(values)-1]
	}
	for _, v := range slices.Backward(values) {
		if v < cur*(1-1e-9) || (cur > 0 && v == 0) {
			return v
		}
	}
	return values[0]
}

func parseFloat(text string) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, errors.New("not a number")
	}
	return v, nil
}

func parseInt(text string) (int, error) {
	v, err := strconv.Atoi(strings.TrimSpace(text))
	if err != nil {
		return 0, errors.New("not a whole number")
	}
	return v, nil
}

// intField builds a whole-number setting within [lo, hi].
func intField(label, hint string, lo, hi int, steps []float64, ptr func(c *experiment.Config) *int) field {
	return field{
		label: label, hint: hint,
		get: func(c experiment.Config) string { return strconv.Itoa(*ptr(&c)) },
		set: func(c *experiment.Config, text string) error {
			v, err := parseInt(text)
			if err != nil {
				return err
			}
			if v < lo || v > hi {
				return fmt.Errorf("must be from %s to %s", common.Thousands(lo), common.Thousands(hi))
			}
			*ptr(c) = v
			return nil
		},
		step: func(c *experiment.Config, dir int) {
			*ptr(c) = min(max(int(stepThrough(steps, float64(*ptr(c)), dir)), lo), hi)
		},
	}
}

// floatField builds a real setting; check says why a value is refused.
func floatField(label, hint string, steps []float64, check func(float64) error, ptr func(c *experiment.Config) *float64) field {
	return field{
		label: label, hint: hint,
		get: func(c experiment.Config) string { return widget.FormatValue(*ptr(&c)) },
		set: func(c *experiment.Config, text string) error {
			v, err := parseFloat(text)
			if err != nil {
				return err
			}
			if err := check(v); err != nil {
				return err
			}
			*ptr(c) = v
			return nil
		},
		step: func(c *experiment.Config, dir int) { *ptr(c) = stepThrough(steps, *ptr(c), dir) },
	}
}

// fields lists the settings for cfg: two per hidden layer, then training.
func fields(cfg experiment.Config, limits common.Limits) []field {
	var out []field
	for i := range cfg.Hidden {
		out = append(out, layerUnits(i), layerActivation(i))
	}
	epochCap, epochHint := maxEpochs, "passes over the data"
	if limits.MaxEpochs > 0 {
		epochCap = limits.MaxEpochs
		epochHint = "≤ " + common.Thousands(epochCap) + ": session limit"
	}
	out = append(out,
		field{
			label: "Optimiser", hint: "adam or sgd",
			get: func(c experiment.Config) string { return c.Train.Optimizer.Kind },
			set: func(c *experiment.Config, text string) error {
				t := strings.ToLower(strings.TrimSpace(text))
				if !slices.Contains(optimizers, t) {
					return errors.New("choose adam or sgd")
				}
				c.Train.Optimizer = engine.OptimizerConfig{Kind: t, LR: c.Train.Optimizer.LR}
				return nil
			},
			step: func(c *experiment.Config, dir int) {
				c.Train.Optimizer = engine.OptimizerConfig{Kind: cycle(optimizers, c.Train.Optimizer.Kind, dir), LR: c.Train.Optimizer.LR}
			},
		},
		floatField("Learning rate", "> 0 and ≤ 10", lrSteps, func(v float64) error {
			if v <= 0 || v > 10 {
				return errors.New("must be above 0 and at most 10")
			}
			return nil
		}, func(c *experiment.Config) *float64 { return &c.Train.Optimizer.LR }),
		intField("Batch size", "rows per step", 1, maxBatch, batchSteps, func(c *experiment.Config) *int { return &c.Train.BatchSize }),
		limitedField(intField("Epochs", epochHint, 1, epochCap, epochSteps, func(c *experiment.Config) *int { return &c.Train.Epochs }),
			limits.MaxEpochs, "this session allows at most %s epochs (the server's limit)"),
		floatField("L2", "weight decay, ≥ 0", l2Steps, func(v float64) error {
			if v < 0 || v > 10 {
				return errors.New("must be from 0 to 10")
			}
			return nil
		}, func(c *experiment.Config) *float64 { return &c.Train.L2 }),
		floatField("Positive weight", "1 = unweighted", weightSteps, func(v float64) error {
			if v <= 0 || v > 1000 {
				return errors.New("must be above 0 and at most 1000")
			}
			return nil
		}, posWeight),
		intField("Early stop patience", "0 = off", 0, maxPatience, patienceSteps, func(c *experiment.Config) *int { return &c.Train.EarlyStop.Patience }),
		floatField("Validation share", "0 to 0.5", valSteps, func(v float64) error {
			if v < 0 || v > 0.5 {
				return errors.New("must be from 0 to 0.5")
			}
			return nil
		}, func(c *experiment.Config) *float64 { return &c.ValFrac }),
		field{
			label: "Seed", hint: "split, weights, shuffles",
			get: func(c experiment.Config) string { return strconv.FormatUint(c.Seed, 10) },
			set: func(c *experiment.Config, text string) error {
				v, err := strconv.ParseUint(strings.TrimSpace(text), 10, 64)
				if err != nil {
					return errors.New("must be a whole number ≥ 0")
				}
				c.Seed = v
				return nil
			},
			step: func(c *experiment.Config, dir int) {
				if dir > 0 || c.Seed > 0 {
					c.Seed = uint64(int64(c.Seed) + int64(dir))
				}
			},
		},
	)
	return out
}

// posWeight shows an unset weight (0, which the engine treats as 1) as 1.
func posWeight(c *experiment.Config) *float64 {
	if c.Train.PosWeight == 0 {
		c.Train.PosWeight = 1
	}
	return &c.Train.PosWeight
}

func layerUnits(i int) field {
	f := intField(fmt.Sprintf("Layer %d units", i+1), "1 to 4,096", 1, maxUnits, unitSteps,
		func(c *experiment.Config) *int { return &c.Hidden[i].Units })
	f.layer = i + 1
	return f
}

func layerActivation(i int) field {
	return field{
		label: fmt.Sprintf("Layer %d activation", i+1), layer: i + 1, hint: "relu, leaky, tanh, sigmoid, linear",
		get: func(c experiment.Config) string { return c.Hidden[i].Activation.String() },
		set: func(c *experiment.Config, text string) error {
			a, err := engine.ParseActivation(strings.TrimSpace(text))
			if err != nil {
				return errors.New("choose relu, leaky, tanh, sigmoid or linear")
			}
			c.Hidden[i].Activation = a
			return nil
		},
		step: func(c *experiment.Config, dir int) {
			at := slices.Index(activations, c.Hidden[i].Activation)
			c.Hidden[i].Activation = activations[(at+dir+len(activations))%len(activations)]
		},
	}
}

func cycle(options []string, cur string, dir int) string {
	at := slices.Index(options, cur)
	return options[(at+dir+len(options))%len(options)]
}

// limitedField wraps a field whose upper bound is a session limit, so a
// refusal names the limit as the reason rather than a bare range.
func limitedField(f field, limit int, reason string) field {
	if limit <= 0 {
		return f
	}
	set := f.set
	f.set = func(c *experiment.Config, text string) error {
		if v, err := parseInt(text); err == nil && v > limit {
			return fmt.Errorf(reason, common.Thousands(limit))
		}
		return set(c, text)
	}
	return f
}
