package common

import (
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// Limits bound what one session may ask of the machine (used when serving
// over SSH); zero fields mean no limit.
type Limits struct {
	MaxRows   int
	MaxEpochs int
	// MaxParams bounds the weights and biases of a network.
	MaxParams int
	// MaxTrainMemory bounds, in bytes, what networks are estimated to take
	// besides the data (see NetworkNeed and HeldMemory): those a session
	// trains at once and, on the Train screen, the ended runs it keeps,
	// older ones being forgotten to make room for a new run.
	MaxTrainMemory int64
}

// Shape is the loaded data as a network sees it: its model inputs and the
// rows it trains on (zero until data is loaded).
type Shape struct {
	Inputs, TrainRows int
}

// NetworkNeed returns the parameters of cfg's network on data of the given
// shape and the bytes training it allocates besides the data: the weights,
// the optimiser's state and the workspaces
// (engine.Architecture.TrainingMemory), twice when the run ends with the
// decay check, which trains a second network while it keeps the first.
// Until the data is loaded it counts one input, which gives a lower bound.
func NetworkNeed(shape Shape, cfg experiment.Config) (params int, memory float64) {
	arch := engine.Architecture{Inputs: max(shape.Inputs, 1), Hidden: cfg.Hidden, Outputs: 1, Loss: engine.BCE}
	batch := cfg.Train.BatchSize
	if shape.TrainRows > 0 {
		// A batch is never larger than the training rows.
		batch = min(batch, shape.TrainRows)
	}
	memory = arch.TrainingMemory(max(batch, 1), cfg.Train.Optimizer)
	if cfg.ChecksDecay() {
		memory *= 2
	}
	return arch.ParamCount(), memory
}

// CheckNetwork refuses cfg's network on data of the given shape when it
// has more parameters than MaxParams, or when training parallel of them at
// once needs more memory than MaxTrainMemory. The refusal is a
// *LimitError.
func (l Limits) CheckNetwork(shape Shape, cfg experiment.Config, parallel int) error {
	params, memory := NetworkNeed(shape, cfg)
	memory *= float64(max(parallel, 1))
	atLeast := shape.Inputs == 0
	switch {
	case l.MaxParams > 0 && params > l.MaxParams:
		return &LimitError{Params: params, MaxParams: l.MaxParams, AtLeast: atLeast}
	case l.MaxTrainMemory > 0 && memory > float64(l.MaxTrainMemory):
		return &LimitError{Memory: memory, MaxMemory: l.MaxTrainMemory, AtLeast: atLeast}
	}
	return nil
}

// Check refuses a training run beyond the session's limits. The Model
// screen already clamps the epochs and loading refuses large files; this is
// the last guard before a worker starts. The refusal is a *LimitError.
func (l Limits) Check(d *experiment.Data, cfg experiment.Config) error {
	if l.MaxRows > 0 && d.Table.Rows > l.MaxRows {
		return &LimitError{Source: d.Source, Rows: d.Table.Rows, MaxRows: l.MaxRows}
	}
	if l.MaxEpochs > 0 && cfg.Train.Epochs > l.MaxEpochs {
		return &LimitError{Epochs: cfg.Train.Epochs, MaxEpochs: l.MaxEpochs}
	}
	return nil
}

// NetworkLimits states the limits on a network, "1,000,000 params · 256
// MiB to train", in the interface's language ("" when there are none).
func (c Common) NetworkLimits(l Limits) string {
	var parts []string
	if l.MaxParams > 0 {
		parts = append(parts, c.Tf("%s params", "%s 个参数", Thousands(l.MaxParams)))
	}
	if l.MaxTrainMemory > 0 {
		parts = append(parts, c.Tf("%s to train", "训练内存 %s", data.Bytes(float64(l.MaxTrainMemory))))
	}
	return strings.Join(parts, " · ")
}

// HeldMemory estimates the bytes an ended run keeps while the session
// keeps it (on the Runs screen, say): its network, the optimiser's state
// and the trainer's workspaces, as NetworkNeed counts them for one network.
func HeldMemory(run Run) float64 {
	if run.Exp == nil || run.Exp.Net == nil || run.Exp.Trainer == nil {
		return 0
	}
	return run.Exp.Net.Arch.TrainingMemory(run.Exp.Trainer.Config().BatchSize, run.Exp.Config.Train.Optimizer)
}
