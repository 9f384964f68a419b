package tui

import (
	"errors"
	"io"
	"os"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/internal/cancelat"
)

const cdnowMaster = "../../shared/datasets/cdnow/CDNOW_master.txt"

// cancelAtEnd is an input that, once read to its end, has its load's
// context cancelled some looks later.
type cancelAtEnd struct {
	f     io.ReadCloser
	ctx   *cancelat.Context
	after int
	ended bool
}

func (c *cancelAtEnd) Read(p []byte) (int, error) {
	n, err := c.f.Read(p)
	if err == io.EOF && !c.ended {
		c.ended = true
		c.ctx.CancelAfter(c.after)
	}
	return n, err
}

func (c *cancelAtEnd) Close() error { return c.f.Close() }

// TestLoadCancelledInTheFeatureStageStops: a load's context was looked at
// by its reads and between its stages only, so a load of a large order
// log cancelled once the file had been read (a new load, the SSH session
// gone) still built every customer's features, fitted BG/NBD (with its
// inputs on) and built the earlier cohort of the out-of-time split, some
// seconds of CPU for nobody (fixserve's note). CDNOW master (69,659
// lines, 23,570 customers) loaded with BG/NBD inputs, its load cancelled
// at the 50th look after the file's end (a load taking no look there
// would run to its end and succeed) now ends with context.Canceled
// within a few looks of it.
func TestLoadCancelledInTheFeatureStageStops(t *testing.T) {
	if _, err := os.Stat(cdnowMaster); err != nil {
		t.Skipf("shared data set not found: %v", err)
	}
	ctx := cancelat.New(0)
	const after = 50
	opts := textbookOptions()
	opts.Source = experiment.Source{Kind: "log", Path: cdnowMaster, Features: experiment.LogFeatures{BTYD: true}}
	opts.Open = func(p string) (io.ReadCloser, error) {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		return &cancelAtEnd{f: f, ctx: ctx, after: after}, nil
	}
	cfg := opts.Config
	cfg.Validation = experiment.OutOfTime
	msg, ok := loadCmd(ctx, 1, opts, cfg, nil, nil)().(loadedMsg)
	if !ok || !errors.Is(msg.err, contextCanceled) || msg.data != nil {
		t.Fatalf("the load cancelled in its feature stage ended with %v (data %v), want context.Canceled", msg.err, msg.data != nil)
	}
	// Past the cancelled look: the fit's remaining likelihoods of one
	// gradient, the optimiser's status and each caller's check, each a
	// return.
	const afterCancel = 16
	if at, looks := ctx.At(), ctx.Looks(); at == 0 || looks > at+afterCancel {
		t.Errorf("cancelled at look %d, the load looked %d times, want at most %d", at, looks, at+afterCancel)
	}
}
