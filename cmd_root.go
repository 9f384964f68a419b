package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/scoreapi"
	"github.com/retainlab/retain/tui"
)

// app is what the commands may touch of the outside world. main fills it
// with the process's streams; tests fill it with buffers and fakes.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// open opens input files; create is not needed because models are
	// written through experiment.WriteFileAtomic.
	open experiment.Opener
	// quietOpen is open without the progress of a file being read on a
	// terminal's stderr (watchLoads), for the terminal UI, which shows
	// its own, and served sessions (nil: open).
	quietOpen experiment.Opener
	// runTUI opens the terminal UI (tui.Run in production).
	runTUI func(context.Context, tui.Options) error
	// userConfigDir locates the default host key (os.UserConfigDir).
	userConfigDir func() (string, error)
	// env reads environment variables (os.Getenv).
	env func(string) string
	// availableMemory returns the bytes the process may still allocate, or
	// 0 when unknown (availableMemory in production; nil checks nothing).
	availableMemory func() uint64
	// guard puts written models in place so that a signal never leaves a
	// new one behind (nil in tests: models are put in place at once).
	guard *exitGuard
}

// osApp is the app of a real process.
func osApp() *app {
	return &app{
		stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr,
		open:            func(p string) (io.ReadCloser, error) { return os.Open(p) },
		runTUI:          tui.Run,
		userConfigDir:   os.UserConfigDir,
		env:             os.Getenv,
		availableMemory: availableMemory,
	}
}

// run executes the command line args (without the program name) and returns
// the process exit code. Errors are printed on stderr as "retain: …".
func run(ctx context.Context, a *app, args []string) int {
	bound := *a
	bound.open = openWithContext(ctx, withStdin(a.open, a.stdin, a.stderr))
	bound.quietOpen = bound.open
	if a.isTerminal(a.stderr) {
		typed := false
		if f, ok := a.stdin.(*os.File); ok && term.IsTerminal(f.Fd()) {
			typed = true
		}
		bound.open = watchLoads(bound.open, a.stderr, terminalWidth(a.stderr), typed)
	}
	out := &stdoutRecorder{w: a.stdout}
	bound.stdout = out
	a = &bound
	root := newRootCmd(a)
	root.SetArgs(args)
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	refuseUnknownShells(root)
	refuseUnknownHelpTopics(root)
	cmd, err := root.ExecuteContextC(ctx)
	if !isClassified(err) {
		err = plainRequiredFlagError(cmd, plainFlagGroupError(err))
	}
	// Results that did not reach stdout (a full disk, a closed file) are a
	// failure even where a command printed them without checking each
	// write; cobra's own output (help, completion scripts) included.
	if werr := out.failure(); werr != nil && (err == nil || !isClassified(err)) {
		err = &exitError{code: exitFailure, err: werr}
	}
	if err != nil {
		adviseFlags(err)
		fmt.Fprintln(a.stderr, "retain:", err)
		if exitCode(err) == exitUsage && !isClassified(err) {
			path := "retain"
			if cmd != nil {
				path = cmd.CommandPath()
			}
			fmt.Fprintf(a.stderr, "Run '%s --help' for usage.\n", path)
		}
	}
	return exitCode(err)
}

// stdoutRecorder passes writes on to stdout and remembers the first that
// failed; later writes fail at once with the same error.
type stdoutRecorder struct {
	mu  sync.Mutex
	w   io.Writer
	err error
}

func (r *stdoutRecorder) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.err != nil {
		return 0, r.err
	}
	n, err := r.w.Write(p)
	if err != nil {
		r.err = err
	}
	return n, err
}

// failure returns the first write error, or nil.
func (r *stdoutRecorder) failure() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err
}

// isClassified reports whether err went through classify, that is, came
// from a command's work rather than from parsing the command line.
func isClassified(err error) bool {
	_, ok := err.(*exitError)
	return ok
}

// newRootCmd builds the whole command tree.
func newRootCmd(a *app) *cobra.Command {
	tf := &tuiFlags{}
	root := &cobra.Command{
		Use:   "retain",
		Short: "Train and inspect neural networks on e-commerce user behaviour",
		Long: `retain trains multilayer perceptrons that predict which users will buy again
(or churn), in a terminal UI or headless.

Without a subcommand it opens the terminal UI on the built-in data set (or the
file given with --data or --log).`,
		Args:          unknownCommand,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return classify(runTUI(cmd.Context(), a, tf))
		},
	}
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		// The TUI restores the terminal and serve closes its sessions on
		// the way out: they get longer to wind down after a signal.
		// tune prints the best configuration found before it exits.
		if cmd == root || cmd.Name() == "tui" || cmd.Name() == "serve" || cmd.Name() == "tune" {
			a.guard.setGrace(time.Second)
		}
		// api lets requests in flight finish.
		if cmd.Name() == "api" {
			a.guard.setGrace(scoreapi.DefaultShutdown + scoreapi.CutGrace + time.Second)
			a.guard.setTermStops()
		}
		return refuseEmptyFlags(cmd)
	}
	root.Version = buildVersion()
	root.SetVersionTemplate("{{.Name}} {{.Version}}\n")
	root.SuggestionsMinimumDistance = 2
	tf.register(root)
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error { return langFlagError(cmd, plainFlagError(err)) })
	root.AddCommand(
		newTUICmd(a),
		newTrainCmd(a),
		newEvalCmd(a),
		newTuneCmd(a),
		newBacktestCmd(a),
		newPredictCmd(a),
		newBenchCmd(a),
		newQualityCmd(a),
		newCohortsCmd(a),
		newPlanCmd(a),
		newRecommendCmd(a),
		newAnomaliesCmd(a),
		newServeCmd(a),
		newAPICmd(a),
		newAPIBenchCmd(a),
		newInspectCmd(a),
		newExportCmd(a),
	)
	watchEmptyItems(root)
	return root
}

// isTerminal reports whether w is a terminal that can take carriage-return
// redraws: a TTY whose TERM is not "dumb".
func (a *app) isTerminal(w io.Writer) bool {
	f, ok := w.(interface{ Fd() uintptr })
	if !ok || !term.IsTerminal(f.Fd()) {
		return false
	}
	return a.env("TERM") != "dumb"
}

// unknownCommand refuses arguments to the root command, suggesting the
// subcommand the user probably meant.
func unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q", args[0])
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		msg += fmt.Sprintf(" (did you mean %q?)", s[0])
	}
	return errors.New(msg)
}

// terminalWidth returns the width of the terminal w writes to, or 0.
func terminalWidth(w io.Writer) int {
	f, ok := w.(interface{ Fd() uintptr })
	if !ok {
		return 0
	}
	width, _, err := term.GetSize(f.Fd())
	if err != nil {
		return 0
	}
	return width
}

// refuseUnknownShells makes cobra's completion command refuse a shell it
// has no script for ("completion tcsh" printed its help and exited 0). It
// runs after SetOut: the scripts go to the output set when it is made.
func refuseUnknownShells(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Args = cobra.ArbitraryArgs
			c.RunE = func(cmd *cobra.Command, args []string) error {
				if len(args) > 0 {
					return usageError(fmt.Errorf("completion %q: want bash, zsh, fish or powershell", args[0]))
				}
				return cmd.Help()
			}
		}
	}
}

// refuseUnknownHelpTopics makes cobra's help command refuse a command that
// does not exist, as the command line does ("retain help nosuch" printed
// the root help and exited 0, so a typo went unseen).
func refuseUnknownHelpTopics(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	for _, c := range root.Commands() {
		if c.Name() != "help" {
			continue
		}
		show := c.Run
		c.Run = nil
		c.RunE = func(cmd *cobra.Command, args []string) error {
			if target, rest, err := root.Find(args); len(args) > 0 && (err != nil || target == root || len(rest) > 0) {
				if len(rest) == 0 {
					rest = args
				}
				return unknownCommand(root, rest)
			}
			show(cmd, args)
			return nil
		}
	}
}

// quietOpener is a.quietOpen, or a.open when there is none.
func (a *app) quietOpener() experiment.Opener {
	if a.quietOpen != nil {
		return a.quietOpen
	}
	return a.open
}
