package engine

import (
	"fmt"
	"math"
)

// TrainConfig holds everything about how a network is trained.
type TrainConfig struct {
	Epochs    int             `json:"epochs"`
	BatchSize int             `json:"batch_size"`
	Optimizer OptimizerConfig `json:"optimizer"`
	// L2 adds (L2/2)·Σ‖W‖² to the objective (gradient L2·W); biases are not decayed.
	L2 float64 `json:"l2,omitempty"`
	// ClipNorm rescales the whole gradient when its Euclidean norm exceeds it (0: off).
	ClipNorm float64 `json:"clip_norm,omitempty"`
	// PosWeight multiplies the loss of positive targets (BCE); 0 or 1 means unweighted.
	PosWeight float64 `json:"pos_weight,omitempty"`
	// EarlyStop stops when the monitored loss has not improved for Patience
	// epochs and restores the best weights (Patience 0: off).
	EarlyStop EarlyStopConfig `json:"early_stop"`
	// Schedule changes the learning rate between epochs.
	Schedule ScheduleConfig `json:"schedule"`
	// AverageEpochs, when > 0, keeps a moving average of the weights over
	// about that many epochs: after step s the average moves a share
	// max(1/s, 1/(AverageEpochs·batches per epoch)) of the way to the new
	// weights (the plain mean of every step's weights at first, then an
	// exponential average). Each epoch is validated with the averaged
	// weights, early stopping keeps the best of them, and the trained
	// network ends with them. 0: off.
	AverageEpochs float64 `json:"average_epochs,omitempty"`
	// DivergeFactor stops training when a batch loss exceeds this multiple of
	// the first batch's loss (0: the default 1000; negative: only NaN/Inf).
	DivergeFactor float64 `json:"diverge_factor,omitempty"`
	// Workers caps how many goroutines share the gradient of one batch of
	// ParallelMinBatch rows or more, each taking at least MinShardRows rows
	// (0: runtime.GOMAXPROCS; 1: never split). Training is bit-identical for
	// a given seed and worker count; see WorkersFor.
	Workers int `json:"workers,omitempty"`
}

// EarlyStopConfig configures early stopping on validation loss (training loss
// when there is no validation set).
type EarlyStopConfig struct {
	Patience int     `json:"patience"`
	MinDelta float64 `json:"min_delta"`
}

// ScheduleConfig selects a learning-rate schedule: "" or "none"; "step"
// (multiply by Factor every Every epochs); "plateau" (multiply by Factor when
// the monitored loss has not improved by MinDelta for Patience epochs, never
// below MinLR); "cosine" (anneal from the optimiser's rate at epoch 1 to
// MinLR along half a cosine over Epochs: the rate of epoch e+1 is
// MinLR + (LR − MinLR)·(1 + cos(π·e/Epochs))/2).
type ScheduleConfig struct {
	Kind     string  `json:"kind,omitempty"`
	Every    int     `json:"every,omitempty"`
	Factor   float64 `json:"factor,omitempty"`
	Patience int     `json:"patience,omitempty"`
	MinDelta float64 `json:"min_delta,omitempty"`
	MinLR    float64 `json:"min_lr,omitempty"`
}

// On reports whether early stopping is on (a patience above 0).
func (e EarlyStopConfig) On() bool { return e.Patience > 0 }

// On reports whether a schedule changes the learning rate ("" and "none"
// do not).
func (s ScheduleConfig) On() bool { return s.Kind != "" && s.Kind != "none" }

// WatchesValidation reports whether training reads the validation loss to
// decide anything: early stopping, or a plateau schedule.
func (c TrainConfig) WatchesValidation() bool {
	return c.EarlyStop.On() || c.Schedule.Kind == "plateau"
}

// DefaultTrainConfig is retain's default: Adam (Keras defaults), batch 32,
// 30 epochs, early stopping with patience 5.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{
		Epochs:    30,
		BatchSize: 32,
		Optimizer: OptimizerConfig{Kind: "adam", LR: 1e-3},
		EarlyStop: EarlyStopConfig{Patience: 5, MinDelta: 1e-4},
	}
}

// Validate reports the first invalid setting.
func (c TrainConfig) Validate() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{ErrConfig}, args...)...)
	}
	switch {
	case c.Epochs < 1:
		return bad("epochs must be at least 1, got %d", c.Epochs)
	case c.BatchSize < 1:
		return bad("batch size must be at least 1, got %d", c.BatchSize)
	case c.L2 < 0 || math.IsNaN(c.L2) || math.IsInf(c.L2, 0):
		return bad("L2 must be a finite number ≥ 0, got %g", c.L2)
	case c.ClipNorm < 0 || math.IsNaN(c.ClipNorm):
		return bad("clip norm must be ≥ 0, got %g", c.ClipNorm)
	case c.PosWeight < 0 || math.IsNaN(c.PosWeight) || math.IsInf(c.PosWeight, 0):
		return bad("positive-class weight must be a finite number ≥ 0, got %g", c.PosWeight)
	case c.AverageEpochs < 0 || math.IsNaN(c.AverageEpochs) || math.IsInf(c.AverageEpochs, 0):
		return bad("weight averaging needs a finite number of epochs ≥ 0, got %g", c.AverageEpochs)
	case c.Workers < 0:
		return bad("workers must be ≥ 0 (0: one per core), got %d", c.Workers)
	case c.EarlyStop.Patience < 0 || !(c.EarlyStop.MinDelta >= 0) || math.IsInf(c.EarlyStop.MinDelta, 0):
		return bad("early stopping needs patience ≥ 0 and min delta ≥ 0")
	}
	if err := c.Optimizer.Validate(); err != nil {
		return err
	}
	s := c.Schedule
	// A schedule only lowers the rate: a floor above it would raise the
	// rate (cosine) or jump to it at the first drop (plateau).
	lr := c.Optimizer.withDefaults().LR
	minLROK := s.MinLR >= 0 && s.MinLR <= lr // NaN fails too
	switch s.Kind {
	case "", "none":
	case "step":
		if s.Every < 1 || !(s.Factor > 0 && s.Factor <= 1) {
			return bad("step schedule needs every ≥ 1 and factor in (0, 1], got %d and %g", s.Every, s.Factor)
		}
	case "plateau":
		switch {
		case s.Patience < 1:
			return bad("plateau schedule needs patience ≥ 1, got %d", s.Patience)
		case !(s.Factor > 0 && s.Factor < 1):
			return bad("plateau schedule needs a factor in (0, 1), got %g", s.Factor)
		case !(s.MinDelta >= 0) || math.IsInf(s.MinDelta, 0):
			return bad("plateau schedule needs a finite min delta ≥ 0, got %g", s.MinDelta)
		case !minLROK:
			return bad("plateau schedule needs min lr in [0, %g] (the learning rate), got %g", lr, s.MinLR)
		}
	case "cosine":
		if !minLROK {
			return bad("cosine schedule needs min lr in [0, %g] (the learning rate), got %g", lr, s.MinLR)
		}
	default:
		return bad("schedule %q (want none, step, plateau or cosine)", s.Kind)
	}
	return nil
}

// PositiveWeight is the weight a positive row's loss gets in training and
// in the validation loss early stopping watches (PosWeight, 1 when 0).
func (c TrainConfig) PositiveWeight() float64 { return c.posWeight() }

// RowWeight is the weight of a row's cross-entropy loss (and of its
// gradient) for target y: PositiveWeight for a positive row, 1 for a
// negative one, w·y + (1 − y) in general.
func (c TrainConfig) RowWeight(y float64) float64 { return c.posWeight()*y + (1 - y) }

// posWeight returns the effective positive-class weight.
func (c TrainConfig) posWeight() float64 {
	if c.PosWeight == 0 {
		return 1
	}
	return c.PosWeight
}

// divergeFactor returns the effective explosion factor (≤ 0: disabled).
func (c TrainConfig) divergeFactor() float64 {
	if c.DivergeFactor == 0 {
		return 1000
	}
	return c.DivergeFactor
}
