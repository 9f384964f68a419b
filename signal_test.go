package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// bigLayers makes a model of a few tens of megabytes, so that writing it
// takes long enough for signals to land inside the write.
const bigLayers = "1024,768"

// TestSignalsStopTrainCleanly runs the real binary and interrupts it with
// SIGINT or SIGTERM at random moments: while blocked opening a named pipe
// given as --data, while training, and while writing (or just after
// writing) a large model. Every run must exit 130, leave no new model (the
// file is absent or byte-identical to the one before) and no temporary
// file. The child's stdout is a pipe filled to the brim, so a run that
// wrote its model blocks on printing its metrics and can never end by
// itself: every trial ends by the signal.
func TestSignalsStopTrainCleanly(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("signal test needs Linux (mkfifo, /proc)")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build the binary")
	}
	bin := filepath.Join(t.TempDir(), "retain")
	if out, err := exec.Command(goBin, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("RETAIN_SIGNAL_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("seed %d (set RETAIN_SIGNAL_SEED to replay)", seed)
	rng := rand.New(rand.NewPCG(seed, 0))

	// One uninterrupted run gives a previous model and how long the write
	// takes after the last epoch line.
	prevDir := t.TempDir()
	previous := filepath.Join(prevDir, "model.json")
	start := time.Now()
	var writeTime time.Duration
	cal := exec.Command(bin, bigTrain(previous)...)
	calErr, _ := cal.StderrPipe()
	if err := cal.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(calErr)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "Epoch 1/1") {
			start = time.Now()
		}
		if strings.HasPrefix(sc.Text(), "Model written") {
			writeTime = time.Since(start)
		}
	}
	if err := cal.Wait(); err != nil || writeTime == 0 {
		t.Fatalf("calibration run: %v (write time %v)", err, writeTime)
	}
	prevBytes, err := os.ReadFile(previous)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("a %d-byte model takes %v from the last epoch to written", len(prevBytes), writeTime)

	trials := 50
	if testing.Short() {
		trials = 12
	}
	var committed, worst = 0, time.Duration(0)
	for i := range trials {
		kind := []string{"fifo", "training", "write", "write"}[i%4]
		sig := []syscall.Signal{syscall.SIGINT, syscall.SIGTERM}[rng.IntN(2)]
		withPrev := rng.IntN(2) == 0
		r := signalTrial(t, bin, kind, sig, withPrev, prevBytes, writeTime, rng)
		name := fmt.Sprintf("trial %d (%s, %v, previous model %v, signal after %v, seed %d)",
			i+1, kind, sig, withPrev, r.delay, seed)
		if r.err != nil {
			t.Errorf("%s: %v\nstderr:\n%s", name, r.err, r.stderr)
		}
		if strings.Contains(r.stderr, "Model written to") {
			committed++
		}
		worst = max(worst, r.latency)
		if os.Getenv("RETAIN_SIGNAL_VERBOSE") != "" {
			t.Logf("%s: exited %v after the signal", name, r.latency)
		}
	}
	// Not asserted (no timing thresholds in tests), but worth seeing.
	t.Logf("%d of %d runs had put their model in place before the signal; slowest exit after a signal: %v",
		committed, trials, worst)
}

// bigTrain is the command line of a short training run with a large model.
func bigTrain(out string) []string {
	return []string{"train", "--builtin-users", "300", "--epochs", "1", "--layers", bigLayers, "--out", out}
}

type trialResult struct {
	delay, latency time.Duration
	stderr         string
	err            error
}

// signalTrial runs one interrupted train in a fresh directory.
func signalTrial(t *testing.T, bin, kind string, sig syscall.Signal, withPrev bool, prev []byte,
	writeTime time.Duration, rng *rand.Rand) (res trialResult) {
	dir := t.TempDir()
	out := filepath.Join(dir, "model.json")
	if withPrev {
		if err := os.WriteFile(out, prev, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var args []string
	var ready string // the stderr line prefix after which the signal is due
	var window time.Duration
	switch kind {
	case "fifo":
		fifo := filepath.Join(dir, "users.csv")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Fatal(err)
		}
		args = []string{"train", "--data", fifo, "--out", out}
		window = 20 * time.Millisecond
	case "training":
		args = []string{"train", "--builtin-users", "2000", "--epochs", "100000", "--early-stop", "0", "--out", out}
		ready, window = "Training on", 300*time.Millisecond
	default:
		args = bigTrain(out)
		ready, window = "Epoch 1/1", writeTime*13/10
	}
	cmd := exec.Command(bin, args...)
	stdout := fullPipe(t)
	cmd.Stdout = stdout
	var stderr bytes.Buffer
	errPipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stdout.Close() // the child holds the write end; nobody ever reads
	lines := make(chan string, 1000)
	go func() {
		sc := bufio.NewScanner(errPipe)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	if kind == "fifo" {
		if err := waitBlockedOpen(cmd.Process.Pid); err != nil {
			res.err = err
		}
	} else {
		for l := range lines {
			stderr.WriteString(l + "\n")
			if strings.HasPrefix(l, ready) {
				break
			}
		}
	}
	res.delay = time.Duration(rng.Int64N(int64(window)))
	time.Sleep(res.delay) // the random moment is the thing under test
	sent := time.Now()
	if err := cmd.Process.Signal(sig); err != nil {
		res.err = errors.Join(res.err, fmt.Errorf("signal: %w", err))
	}
	// A run that ignores the signal is a failure, not a hang of the test.
	ignored := time.AfterFunc(10*time.Second, func() { _ = cmd.Process.Kill() })
	for l := range lines {
		stderr.WriteString(l + "\n")
	}
	werr := cmd.Wait()
	if !ignored.Stop() {
		res.err = errors.Join(res.err, errors.New("still running 10 s after the signal: killed"))
	}
	res.latency = time.Since(sent)
	res.stderr = stderr.String()
	var ee *exec.ExitError
	if !errors.As(werr, &ee) || ee.ExitCode() != exitInterrupted {
		res.err = errors.Join(res.err, fmt.Errorf("exit %v, want status %d", werr, exitInterrupted))
	}
	res.err = errors.Join(res.err, checkNoNewModel(dir, out, withPrev, prev))
	return res
}

// checkNoNewModel checks that dir holds nothing but the named pipe and the
// previous model, unchanged.
func checkNoNewModel(dir, out string, withPrev bool, prev []byte) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.Name() != "model.json" && e.Name() != "users.csv" {
			return fmt.Errorf("left %s behind", e.Name())
		}
	}
	got, err := os.ReadFile(out)
	switch {
	case !withPrev && err == nil:
		return fmt.Errorf("a model was written (%d bytes) although the run was interrupted", len(got))
	case !withPrev:
		return nil
	case err != nil:
		return fmt.Errorf("the previous model is gone: %w", err)
	case !bytes.Equal(got, prev):
		return errors.New("the previous model was replaced although the run was interrupted")
	}
	return nil
}

// fullPipe returns the write end of a pipe whose buffer is full, so that
// the first write of the process given it blocks for ever.
func fullPipe(t *testing.T) *os.File {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	fd := int(w.Fd()) // puts w in blocking mode for the child
	if err := syscall.SetNonblock(fd, true); err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 4096)
	for {
		if _, err := syscall.Write(fd, chunk); err != nil {
			break // EAGAIN: full; a smaller write may still fit
		}
	}
	for {
		if _, err := syscall.Write(fd, chunk[:1]); err != nil {
			break
		}
	}
	if err := syscall.SetNonblock(fd, false); err != nil {
		t.Fatal(err)
	}
	return w
}

// waitBlockedOpen waits until a thread of process pid sleeps in the kernel
// waiting for the other end of a named pipe, as /proc shows it.
func waitBlockedOpen(pid int) error {
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/wchan", pid))
		for _, task := range tasks {
			if b, err := os.ReadFile(task); err == nil && slices.Contains([]string{"wait_for_partner", "fifo_open"}, string(b)) {
				return nil
			}
		}
		time.Sleep(time.Millisecond) // polling /proc: the event has no other signal
	}
	return errors.New("the process never blocked opening the named pipe")
}
