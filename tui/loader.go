package tui

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/datascreen"
)

// loadCmd reads opts.Source with opts.Open and prepares it with cfg, its
// ids pseudonymised when opts.Pseudonym is set (and an error's cells that
// may name someone withheld) and its texts made safe for
// the terminal (terminalSafeData); the built-in shop gets the
// share opts.Abusers of planted abusers (0: none). While a file loads,
// its progress goes to the program with send (loadProgressMsg; nil sends
// nothing), a few times a second. Once ctx is done the file's reads fail,
// an order log's feature stage and the preparation stop within a few
// thousand customers' work, and the load ends early, its result ctx's
// error (see loads).
func loadCmd(ctx context.Context, gen int, opts Options, cfg experiment.Config, asked []string, send func(tea.Msg)) tea.Cmd {
	return readCmd(ctx, gen, opts, cfg, asked, send, false)
}

// loadBareCmd is loadCmd for a per-user table read without a label, as
// `retain anomalies --data` reads it (experiment.LoadForAnomalies), for
// the Anomalies screen only: it is not split, and its loadedMsg is bare.
// A label read all the same (one named) makes it loadCmd's.
func loadBareCmd(ctx context.Context, gen int, opts Options, cfg experiment.Config, asked []string, send func(tea.Msg)) tea.Cmd {
	return readCmd(ctx, gen, opts, cfg, asked, send, true)
}

// readCmd is loadCmd, or loadBareCmd when bare.
func readCmd(ctx context.Context, gen int, opts Options, cfg experiment.Config, asked []string, send func(tea.Msg), bare bool) tea.Cmd {
	src, open, limits, abusers := opts.Source, opts.Open, opts.Limits, opts.Abusers
	if open != nil {
		open = ctxOpener(ctx, open)
	}
	return func() tea.Msg {
		if err := ctx.Err(); err != nil {
			return loadedMsg{gen: gen, err: err}
		}
		var d *experiment.Data
		var err error
		var watch *loadWatch
		if src.Kind == "csv" || src.Kind == "log" {
			watch = newLoadWatch(gen, common.TerminalSafe(filepath.Base(src.Path)), send)
			open = watch.opener(open)
			done := make(chan struct{})
			defer close(done)
			go watch.run(done)
		}
		switch {
		case bare:
			d, err = experiment.LoadForAnomalies(src, 0, open, time.Now())
		case (src.Kind == "builtin" || src.Kind == "") && abusers > 0:
			d, err = experiment.LoadShopWithAbusers(src, abusers)
		default:
			d, err = experiment.LoadContext(ctx, src, open)
		}
		if err != nil {
			// With pseudonyms on (always in a served session) the error
			// quotes no cell that may name someone.
			if ctxErr := ctx.Err(); ctxErr != nil {
				return loadedMsg{gen: gen, err: ctxErr}
			}
			return loadedMsg{gen: gen, err: experiment.WithholdCells(opts.Pseudonym, err), src: src, asked: asked}
		}
		if err := ctx.Err(); err != nil {
			return loadedMsg{gen: gen, err: err}
		}
		d.Pseudonymise(opts.Pseudonym)
		terminalSafeData(d)
		if err := limits.CheckLoad(d); err != nil {
			return loadedMsg{gen: gen, err: err}
		}
		if bare && d.Table.Label.Name == "" {
			return loadedMsg{gen: gen, data: d, bare: true, src: src, asked: asked}
		}
		if watch != nil {
			watch.splitting()
		}
		return prepare(ctx, gen, d, cfg)
	}
}

// ctxOpener is open whose files stop reading once ctx is done.
func ctxOpener(ctx context.Context, open experiment.Opener) experiment.Opener {
	return func(path string) (io.ReadCloser, error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		f, err := open(path)
		if err != nil {
			return f, err
		}
		return data.WithContext(ctx, f), nil
	}
}

// loads holds the context of the load in flight, shared by every copy of
// the model: a new load (open, a resplit) cancels the one before it, whose
// result would be dropped anyway, and Close cancels the last, so that no
// load outlives its session.
type loads struct {
	mu     sync.Mutex
	cancel context.CancelFunc
	closed bool
}

// start cancels the load in flight and returns the context of the next,
// derived from parent (already done once the model is closed).
func (l *loads) start(parent context.Context) context.Context {
	if l == nil { // a model not made by NewModel
		return parent
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.cancel != nil {
		l.cancel()
	}
	ctx, cancel := context.WithCancel(parent)
	l.cancel = cancel
	if l.closed {
		cancel()
	}
	return ctx
}

// cancelCurrent cancels the load in flight (esc): its reads fail and its
// split stops; the next start makes a new context.
func (l *loads) cancelCurrent() {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.cancel != nil {
		l.cancel()
	}
}

// close cancels the load in flight and every later one.
func (l *loads) close() {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.closed = true
	if l.cancel != nil {
		l.cancel()
	}
}

// withSource is opts reading src.
func withSource(opts Options, src experiment.Source) Options {
	opts.Source = src
	return opts
}

// resplitCmd prepares already loaded data again (a new seed or shares).
func resplitCmd(ctx context.Context, gen int, d *experiment.Data, cfg experiment.Config) tea.Cmd {
	return func() tea.Msg { return prepare(ctx, gen, d, cfg) }
}

// prepare splits and preprocesses d, stopping once ctx is done (the load
// was superseded or the model closed).
func prepare(ctx context.Context, gen int, d *experiment.Data, cfg experiment.Config) loadedMsg {
	if err := ctx.Err(); err != nil {
		return loadedMsg{gen: gen, err: err}
	}
	exp, err := experiment.PrepareContext(ctx, d, cfg)
	if ctxErr := ctx.Err(); ctxErr != nil {
		return loadedMsg{gen: gen, err: ctxErr}
	}
	if err != nil {
		return loadedMsg{gen: gen, err: fmt.Errorf("preparing %s: %w", d.Source.Describe(), err)}
	}
	return loadedMsg{gen: gen, data: d, prep: exp, info: datascreen.NewInfo(d, exp, cfg.Seed)}
}
