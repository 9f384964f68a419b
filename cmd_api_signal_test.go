package main

import (
	"bufio"
	"errors"
	"io"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// TestAPIStopsCleanlyOnSIGTERM runs the real binary: `retain api` stopped
// by SIGTERM (systemctl stop) exited 130 saying "retain: interrupted", and
// systemd marked the unit failed. It exits 0 with "Server stopped." only;
// Ctrl-C (SIGINT) keeps exit 130, as every interrupted command.
func TestAPIStopsCleanlyOnSIGTERM(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("signal test needs Linux")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build the binary")
	}
	bin := filepath.Join(t.TempDir(), "retain")
	if out, err := exec.Command(goBin, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	model := trainModel(t, usersCSV(t, 100))
	for _, c := range []struct {
		sig    syscall.Signal
		code   int
		stderr string
	}{
		{syscall.SIGTERM, 0, "Server stopped.\n"},
		{syscall.SIGINT, exitInterrupted, "Server stopped.\nretain: interrupted\n"},
	} {
		t.Run(c.sig.String(), func(t *testing.T) {
			cmd := exec.Command(bin, "api", "--model", model, "--insecure-no-auth", "--listen", "127.0.0.1:0")
			stderr, err := cmd.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			r := bufio.NewReader(stderr)
			banner, err := r.ReadString('\n')
			if !strings.HasPrefix(banner, "Serving model") {
				cmd.Process.Kill()
				t.Fatalf("first line %q (%v), want the banner", banner, err)
			}
			if err := cmd.Process.Signal(c.sig); err != nil {
				t.Fatal(err)
			}
			rest, _ := io.ReadAll(r)
			err = cmd.Wait()
			code := 0
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != c.code || string(rest) != c.stderr {
				t.Errorf("exit %d, stderr after the banner %q; want %d, %q", code, rest, c.code, c.stderr)
			}
		})
	}
}
