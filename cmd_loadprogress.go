package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// loadEvery is how often the line of a file being read is redrawn: a few
// times a second, however fast the rows come in. A file read sooner than
// that shows no line at all.
const loadEvery = 250 * time.Millisecond

// watchLoads makes every file open opens say on w, a terminal width
// columns wide (0: unknown), how far it has been read: one line, drawn
// over in place a few times a second from loadEvery after it was opened
// until it is closed, then erased. Only for a terminal: run gives it
// stderr only when stderr is one (isTerminal), as the training progress
// does, so scripts and CI logs get no progress noise. Standard input
// typed at a terminal (typedStdin) is not watched: the line would be
// drawn over what the user types.
func watchLoads(open experiment.Opener, w io.Writer, width int, typedStdin bool) experiment.Opener {
	pr := &loadPrinter{w: w, width: width}
	return func(path string) (io.ReadCloser, error) {
		f, err := open(path)
		if err != nil || (path == stdinPath && typedStdin) {
			return f, err
		}
		name := path
		if path != stdinPath {
			name = filepath.Base(path)
		}
		if !utf8.ValidString(name) || strings.ContainsFunc(name, unicode.IsControl) {
			name = strconv.Quote(name) // no escape sequence reaches the terminal
		}
		l := &loadLine{pr: pr, name: name, start: time.Now(), done: make(chan struct{}), stopped: make(chan struct{})}
		l.Watched = data.Watch(f, loadEvery/2, l.reported)
		go l.run()
		if ra, ok := l.Watched.(io.ReaderAt); ok {
			if sized, ok := l.Watched.(interface{ Size() int64 }); ok {
				// Parquet and workbooks are read at offsets.
				return &loadLineAt{loadLine: l, ra: ra, size: sized.Size()}, nil
			}
		}
		return l, nil
	}
}

// loadPrinter draws the line of the file being read; files read at once
// (several data sets) take turns on it.
type loadPrinter struct {
	w     io.Writer
	width int

	mu    sync.Mutex
	drawn bool // a line is on screen
}

// draw replaces the line on screen with line.
func (p *loadPrinter) draw(line string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.width > 1 && ansi.StringWidth(line) >= p.width {
		line = ansi.Truncate(line, p.width-1, "")
	}
	fmt.Fprint(p.w, "\r\x1b[K"+line)
	p.drawn = true
}

// clear erases the line on screen, if any.
func (p *loadPrinter) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}

// loadLine is one opened file whose reading is drawn by its printer.
type loadLine struct {
	data.Watched
	pr    *loadPrinter
	name  string
	start time.Time

	mu   sync.Mutex
	p    data.Progress
	seen bool

	done, stopped chan struct{}
	once          sync.Once
}

func (l *loadLine) reported(p data.Progress) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.p, l.seen = p, true
}

// run redraws the line every loadEvery until the file is closed.
func (l *loadLine) run() {
	defer close(l.stopped)
	t := time.NewTicker(loadEvery)
	defer t.Stop()
	for {
		select {
		case <-l.done:
			return
		case <-t.C:
			l.mu.Lock()
			p, seen := l.p, l.seen
			l.mu.Unlock()
			if seen {
				l.pr.draw(loadText(l.name, p, time.Since(l.start)))
			}
		}
	}
}

// Close closes the file and erases its line.
func (l *loadLine) Close() error {
	err := l.Watched.Close()
	l.once.Do(func() {
		close(l.done)
		<-l.stopped
		l.pr.clear()
	})
	return err
}

// loadText is the line of a file being read.
func loadText(name string, p data.Progress, elapsed time.Duration) string {
	stage := "reading"
	switch p.Stage {
	case data.StageParsing:
		stage = "parsing"
	case data.StageFeatures:
		stage = "building per-customer features"
	}
	s := name + ": " + stage
	if frac, ok := p.Fraction(); ok && p.Stage != data.StageFeatures {
		s += fmt.Sprintf(" %3.0f%% %s %s/%s", 100*frac, bar(frac), data.Bytes(float64(p.Read)), data.Bytes(float64(p.Size)))
	} else if !ok && p.Lines >= 0 {
		s += fmt.Sprintf(" - %s rows (%s)", data.Thousands(int(p.Lines)), data.Bytes(float64(p.Read)))
	} else if !ok {
		s += fmt.Sprintf(" - %s (compressed)", data.Bytes(float64(p.Read)))
	}
	return s + " - " + formatSeconds(elapsed)
}

// loadLineAt is a loadLine of a file read at offsets, of a known size.
type loadLineAt struct {
	*loadLine
	ra   io.ReaderAt
	size int64
}

func (l *loadLineAt) ReadAt(b []byte, off int64) (int, error) { return l.ra.ReadAt(b, off) }

// Size is the file's size in bytes.
func (l *loadLineAt) Size() int64 { return l.size }
