package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui"
)

// cli runs the command tree in-process, like the binary would with args.
type cli struct {
	app    *app
	stdout *bytes.Buffer
	stderr *lockedBuffer
	// tuiOpts records what the TUI was opened with (the fake runTUI).
	tuiOpts *tui.Options
}

// newCLI returns a CLI whose files come from the real file system, whose
// streams are buffers and whose TUI is a fake that records its options.
func newCLI(t *testing.T) *cli {
	t.Helper()
	c := &cli{stdout: &bytes.Buffer{}, stderr: &lockedBuffer{}}
	c.app = &app{
		stdin: strings.NewReader(""), stdout: c.stdout, stderr: c.stderr,
		open: func(p string) (io.ReadCloser, error) { return os.Open(p) },
		runTUI: func(_ context.Context, o tui.Options) error {
			c.tuiOpts = &o
			return nil
		},
		userConfigDir: func() (string, error) { return t.TempDir(), nil },
		env:           func(string) string { return "" },
	}
	return c
}

// run executes args and returns the exit code.
func (c *cli) run(ctx context.Context, args ...string) int {
	return run(ctx, c.app, args)
}

// mustRefuse runs args and checks the refusal a user who got the input
// wrong must get: exit 2, exactly want on stderr, nothing on stdout and no
// TUI opened. It returns the CLI for further checks.
func mustRefuse(t *testing.T, args []string, want string) *cli {
	t.Helper()
	c := newCLI(t)
	if code := c.run(context.Background(), args...); code != exitUsage {
		t.Errorf("%v: exit %d, want 2 (stderr %q)", args, code, c.stderr.String())
	}
	if got := c.stderr.String(); got != want {
		t.Errorf("%v:\nstderr %q\nwant   %q", args, got, want)
	}
	if c.stdout.Len() != 0 || c.tuiOpts != nil {
		t.Errorf("%v: wrote %q on stdout (TUI opened: %v)", args, c.stdout.String(), c.tuiOpts != nil)
	}
	return c
}

// lockedBuffer is a buffer the progress goroutine and the test may share;
// onWrite, if set, sees every write (to react to progress).
type lockedBuffer struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	onWrite func(string)
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	n, err := b.buf.Write(p)
	hook := b.onWrite
	b.mu.Unlock()
	if hook != nil {
		hook(string(p))
	}
	return n, err
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// writeFile writes content into a file of a fresh temporary directory.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestNoArgumentsOpensTheTUIOnTheBuiltinData(t *testing.T) {
	c := newCLI(t)
	if code := c.run(context.Background()); code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	if c.tuiOpts == nil {
		t.Fatal("the TUI was not opened")
	}
	if c.tuiOpts.Source.Kind != "builtin" || c.tuiOpts.Lang != "en" || c.tuiOpts.Open == nil {
		t.Errorf("TUI options %+v, want the built-in source, English and an opener", *c.tuiOpts)
	}
}

func TestTUIFlags(t *testing.T) {
	csv := writeFile(t, "users.csv", "id,visits,churn\n1,3,yes\n2,4,no\n")
	c := newCLI(t)
	if code := c.run(context.Background(), "tui", "--data", csv, "--label", "churn", "--lang", "zh"); code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	if got := c.tuiOpts.Source; got.Kind != "csv" || got.Path != csv || got.Label != "churn" || c.tuiOpts.Lang != "zh" {
		t.Errorf("TUI options %+v", *c.tuiOpts)
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "--log", csv, "--cutoff", "2024-06-01", "--horizon", "4w"); code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	if got := c.tuiOpts.Source; got.Kind != "log" || got.HorizonDays != 28 || got.Cutoff.Format("2006-01-02") != "2024-06-01" {
		t.Errorf("order-log source %+v", got)
	}
}

func TestBadUsageExitsTwoWithTheMessage(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.csv")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"train", "--epochs", "x"}, `--epochs "x": want a whole number`},
		{[]string{"train", "--no-such-flag"}, "unknown flag: --no-such-flag"},
		{[]string{"trian"}, `unknown command "trian" (did you mean "train"?)`},
		{[]string{"train", "--optimizer", "rmsprop"}, `--optimizer "rmsprop": want adam or sgd`},
		{[]string{"train", "--layers", "64,x"}, `--layers "64,x": layer 2 is "x", want a positive number of units`},
		{[]string{"train", "--layers", "64,32,16", "--activation", "relu,tanh"}, "give one activation or one per layer (3 layers, 2 activations)"},
		{[]string{"train", "--activation", "swish"}, `unknown activation: "swish"`},
		{[]string{"train", "--momentum", "0.9"}, "--momentum and --nesterov apply to --optimizer sgd"},
		{[]string{"train", "--val", "0.6", "--test", "0.5"}, "--val 0.6 and --test 0.5 leave no rows to train on"},
		{[]string{"train", "--epochs", "0"}, "--epochs 0: want at least 1 epoch"},
		{[]string{"train", "--data", "a.csv", "--log", "b.csv"}, "retain: --data and --log cannot be used together: give one of them\n"},
		{[]string{"train", "--cutoff", "2024-01-01"}, "--cutoff, --horizon and --log-columns need --log"},
		{[]string{"train", "--date-order", "dmy"}, "--date-order needs --log or --data"},
		{[]string{"train", "--data", "a.csv", "--horizon", "30d"}, "--cutoff, --horizon and --log-columns apply to --log, not --data"},
		{[]string{"train", "--data", "a.csv", "--log-columns", "customer=1"}, "--cutoff, --horizon and --log-columns apply to --log, not --data"},
		{[]string{"train", "--data", "a.csv", "--date-order", "ymd"}, `--date-order: date order "ymd": want dmy (day/month/year) or mdy (month/day/year)`},
		{[]string{"train", "--log", "x.csv", "--cutoff", "1 May"}, `--cutoff "1 May": want a date as YYYY-MM-DD`},
		{[]string{"train", "--log", "x.csv", "--horizon", "soon"}, `--horizon "soon": want a positive number of days`},
		{[]string{"train", "--builtin-users", "0"}, "--builtin-users 0: want 1..50000000"},
		{[]string{"train", "--data", missing}, "missing.csv: no such file or directory"},
		{[]string{"train", "--out", "/no/such/dir/model.json"}, "--out /no/such/dir/model.json: directory /no/such/dir does not exist"},
		{[]string{"tui", "--lang", "fr"}, `--lang "fr": want en or zh`},
		{[]string{"serve"}, "refusing to serve without --authorized-keys FILE"},
	}
	for _, tc := range cases {
		c := newCLI(t)
		code := c.run(context.Background(), tc.args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want 2 (stderr %q)", tc.args, code, c.stderr.String())
		}
		if !strings.Contains(c.stderr.String(), tc.want) {
			t.Errorf("%v: stderr %q, want it to contain %q", tc.args, c.stderr.String(), tc.want)
		}
		if c.stdout.Len() != 0 {
			t.Errorf("%v: wrote %q on stdout", tc.args, c.stdout.String())
		}
	}
}

func TestMalformedCSVExitsTwoNamingLineAndColumn(t *testing.T) {
	cases := []struct{ name, content, want string }{
		// The messages are data's *ParseError texts (FILE:LINE:COL: MSG).
		{"ragged.csv", "id,visits,spend,churn\n1,3,10.5,yes\n2,4,11,no\n3,5\n", "ragged.csv:4:3: row has 2 fields, header has 4"},
		{"quote.csv", "id,visits,spend,churn\n1,3,10.5,yes\n2,4,\"11\n3,5,12,no\n", "quote.csv:3:3: quoted field is never closed"},
	}
	for _, tc := range cases {
		path := writeFile(t, tc.name, tc.content)
		c := newCLI(t)
		code := c.run(context.Background(), "train", "--data", path)
		if code != exitUsage {
			t.Errorf("%s: exit %d, want 2", tc.name, code)
		}
		if want := "retain: " + filepath.Join(filepath.Dir(path), tc.want) + "\n"; c.stderr.String() != want {
			t.Errorf("%s: stderr %q, want %q", tc.name, c.stderr.String(), want)
		}
	}
}

func TestInterruptedTrainExits130AndWritesNoModel(t *testing.T) {
	out := filepath.Join(t.TempDir(), "model.json")
	c := newCLI(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// Ctrl-C arrives once the first epoch has been reported.
	c.stderr.onWrite = func(s string) {
		if strings.Contains(s, "Epoch 1/") {
			cancel()
		}
	}
	code := c.run(ctx, "train", "--builtin-users", "2000", "--epochs", "100000", "--early-stop", "0", "--out", out)
	if code != exitInterrupted {
		t.Fatalf("exit %d, want %d; stderr %q", code, exitInterrupted, c.stderr.String())
	}
	if !strings.HasSuffix(c.stderr.String(), "retain: interrupted\n") {
		t.Errorf("stderr does not end with the interruption: %q", c.stderr.String())
	}
	// It says where it stopped and that nothing was saved (review22 #3:
	// it said only "interrupted").
	note := regexp.MustCompile(`\nInterrupted (at epoch \d+, batch \d+|after epoch \d+): no model written; ` +
		regexp.QuoteMeta(out) + ` is as it was \(an interrupted train saves nothing, not even its best epoch\)\.\n`)
	if !note.MatchString(c.stderr.String()) {
		t.Errorf("stderr does not say that nothing was saved: %q", c.stderr.String())
	}
	entries, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 0 {
		t.Errorf("an interrupted train left files: %v", entries)
	}
}

func TestTrainJSON(t *testing.T) {
	c := newCLI(t)
	code := c.run(context.Background(), "train", "--builtin-users", "1000", "--epochs", "2", "--json")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	var doc map[string]any
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatalf("stdout is not one JSON document: %v\n%s", err, c.stdout.String())
	}
	for _, key := range []string{"roc_auc", "accuracy", "precision", "recall", "f1", "log_loss",
		"brier_score_loss", "average_precision", "confusion_matrix", "history", "bayes_limit"} {
		if _, ok := doc[key]; !ok {
			t.Errorf("JSON lacks %q", key)
		}
	}
	if auc, _ := doc["roc_auc"].(float64); !(auc > 0.5 && auc <= 1) {
		t.Errorf("roc_auc %v: two epochs on the built-in data should rank better than chance", doc["roc_auc"])
	}
	if h, _ := doc["history"].([]any); len(h) != 2 {
		t.Errorf("history has %d epochs, want 2", len(h))
	}
	split, _ := doc["split"].(map[string]any)
	// The built-in 1,000 users hold 275 positives and 725 negatives (a
	// --val 0.5 split gives 138 and 363 validation rows per class, which only
	// 275/725 round to). The stratified 10 % validation share rounds per
	// class, half away from zero: 27.5 → 28 and 72.5 → 73, so 101 rows,
	// which the calibration is fitted on too (no part is carved for it):
	// 899 train.
	if doc["rows"] != 101.0 || split["validation"] != 101.0 || split["train"] != 899.0 || split["calibration"] != nil {
		t.Errorf("rows %v, split %v; want 101 validation (10 %% per class, rounded), 899 train and no calibration rows of 1000", doc["rows"], doc["split"])
	}
	if doc["part"] != "validation" {
		t.Errorf("part %v, want validation", doc["part"])
	}
	// Progress goes to stderr, one Keras-like line per epoch when not a TTY.
	for _, want := range []string{"Epoch 1/2 - ", "Epoch 2/2 - ", " - loss: ", " - val_roc_auc: "} {
		if !strings.Contains(c.stderr.String(), want) {
			t.Errorf("stderr lacks %q: %q", want, c.stderr.String())
		}
	}
	if strings.Contains(c.stderr.String(), "\r") {
		t.Errorf("carriage returns in non-terminal progress: %q", c.stderr.String())
	}
}

func TestDivergedTrainExitsOne(t *testing.T) {
	c := newCLI(t)
	code := c.run(context.Background(), "train", "--builtin-users", "500", "--epochs", "50",
		"--optimizer", "sgd", "--lr", "1e6", "--early-stop", "0")
	if code != exitFailure {
		t.Fatalf("exit %d, want 1; stderr %q", code, c.stderr.String())
	}
	if want := "retain: built-in shop (500 users, seed 0): training diverged at epoch "; !strings.Contains(c.stderr.String(), want) {
		t.Errorf("stderr %q, want %q", c.stderr.String(), want)
	}
	if want := "no model written (try a lower --lr, or --l2)"; !strings.Contains(c.stderr.String(), want) {
		t.Errorf("stderr %q, want %q", c.stderr.String(), want)
	}
}

// TestDivergedCVAndBenchNameTheData: eval --cv and bench said only
// "engine: training diverged …", without the data it trained on.
func TestDivergedCVAndBenchNameTheData(t *testing.T) {
	for _, args := range [][]string{
		{"eval", "--cv", "2", "--builtin-users", "500", "--optimizer", "sgd", "--lr", "1e6", "--early-stop", "0", "--epochs", "50"},
		{"bench", "--builtin-users", "500", "--optimizer", "sgd", "--lr", "1e6", "--batch-sizes", "32"},
	} {
		c := newCLI(t)
		code := c.run(context.Background(), args...)
		stderr := c.stderr.String()
		if code != exitFailure || !strings.Contains(stderr, "\nretain: built-in shop (500 users, seed 0): ") ||
			!strings.Contains(stderr, "training diverged at epoch ") || !strings.Contains(stderr, "(try a lower --lr") {
			t.Errorf("%v: exit %d, stderr %q; want 1 and the divergence named after the data", args[0], code, stderr)
		}
	}
}

func TestFlagCompletions(t *testing.T) {
	c := newCLI(t)
	if code := c.run(context.Background(), "__complete", "train", "--optimizer", ""); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if got := c.stdout.String(); !strings.HasPrefix(got, "adam\nsgd\n") {
		t.Errorf("--optimizer completions %q, want adam and sgd", got)
	}
}

func TestClassify(t *testing.T) {
	cases := []struct {
		err  error
		code int
	}{
		{nil, exitOK},
		{&data.ParseError{File: "f.csv", Line: 3, Column: 2, Msg: "bad", Err: data.ErrNotNumeric}, exitUsage},
		{fmt.Errorf("loading: %w", data.ErrNoLabel), exitUsage},
		{fmt.Errorf("opening: %w", fs.ErrNotExist), exitUsage},
		{fmt.Errorf("%w: bad", engine.ErrConfig), exitUsage},
		{&experiment.BundleError{File: "m.json", Reason: "bad"}, exitUsage},
		{&engine.DivergedError{Epoch: 1, Batch: 2, Reason: "loss NaN"}, exitFailure},
		{errors.New("disk full"), exitFailure},
		{fmt.Errorf("run: %w", context.Canceled), exitInterrupted},
		{fmt.Errorf("%w: %w", tea.ErrProgramKilled, context.Canceled), exitInterrupted},
		{tea.ErrInterrupted, exitInterrupted},
		{errors.New("unknown flag: --x"), exitUsage}, // cobra's own errors never pass through classify
	}
	for _, c := range cases {
		err := c.err
		if c.code != exitUsage || err == nil || !strings.HasPrefix(err.Error(), "unknown flag") {
			err = classify(err)
		}
		if got := exitCode(err); got != c.code {
			t.Errorf("%v: exit %d, want %d", c.err, got, c.code)
		}
	}
}
