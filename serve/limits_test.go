package serve

import (
	"io"
	"net"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

func TestConnectionsWithoutASessionCountAgainstTheLimit(t *testing.T) {
	f := start(t, Config{MaxSessions: 2})
	// Two clients log in and open no session: they hold both places.
	for range 2 {
		c, err := f.dial("idle", gossh.PublicKeys(f.client))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
	}
	third := f.openTerm(t, "carol", "xterm-256color", nil)
	if code := third.exit(t); code != 1 {
		t.Errorf("a session beyond two held connections: exit status %d, want 1 (output %q)", code, third.out.String())
	}
	full := "retain: the server is full (at most 2 sessions); please try again later"
	if !strings.Contains(third.errOut.String(), full) {
		t.Errorf("stderr %q, want %q", third.errOut.String(), full)
	}
	// As many again are let through the handshake to hear that; beyond
	// them a connection is told before the SSH version and closed.
	held, err := net.Dial("tcp", f.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	// Its version line shows it was let in before the next one comes.
	_ = held.SetDeadline(time.Now().Add(waitLimit))
	if line, err := readLine(held); err != nil || !strings.HasPrefix(line, "SSH-2.0-") {
		t.Fatalf("the connection within the overflow read %q, %v; want the SSH version", line, err)
	}
	raw, err := net.Dial("tcp", f.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	_ = raw.SetDeadline(time.Now().Add(waitLimit))
	got, err := io.ReadAll(raw)
	if err != nil {
		t.Fatalf("the connection beyond every limit was not closed: %v (read %q)", err, got)
	}
	if string(got) != full+"\r\n" {
		t.Errorf("the connection beyond every limit read %q, want %q", got, full+"\r\n")
	}
}

func TestConnectionsWithoutASessionTimeOut(t *testing.T) {
	// Long enough for a handshake and a session request under -race on a
	// loaded machine (the timer runs from accept), short enough to wait out.
	f := start(t, Config{NoSessionTimeout: 3 * time.Second})
	c, err := f.dial("idle", gossh.PublicKeys(f.client))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	closed := make(chan error, 1)
	go func() { closed <- c.Wait() }()
	// A connection that never even starts its handshake is closed too.
	raw, err := net.Dial("tcp", f.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	_ = raw.SetDeadline(time.Now().Add(waitLimit))
	if got, err := io.ReadAll(raw); err != nil || !strings.HasPrefix(string(got), "SSH-2.0-") {
		t.Errorf("the connection without a handshake read %q, %v; want the version, then the end", got, err)
	}
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
