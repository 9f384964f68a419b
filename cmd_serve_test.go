package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/exporter"
)

// serveWait bounds waits for things that should happen at once; it only
// turns a hang into a failure.
const serveWait = 20 * time.Second

func TestServeRefusesAuthorizedKeysWithInsecure(t *testing.T) {
	keys := writeFile(t, "keys", "")
	c := newCLI(t)
	if code := c.run(context.Background(), "serve", "--authorized-keys", keys, "--insecure-no-auth"); code != exitUsage {
		t.Errorf("exit %d, want 2", code)
	}
	if want := "--authorized-keys and --insecure-no-auth contradict each other"; !strings.Contains(c.stderr.String(), want) {
		t.Errorf("stderr %q, want %q", c.stderr.String(), want)
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "serve", "--authorized-keys", keys); code != exitUsage {
		t.Errorf("empty key file: exit %d, want 2", code)
	}
	if want := "holds no public key: nobody could log in"; !strings.Contains(c.stderr.String(), want) {
		t.Errorf("stderr %q, want %q", c.stderr.String(), want)
	}
}

func TestServeRefusesABadDataFileAtStart(t *testing.T) {
	bad := writeFile(t, "bad.csv", "id,visits,churn\n1,3,yes\n2,\"4,no\n")
	c := newCLI(t)
	if code := c.run(context.Background(), "serve", "--data", bad, "--insecure-no-auth", "--listen", "127.0.0.1:0"); code != exitUsage {
		t.Errorf("exit %d, want 2", code)
	}
	if want := "bad.csv:3:2: quoted field is never closed"; !strings.Contains(c.stderr.String(), want) {
		t.Errorf("stderr %q, want %q", c.stderr.String(), want)
	}
}

func TestServeServesTheTUIAndStopsOnSignal(t *testing.T) {
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	keys := writeFile(t, "authorized_keys", string(gossh.MarshalAuthorizedKey(signer.PublicKey())))
	configDir := t.TempDir()
	c := newCLI(t)
	c.app.userConfigDir = func() (string, error) { return configDir, nil }
	listening := make(chan string, 1)
	addr := regexp.MustCompile(`over SSH on (127\.0\.0\.1:\d+) `)
	c.stderr.onWrite = func(s string) {
		if m := addr.FindStringSubmatch(s); m != nil {
			listening <- m[1]
		}
	}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	exited := make(chan int, 1)
	go func() {
		exited <- c.run(ctx, "serve", "--listen", "127.0.0.1:0", "--authorized-keys", keys, "--max-sessions", "2")
	}()
	var hostPort string
	select {
	case hostPort = <-listening:
	case code := <-exited:
		t.Fatalf("serve exited %d: %s", code, c.stderr.String())
	case <-time.After(serveWait):
		t.Fatalf("serve never listened: %s", c.stderr.String())
	}
	keyPath := filepath.Join(configDir, "retain", "ssh_host_ed25519_key")
	if _, err := os.Stat(keyPath); err != nil {
		t.Errorf("no host key at the default place: %v", err)
	}

	client, err := gossh.Dial("tcp", hostPort, &gossh.ClientConfig{
		User: "alice", Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: serveWait,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out := &lockedBuffer{}
	rendered := make(chan struct{})
	var once bool
	out.onWrite = func(string) {
		// The root model of the TUI switches to the alternate screen.
		if !once && strings.Contains(out.String(), "\x1b[?1049h") {
			once = true
			close(rendered)
		}
	}
	sess.Stdout, sess.Stderr = out, io.Discard
	if err := sess.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-rendered:
	case <-time.After(serveWait):
		t.Fatalf("the TUI did not render over SSH: %q", out.String())
	}

	stop() // what SIGINT does through signal.NotifyContext
	if err := sess.Wait(); err != nil {
		t.Errorf("session ended with %v at shutdown, want exit status 0", err)
	}
	if !strings.Contains(out.String(), "the server is shutting down; goodbye.") {
		t.Errorf("the session was not told about the shutdown: %q", out.String())
	}
	select {
	case code := <-exited:
		if code != exitInterrupted {
			t.Errorf("serve exited %d after a signal, want 130", code)
		}
	case <-time.After(serveWait):
		t.Fatal("serve did not stop")
	}
	if !strings.HasSuffix(c.stderr.String(), "Server stopped.\nretain: interrupted\n") {
		t.Errorf("stderr does not end with the stop: %q", c.stderr.String())
	}
}

func TestServedSessionsOpenOnlyTheServersDataFile(t *testing.T) {
	var opened []string
	src, open := servedSource(experiment.Source{Kind: "csv", Path: "/home/operator/secret-project/users.csv"},
		func(p string) (io.ReadCloser, error) {
			opened = append(opened, p)
			return io.NopCloser(bytes.NewReader([]byte(p))), nil
		})
	// Sessions see the file's name, never the server's folders.
	if src.Path != "users.csv" || strings.Contains(src.Describe(), "secret-project") {
		t.Errorf("sessions see the served file as %q (%s)", src.Path, src.Describe())
	}
	if r, err := open(src.Path); err != nil {
		t.Errorf("the served file: %v", err)
	} else {
		r.Close()
	}
	if len(opened) != 1 || opened[0] != "/home/operator/secret-project/users.csv" {
		t.Errorf("opening the served file opened %q", opened)
	}
	for _, other := range []string{"/etc/passwd", "./users.csv", "../users.csv", "/home/operator/secret-project/users.csv", ""} {
		if _, err := open(other); err == nil || !strings.Contains(err.Error(), "opening files is disabled over SSH") {
			t.Errorf("%q: error %v", other, err)
		}
	}
	if len(opened) != 1 {
		t.Errorf("other names opened %q", opened[1:])
	}
	builtin, open := servedSource(experiment.Source{Kind: "builtin"}, func(p string) (io.ReadCloser, error) {
		t.Errorf("a session of the built-in data opened %q", p)
		return nil, nil
	})
	if builtin.Path != "" {
		t.Errorf("the built-in source has path %q", builtin.Path)
	}
	if _, err := open("users.csv"); err == nil {
		t.Error("a session of the built-in data opened a file")
	}
}

func TestServeRefusesAnExportDirThatIsNotAFolder(t *testing.T) {
	file := writeFile(t, "not-a-dir", "")
	c := newCLI(t)
	if code := c.run(context.Background(), "serve", "--insecure-no-auth", "--export-dir", file); code != exitUsage {
		t.Errorf("exit %d, want 2", code)
	}
	if want := "--export-dir " + file + ": not a directory"; !strings.Contains(c.stderr.String(), want) {
		t.Errorf("stderr %q, want %q", c.stderr.String(), want)
	}
}

func TestServeRefusesBadHandshakeLimits(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--handshake-timeout", "0s"}, "retain: --handshake-timeout must be positive\n"},
		{[]string{"--max-handshakes", "0"}, "retain: --max-handshakes 0: want at least 1\n"},
		{[]string{"--max-handshakes-per-address", "-1"}, "retain: --max-handshakes-per-address -1: want at least 1\n"},
	} {
		c := newCLI(t)
		args := append([]string{"serve", "--insecure-no-auth", "--listen", "127.0.0.1:0"}, tc.args...)
		if code := c.run(context.Background(), args...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2", tc.args, code)
		}
		if !strings.HasSuffix(c.stderr.String(), tc.want) {
			t.Errorf("%v: stderr %q, want it to end with %q", tc.args, c.stderr.String(), tc.want)
		}
	}
}

func TestServeRefusesBadNetworkLimits(t *testing.T) {
	users := usersCSV(t, 200)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--max-train-memory", "12 parsecs"},
			"retain: --max-train-memory \"12 parsecs\": not a size: write a number of bytes with a unit, such as 256MiB or 1.5GiB\n"},
		{[]string{"--max-params", "-1"}, "retain: serve limits must not be negative\n"},
		// users.csv has 5 inputs (visits, spend, three plans): the default
		// network has (6·64) + (65·32) + 33 = 2,497 parameters.
		{[]string{"--data", users, "--max-params", "2496"}, "retain: --max-params 2,496: the network every session starts with " +
			"has 2,497 parameters on the 5 model inputs of " + users + "; raise --max-params\n"},
		{[]string{"--data", users, "--max-train-memory", "64KiB"}, "retain: --max-train-memory 64 KiB: training the network " +
			"every session starts with needs about "},
	} {
		c := newCLI(t)
		args := append([]string{"serve", "--insecure-no-auth", "--listen", "127.0.0.1:0"}, tc.args...)
		if code := c.run(context.Background(), args...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2", tc.args, code)
		}
		if !strings.Contains(c.stderr.String(), tc.want) {
			t.Errorf("%v: stderr %q, want %q", tc.args, c.stderr.String(), tc.want)
		}
	}
}

// TestServeRefusesARowLimitNoSessionCanUse: a --max-rows below the served
// data's rows would leave every session with nothing loaded; serve refuses
// to start, for a file and for the built-in data (5,000 users).
func TestServeRefusesARowLimitNoSessionCanUse(t *testing.T) {
	users := usersCSV(t, 200)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--data", users, "--max-rows", "199"},
			"retain: --max-rows 199: " + users + " has 200 rows, so every session would refuse it; raise --max-rows to at least 200\n"},
		{[]string{"--max-rows", "4999"},
			"retain: --max-rows 4,999: built-in shop (5,000 users, seed 0) has 5,000 rows, so every session would refuse it; raise --max-rows to at least 5,000\n"},
	} {
		c := newCLI(t)
		args := append([]string{"serve", "--insecure-no-auth", "--listen", "127.0.0.1:0"}, tc.args...)
		// A server that starts serving runs until the context ends:
		// serveWait turns that into a failure, not a hang.
		ctx, cancel := context.WithTimeout(context.Background(), serveWait)
		code := c.run(ctx, args...)
		cancel()
		if code != exitUsage || !strings.HasSuffix(c.stderr.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, c.stderr.String(), tc.want)
		}
	}
}

// TestServeExportFolderBound: --max-export-dir-bytes takes a size, and a
// server whose export folder is full already says so at start, as every
// session's export would be refused.
func TestServeExportFolderBound(t *testing.T) {
	dir := t.TempDir()
	c := newCLI(t)
	if code := c.run(context.Background(), "serve", "--insecure-no-auth", "--export-dir", dir, "--max-export-dir-bytes", "lots"); code != exitUsage {
		t.Errorf("exit %d, want 2", code)
	}
	if want := `retain: --max-export-dir-bytes "lots": not a size`; !strings.Contains(c.stderr.String(), want) {
		t.Errorf("stderr %q, want %q", c.stderr.String(), want)
	}
	if err := os.WriteFile(filepath.Join(dir, "old.csv"), make([]byte, 3<<10), 0o600); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	warnExportFolder(&b, exporter.NewFolder(dir, 4<<10))
	if b.Len() != 0 {
		t.Errorf("a warning with room left: %q", b.String())
	}
	warnExportFolder(&b, exporter.NewFolder(dir, 2<<10))
	want := "warning: --export-dir holds 3 KiB already, --max-export-dir-bytes allows 2 KiB: " +
		"every export will be refused until files are removed from it or the limit is raised\n"
	if b.String() != want {
		t.Errorf("warning %q, want %q", b.String(), want)
	}
	warnExportFolder(&b, exporter.NewFolder(dir, 0))
	if b.String() != want {
		t.Errorf("a warning without a bound: %q", strings.TrimPrefix(b.String(), want))
	}
}
