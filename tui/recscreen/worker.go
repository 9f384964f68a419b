package recscreen

import (
	"context"
	"fmt"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/pseudonym"
	"github.com/retainlab/retain/recommend"
	"github.com/retainlab/retain/tui/common"
)

// Msg is every message of this screen; the root routes them all to it,
// whichever tab is shown.
type Msg interface{ recscreenMsg() }

// LogMsg carries the item log read by readCmd for the loaded order log.
type LogMsg struct {
	For *data.OrderLog // the loaded log it was read for
	Log *recommend.Log
	// Future is the warning about the log's lines dated after today (nil
	// when there are none), as recommend prints it.
	Future *experiment.FutureWarning
	Err    error
}

// StartedMsg says a run's pairs are built and its trainer runs (or that
// preparing failed; the worker has then ended).
type StartedMsg struct {
	id  int
	run *recommend.Run
	err error
}

// TickMsg asks the screen to drain progress and redraw.
type TickMsg struct{ id int }

// DoneMsg says a run's worker has ended.
type DoneMsg struct{ id int }

func (LogMsg) recscreenMsg()     {}
func (StartedMsg) recscreenMsg() {}
func (TickMsg) recscreenMsg()    {}
func (DoneMsg) recscreenMsg()    {}

// frameInterval is how often a live run is drained and drawn (15 Hz, as
// the Train screen).
const frameInterval = time.Second / 15

func tickCmd(id int) tea.Cmd {
	return tea.Tick(frameInterval, func(time.Time) tea.Msg { return TickMsg{id: id} })
}

// readCmd reads the source again as an item log (with descriptions),
// without the items of exclude, off the UI goroutine.
func readCmd(src experiment.Source, open experiment.Opener, loaded *data.OrderLog, key *pseudonym.Key, exclude []string) tea.Cmd {
	return func() tea.Msg {
		l, warnings, err := experiment.ReadItemLog(src, open, time.Now(), exclude...)
		var future *experiment.FutureWarning
		for _, w := range warnings {
			if fw, ok := w.(*experiment.FutureWarning); ok {
				future = fw
			}
		}
		if err == nil {
			// Shown on screen: the ids pseudonymised, every text made
			// safe for the terminal (as the loaded data is).
			l.Customers = common.TerminalSafeAll(key.IDs(l.Customers))
			l.Items, l.Descriptions = common.TerminalSafeAll(l.Items), common.TerminalSafeAll(l.Descriptions)
			l.ItemColumn, l.DescriptionColumn = common.TerminalSafe(l.ItemColumn), common.TerminalSafe(l.DescriptionColumn)
		}
		// An error quotes no cell that may name someone with pseudonyms on.
		return LogMsg{For: loaded, Log: l, Future: future, Err: experiment.WithholdCells(key, err)}
	}
}

// worker is one recommendation run in the background: prepare the pairs,
// train, then rank and measure. The screen creates it in Update, so it owns
// the context before any goroutine exists; done is closed exactly once.
type worker struct {
	id     int
	ctx    context.Context
	cancel context.CancelFunc
	coal   *engine.Coalescer
	done   chan struct{}

	mu       sync.Mutex
	started  bool // startCmd has begun: it will close done
	finished bool
	ranking  bool // training ended; Finish is ranking the customers
	res      *recommend.Result
	err      error
}

func newWorker(parent context.Context, id int) *worker {
	ctx, cancel := context.WithCancel(parent)
	return &worker{id: id, ctx: ctx, cancel: cancel, coal: engine.NewCoalescer(256), done: make(chan struct{})}
}

// end records the outcome and closes done, once.
func (w *worker) end(res *recommend.Result, err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.finished {
		return
	}
	w.finished, w.res, w.err = true, res, err
	close(w.done)
}

// stop cancels the run; one whose start Cmd never ran is ended here, so
// waiting on done never hangs.
func (w *worker) stop() {
	w.cancel()
	w.mu.Lock()
	started := w.started
	w.mu.Unlock()
	if !started {
		w.end(nil, context.Canceled)
	}
}

// begin marks the run started unless it was stopped first.
func (w *worker) begin() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.started = true
	return !w.finished
}

// outcome is the result and error; read after done.
func (w *worker) outcome() (*recommend.Result, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.res, w.err
}

// isRanking reports whether training has ended and the customers are
// being ranked.
func (w *worker) isRanking() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.ranking
}

// startCmd prepares the run, starts training and, when it ends, ranks.
func startCmd(w *worker, l *recommend.Log, opts recommend.Options) tea.Cmd {
	return func() tea.Msg {
		if !w.begin() {
			return StartedMsg{id: w.id, err: context.Canceled}
		}
		run, err := recommend.Prepare(l, opts)
		if err == nil {
			err = w.ctx.Err()
		}
		if err != nil {
			w.end(nil, err)
			return StartedMsg{id: w.id, err: err}
		}
		if run.Model != nil {
			run.Model.Trainer.SetSink(w.coal)
		} else {
			// No network to train (recommend.Run.Untrained): it ranks
			// at once.
			w.mu.Lock()
			w.ranking = true
			w.mu.Unlock()
		}
		go w.train(run)
		return StartedMsg{id: w.id, run: run}
	}
}

// train runs on its own goroutine; a panic ends the run as an error
// instead of taking the program down.
func (w *worker) train(run *recommend.Run) {
	var res *recommend.Result
	var err error
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("recommendation stopped by an internal error: %v", r)
		}
		w.end(res, err)
	}()
	if run.Model != nil {
		if err = run.Model.Trainer.Run(w.ctx); err != nil {
			return
		}
	}
	w.mu.Lock()
	w.ranking = true
	w.mu.Unlock()
	res, err = run.Finish(w.ctx)
}

// waitCmd reports when the worker has ended.
func waitCmd(w *worker) tea.Cmd {
	return func() tea.Msg {
		<-w.done
		return DoneMsg{id: w.id}
	}
}
