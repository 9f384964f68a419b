package main

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/retainlab/retain/experiment"
)

// errDirectory is the cause when a folder is named where a file is wanted.
// It is an experiment.ErrNotRegularFile too, so the interface recognises
// it (and the TUI words it in Chinese).
var errDirectory error = directoryError{}

// directoryError is errDirectory's type.
type directoryError struct{}

func (directoryError) Error() string { return "is a directory, not a file" }

// Is makes errors.Is match experiment.ErrNotRegularFile.
func (directoryError) Is(target error) bool { return target == experiment.ErrNotRegularFile }

// openWithContext makes open give up when ctx is done: opening a named
// pipe blocks until a writer comes, so the open runs in a goroutine that
// is left behind (and closes what it opens) if ctx ends first; and the
// file returned stops reading with ctx's error, so that loading a large
// file ends soon after a signal. A folder is refused once opened (the
// opened file is asked, so no other path is looked at, and open keeps
// any restriction it has on which paths it opens).
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
			if err := refuseDirectory(path, o.f); err != nil {
				o.f.Close()
				return nil, err
			}
			r := newCtxReader(ctx, o.f)
			if ra, ok := o.f.(io.ReaderAt); ok {
				// Parquet is read by random access.
				return &ctxReaderAt{ctxReader: r, ra: ra}, nil
			}
			return r, nil
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

// refuseDirectory returns an error naming path if f, opened from path, is
// a directory (reading it would fail with a message repeating the path).
func refuseDirectory(path string, f io.ReadCloser) error {
	st, ok := f.(interface{ Stat() (fs.FileInfo, error) })
	if !ok {
		return nil
	}
	if info, err := st.Stat(); err == nil && info.IsDir() {
		return &experiment.DirectoryError{Path: path} // its path, for the TUI's Chinese
	}
	return nil
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

// ctxReaderAt is a ctxReader over a file that can also be read at an
// offset (Parquet input needs that), and can say its size.
type ctxReaderAt struct {
	*ctxReader
	ra io.ReaderAt
}

func (r *ctxReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if err := r.ctx.Err(); err != nil {
		return 0, err
	}
	return r.ra.ReadAt(p, off)
}

// Stat reports the file's information, when the file can give it.
func (r *ctxReaderAt) Stat() (fs.FileInfo, error) {
	if st, ok := r.f.(interface{ Stat() (fs.FileInfo, error) }); ok {
		return st.Stat()
	}
	return nil, fs.ErrInvalid
}
