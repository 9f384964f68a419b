package serve

import (
	"errors"
	"io"
	"log/slog"
	"net"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// raw opens a TCP connection to the server from the loopback address
// local ("127.0.0.2", say) that never speaks SSH. It skips the test when
// the system cannot bind that address (only Linux routes all of
// 127.0.0.0/8 to loopback without setup).
func (f *fixture) raw(t *testing.T, local string) net.Conn {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(local)}, Timeout: waitLimit}
	c, err := d.Dial("tcp", f.addr)
	if err != nil {
		if strings.Contains(err.Error(), "assign requested address") {
			t.Skipf("cannot connect from %s here: %v", local, err)
		}
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	_ = c.SetDeadline(time.Now().Add(waitLimit))
	return c
}

// admitted reads the version line of a raw connection, which the server
// writes only once it has let the connection in.
func admitted(t *testing.T, c net.Conn) {
	t.Helper()
	if line, err := readLine(c); err != nil || !strings.HasPrefix(line, "SSH-2.0-") {
		t.Fatalf("a connection from %s read %q, %v; want the SSH version", c.LocalAddr(), line, err)
	}
}

// turnedAway reads a raw connection to its end and checks it held only the
// line saying why it was refused.
func turnedAway(t *testing.T, c net.Conn, why string) {
	t.Helper()
	got, err := io.ReadAll(c)
	if err != nil {
		t.Fatalf("a connection beyond the limits was not closed: %v (read %q)", err, got)
	}
	if want := "retain: " + why + "\r\n"; string(got) != want {
		t.Fatalf("a connection beyond the limits read %q, want %q", got, want)
	}
}

// termFrom opens a session as user on a connection from local.
func (f *fixture) termFrom(t *testing.T, local, user string) *term {
	t.Helper()
	c, err := f.dialFrom(t, local, user)
	if err != nil {
		t.Fatalf("an authorised user from %s was refused: %v", local, err)
	}
	t.Cleanup(func() { c.Close() })
	return openOn(t, c, "xterm-256color", nil)
}

// dialFrom logs in as user with the authorized key over a connection from
// local.
func (f *fixture) dialFrom(t *testing.T, local, user string) (*gossh.Client, error) {
	t.Helper()
	nc := f.raw(t, local)
	_ = nc.SetDeadline(time.Time{})
	cc, chans, reqs, err := gossh.NewClientConn(nc, f.addr, &gossh.ClientConfig{
		User: user, Auth: []gossh.AuthMethod{gossh.PublicKeys(f.client)},
		HostKeyCallback: gossh.FixedHostKey(f.hostKey), Timeout: waitLimit,
	})
	if err != nil {
		return nil, err
	}
	return gossh.NewClient(cc, chans, reqs), nil
}

const (
	fullFromSource = "too many connections from your address are logging in; please try again later"
	fullHandshakes = "too many connections are logging in; please try again later"
)

func TestSilentConnectionsTakeNoSession(t *testing.T) {
	f := start(t, Config{MaxSessions: 1, MaxHandshakesPerSource: 8})
	// Five connections that never speak SSH hold five of the places for
	// connections logging in, and none for sessions.
	for range 5 {
		admitted(t, f.raw(t, "127.0.0.1"))
	}
	// Two logged-in connections without a session hold nothing either.
	for range 2 {
		c, err := f.dial("idle", gossh.PublicKeys(f.client))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
	}
	alice := f.openTerm(t, "alice", "xterm-256color", nil)
	alice.waitFor(t, "hello alice")
	// The one session is the only thing that fills the server, and the next
	// user to log in is told so.
	bob := f.openTerm(t, "bob", "xterm-256color", nil)
	if code := bob.exit(t); code != 1 {
		t.Errorf("a session beyond the limit: exit status %d, want 1 (output %q)", code, bob.out.String())
	}
	if want := "retain: the server is full (at most 1 session); please try again later\r\n"; bob.errOut.String() != want {
		t.Errorf("stderr %q, want %q", bob.errOut.String(), want)
	}
}

func TestFloodFromOneAddressLeavesOtherAddressesIn(t *testing.T) {
	f := start(t, Config{MaxSessions: 2, MaxHandshakesPerSource: 3, MaxHandshakes: 10})
	for range 3 {
		admitted(t, f.raw(t, "127.0.0.1"))
	}
	for range 20 {
		turnedAway(t, f.raw(t, "127.0.0.1"), fullFromSource)
	}
	// The flooding address cannot log in either, even with a key…
	if c, err := f.dialFrom(t, "127.0.0.1", "mallory"); err == nil {
		c.Close()
		t.Error("a fourth connection from the flooding address logged in")
	}
	// …but users elsewhere are served as if nothing happened.
	alice := f.termFrom(t, "127.0.0.2", "alice")
	alice.waitFor(t, "hello alice")
	bob := f.termFrom(t, "127.0.0.3", "bob")
	bob.waitFor(t, "hello bob")
	if !f.logs.waitFor("reason=\""+fullFromSource+"\"", waitLimit) {
		t.Errorf("the refusals were not logged: %s", f.logs.String())
	}
}

func TestConnectionsLoggingInHaveTheirOwnLimit(t *testing.T) {
	f := start(t, Config{MaxSessions: 1, MaxHandshakes: 2, MaxHandshakesPerSource: 2})
	first := f.raw(t, "127.0.0.2")
	admitted(t, first)
	admitted(t, f.raw(t, "127.0.0.3"))
	turnedAway(t, f.raw(t, "127.0.0.4"), fullHandshakes)
	// A connection that gives up gives its place back.
	first.Close()
	if !f.logs.waitFor("msg=\"connection closed\" remote=127.0.0.2:", waitLimit) {
		t.Fatalf("the server never saw the first connection close: %s", f.logs.String())
	}
	alice := f.termFrom(t, "127.0.0.4", "alice")
	alice.waitFor(t, "hello alice")
	// Logged in, alice holds a session and no place among those logging
	// in: another user takes that place, and hears the server is full.
	bob := f.termFrom(t, "127.0.0.5", "bob")
	if code := bob.exit(t); code != 1 {
		t.Errorf("a second session: exit status %d, want 1", code)
	}
	if want := "retain: the server is full (at most 1 session); please try again later\r\n"; bob.errOut.String() != want {
		t.Errorf("stderr %q, want %q", bob.errOut.String(), want)
	}
}

func TestHandshakeDeadlineClosesConnectionsThatNeverLogIn(t *testing.T) {
	// Long enough for a login under -race on a loaded machine, short enough
	// to wait out.
	const deadline = 2 * time.Second
	f := start(t, Config{HandshakeTimeout: deadline, MaxHandshakesPerSource: 1})
	alice := f.openTerm(t, "alice", "xterm-256color", nil)
	alice.waitFor(t, "hello alice")
	// Alice has logged in, so her connection no longer counts: the one
	// place of her address is free for a connection that never speaks.
	silent := f.raw(t, "127.0.0.1")
	opened := time.Now()
	got, err := io.ReadAll(silent)
	if err != nil || !strings.HasPrefix(string(got), "SSH-2.0-") {
		t.Fatalf("the silent connection read %q, %v; want the version, then the end", got, err)
	}
	if waited := time.Since(opened); waited < deadline {
		t.Errorf("the silent connection was closed after %v, before the %v deadline", waited, deadline)
	}
	if !f.logs.waitFor("msg=\"connection closed: not logged in\"", waitLimit) {
		t.Errorf("the deadline was not logged: %s", f.logs.String())
	}
	// Its place is free again…
	admitted(t, f.raw(t, "127.0.0.1"))
	// …and alice, who connected before the silent one, outlived the
	// deadline: it bounds the login, not the connection.
	if _, err := alice.stdin.Write([]byte("x")); err != nil {
		t.Fatal(err)
	}
	alice.waitFor(t, "got:x!")
}

func TestLoggedInConnectionsWithoutASessionTimeOut(t *testing.T) {
	// Long enough for a handshake and a session request under -race on a
	// loaded machine (the timer runs from login), short enough to wait out.
	f := start(t, Config{NoSessionTimeout: 3 * time.Second})
	c, err := f.dial("idle", gossh.PublicKeys(f.client))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	closed := make(chan error, 1)
	go func() { closed <- c.Wait() }()
	select {
	case <-closed:
	case <-time.After(waitLimit):
		t.Fatal("a connection without a session was never closed")
	}
	if !f.logs.waitFor("connection closed: no session", waitLimit) {
		t.Errorf("the timeout was not logged: %s", f.logs.String())
	}
	// A session keeps its connection open past the timeout.
	tm := f.openTerm(t, "alice", "xterm-256color", nil)
	tm.waitFor(t, "hello alice")
	if _, err := tm.stdin.Write([]byte("x")); err != nil {
		t.Fatal(err)
	}
	tm.waitFor(t, "got:x!")
}

func TestIdleSessionIsWarnedThenClosed(t *testing.T) {
	f := start(t, Config{IdleTimeout: 3 * time.Second, IdleWarning: 2900 * time.Millisecond})
	tm := f.openTerm(t, "alice", "xterm-256color", nil)
	tm.waitFor(t, "hello alice")
	tm.waitFor(t, "unless you press a key")
	if code := tm.exit(t); code != 0 {
		t.Errorf("exit status %d after the idle timeout, want 0", code)
	}
	if want := "retain: closing: idle for 3s; goodbye."; !strings.Contains(tm.out.String(), want) {
		t.Errorf("output %q lacks %q", tm.out.String(), want)
	}
	f.waitSessionEnded(t, "INFO", "alice", "idle", ` detail="closing: idle for 3s"`)
}

// readLine reads up to a newline, one byte at a time.
func readLine(r io.Reader) (string, error) {
	var b strings.Builder
	var c [1]byte
	for {
		if _, err := io.ReadFull(r, c[:]); err != nil {
			return b.String(), err
		}
		b.WriteByte(c[0])
		if c[0] == '\n' {
			return b.String(), nil
		}
	}
}

// stalledSigner holds an authorized key's public half and signs nothing:
// its client asks the server whether the key would do, hears yes, and
// then waits in Sign until release is closed.
type stalledSigner struct {
	gossh.Signer
	asked   chan struct{}
	release chan struct{}
}

func (s stalledSigner) Sign(io.Reader, []byte) (*gossh.Signature, error) {
	close(s.asked)
	<-s.release
	return nil, errors.New("this signer never signs")
}

func TestAnAuthorizedPublicKeyAloneDoesNotLogIn(t *testing.T) {
	f := start(t, Config{MaxHandshakesPerSource: 1})
	signer := stalledSigner{Signer: f.client, asked: make(chan struct{}), release: make(chan struct{})}
	dialed := make(chan error, 1)
	go func() {
		c, err := f.dial("mallory", gossh.PublicKeys(signer))
		if err == nil {
			c.Close()
		}
		dialed <- err
	}()
	select {
	case <-signer.asked:
	case <-time.After(waitLimit):
		t.Fatal("the client never got to signing")
	}
	// The server has said the key would do, and the connection still holds
	// its address's one place among those logging in.
	turnedAway(t, f.raw(t, "127.0.0.1"), fullFromSource)
	close(signer.release)
	if err := <-dialed; err == nil {
		t.Fatal("a client that signed nothing logged in")
	}
}

// TestNoSessionTimerStaysStoppedOnceClosed: when a client left during its
// session, the connection closed before the session ended, and the
// session's end armed the no-session timer again: NoSessionTimeout later
// the server logged "connection closed: no session" for a connection long
// gone.
func TestNoSessionTimerStaysStoppedOnceClosed(t *testing.T) {
	s := &Server{cfg: Config{NoSessionTimeout: time.Hour}, log: slog.New(slog.DiscardHandler)}
	local, remote := net.Pipe()
	defer remote.Close()
	c := &conn{Conn: local, srv: s}
	c.logIn()
	if !c.sessionStarted() {
		t.Fatal("a session was refused on a fresh connection")
	}
	_ = c.Close()
	c.sessionEnded()
	if c.timer.Stop() {
		t.Error("the no-session timer was armed again on a closed connection")
	}
}
