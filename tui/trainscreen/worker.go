package trainscreen

import (
	"context"
	"errors"
	"fmt"
	"sync"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// maxLossPoints bounds the batch-loss points the coalescer keeps between two
// frames; it merges neighbours beyond that, so a fast trainer never makes
// the UI fall behind.
const maxLossPoints = 256

// startMode says how a new run begins.
type startMode int

const (
	startRunning   startMode = iota
	startStepBatch           // run one batch, then hold
	startStepEpoch           // run one epoch, then hold
)

// worker is one training run in the background. The Train screen creates it
// in Update (so it owns the context from the start); a Cmd builds the
// experiment and launches the goroutine. done is closed exactly once, when
// the goroutine ends or when the run is abandoned before it started.
type worker struct {
	id     int
	ctx    context.Context
	cancel context.CancelFunc
	coal   *engine.Coalescer
	done   chan struct{}

	mu       sync.Mutex
	launched bool
	finished bool
	pace     engine.Pace              // the pace to train at, also once launched
	clock    engine.Clock             // nil: the system clock (tests set a fake one)
	exp      *experiment.Experiment   // set before the goroutine starts
	err      error                    // Run's result; read after done
	decay    *experiment.DecayOutcome // the decay check's, to apply after done
}

func newWorker(parent context.Context, id int) *worker {
	ctx, cancel := context.WithCancel(parent)
	return &worker{id: id, ctx: ctx, cancel: cancel, coal: engine.NewCoalescer(maxLossPoints), done: make(chan struct{})}
}

// finishLocked records the outcome and closes done; w.mu must be held.
func (w *worker) finishLocked(err error) {
	if w.finished {
		return
	}
	w.finished, w.err = true, err
	close(w.done)
}

// launch starts training exp unless the run was stopped meanwhile.
func (w *worker) launch(exp *experiment.Experiment, mode startMode) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.finished {
		return false
	}
	if err := w.ctx.Err(); err != nil {
		w.finishLocked(err)
		return false
	}
	w.exp, w.launched = exp, true
	exp.Trainer.SetSink(w.coal)
	exp.Trainer.SetPace(w.pace)
	if w.clock != nil {
		exp.Trainer.SetClock(w.clock)
	}
	switch mode {
	case startStepBatch:
		exp.Trainer.StepBatch()
	case startStepEpoch:
		exp.Trainer.StepEpoch()
	}
	go func() {
		var err error
		defer func() {
			// A panic in training must not take the program (or, when
			// serving, every SSH session) down: it ends this run as an error.
			if r := recover(); r != nil {
				err = fmt.Errorf("training stopped by an internal error: %v", r)
			}
			w.mu.Lock()
			w.finishLocked(err)
			w.mu.Unlock()
		}()
		err = exp.Trainer.Run(w.ctx)
		if errors.Is(err, context.Canceled) {
			// Stopped by the user: keep the weights a run that ended by
			// itself keeps (the best epoch's with early stopping, else
			// the last finished epoch's), not those part way through an
			// epoch; the outcome says which.
			exp.Trainer.KeepAfterStop()
		}
		if err == nil {
			// The view says so while it runs; finish applies the outcome on
			// the UI goroutine, which reads the experiment meanwhile.
			var d *experiment.DecayOutcome
			d, err = exp.TrainDecayAlternative(w.ctx)
			w.mu.Lock()
			w.decay = d
			w.mu.Unlock()
		}
	}()
	return true
}

// setPace sets the pace of the run, now if it trains and else when it
// launches.
func (w *worker) setPace(p engine.Pace) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.pace = p
	if w.launched {
		w.exp.Trainer.SetPace(p)
	}
}

// fail ends a run whose experiment could not be built.
func (w *worker) fail(err error) {
	w.mu.Lock()
	w.finishLocked(err)
	w.mu.Unlock()
}

// stop cancels the run. A run that has not launched yet is finished here,
// so waiting on done never hangs even if its start Cmd never runs.
func (w *worker) stop() {
	w.cancel()
	w.mu.Lock()
	if !w.launched {
		w.finishLocked(context.Canceled)
	}
	w.mu.Unlock()
}

// outcome returns the experiment, with the decay check's outcome applied,
// and Run's error; call it after done, on the UI goroutine.
func (w *worker) outcome() (*experiment.Experiment, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.exp != nil && w.decay != nil {
		w.exp.ApplyDecay(w.decay)
		w.decay = nil
	}
	return w.exp, w.err
}

// startCmd builds the experiment off the UI goroutine and launches training.
func startCmd(w *worker, d *experiment.Data, cfg experiment.Config, mode startMode, slot chan struct{}) tea.Cmd {
	return func() tea.Msg {
		if !takeSlot(w, slot) {
			return StartedMsg{id: w.id, err: context.Canceled}
		}
		exp, err := experiment.Prepare(d, cfg)
		if slot != nil {
			<-slot
		}
		if err == nil && exp.Scheme() == experiment.RandomSplit {
			// The split startRun checked, as built (duplicates and
			// calibration rows out), as train checks it. Out of time, the
			// later cohort is measured, and Prepare checked its classes.
			err = exp.CheckPart(experiment.FinalPart(exp.Config))
		}
		if err != nil {
			w.fail(err)
			return StartedMsg{id: w.id, err: err}
		}
		if !w.launch(exp, mode) {
			return StartedMsg{id: w.id, err: context.Canceled}
		}
		return StartedMsg{id: w.id, exp: exp}
	}
}

// takeSlot waits for the screen's one preparation slot (nil: none to
// wait for) and reports whether w still wants it. A stopped run's
// preparation cannot be cancelled and runs on: without the slot, each x
// then r started another beside it, and a few keys had several copies of
// a large data set prepared at once, starving the program; a run stopped
// while it waits for the slot prepares nothing.
func takeSlot(w *worker, slot chan struct{}) bool {
	if slot == nil {
		return w.ctx.Err() == nil
	}
	select {
	case slot <- struct{}{}:
	case <-w.ctx.Done():
		return false
	}
	if w.ctx.Err() != nil {
		<-slot
		return false
	}
	return true
}

// waitCmd reports when the worker has ended.
func waitCmd(w *worker) tea.Cmd {
	return func() tea.Msg {
		<-w.done
		return DoneMsg{id: w.id}
	}
}
