package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// tuneOptions are the flags of `retain tune`.
type tuneOptions struct {
	src    sourceFlags
	budget time.Duration
	trials int
	folds  int
	seed   uint64
	json   bool
	out    string
	tf     targetFlags
	// storePath records the training file's path in the model file.
	storePath bool
}

func newTuneCmd(a *app) *cobra.Command {
	o := &tuneOptions{}
	cmd := &cobra.Command{
		Use:   "tune [flags]",
		Short: "Search for a better network configuration by cross-validation",
		Long: `Search layers and widths, activation, optimiser, learning rate, L2, batch size,
scaling, ln(1+v), the positive class's weight and early-stopping patience by
stratified k-fold cross-validation with successive halving: every trial is
measured on one fold, the best third on two, the best of those on all of them.
Trial 1 is the default configuration, measured on every fold first, so tune
never reports worse than the default. Folds train in parallel on every core.

A live leaderboard goes to stderr; the best configuration goes to stdout as the
retain train flags that give it, with its mean ROC AUC ± standard deviation over
the folds (retain eval --cv with the same flags measures the same figure).

--trials N tries N configurations in one round: the result depends only on the
data, --seed and N (not on the number of cores). Without it, rounds of 9 go on
until --budget ends, so what is found depends on the machine's speed and load.
--budget always bounds the wall time; when it ends, the trials measured on every
fold compete. Ctrl-C ends the search with the best so far (exit 130, no model).

With --out, the best configuration is trained as retain train would and saved
as a model file, with the search's result beside it (M.tune.json).`,
		Example: `  retain tune --data users.csv --budget 2m
  retain tune --data users.csv --trials 30 --budget 0 --seed 3 --json > tune.json
  retain tune --log orders.csv --horizon 90d --out model.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return classify(runTune(cmd.Context(), a, o, sourceArgs(cmd.Flags())))
		},
	}
	o.src.register(cmd, true)
	fs := cmd.Flags()
	fs.DurationVar(&o.budget, "budget", 2*time.Minute, "wall-time bound of the search, such as 90s or 2m (0: none; needs --trials)")
	fs.IntVar(&o.trials, "trials", 0, "try `N` configurations, the default included (0: rounds until the budget ends)")
	fs.IntVar(&o.folds, "folds", 5, "number of cross-validation folds")
	fs.Uint64Var(&o.seed, "seed", experiment.DefaultConfig().Seed, "seed of the trials, the folds, the initial weights and the shuffles")
	fs.BoolVar(&o.json, "json", false, "print the result as one JSON document")
	fs.StringVarP(&o.out, "out", "o", "", "train the best configuration and write the model bundle to `FILE` (and FILE.tune.json)")
	o.tf.registerTarget(cmd)
	registerStorePath(cmd, &o.storePath)
	_ = cmd.MarkFlagFilename("out", "json")
	return cmd
}

// check refuses impossible flags before any data is read.
func (o *tuneOptions) check() error {
	switch {
	case o.folds < 2:
		return usageError(fmt.Errorf("--folds %d: want at least 2", o.folds))
	case o.trials < 0:
		return usageError(fmt.Errorf("--trials %d: want at least 1 (0: as many as --budget allows)", o.trials))
	case o.budget < 0:
		return usageError(fmt.Errorf("--budget %v: want a positive duration such as 2m", o.budget))
	case o.budget == 0 && o.trials == 0:
		return usageError(errors.New("--budget 0 sets no time limit: give --trials N to say when to stop"))
	}
	inputs := []inputFile{{"data", o.src.data}, {"log", o.src.log}}
	if err := checkOut(o.out, inputs...); err != nil || o.out == "" {
		return err
	}
	// The search's result is written beside the model: the same checks, so
	// that it can neither replace an input nor fail after the training.
	return checkOutFlag("--out", o.out+".tune.json", inputs...)
}

// tuneJSON is the document of `retain tune --json` and of M.tune.json.
type tuneJSON struct {
	Source experiment.Source `json:"source"`
	// Flags are the retain train flags of the best configuration.
	Flags []string `json:"flags"`
	Model string   `json:"model,omitempty"`
	experiment.TuneResult
}

func runTune(ctx context.Context, a *app, o *tuneOptions, srcArgs []string) error {
	if err := o.check(); err != nil {
		return err
	}
	if _, err := modelTime(a); err != nil && o.out != "" {
		return err // before the search, not after it
	}
	src, err := o.src.source()
	if err != nil {
		return err
	}
	if err := checkSourceMemory(a, src); err != nil {
		return err
	}
	d, err := a.load(src)
	if err != nil {
		return err
	}
	if err := checkClasses(d); err != nil {
		return err
	}
	base := tuneBase(o.seed)
	if err := checkTrainingMemory(a, d, base, "128,64", o.folds); err != nil {
		return err
	}
	fmt.Fprintf(a.stderr, "Tuning on %s: %d-fold cross-validation of %s rows, %s\n",
		d.Source.Describe(), o.folds, data.Thousands(d.Table.Rows), describeLimit(o.folds, o.trials, o.budget))
	board := &boardPrinter{w: a.stderr, live: a.isTerminal(a.stderr), width: terminalWidth(a.stderr), folds: o.folds}
	res, err := experiment.Tune(ctx, d, base, experiment.TuneOptions{
		Folds: o.folds, Trials: o.trials, Budget: o.budget, Seed: o.seed, Progress: board.update,
	})
	if err != nil {
		return err
	}
	board.finish(res)
	if res.Best == nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("no configuration was measured on every fold within --budget %v: give a longer budget", o.budget)
	}
	doc := tuneJSON{Source: d.Source, Flags: trainFlags(bestConfig(res.Best)), TuneResult: res}
	if o.out != "" && ctx.Err() == nil {
		if err := saveTuned(ctx, a, o, d, res.Best, &doc); err != nil {
			return err
		}
	}
	if o.json {
		if err := writeJSON(a.stdout, doc); err != nil {
			return err
		}
	} else {
		printTuned(a.stdout, srcArgs, res, doc.Flags)
	}
	return ctx.Err() // Ctrl-C: the best so far was printed, and the exit says it was cut short
}

// tuneBase is the configuration retain train uses without flags but the
// seed: the search's trial 1, and the base of the others. Like train and
// eval --cv, it calibrates as the default does (on the validation part, so
// no training rows are given up), so that eval --cv with the printed flags
// measures what tune did.
func tuneBase(seed uint64) experiment.Config {
	cfg := experiment.DefaultConfig()
	cfg.Seed = seed
	cfg.CalibFrac, cfg.Calibration, cfg.CalibIfPossible = experiment.DefaultCalibFrac, experiment.DefaultCalibration, true
	return cfg
}

// describeLimit says when the search stops.
func describeLimit(folds, trials int, budget time.Duration) string {
	switch {
	case trials == 0:
		return fmt.Sprintf("rounds of %d trials for %v", experiment.RoundSize(folds, 3), budget)
	case budget == 0:
		return trialCount(trials)
	}
	return fmt.Sprintf("%s within %v", trialCount(trials), budget)
}

// trialCount writes n trials with the noun agreeing ("1 trial", "3 trials").
func trialCount(n int) string {
	return data.Count(n, "trial", "trials")
}

// bestConfig is the trial's configuration with a balanced class weight
// replaced by the number it stood for.
func bestConfig(t *experiment.Trial) experiment.Config {
	cfg := t.Config
	cfg.Train.PosWeight = t.PosWeight
	return cfg
}

// saveTuned trains the best configuration as retain train would with its
// flags, and writes the model and, beside it, the search's result.
func saveTuned(ctx context.Context, a *app, o *tuneOptions, d *experiment.Data, best *experiment.Trial, doc *tuneJSON) error {
	cfg := bestConfig(best)
	e, err := experiment.New(d, cfg)
	if err != nil {
		return err
	}
	target, note, err := o.tf.resolve(e.Pipeline.Label, nil)
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stderr, note)
	fmt.Fprintf(a.stderr, "Training trial %d on %s: %s train, %s validation rows%s\n",
		best.Number, d.Source.Describe(), data.Thousands(e.Train.Rows), data.Thousands(e.Val.Rows), calibRowsNote(e))
	// Epoch by epoch, with the decay check's second training, as train
	// shows them.
	if err := trainShown(ctx, a, e, func(err error) error { return err }); err != nil {
		return err
	}
	if err := saveModel(ctx, a, e, cfg.Threshold, nil, target, o.out, o.storePath); err != nil {
		return err
	}
	doc.Model = o.out
	r, err := experiment.PrepareFile(ctx, o.out+".tune.json", func(w io.Writer) error { return writeJSON(w, doc) })
	if err != nil {
		return err
	}
	if err := a.guard.commit(ctx, r); err != nil {
		return err
	}
	fmt.Fprintf(a.stderr, "Model written to %s, the search's result to %s.tune.json\n", o.out, o.out)
	return nil
}
