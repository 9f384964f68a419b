package tui

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// tmuxSession drives the real binary in a detached tmux server of its own.
type tmuxSession struct {
	t      *testing.T
	socket string
}

func (s tmuxSession) run(args ...string) (string, error) {
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	return string(out), err
}

func (s tmuxSession) capture() string {
	out, err := s.run("capture-pane", "-p", "-t", "e2e")
	if err != nil {
		s.t.Fatalf("capture-pane: %v: %s", err, out)
	}
	return out
}

func (s tmuxSession) keys(keys ...string) {
	if out, err := s.run(append([]string{"send-keys", "-t", "e2e"}, keys...)...); err != nil {
		s.t.Fatalf("send-keys %v: %v: %s", keys, err, out)
	}
}

// waitFor polls the screen until ok accepts it; polling with a deadline is
// the only synchronisation a terminal offers.
func (s tmuxSession) waitFor(what string, ok func(screen string) bool) string {
	deadline := time.Now().Add(60 * time.Second)
	for {
		screen := s.capture()
		if ok(screen) {
			return screen
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("timed out waiting for %s; the screen shows:\n%s", what, screen)
		}
		time.Sleep(50 * time.Millisecond) // polling interval, not synchronisation
	}
}

var (
	epochRe = regexp.MustCompile(`Epoch (\d+) \(last\)[^\n]*\n[^\n]*\btrain\s+val`)
	lossRe  = regexp.MustCompile(`(?m)\bloss\s+(\d+\.\d+)\s+(\d+\.\d+)\s*$`)
)

// shownEpoch reads the finished epoch and its training loss off the screen.
func shownEpoch(screen string) (epoch int, loss float64, ok bool) {
	e := epochRe.FindStringSubmatch(screen)
	l := lossRe.FindStringSubmatch(screen)
	if e == nil || l == nil {
		return 0, 0, false
	}
	epoch, _ = strconv.Atoi(e[1])
	loss, _ = strconv.ParseFloat(l[1], 64)
	return epoch, loss, true
}

// TestEndToEndInTmux builds retain, opens it in a 100×30 tmux window,
// trains the built-in data one epoch at a time, checks on screen that the
// training loss falls, stops the run and visits every analysis screen,
// starts a second run, quits with q and checks the process has ended.
func TestEndToEndInTmux(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped with -short")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("end-to-end test skipped: tmux is not installed")
	}
	bin := filepath.Join(t.TempDir(), "retain")
	build := exec.Command("go", "build", "-o", bin, "github.com/retainlab/retain")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	s := tmuxSession{t: t, socket: "retain-e2e-" + strconv.Itoa(os.Getpid())}
	t.Cleanup(func() { s.run("kill-server") })
	if out, err := s.run("new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", bin); err != nil {
		t.Fatalf("tmux new-session: %v: %s", err, out)
	}
	pidText, err := s.run("display-message", "-p", "-t", "e2e", "#{pane_pid}")
	if err != nil {
		t.Fatalf("pane pid: %v", err)
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(pidText))

	s.waitFor("the built-in data to load", func(sc string) bool { return strings.Contains(sc, "Split    seed") })
	s.keys("3")
	s.waitFor("the Train screen", func(sc string) bool { return strings.Contains(sc, "Ready:") })

	var losses []float64
	for want := 1; want <= 4; want++ {
		s.keys("e")
		sc := s.waitFor("epoch "+strconv.Itoa(want), func(sc string) bool {
			e, _, ok := shownEpoch(sc)
			return ok && e == want && strings.Contains(sc, "paused")
		})
		_, loss, _ := shownEpoch(sc)
		losses = append(losses, loss)
	}
	if !(losses[3] < losses[0]) {
		t.Fatalf("training loss over four epochs %v does not fall", losses)
	}
	t.Logf("training loss shown after epochs 1–4: %v", losses)

	// Stop the run: it becomes the analysed run of the screens after Train.
	s.keys("x")
	s.waitFor("the run to stop", func(sc string) bool {
		return strings.Contains(sc, "run 1 · stopped") || strings.Contains(sc, "Stopped")
	})
	for _, visit := range []struct{ key, want string }{
		{"4", "Confusion matrix"},
		{"5", "5,000 of 5,000 users"},
		{"6", "Walkthrough of run 1"},
		{"7", "Runs · validation at the kept epoch, before calibration"},
		{"8", "Decision map"},
	} {
		s.keys(visit.key)
		s.waitFor(visit.want, func(sc string) bool { return strings.Contains(sc, visit.want) })
	}
	s.keys("5", "Down", "w", "Right")
	s.waitFor("a what-if probability", func(sc string) bool { return strings.Contains(sc, "what-if: P(") })

	// Escape alone: followed at once by a key it would read as alt+key.
	s.keys("Escape")
	s.waitFor("what-if to end", func(sc string) bool { return !strings.Contains(sc, "what-if: P(") })
	// At the slowest pace (one batch per 0.1 s) run 2 is still training
	// when the screen is read and when q arrives; as fast as possible it
	// could early-stop before the first look.
	s.keys("3", "-", "-", "Space")
	s.waitFor("training to run at the slow pace", func(sc string) bool {
		return strings.Contains(sc, "run 2 · epoch") && strings.Contains(sc, "running")
	})
	// q asks first: run 2 and the ended run 1 would be lost; y confirms.
	s.keys("q")
	s.waitFor("the question before quitting", func(sc string) bool { return strings.Contains(sc, "Quit retain?") })
	s.keys("y")
	deadline := time.Now().Add(30 * time.Second)
	for {
		if _, err := s.run("has-session", "-t", "e2e"); err != nil {
			break // the pane closed: retain has exited
		}
		if time.Now().After(deadline) {
			t.Fatalf("retain did not exit after q; the screen shows:\n%s", s.capture())
		}
		time.Sleep(50 * time.Millisecond)
	}
	for pid > 0 && running(pid) {
		if time.Now().After(deadline) {
			t.Fatalf("process %d still runs after quitting", pid)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// running reports whether pid is a live process: not gone, and not a
// zombie left for a parent (the container's init may never reap it).
func running(pid int) bool {
	if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
		return false
	}
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return !errors.Is(err, os.ErrNotExist)
	}
	// The state follows the command name in parentheses: "pid (comm) S …".
	fields := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
	return len(fields) == 0 || fields[0] != "Z"
}
