package data

import (
	"bytes"
	"io"
	"io/fs"
	"sync"
	"time"
)

// Stage is what loading is doing with an input, for a progress display.
type Stage int

const (
	// StageReading: the input's bytes are being read (and parsed as they
	// come in).
	StageReading Stage = iota
	// StageParsing: every byte has been read; the reader is finishing the
	// table (or reading the input again, which Progress does not count).
	StageParsing
	// StageFeatures: an order log's lines are being turned into
	// per-customer features.
	StageFeatures
)

// Progress is how far the loading of one input has come.
type Progress struct {
	Stage Stage
	// Read is the bytes read so far, at most Size when Size is known.
	Read int64
	// Size is the input's size in bytes; 0 when unknown (a pipe).
	Size int64
	// Lines is the line ends read so far, counted only when Size is
	// unknown; -1 when not counted (a known size, or a compressed stream,
	// whose line ends are not the text's).
	Lines int64
}

// Fraction is the share of the input read, from 0 to 1, and whether it is
// known (the size is).
func (p Progress) Fraction() (float64, bool) {
	if p.Size <= 0 {
		return 0, false
	}
	return min(float64(p.Read)/float64(p.Size), 1), true
}

// Watched is an opened input that reports how far it has been read: see
// Watch. Loading tells it when it moves on to another Stage (SetStage).
type Watched interface {
	io.ReadCloser
	// SetStage reports that loading has moved on to stage.
	SetStage(stage Stage)
}

// Watch wraps an opened input so that report hears how far it has been
// read: as bytes come in at most once per every (the first time once
// every has passed since the input was opened), and at once when its end
// is reached or the stage changes (SetStage). Reads at an
// offset (Parquet, a workbook, a second reading) are counted as read
// bytes too, up to the size. The input keeps its random access
// (io.ReaderAt) when f has it with a size (its Size or Stat), so the
// readers treat it as they would f. report is called on the goroutine
// that reads (or sets the stage).
func Watch(f io.ReadCloser, every time.Duration, report func(Progress)) Watched {
	w := &watcher{f: f, every: every, report: report, last: time.Now()}
	size, sized := sizeOf(f)
	if sized {
		w.p.Size = size
		w.p.Lines = -1
	}
	if ra, ok := f.(io.ReaderAt); ok && sized {
		return &watcherAt{watcher: w, ra: ra}
	}
	return w
}

// watcher is Watch's input without random access.
type watcher struct {
	f      io.ReadCloser
	every  time.Duration
	report func(Progress)

	mu      sync.Mutex // a Parquet file may be read at offsets concurrently
	p       Progress
	last    time.Time // when the last report was made (or the input opened)
	started bool      // the first bytes have been seen
}

func (w *watcher) Read(b []byte) (int, error) {
	n, err := w.f.Read(b)
	w.count(b[:n], err == io.EOF)
	return n, err
}

// count adds the bytes b just read, end telling that the input has ended,
// and reports if it is time to.
func (w *watcher) count(b []byte, end bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.started && len(b) > 0 {
		w.started = true
		if w.p.Size == 0 && isGzip(b) {
			w.p.Lines = -1
		}
	}
	w.p.Read += int64(len(b))
	if w.p.Size > 0 {
		w.p.Read = min(w.p.Read, w.p.Size)
		end = end || w.p.Read == w.p.Size
	} else if w.p.Lines >= 0 {
		w.p.Lines += int64(bytes.Count(b, []byte{'\n'}))
	}
	if end && w.p.Stage == StageReading {
		w.p.Stage = StageParsing
		w.send()
		return
	}
	if now := time.Now(); now.Sub(w.last) >= w.every {
		w.send()
	}
}

// send reports the progress; w.mu is held.
func (w *watcher) send() {
	w.last = time.Now()
	w.report(w.p)
}

// SetStage reports that loading has moved on to stage.
func (w *watcher) SetStage(stage Stage) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if stage == w.p.Stage {
		return
	}
	w.p.Stage = stage
	if stage != StageReading && w.p.Size > 0 {
		w.p.Read = w.p.Size
	}
	w.send()
}

func (w *watcher) Close() error { return w.f.Close() }

// Stat reports the input's information, when it can give it.
func (w *watcher) Stat() (fs.FileInfo, error) {
	if st, ok := w.f.(interface{ Stat() (fs.FileInfo, error) }); ok {
		return st.Stat()
	}
	return nil, fs.ErrInvalid
}

// watcherAt is Watch's input with random access and a known size.
type watcherAt struct {
	*watcher
	ra io.ReaderAt
}

func (w *watcherAt) ReadAt(b []byte, off int64) (int, error) {
	n, err := w.ra.ReadAt(b, off)
	w.count(b[:n], false)
	return n, err
}

// Size is the input's size in bytes.
func (w *watcherAt) Size() int64 { return w.p.Size }
