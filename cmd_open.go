package main

import (
	"context"
	"errors"
	"io"
	"os"
	"time"

	"github.com/retainlab/retain/experiment"
)

// openWithContext makes open give up when ctx is done: opening a named
// pipe blocks until a writer comes, so the open runs in a goroutine that
// is left behind (and closes what it opens) if ctx ends first; and the
// file returned stops reading with ctx's error, so that loading a large
// file ends soon after a signal.
func openWithContext(ctx context.Context, open experiment.Opener) experiment.Opener {
	return func(path string) (io.ReadCloser, error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		type opened struct {
			f   io.ReadCloser
			err error
		}
		ch := make(chan opened, 1)
		go func() {
			f, err := open(path)
			ch <- opened{f, err}
		}()
		select {
		case o := <-ch:
			if o.err != nil {
				return nil, o.err
			}
			return newCtxReader(ctx, o.f), nil
		case <-ctx.Done():
			go func() {
				if o := <-ch; o.err == nil {
					o.f.Close()
				}
			}()
			return nil, ctx.Err()
		}
	}
}

// ctxReader is a file that stops reading once its context is done. A
// read blocked on a pipe is woken by a past deadline.
type ctxReader struct {
	ctx  context.Context
	f    io.ReadCloser
	stop func() bool
}

func newCtxReader(ctx context.Context, f io.ReadCloser) *ctxReader {
	r := &ctxReader{ctx: ctx, f: f}
	if d, ok := f.(interface{ SetReadDeadline(time.Time) error }); ok {
		r.stop = context.AfterFunc(ctx, func() { _ = d.SetReadDeadline(time.Unix(1, 0)) })
	}
	return r
}

func (r *ctxReader) Read(p []byte) (int, error) {
	if err := r.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := r.f.Read(p)
	if err != nil && errors.Is(err, os.ErrDeadlineExceeded) && r.ctx.Err() != nil {
		err = r.ctx.Err()
	}
	return n, err
}

func (r *ctxReader) Close() error {
	if r.stop != nil {
		r.stop()
	}
	return r.f.Close()
}
