package common

import (
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

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
