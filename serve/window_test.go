package serve

import (
	"encoding/binary"
	"fmt"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"
)

// sizeModel shows every window size it is given; q quits.
type sizeModel struct {
	sizes *sizeLog
}

// sizeLog collects the sizes a session's program and factory were given.
type sizeLog struct {
	mu    sync.Mutex
	sizes []string
}

func (l *sizeLog) add(w, h int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sizes = append(l.sizes, fmt.Sprintf("%dx%d", w, h))
}

func (l *sizeLog) all() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.sizes...)
}

func (m sizeModel) Init() tea.Cmd { return nil }

func (m sizeModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.sizes.add(msg.Width, msg.Height)
	case tea.KeyPressMsg:
		if msg.String() == "q" {
			return m, tea.Quit
		}
	}
	return m, nil
}

func (m sizeModel) View() tea.View { return tea.NewView("ready") }

// TestWindowSizeIsBounded: the client alone says how big its terminal is,
// and the renderer and application allocate per cell. A session announced
// as 1500×500 and resized to 1200×800 and 5000×1 is drawn within
// MaxWidth × MaxHeight. (Unbounded, a client's 30000×30000 made the server
// allocate until the runtime killed it, every session with it.)
func TestWindowSizeIsBounded(t *testing.T) {
	log := &sizeLog{}
	f := start(t, Config{App: func(si SessionInfo) tea.Model {
		log.add(si.Width, si.Height)
		return sizeModel{sizes: log}
	}})
	c, err := f.dial("mallory", gossh.PublicKeys(f.client))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out := &syncBuffer{}
	sess.Stdout, sess.Stderr = out, out
	stdin, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm", 500, 1500, nil); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	if !out.waitFor("ready", waitLimit) {
		t.Fatalf("the session never rendered: %q", out.String())
	}
	for _, size := range [][2]uint32{{1200, 800}, {5000, 1}} {
		payload := make([]byte, 16)
		binary.BigEndian.PutUint32(payload[0:], size[0])
		binary.BigEndian.PutUint32(payload[4:], size[1])
		if _, err := sess.SendRequest("window-change", true, payload); err != nil {
			t.Fatal(err)
		}
	}
	// Sizes are coalesced, the program given the latest: the last change,
	// clamped, is the last size it sees.
	last := fmt.Sprintf("%dx1", MaxWidth)
	if !out.waitUntil(func(string) bool { all := log.all(); return all[len(all)-1] == last }, waitLimit) {
		t.Fatalf("the program saw sizes %q, want %s last", log.all(), last)
	}
	if _, err := stdin.Write([]byte("q")); err != nil {
		t.Fatal(err)
	}
	_ = sess.Wait()
	for _, s := range log.all() {
		var w, h int
		if _, err := fmt.Sscanf(s, "%dx%d", &w, &h); err != nil {
			t.Fatal(err)
		}
		if w > MaxWidth || h > MaxHeight {
			t.Errorf("the program was given a %s window, beyond %dx%d (all: %q)", s, MaxWidth, MaxHeight, log.all())
		}
	}
}
