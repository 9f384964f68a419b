package tui

import (
	"io"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// loadEvery is how often a load in progress is shown anew: a few times a
// second, however fast the rows come in.
const loadEvery = 250 * time.Millisecond

// loadStage is what a load is doing: the reader's stages (data.Stage),
// then the split into parts (Prepare), which only the TUI does.
type loadStage int

const (
	loadReading loadStage = iota
	loadParsing
	loadFeatures
	loadSplitting
)

// loadProgressMsg is how far the load of generation gen has come, sent
// by the load's own goroutine (loadWatch) at most every loadEvery.
type loadProgressMsg struct {
	gen   int
	name  string // the file's short name
	stage loadStage
	p     data.Progress
	// elapsed is the time since the load began.
	elapsed time.Duration
	// waiting is set while the file has yielded nothing yet (a FIFO no
	// one writes to, a slow mount): the panel says so, with its esc.
	waiting bool
}

// loadWatch follows one load: the first file its opener opens reports
// into it, and a goroutine sends what it holds to the program every
// loadEvery until the load ends.
type loadWatch struct {
	gen   int
	name  string
	send  func(tea.Msg)
	start time.Time

	mu     sync.Mutex
	seen   bool // the file has reported
	opened bool // the file was opened (later opens are quick second looks)
	stage  loadStage
	p      data.Progress
}

// newLoadWatch follows the load of generation gen of the file named name,
// sending its progress with send (nil: nothing is sent, as in tests).
func newLoadWatch(gen int, name string, send func(tea.Msg)) *loadWatch {
	return &loadWatch{gen: gen, name: name, send: send, start: time.Now()}
}

// opener is open whose first opened file reports into w.
func (w *loadWatch) opener(open experiment.Opener) experiment.Opener {
	return func(path string) (io.ReadCloser, error) {
		f, err := open(path)
		if err != nil {
			return f, err
		}
		w.mu.Lock()
		first := !w.opened
		w.opened = true
		w.mu.Unlock()
		if !first {
			return f, nil
		}
		return data.Watch(f, loadEvery/2, w.reported), nil
	}
}

// reported keeps what the file reports.
func (w *loadWatch) reported(p data.Progress) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.seen, w.p = true, p
	w.stage = loadStage(p.Stage)
}

// splitting marks the start of the split into parts.
func (w *loadWatch) splitting() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.seen {
		w.stage = loadSplitting
		if w.p.Size > 0 {
			w.p.Read = w.p.Size
		}
	}
}

// msg is what w holds now, and whether the file has reported at all.
func (w *loadWatch) msg() (loadProgressMsg, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return loadProgressMsg{gen: w.gen, name: w.name, stage: w.stage, p: w.p, elapsed: time.Since(w.start)}, w.seen
}

// run sends w's progress every loadEvery until done is closed. A quick
// load, over before the first tick, shows nothing; a file that has
// yielded nothing by then is sent as waiting, so that a load that hangs
// shows its panel and the key that cancels it.
func (w *loadWatch) run(done <-chan struct{}) {
	if w.send == nil {
		return
	}
	t := time.NewTicker(loadEvery)
	defer t.Stop()
	for {
		select {
		case <-done:
			return
		case <-t.C:
			m, ok := w.msg()
			m.waiting = !ok
			w.send(m)
		}
	}
}
