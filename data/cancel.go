package data

import (
	"context"
	"io"
)

// WithContext wraps an opened input so that, once ctx is done, every read
// fails with ctx's error: the readers' row loops pull their bytes through
// it, so a cancelled load stops within one buffer of where it was instead
// of reading the rest of the file. The input keeps its random access
// (io.ReaderAt, as Parquet and workbooks are read) and its size when f has
// them, so the readers treat it as they would f.
func WithContext(ctx context.Context, f io.ReadCloser) io.ReadCloser {
	c := &ctxInput{ctx: ctx, f: f}
	if ra, ok := f.(io.ReaderAt); ok {
		if size, sized := sizeOf(f); sized {
			return &ctxInputAt{ctxInput: c, ra: ra, size: size}
		}
	}
	return c
}

// ctxInput is WithContext's input without random access.
type ctxInput struct {
	ctx context.Context
	f   io.ReadCloser
}

func (c *ctxInput) Read(b []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.f.Read(b)
}

func (c *ctxInput) Close() error { return c.f.Close() }

// ctxInputAt is WithContext's input with random access and a known size.
type ctxInputAt struct {
	*ctxInput
	ra   io.ReaderAt
	size int64
}

func (c *ctxInputAt) ReadAt(b []byte, off int64) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.ra.ReadAt(b, off)
}

// Size is the input's size in bytes.
func (c *ctxInputAt) Size() int64 { return c.size }

// pollEvery is how many orders, lines or customers a long loop of the
// feature stage (BuildCohortContext) goes through between two looks at its
// context: some milliseconds of work at most, so a cancelled load stops
// within about that, and the look costs nothing measurable
// (BenchmarkBuildCohort). A power of two, for poll.at's mask.
const pollEvery = 1 << 13

// poll is the context of a long computation, looked at every pollEvery
// steps of its loops. Once it has been seen done, every later look (of
// this loop or the next) stops at once, and err holds its error. A nil
// *poll never stops.
type poll struct {
	ctx context.Context
	err error
}

// newPoll returns the poll of ctx.
func newPoll(ctx context.Context) *poll { return &poll{ctx: ctx} }

// at reports whether a loop at step i should stop: at every pollEvery-th
// step it looks at the context.
func (p *poll) at(i int) bool {
	return i&(pollEvery-1) == 0 && p.stopped()
}

// stopped looks at the context now and reports whether it is done. It is
// kept out of line so that at, called at every step, is inlined.
//
//go:noinline
func (p *poll) stopped() bool {
	if p == nil {
		return false
	}
	if p.err == nil {
		p.err = p.ctx.Err()
	}
	return p.err != nil
}
