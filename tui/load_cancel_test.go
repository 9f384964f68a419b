package tui

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/datascreen"
)

// heldFile is a CSV whose first read waits until released: a load of it
// is in flight for as long as the test likes. reads counts the reads made
// of it; a load that goes on reading after its release makes more than one.
type heldFile struct {
	started chan struct{} // closed by the first read
	release chan struct{} // the first read returns once it is closed
	r       io.Reader

	mu    sync.Mutex
	reads int
}

func newHeldFile() *heldFile {
	var b strings.Builder
	b.WriteString("customerID,tenure,Churn\n")
	for i := range 400 {
		fmt.Fprintf(&b, "C%d,%d,%s\n", i, i%72, []string{"Yes", "No"}[i%2])
	}
	return &heldFile{started: make(chan struct{}), release: make(chan struct{}), r: strings.NewReader(b.String())}
}

func (h *heldFile) Read(p []byte) (int, error) {
	h.mu.Lock()
	h.reads++
	first := h.reads == 1
	h.mu.Unlock()
	if first {
		close(h.started)
		<-h.release
		p = p[:min(len(p), 32)] // the header and part of a row: the rest is left to read
	}
	return h.r.Read(p)
}

func (h *heldFile) Close() error { return nil }

func (h *heldFile) readCount() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.reads
}

// heldOptions loads the textbook and opens held.csv as h.
func heldOptions(h *heldFile) Options {
	opts := textbookOptions()
	opts.Open = func(p string) (io.ReadCloser, error) {
		if p == "held.csv" {
			return h, nil
		}
		return nil, errors.New("no such file: " + p)
	}
	return opts
}

// startHeld opens held.csv in m and runs its load in a goroutine until
// the file has been read once; the load's message comes on the channel.
func startHeld(t *testing.T, m Model, h *heldFile) (Model, <-chan tea.Msg) {
	t.Helper()
	m, cmd := update(t, m, datascreen.OpenMsg{Src: experiment.Source{Kind: "csv", Path: "held.csv"}})
	if cmd == nil {
		t.Fatal("opening held.csv gave no load")
	}
	out := make(chan tea.Msg, 1)
	go func() { out <- cmd() }()
	<-h.started
	return m, out
}

// TestNewLoadCancelsTheOneInFlight: each o, u, h or n on the Data screen
// started a full load and none was ever cancelled, so a served session
// could pile up loads that ran on (and held memory) minutes after it had
// gone (review20 #1). A new load now cancels the one in flight: released,
// the superseded load reads no more of its file, ends with the
// cancellation, and its result is dropped; the new load's data are
// installed.
func TestNewLoadCancelsTheOneInFlight(t *testing.T) {
	h := newHeldFile()
	m := loadedModel(t, heldOptions(h), 80, 24)
	m, first := startHeld(t, m, h)
	// The textbook again supersedes the held load.
	m, cmd := update(t, m, datascreen.OpenMsg{Src: experiment.Source{Kind: "textbook"}})
	close(h.release)
	msg := <-first
	lm, ok := msg.(loadedMsg)
	if !ok {
		t.Fatalf("the superseded load sent %T, want loadedMsg", msg)
	}
	if !errors.Is(lm.err, contextCanceled) {
		t.Errorf("the superseded load ended with %v, want its context cancelled", lm.err)
	}
	if n := h.readCount(); n != 1 {
		t.Errorf("the superseded load read its file %d times, want 1 (none after it was cancelled)", n)
	}
	before := m.data
	m, _ = update(t, m, msg)
	if m.data != before || m.err != nil {
		t.Errorf("the superseded load's result was installed (data changed: %v, error %v)", m.data != before, m.err)
	}
	m, _ = update(t, m, cmd())
	if m.data == nil || m.data.Source.Kind != "textbook" || m.loading != "" {
		t.Errorf("the new load was not installed: loading %q, error %v", m.loading, m.err)
	}
}

// TestCloseCancelsTheLoadInFlight: Model.Close stopped training, tuning
// and the rest but not a load, which ran on after its session had ended
// (review20 #1). Close now cancels it: released, the load reads no more.
func TestCloseCancelsTheLoadInFlight(t *testing.T) {
	h := newHeldFile()
	m := loadedModel(t, heldOptions(h), 80, 24)
	m, first := startHeld(t, m, h)
	m.Close()
	close(h.release)
	msg := <-first
	if lm, ok := msg.(loadedMsg); !ok || !errors.Is(lm.err, contextCanceled) {
		t.Errorf("the load ended with %T (error %v), want its context cancelled", msg, lm.err)
	}
	if n := h.readCount(); n != 1 {
		t.Errorf("the load read its file %d times after Close, want 1", n)
	}
	// A load asked for after Close does not read at all.
	h2 := newHeldFile()
	close(h2.release)
	m.opts.Open = heldOptions(h2).Open
	_, cmd := update(t, m, datascreen.OpenMsg{Src: experiment.Source{Kind: "csv", Path: "held.csv"}})
	if lm, ok := cmd().(loadedMsg); !ok || !errors.Is(lm.err, contextCanceled) {
		t.Errorf("a load after Close was not cancelled (error %v)", lm.err)
	}
	if n := h2.readCount(); n != 0 {
		t.Errorf("a load after Close read its file %d times, want 0", n)
	}
}
