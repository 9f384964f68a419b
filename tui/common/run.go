package common

import (
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// Limits bound what one session may ask of the machine (used when serving
// over SSH); zero fields mean no limit.
type Limits struct {
	MaxRows   int
	MaxEpochs int
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

// Run is one ended training run, kept for the screens that judge and
// compare runs (evaluation, run history). Its experiment's network is not
// trained any more, so it may be read freely. Number 0 means no run.
type Run struct {
	Number  int
	Exp     *experiment.Experiment
	History []engine.EpochStats
	Err     error // nil, a cancellation or a *engine.DivergedError
}

// AnalyseRunMsg asks the root to make the run with Number the analysed
// run (sent by the Runs screen).
type AnalyseRunMsg struct{ Number int }

// ThresholdMsg says the decision threshold of the analysed run changed
// (sent by the Evaluate screen as its ← → keys or f move it). The root
// forwards it to every screen, so Users, Map and the rest classify with the
// one threshold Evaluate shows.
type ThresholdMsg struct {
	Run       int     // the run it belongs to
	Threshold float64 // the probability at or above which a user is flagged
}
