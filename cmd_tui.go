package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui"
	"github.com/retainlab/retain/tui/walkthrough"
)

// tuiFlags are the flags of `retain` and `retain tui`.
type tuiFlags struct {
	src     sourceFlags
	lang    string
	abusers float64
	pseudo  pseudoFlags
	// stdinWhy is why the command refuses its data on standard input
	// (refuseStdin); "" is the terminal UI's own reason.
	stdinWhy string
}

func (f *tuiFlags) register(cmd *cobra.Command) {
	// --builtin-users and --builtin-seed size the built-in shop the TUI
	// trains on, as for train: a million users to try the Users screen on.
	f.src.noStdin = true
	f.src.register(cmd, true)
	cmd.Flags().StringVar(&f.lang, "lang", "", "language of the terminal UI, every screen: en or zh (default: from LC_ALL, LC_MESSAGES or LANG, else en); "+
		"the other commands write English and take no --lang")
	cmd.Flags().Float64Var(&f.abusers, "builtin-abusers", 0, "share `S` (0 to 0.5) of abusers planted in the built-in shop, with known truth (default 0: none)")
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions([]string{"en", "zh"}, cobra.ShellCompDirectiveNoFileComp))
	f.pseudo.register(cmd)
}

// options checks the flags and builds the TUI's options (without streams).
func (f *tuiFlags) options(a *app) (tui.Options, error) {
	src, err := f.src.source()
	if err != nil {
		return tui.Options{}, err
	}
	why := f.stdinWhy
	if why == "" {
		why = "the terminal UI reads its keys on standard input, and reads the data again when you reload it (o)"
	}
	if err := refuseStdin(src, why); err != nil {
		return tui.Options{}, err
	}
	if f.lang != "" && f.lang != "en" && f.lang != "zh" {
		return tui.Options{}, usageError(fmt.Errorf("--lang %q: want en or zh", f.lang))
	}
	if err := checkAbuserShare(f.abusers, f.abusers > 0, src); err != nil {
		return tui.Options{}, err
	}
	key, err := f.pseudo.key(a)
	if err != nil {
		return tui.Options{}, err
	}
	lang := walkthrough.DetectLang(f.lang, walkthrough.Locale(a.env))
	cfg := experiment.DefaultConfig()
	cfg.CalibFrac, cfg.Calibration = experiment.DefaultCalibFrac, experiment.DefaultCalibration
	cfg.CalibIfPossible = true
	return tui.Options{Source: src, Config: cfg, Open: a.quietOpener(), Lang: lang, Pseudonym: key, Abusers: f.abusers}, nil
}

func newTUICmd(a *app) *cobra.Command {
	f := &tuiFlags{}
	cmd := &cobra.Command{
		Use:   "tui [flags]",
		Short: "Open the terminal UI (the default command)",
		Example: `  retain tui
  retain tui --data users.csv --label churned
  retain tui --builtin-users 1000000
  retain tui --log orders.csv --cutoff 2024-06-01 --horizon 30d --lang zh`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return classify(runTUI(cmd.Context(), a, f))
		},
	}
	f.register(cmd)
	return cmd
}

// runTUI opens the terminal UI. A data file that cannot be opened (a
// missing one too) is reported by the TUI, in its language, as a file it
// cannot read is: the error panel names it, no data is loaded, and the
// keys to open other data or the built-in data are offered.
func runTUI(ctx context.Context, a *app, f *tuiFlags) error {
	opts, err := f.options(a)
	if err != nil {
		return err
	}
	return a.runTUI(ctx, opts)
}
