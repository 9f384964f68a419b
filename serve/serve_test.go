package serve

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	gossh "golang.org/x/crypto/ssh"
)

// waitLimit bounds how long a test waits for something that should happen
// at once; it only turns a hang into a failure.
const waitLimit = 60 * time.Second

// testModel greets the session's user in orange, echoes keys, quits on q
// and panics on p.
type testModel struct {
	user   string
	keys   string
	notice string        // the last notice from the server
	closed *atomic.Int32 // counts Close calls
}

// Close records that the server closed the model.
func (m testModel) Close() { m.closed.Add(1) }

func (m testModel) Init() tea.Cmd { return nil }

func (m testModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if n, ok := msg.(interface{ Notice() string }); ok {
		m.notice = n.Notice()
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "q":
			return m, tea.Quit
		case "p":
			panic("test panic")
		default:
			m.keys += k.String()
		}
	}
	return m, nil
}

func (m testModel) View() tea.View {
	greeting := lipgloss.NewStyle().Foreground(lipgloss.Color("#ff8800")).Render("hello " + m.user)
	// The key line is blank until a key arrives, so the renderer, which
	// only redraws changed cells, writes it out whole.
	keys := ""
	if m.keys != "" {
		keys = "got:" + m.keys + "!"
	}
	v := tea.NewView(greeting + "\n" + keys + "\n" + m.notice)
	v.AltScreen = true
	return v
}

// fixture is a running server and what a client needs to reach it.
type fixture struct {
	addr    string
	hostKey gossh.PublicKey
	client  gossh.Signer // an authorized key
	srv     *Server
	cancel  context.CancelFunc
	served  chan error
	logs    *syncBuffer
	closed  atomic.Int32 // Close calls of every session's model
}

// newSigner makes a fresh Ed25519 key.
func newSigner(t *testing.T) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// start serves testModel on a free loopback port with cfg's limits; the
// host key and one authorized client key are filled in unless cfg is
// insecure.
func start(t *testing.T, cfg Config) *fixture {
	t.Helper()
	return startWith(t, cfg, nil)
}

// startWith is start, with set (if not nil) given the server before it
// serves, to replace what a test must control.
func startWith(t *testing.T, cfg Config, set func(*Server)) *fixture {
	t.Helper()
	host, _, err := HostKey(t.TempDir() + "/host_key")
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{hostKey: host.PublicKey(), client: newSigner(t), served: make(chan error, 1), logs: &syncBuffer{}}
	cfg.HostKey = host
	if !cfg.InsecureNoAuth {
		cfg.AuthorizedKeys = []gossh.PublicKey{f.client.PublicKey()}
	}
	if cfg.App == nil {
		cfg.App = func(si SessionInfo) tea.Model { return testModel{user: si.User, closed: &f.closed} }
	}
	cfg.Log = slog.New(slog.NewTextHandler(f.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	f.srv, err = New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f.addr = ln.Addr().String()
	if set != nil {
		set(f.srv)
	}
	ctx, cancel := context.WithCancel(context.Background())
	f.cancel = cancel
	go func() { f.served <- f.srv.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-f.served:
		case <-time.After(waitLimit):
			t.Error("server did not stop")
		}
	})
	return f
}

// dial connects as user with the given auth methods.
func (f *fixture) dial(user string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", f.addr, &gossh.ClientConfig{
		User: user, Auth: auth, HostKeyCallback: gossh.FixedHostKey(f.hostKey), Timeout: waitLimit,
	})
}

// dialCounting connects as user, as dial does, over a connection that
// counts the bytes it receives: got is closed once they reach n.
func (f *fixture) dialCounting(t *testing.T, user string, n int64) (c *gossh.Client, got <-chan struct{}) {
	t.Helper()
	nc, err := net.DialTimeout("tcp", f.addr, waitLimit)
	if err != nil {
		t.Fatal(err)
	}
	counted := &countingConn{Conn: nc, n: n, reached: make(chan struct{})}
	cc, chans, reqs, err := gossh.NewClientConn(counted, f.addr, &gossh.ClientConfig{
		User: user, Auth: []gossh.AuthMethod{gossh.PublicKeys(f.client)}, HostKeyCallback: gossh.FixedHostKey(f.hostKey),
	})
	if err != nil {
		nc.Close()
		t.Fatal(err)
	}
	return gossh.NewClient(cc, chans, reqs), counted.reached
}

// countingConn counts the bytes read from its connection and closes
// reached once they come to n.
type countingConn struct {
	net.Conn
	n       int64
	read    atomic.Int64
	reached chan struct{}
	once    sync.Once
}

func (c *countingConn) Read(p []byte) (int, error) {
	k, err := c.Conn.Read(p)
	if c.read.Add(int64(k)) >= c.n {
		c.once.Do(func() { close(c.reached) })
	}
	return k, err
}

// term is a client session with a pseudo-terminal and its output.
type term struct {
	client *gossh.Client
	sess   *gossh.Session
	stdin  io.WriteCloser
	out    *syncBuffer
	errOut *syncBuffer
	done   chan error
}

// openTerm opens a session on a new connection, with a PTY of the given
// TERM and extra environment, and starts its shell.
func (f *fixture) openTerm(t *testing.T, user, termName string, env map[string]string) *term {
	t.Helper()
	c, err := f.dial(user, gossh.PublicKeys(f.client))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return openOn(t, c, termName, env)
}

func openOn(t *testing.T, c *gossh.Client, termName string, env map[string]string) *term {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range env {
		if err := sess.Setenv(k, v); err != nil {
			t.Fatal(err)
		}
	}
	tm := &term{client: c, sess: sess, out: &syncBuffer{}, errOut: &syncBuffer{}, done: make(chan error, 1)}
	sess.Stdout, sess.Stderr = tm.out, tm.errOut
	if tm.stdin, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if termName != "" {
		if err := sess.RequestPty(termName, 24, 80, gossh.TerminalModes{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() { tm.done <- sess.Wait() }()
	return tm
}

// waitFor waits until the session's stdout contains s.
func (tm *term) waitFor(t *testing.T, s string) {
	t.Helper()
	if !tm.out.waitFor(s, waitLimit) {
		t.Fatalf("output never showed %q; got %q (stderr %q)", s, tm.out.String(), tm.errOut.String())
	}
}

// exit waits for the session to end and returns its exit status.
func (tm *term) exit(t *testing.T) int {
	t.Helper()
	select {
	case err := <-tm.done:
		var ee *gossh.ExitError
		switch {
		case err == nil:
			return 0
		case errors.As(err, &ee):
			return ee.ExitStatus()
		}
		t.Fatalf("session ended without an exit status: %v", err)
	case <-time.After(waitLimit):
		t.Fatalf("session did not end; output %q", tm.out.String())
	}
	return -1
}

// syncBuffer is a bytes.Buffer safe for one writer and many readers, which
// can wait for content.
type syncBuffer struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	changed chan struct{}
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.changed != nil {
		close(b.changed)
		b.changed = nil
	}
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitFor blocks until the content holds s or the limit passes.
func (b *syncBuffer) waitFor(s string, limit time.Duration) bool {
	return b.waitUntil(func(content string) bool { return strings.Contains(content, s) }, limit)
}

// waitUntil blocks until ok accepts the content or the limit passes.
func (b *syncBuffer) waitUntil(ok func(string) bool, limit time.Duration) bool {
	deadline := time.After(limit)
	for {
		b.mu.Lock()
		if ok(b.buf.String()) {
			b.mu.Unlock()
			return true
		}
		if b.changed == nil {
			b.changed = make(chan struct{})
		}
		ch := b.changed
		b.mu.Unlock()
		select {
		case <-ch:
		case <-deadline:
			return false
		}
	}
}

func TestIdleWarningInChinese(t *testing.T) {
	w := IdleWarning{Idle: 58 * time.Second, Left: 2 * time.Second}
	if got := w.NoticeIn("zh"); got != "已空闲 58s:2s 后关闭,按任意键保持连接" {
		t.Errorf("zh notice %q", got)
	}
	if got := w.NoticeIn("en"); got != w.Notice() {
		t.Errorf("en notice %q", got)
	}
}
