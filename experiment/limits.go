package experiment

import (
	"fmt"

	"github.com/retainlab/retain/data"
)

// Limits bound what one session may ask of the machine (used when serving
// over SSH); zero fields mean no limit.
type Limits struct {
	// MaxRows bounds the rows of the data a session trains on.
	MaxRows int
	// MaxEpochs bounds the epochs of a training run.
	MaxEpochs int
	// MaxParams bounds the weights and biases of a network.
	MaxParams int
	// MaxTrainMemory bounds, in bytes, what networks are estimated to take
	// besides the data (see NetworkNeed and Experiment.HeldMemory): those
	// a session trains at once and, on the Train screen, the ended runs it
	// keeps, older ones being forgotten to make room for a new run.
	MaxTrainMemory int64
}

// Shape is the loaded data as a network sees it: its model inputs and the
// rows it trains on (zero until data is loaded).
type Shape struct {
	Inputs, TrainRows int
}

// Batches is how many batches an epoch of cfg takes on these training
// rows, as the engine splits them (the last one may be smaller): 0 until
// the data is loaded.
func (s Shape) Batches(cfg Config) int {
	bs := cfg.Train.BatchSize
	if s.TrainRows <= 0 || bs <= 0 {
		return 0
	}
	return (s.TrainRows + bs - 1) / bs
}

// NetworkNeed returns the parameters of cfg's network on data of the given
// shape and the bytes training it allocates besides the data: the weights,
// the optimiser's state and the workspaces
// (engine.Architecture.TrainingMemory), twice when the run ends with the
// decay check, which trains a second network while it keeps the first.
// Until the data is loaded it counts one input, which gives a lower bound.
func NetworkNeed(shape Shape, cfg Config) (params int, memory float64) {
	arch := cfg.Arch(max(shape.Inputs, 1))
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
func (l Limits) CheckNetwork(shape Shape, cfg Config, parallel int) error {
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

// CheckChange refuses changing the network's configuration from cur to
// next when next is beyond the limits on a network (CheckNetwork, one
// network at a time), unless cur is beyond them too and next needs less:
// no more parameters and no more memory, and fewer of one. A configuration
// the data's width (known once loaded) put beyond the limits may so come
// back within them one step at a time. The refusal is next's *LimitError.
func (l Limits) CheckChange(shape Shape, cur, next Config) error {
	err := l.CheckNetwork(shape, next, 1)
	if err == nil || l.CheckNetwork(shape, cur, 1) == nil {
		return err
	}
	params, memory := NetworkNeed(shape, next)
	curParams, curMemory := NetworkNeed(shape, cur)
	if params <= curParams && memory <= curMemory && (params < curParams || memory < curMemory) {
		return nil
	}
	return err
}

// Parallel is how many of cfg's networks on data of the given shape may
// train at once: workers, fewer when MaxTrainMemory holds fewer of them
// (NetworkNeed), never fewer than one.
func (l Limits) Parallel(shape Shape, cfg Config, workers int) int {
	if l.MaxTrainMemory <= 0 {
		return workers
	}
	_, memory := NetworkNeed(shape, cfg)
	return max(1, min(workers, int(float64(l.MaxTrainMemory)/memory)))
}

// ClampEpochs is epochs, at most MaxEpochs when that is set: what a
// session trains for when a configuration (a preset, the starting one)
// asks for more.
func (l Limits) ClampEpochs(epochs int) int {
	if l.MaxEpochs > 0 {
		return min(epochs, l.MaxEpochs)
	}
	return epochs
}

// CheckLoad refuses data as it loads when it has more rows than MaxRows,
// before anything is prepared or trained. The refusal is a *LimitError
// with OnLoad set.
func (l Limits) CheckLoad(d *Data) error {
	if l.MaxRows > 0 && d.Table.Rows > l.MaxRows {
		return &LimitError{Source: d.Source, Rows: d.Table.Rows, MaxRows: l.MaxRows, OnLoad: true}
	}
	return nil
}

// Check refuses a training run beyond the session's limits. The Model
// screen already clamps the epochs and loading refuses large data
// (CheckLoad); this is the last guard before a worker starts. The refusal
// is a *LimitError.
func (l Limits) Check(d *Data, cfg Config) error {
	if l.MaxRows > 0 && d.Table.Rows > l.MaxRows {
		return &LimitError{Source: d.Source, Rows: d.Table.Rows, MaxRows: l.MaxRows}
	}
	if l.MaxEpochs > 0 && cfg.Train.Epochs > l.MaxEpochs {
		return &LimitError{Epochs: cfg.Train.Epochs, MaxEpochs: l.MaxEpochs}
	}
	return nil
}

// LimitError is data, a network or a training run refused by the
// session's Limits: Rows of Source beyond MaxRows, Epochs beyond
// MaxEpochs, a network's Params beyond MaxParams, or the Memory (bytes)
// training it needs beyond MaxMemory; only the refused pair is set. OnLoad
// says the data was refused as it loaded; AtLeast that Params or Memory is
// a lower bound (the data's width is not known yet).
type LimitError struct {
	Source            Source
	Rows, MaxRows     int
	Epochs, MaxEpochs int
	Params, MaxParams int
	Memory            float64
	MaxMemory         int64
	OnLoad, AtLeast   bool
}

// Error is the refusal in English (the terminal UI words it in Chinese
// itself).
func (e *LimitError) Error() string {
	atLeast := ""
	if e.AtLeast {
		atLeast = "at least "
	}
	switch {
	case e.OnLoad:
		return fmt.Sprintf("%s has %s rows; this session allows at most %s (refused before training)",
			e.Source.Describe(), data.Thousands(e.Rows), data.Thousands(e.MaxRows))
	case e.MaxRows > 0:
		return fmt.Sprintf("%s has %s rows; this session allows training on at most %s",
			e.Source.Describe(), data.Thousands(e.Rows), data.Thousands(e.MaxRows))
	case e.MaxParams > 0:
		return fmt.Sprintf("the network would have %s%s parameters; this session allows at most %s",
			atLeast, data.Thousands(e.Params), data.Thousands(e.MaxParams))
	case e.MaxMemory > 0:
		about := "about "
		if e.AtLeast {
			about = atLeast
		}
		return fmt.Sprintf("training would need %s%s of memory; this session allows at most %s "+
			"(a smaller batch or fewer units need less)", about, data.Bytes(e.Memory), data.Bytes(float64(e.MaxMemory)))
	}
	return fmt.Sprintf("%s epochs asked; this session allows at most %s", data.Thousands(e.Epochs), data.Thousands(e.MaxEpochs))
}
