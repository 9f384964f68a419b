package serve

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"
)

// fillModel fills its whole window, so every resize redraws every cell,
// and notes each size it is given in sizes ("80x24;"); q quits. A loud one
// gives each cell colours of its own, some 40 bytes of output a cell.
type fillModel struct {
	width, height int
	sizes         *syncBuffer
	loud          bool
}

func (m fillModel) Init() tea.Cmd { return nil }

func (m fillModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		fmt.Fprintf(m.sizes, "%dx%d;", msg.Width, msg.Height)
	case tea.KeyPressMsg:
		if msg.String() == "q" {
			return m, tea.Quit
		}
	}
	return m, nil
}

func (m fillModel) View() tea.View {
	var b strings.Builder
	for y := range m.height {
		if y > 0 {
			b.WriteByte('\n')
		}
		if !m.loud {
			b.WriteString(strings.Repeat(string(rune('a'+m.width%26)), m.width))
			continue
		}
		for x := range m.width {
			fmt.Fprintf(&b, "\x1b[38;2;%d;%d;1m\x1b[48;2;1;%d;%dm#", x%256, y%256, x%256, y%256)
		}
	}
	if m.loud && m.width > 0 {
		// The frame is built: the renderer writes it next (a test of a
		// client that reads nothing waits for this).
		fmt.Fprint(m.sizes, "frame;")
	}
	v := tea.NewView(b.String())
	v.AltScreen = true
	return v
}

// fillApp serves fillModels that note their sizes in sizes.
func fillApp(sizes *syncBuffer, loud bool) func(SessionInfo) tea.Model {
	return func(si SessionInfo) tea.Model {
		return fillModel{width: si.Width, height: si.Height, sizes: sizes, loud: loud}
	}
}

// ptyRequest is the payload of a "pty-req" (RFC 4254 §6.2).
type ptyRequest struct {
	Term                string
	Columns, Rows, W, H uint32
	Modes               string
}

// windowChange is the payload of a "window-change" (RFC 4254 §6.7).
type windowChange struct{ Columns, Rows, W, H uint32 }

// openRaw opens a session channel on c whose output is read into out (nil:
// never read) and whose requests the caller sends itself.
func openRaw(t *testing.T, c *gossh.Client, out io.Writer) gossh.Channel {
	t.Helper()
	ch, reqs, err := c.OpenChannel("session", nil)
	if err != nil {
		t.Fatal(err)
	}
	go gossh.DiscardRequests(reqs)
	if out != nil {
		go func() { _, _ = io.Copy(out, ch) }()
	}
	return ch
}

// request sends a request that wants a reply and returns the reply,
// failing the test if none comes.
func request(t *testing.T, ch gossh.Channel, kind string, payload []byte) bool {
	t.Helper()
	type reply struct {
		ok  bool
		err error
	}
	got := make(chan reply, 1)
	go func() {
		ok, err := ch.SendRequest(kind, true, payload)
		got <- reply{ok, err}
	}()
	select {
	case r := <-got:
		if r.err != nil {
			t.Fatalf("%s request: %v", kind, r.err)
		}
		return r.ok
	case <-time.After(waitLimit):
		t.Fatalf("the server never answered a %s request", kind)
	}
	return false
}

// startShell asks for a pseudo-terminal of the given size and a shell.
func startShell(t *testing.T, ch gossh.Channel, width, height uint32) {
	t.Helper()
	if !request(t, ch, "pty-req", gossh.Marshal(ptyRequest{Term: "xterm", Columns: width, Rows: height})) {
		t.Fatal("pty refused")
	}
	if !request(t, ch, "shell", nil) {
		t.Fatal("shell refused")
	}
}

// TestWindowChangeFloodKeepsTheSessionResponsive: a client that sends
// thousands of window changes while its program redraws a screen of 1000 ×
// 300 cells for each must not freeze the session. (Each change used to be
// handed to the program one by one from the connection's request loop; the
// program, blocked writing to a client whose window adjustments queued
// behind those changes, never took the next: the session froze for good
// and kept its place among MaxSessions.)
func TestWindowChangeFloodKeepsTheSessionResponsive(t *testing.T) {
	sizes := &syncBuffer{}
	f := start(t, Config{MaxSessions: 1, App: fillApp(sizes, false)})
	c, err := f.dial("alice", gossh.PublicKeys(f.client))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ch := openRaw(t, c, io.Discard)
	startShell(t, ch, MaxWidth, MaxHeight)
	if !sizes.waitFor(fmt.Sprintf("%dx%d;", MaxWidth, MaxHeight), waitLimit) {
		t.Fatalf("the program never started; sizes %q", sizes.String())
	}
	for i := range 5000 {
		w := windowChange{Columns: uint32(MaxWidth - i%2), Rows: uint32(MaxHeight - i%2)}
		if _, err := ch.SendRequest("window-change", false, gossh.Marshal(w)); err != nil {
			t.Fatal(err)
		}
	}
	if !request(t, ch, "window-change", gossh.Marshal(windowChange{Columns: 123, Rows: 45})) {
		t.Fatal("the last window change was refused")
	}
	if !sizes.waitFor("123x45;", waitLimit) {
		t.Fatalf("the program never saw the last size; it saw %d sizes", strings.Count(sizes.String(), ";"))
	}
	if _, err := ch.Write([]byte("q")); err != nil {
		t.Fatal(err)
	}
	// The session ended and gave its place back: another one is served.
	if !f.logs.waitFor("session closed", waitLimit) {
		t.Fatalf("the session never ended: %s", f.logs.String())
	}
	tm := f.openTerm(t, "bob", "xterm-256color", nil)
	if _, err := tm.stdin.Write([]byte("q")); err != nil {
		t.Fatal(err)
	}
	if code := tm.exit(t); code != 0 {
		t.Fatalf("a session after the flood exited %d: %q", code, tm.errOut.String())
	}
}

// TestWindowChangeBeforeTheShell: a window change between the pty request
// and the shell used to block the connection's request loop, as nobody
// read the size until the session ran, so the shell request was never
// answered. The program starts at the last size the client gave.
func TestWindowChangeBeforeTheShell(t *testing.T) {
	log := &sizeLog{}
	f := start(t, Config{App: func(si SessionInfo) tea.Model {
		log.add(si.Width, si.Height)
		return sizeModel{sizes: log}
	}})
	c, err := f.dial("alice", gossh.PublicKeys(f.client))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	out := &syncBuffer{}
	ch := openRaw(t, c, out)
	if !request(t, ch, "pty-req", gossh.Marshal(ptyRequest{Term: "xterm", Columns: 80, Rows: 24})) {
		t.Fatal("pty refused")
	}
	for i := range uint32(3) {
		if _, err := ch.SendRequest("window-change", false, gossh.Marshal(windowChange{Columns: 100 + i, Rows: 30 + i})); err != nil {
			t.Fatal(err)
		}
	}
	if !request(t, ch, "shell", nil) {
		t.Fatal("shell refused")
	}
	if !out.waitFor("ready", waitLimit) {
		t.Fatalf("the session never rendered: %q", out.String())
	}
	if got := log.all(); got[0] != "102x32" {
		t.Errorf("the session started with sizes %q, want 102x32 first", got)
	}
	if _, err := ch.Write([]byte("q")); err != nil {
		t.Fatal(err)
	}
}

// TestEnvironmentIsBounded: the library kept every env request a client
// sent before its shell; 10 000 of 30 KB took a server from 34 MB to 473
// MB. A session keeps at most MaxEnvVars variables of at most MaxEnvBytes
// in all, and refuses the rest.
func TestEnvironmentIsBounded(t *testing.T) {
	f := start(t, Config{})
	c, err := f.dial("alice", gossh.PublicKeys(f.client))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	type variable struct{ Key, Value string }
	ch := openRaw(t, c, io.Discard)
	for i := range MaxEnvVars {
		if !request(t, ch, "env", gossh.Marshal(variable{fmt.Sprintf("K%d", i), "v"})) {
			t.Fatalf("variable %d of %d was refused", i+1, MaxEnvVars)
		}
	}
	if request(t, ch, "env", gossh.Marshal(variable{"ONE_MORE", "v"})) {
		t.Errorf("a variable beyond the first %d was accepted", MaxEnvVars)
	}
	ch = openRaw(t, c, io.Discard)
	if request(t, ch, "env", gossh.Marshal(variable{"BIG", strings.Repeat("A", MaxEnvBytes)})) {
		t.Errorf("a variable of %d bytes was accepted", MaxEnvBytes)
	}
	if !request(t, ch, "env", gossh.Marshal(variable{"LANG", "C.UTF-8"})) {
		t.Error("a small variable after a refused big one was refused")
	}
}

// TestSessionChannelsPerConnectionAreBounded: each session channel holds
// its requests' state until it closes, so one connection may hold only
// MaxChannelsPerConn open; the next is refused for want of resources.
func TestSessionChannelsPerConnectionAreBounded(t *testing.T) {
	f := start(t, Config{})
	c, err := f.dial("alice", gossh.PublicKeys(f.client))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for range MaxChannelsPerConn {
		openRaw(t, c, io.Discard)
	}
	_, _, err = c.OpenChannel("session", nil)
	var oe *gossh.OpenChannelError
	if !errors.As(err, &oe) || oe.Reason != gossh.ResourceShortage {
		t.Fatalf("channel %d on one connection: %v, want a refusal for want of resources", MaxChannelsPerConn+1, err)
	}
}
