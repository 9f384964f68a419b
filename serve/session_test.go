package serve

import (
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

func TestSessionRendersTheAppAndQuits(t *testing.T) {
	f := start(t, Config{})
	tm := f.openTerm(t, "alice", "xterm-256color", nil)
	tm.waitFor(t, "hello alice")
	if !strings.Contains(tm.out.String(), "\x1b[?1049h") {
		t.Errorf("the app did not switch to the alternate screen: %q", tm.out.String())
	}
	if _, err := tm.stdin.Write([]byte("x")); err != nil {
		t.Fatal(err)
	}
	tm.waitFor(t, "got:x!")
	if _, err := tm.stdin.Write([]byte("q")); err != nil {
		t.Fatal(err)
	}
	if code := tm.exit(t); code != 0 {
		t.Errorf("exit status %d after q, want 0", code)
	}
	f.waitSessionEnded(t, "INFO", "alice", "quit", "")
	if n := f.closed.Load(); n != 1 {
		t.Errorf("the model was closed %d times, want once", n)
	}
}

func TestUnknownKeyAndPasswordsAreRefused(t *testing.T) {
	f := start(t, Config{})
	if c, err := f.dial("mallory", gossh.PublicKeys(newSigner(t))); err == nil {
		c.Close()
		t.Fatal("a key not in the authorized keys got in")
	} else if !strings.Contains(err.Error(), "unable to authenticate") {
		t.Errorf("unknown key: error %q, want an authentication failure", err)
	}
	if c, err := f.dial("alice", gossh.Password("alice")); err == nil {
		c.Close()
		t.Fatal("a password got in")
	} else if !strings.Contains(err.Error(), "[none]") && !strings.Contains(err.Error(), "publickey") {
		// The server must offer public keys only, never passwords.
		t.Errorf("password: error %q does not show the offered methods", err)
	}
	if !f.logs.waitFor("unknown key", waitLimit) {
		t.Errorf("the refused key was not logged: %s", f.logs.String())
	}
}

func TestSessionLimitRefusesWithAMessage(t *testing.T) {
	f := start(t, Config{MaxSessions: 1})
	first := f.openTerm(t, "alice", "xterm-256color", nil)
	first.waitFor(t, "hello alice")

	second := f.openTerm(t, "bob", "xterm-256color", nil)
	if code := second.exit(t); code != 1 {
		t.Errorf("second session exit status %d, want 1", code)
	}
	if want := "retain: the server is full (at most 1 session); please try again later"; !strings.Contains(second.errOut.String(), want) {
		t.Errorf("second session stderr %q, want %q", second.errOut.String(), want)
	}
	if strings.Contains(second.out.String(), "hello") {
		t.Error("the refused session was served the app")
	}

	first.stdin.Write([]byte("q"))
	if code := first.exit(t); code != 0 {
		t.Fatalf("first session exit status %d", code)
	}
	// The session's slot is released before the first client hears its
	// session end, the connection's when the connection closes, as ssh
	// closes it after the session.
	first.client.Close()
	if !f.logs.waitFor("connection closed", waitLimit) {
		t.Fatalf("the server never saw the first connection close: %s", f.logs.String())
	}
	third := f.openTerm(t, "carol", "xterm-256color", nil)
	third.waitFor(t, "hello carol")
}

func TestPanicEndsOnlyThatSession(t *testing.T) {
	f := start(t, Config{})
	victim := f.openTerm(t, "alice", "xterm-256color", nil)
	bystander := f.openTerm(t, "bob", "xterm-256color", nil)
	victim.waitFor(t, "hello alice")
	bystander.waitFor(t, "hello bob")

	victim.stdin.Write([]byte("p"))
	if code := victim.exit(t); code != 1 {
		t.Errorf("crashed session exit status %d, want 1", code)
	}
	if !strings.Contains(victim.out.String(), "retain: internal error; this session was closed.") {
		t.Errorf("crashed session was not told: %q", victim.out.String())
	}
	f.waitSessionEnded(t, "ERROR", "alice", "crash", ` err="program was killed: program experienced a panic"`)
	bystander.stdin.Write([]byte("z"))
	bystander.waitFor(t, "got:z!")
	newcomer := f.openTerm(t, "carol", "xterm-256color", nil)
	newcomer.waitFor(t, "hello carol")
}

func TestShutdownTellsSessionsAndCompletes(t *testing.T) {
	f := start(t, Config{ShutdownTimeout: 5 * time.Second})
	a := f.openTerm(t, "alice", "xterm-256color", nil)
	b := f.openTerm(t, "bob", "xterm-256color", nil)
	a.waitFor(t, "hello alice")
	b.waitFor(t, "hello bob")

	f.cancel()
	for _, tm := range []*term{a, b} {
		if code := tm.exit(t); code != 0 {
			t.Errorf("exit status %d at shutdown, want 0", code)
		}
		if !strings.Contains(tm.out.String(), "retain: the server is shutting down; goodbye.") {
			t.Errorf("session was not told about the shutdown: %q", tm.out.String())
		}
		if !strings.Contains(tm.out.String(), "\x1b[?1049l") {
			t.Errorf("the terminal was not restored (alternate screen left on): %q", tm.out.String())
		}
	}
	f.waitSessionEnded(t, "INFO", "alice", "shutdown", ` detail="the server is shutting down"`)
	f.waitSessionEnded(t, "INFO", "bob", "shutdown", ` detail="the server is shutting down"`)
	// A killed program never quits its model: the server closes both.
	if n := f.closed.Load(); n != 2 {
		t.Errorf("%d models closed at shutdown, want 2", n)
	}
	select {
	case err := <-f.served:
		if err != nil {
			t.Errorf("Serve returned %v after a requested shutdown", err)
		}
		f.served <- nil // for the cleanup
	case <-time.After(waitLimit):
		t.Fatal("Serve did not return")
	}
	if _, err := f.dial("alice", gossh.PublicKeys(f.client)); err == nil {
		t.Error("the server still accepts connections after shutdown")
	}
}

// TestSessionTimeLimit: a session ends at its time limit and says so. Its
// program may or may not have drawn its first frame by then (on a loaded
// machine under the race detector 300 ms may pass first): the test waits
// for the end, not for the greeting.
func TestSessionTimeLimit(t *testing.T) {
	f := start(t, Config{MaxSessionTime: 300 * time.Millisecond})
	tm := f.openTerm(t, "alice", "xterm-256color", nil)
	if code := tm.exit(t); code != 0 {
		t.Errorf("exit status %d, want 0", code)
	}
	if !strings.Contains(tm.out.String(), "retain: the session time limit was reached; goodbye.") {
		t.Errorf("session was not told about the time limit: %q", tm.out.String())
	}
	f.waitSessionEnded(t, "INFO", "alice", "time_limit", ` detail="the session time limit was reached"`)
}

// TestTimeLimitEndsASessionStuckWriting: a client that reads nothing
// leaves a program drawing more than the 2 MB the client lets the server
// send unread blocked in a write, deaf to the time limit. The session must
// still end at its time limit and give its place among MaxSessions back
// (it used to hold it until the client went away, if ever).
//
// The limit comes when the test says, once the client has received 1 MiB
// of the program's first frame: the frame, some 4 MB, is written in one
// go, so the program is then inside a write that cannot end. (A real
// timer of 3 s, then 6 s, came at times while the race detector's slow
// renderer was still turning the frame into bytes on a loaded machine;
// the program then quit cleanly and the stuck path was not tested: CI
// ci93, and again under load after the 6 s.)
func TestTimeLimitEndsASessionStuckWriting(t *testing.T) {
	sizes := &syncBuffer{}
	limits := make(chan func(), 2) // mallory's session's, then bob's
	f := startWith(t, Config{MaxSessions: 1, MaxSessionTime: time.Hour, App: fillApp(sizes, true)}, func(s *Server) {
		s.limitTimer = func(_ time.Duration, end func()) func() bool {
			limits <- end
			return func() bool { return true }
		}
	})
	const framed = 1 << 20
	c, got := f.dialCounting(t, "mallory", framed)
	defer c.Close()
	ch := openRaw(t, c, nil)
	// In true colour, a screen of 100 000 cells is some 4 MB: the
	// program's first frame never gets through.
	type variable struct{ Key, Value string }
	if !request(t, ch, "env", gossh.Marshal(variable{"COLORTERM", "truecolor"})) {
		t.Fatal("env refused")
	}
	startShell(t, ch, MaxWidth, 100)
	// Failure bounds, not timings: under -race with the machine loaded the
	// renderer took 20 to 45 s to turn the frame into bytes, and it does so
	// once more after the connection is closed under it (the failed write
	// left the frame undrawn), which took 60 s beyond the limit at times.
	const frameWait = 5 * waitLimit
	select {
	case <-got:
	case <-time.After(frameWait):
		t.Fatalf("the client never received %d bytes; the program's sizes: %q", framed, sizes.String())
	}
	(<-limits)() // the session's time is up, while its program writes
	if !f.logs.waitFor("session closed", frameWait) {
		t.Fatalf("the session never ended: %s", f.logs.String())
	}
	if !strings.Contains(f.logs.String(), "did not stop") {
		t.Errorf("the stuck session was not logged: %s", f.logs.String())
	}
	f.waitSessionEnded(t, "INFO", "mallory", "time_limit", ` detail="the session time limit was reached"`)
	tm := f.openTerm(t, "bob", "xterm-256color", nil)
	if !sizes.waitFor("80x24;", waitLimit) {
		t.Fatalf("the next session was not served: %q", tm.errOut.String())
	}
}

func TestSessionWithoutTerminalIsRefused(t *testing.T) {
	f := start(t, Config{})
	tm := f.openTerm(t, "alice", "", nil)
	if code := tm.exit(t); code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	if want := "retain: this is an interactive terminal UI and needs a terminal: connect with ssh -t"; !strings.Contains(tm.errOut.String(), want) {
		t.Errorf("stderr %q, want %q", tm.errOut.String(), want)
	}
}

func TestColourProfileIsPerSession(t *testing.T) {
	f := start(t, Config{})
	truecolor := f.openTerm(t, "alice", "xterm-256color", map[string]string{"COLORTERM": "truecolor"})
	ansi256 := f.openTerm(t, "bob", "xterm-256color", nil)
	truecolor.waitFor(t, "hello alice")
	ansi256.waitFor(t, "hello bob")
	// #ff8800 is 38;2;255;136;0 in 24-bit colour and 208 in the xterm
	// 256-colour palette (colorprofile's nearest match).
	if out := truecolor.out.String(); !strings.Contains(out, "38;2;255;136;0") {
		t.Errorf("truecolor session did not get 24-bit colour: %q", out)
	}
	if out := ansi256.out.String(); strings.Contains(out, "38;2;") || !strings.Contains(out, "38;5;208") {
		t.Errorf("256-colour session got the wrong colours: %q", out)
	}
}

func TestInsecureServerWarnsEverySession(t *testing.T) {
	f := start(t, Config{InsecureNoAuth: true})
	c, err := f.dial("anyone")
	if err != nil {
		t.Fatalf("insecure server refused a client without keys: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	tm := openOn(t, c, "xterm-256color", nil)
	// Inside the program, which shows the notice (testModel): a line
	// written before it took the screen was hidden for the whole session
	// (review29 #8).
	tm.waitFor(t, "hello anyone")
	tm.waitFor(t, "warning: this server has no authentication: anyone can get in")
}
