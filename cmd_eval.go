package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// evalOptions are the flags of `retain eval`.
type evalOptions struct {
	src       sourceFlags
	cfg       configFlags
	model     string
	cv        int
	threshold float64
	// thresholdGiven says --model-threshold was given (0 is refused, not
	// taken for "the model's").
	thresholdGiven bool
	json           bool
	tf             targetFlags
	ex             excludeFlags
	// folds and writeFolds are --folds and --write-folds.
	folds, writeFolds string
}

func newEvalCmd(a *app) *cobra.Command {
	o := &evalOptions{}
	cmd := &cobra.Command{
		Use:   "eval --model FILE --data FILE | eval --cv K [flags]",
		Short: "Evaluate a saved model on labelled data, or cross-validate a configuration",
		Long: `With --model, score the labelled rows of --data with a saved model and print
its metrics, the confusion matrix at the model's threshold and the cumulative
gains table. With --log instead of --data, the customers of an order log are
scored at --cutoff (typically later than the one the model was trained on;
default: the log's last date minus the horizon), labelled with the model's
own horizon. A log that ends before cutoff + horizon is refused. Beside the
model, the classic BG/NBD model is fitted on the log's history up to the
cutoff and measured on the same customers (its probability of at least one
order in the horizon), also in --json under "baselines".

With --cv K, cross-validate a configuration instead (the same flags as train):
stratified K-fold, each fold trained from scratch on the other folds, and the
mean and standard deviation of every metric over the held-out folds.
--folds FILE takes the folds from FILE instead (one fold number per data
row, in the data's order, after an optional header line), for instance the
ones scikit-learn's StratifiedKFold made, so that retain and another tool
are compared on the same rows; --write-folds FILE writes the folds used, in
that format, for the other tool to read.

The gains table and the bands follow the target (--target; the model file's
by default): users ranked by the probability of the outcome to prevent or to
encourage, the users with that outcome counted. --bands shares (the default)
cuts the ranking at the top 5, 10, 20 and 50 %; --bands capacity:N at the top
N users. Ties are broken by row order.`,
		Example: `  retain eval --model model.json --data next_month.csv
  retain eval --model log_model.json --log orders.csv --cutoff 2024-09-30
  retain eval --cv 5 --data users.csv --layers 32 --json
  retain eval --cv 5 --data users.csv --write-folds folds.txt
  retain eval --folds sklearn_folds.txt --data users.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := o.check(cmd.Flags()); err != nil {
				return classify(err)
			}
			if o.cv > 0 || o.folds != "" {
				return classify(runCV(cmd.Context(), a, o))
			}
			return classify(runEvalModel(cmd.Context(), a, o))
		},
	}
	o.src.register(cmd, true)
	o.cfg.register(cmd)
	fs := cmd.Flags()
	fs.StringVarP(&o.model, "model", "m", "", "model bundle `FILE` written by train")
	fs.IntVar(&o.cv, "cv", 0, "cross-validate the configuration with `K` folds instead of evaluating a model")
	fs.Float64Var(&o.threshold, "model-threshold", 0, "override the model's decision threshold (with --model)")
	fs.BoolVar(&o.json, "json", false, "print the results as one JSON document")
	inputFileVar(fs, &o.folds, "folds", "cross-validate on the folds of `FILE` (one fold number per data row; - for standard input) instead of dealing them")
	fs.StringVar(&o.writeFolds, "write-folds", "", "write the cross-validation folds used to `FILE`, one fold number (0 to K-1) per data row")
	o.tf.registerTarget(cmd)
	o.tf.registerBands(cmd)
	o.ex.register(cmd)
	cmd.MarkFlagsMutuallyExclusive("model", "cv")
	cmd.MarkFlagsMutuallyExclusive("model", "folds")
	cmd.MarkFlagsMutuallyExclusive("model", "write-folds")
	cmd.MarkFlagsOneRequired("model", "cv", "folds")
	_ = cmd.MarkFlagFilename("model", "json")
	return cmd
}

// check refuses flag combinations that would be silently ignored.
func (o *evalOptions) check(fs *pflag.FlagSet) error {
	// --cv 0 would otherwise fall through to --model with no model file.
	if fs.Changed("cv") && o.cv < 2 {
		return usageError(fmt.Errorf("--cv %d: want at least 2 folds", o.cv))
	}
	if fs.Changed("write-folds") && o.writeFolds == "" {
		return usageError(errors.New("--write-folds needs a file name"))
	}
	if o.folds == stdinPath && (o.src.data == stdinPath || o.src.log == stdinPath) {
		return usageError(errors.New("--folds - and the data both read standard input, which can be read only once: give one of them as a file"))
	}
	if o.folds != "" && o.folds == o.writeFolds {
		return usageError(fmt.Errorf("--write-folds %s would replace the --folds file it reads", o.writeFolds))
	}
	if err := checkOutFlag("--write-folds", o.writeFolds, inputFile{"folds", o.folds}, inputFile{"data", o.src.data},
		inputFile{"log", o.src.log}); err != nil {
		return err
	}
	if o.model != "" {
		var training string
		fs.Visit(func(f *pflag.Flag) {
			if training == "" && isTraining(f) {
				training = f.Name
			}
		})
		if training != "" {
			return usageError(fmt.Errorf("--%s describes training and applies to --cv, not to --model", training))
		}
		if o.src.data == "" && o.src.log == "" {
			return usageError(errors.New("--model needs labelled rows to score: give --data (or --log)"))
		}
		// The flags of an order log (and --btyd-features) are refused with
		// --data, as train and predict refuse them; --log's are checked as
		// its cohort is built.
		if o.src.data != "" {
			if _, err := o.src.sourceOnly(); err != nil {
				return err
			}
			if o.src.dateOrder != "" {
				return usageError(errModelDateOrder)
			}
		}
		o.thresholdGiven = fs.Changed("model-threshold")
	} else {
		if name := firstGiven(fs.Changed, "model-threshold", "target", "bands"); name != "" {
			return usageError(fmt.Errorf("--%s applies to --model", name))
		}
		// Cross-validation sets the test share to 0: each held-out fold is
		// the test part.
		if fs.Changed("test") {
			return usageError(errors.New("--test does not apply to cross-validation: each held-out fold is the test part"))
		}
	}
	return o.tf.checkBands()
}

// runCV cross-validates the configuration.
func runCV(ctx context.Context, a *app, o *evalOptions) error {
	src, err := o.src.source()
	if err != nil {
		return err
	}
	cfg, err := o.cfg.config()
	if err != nil {
		return err
	}
	if src, err = o.cfg.presetSource(src); err != nil {
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
	printNotes(a, data.MissingNotes(d.Table, nil, cfg.Pipeline)...)
	flagged, err := o.ex.flag(ctx, a, d, cfg.Seed)
	if err != nil {
		return err
	}
	folds, err := o.foldAssignment(a, d, cfg)
	if err != nil {
		return err
	}
	k := folds.K()
	if err := checkTrainingMemory(a, d, cfg, o.cfg.layers, k); err != nil {
		return err
	}
	if o.writeFolds != "" {
		if err := experiment.WriteFileAtomic(o.writeFolds, func(w io.Writer) error { return data.WriteFolds(w, folds.Fold) }); err != nil {
			return fmt.Errorf("--write-folds: %w", err)
		}
		fmt.Fprintf(a.stderr, "Folds written to %s\n", o.writeFolds)
	}
	fmt.Fprintf(a.stderr, "Cross-validating on %s: %s rows in %d folds\n", d.Source.Describe(), data.Thousands(d.Table.Rows), k)
	live := a.isTerminal(a.stderr)
	done := 0
	res, err := experiment.CrossValidateOnWatched(ctx, d, cfg, folds, flagged, func(n, k int) {
		done = n
		if live {
			fmt.Fprintf(a.stderr, "\r\x1b[Kfolds done: %d/%d", done, k)
		} else {
			fmt.Fprintf(a.stderr, "fold %d/%d done\n", done, k)
		}
	}, func(fold int, prior float64) {
		// The second training takes as long as the first: say why the
		// fold is not done yet, above the live count.
		if live {
			fmt.Fprint(a.stderr, "\r\x1b[K")
		}
		fmt.Fprintf(a.stderr, "fold %d: checking the decay, training again at %g / training rows instead of %s…\n",
			fold, cfg.L2PriorAlt, priorText(cfg.L2Prior, prior))
		if live {
			fmt.Fprintf(a.stderr, "folds done: %d/%d", done, k)
		}
	})
	if live {
		fmt.Fprint(a.stderr, "\r\x1b[K")
	}
	if err != nil {
		return withDivergedHint(err, d.Source.Describe(), " (try a lower --lr, or --l2)")
	}
	res.FoldsFrom = o.folds
	if len(cfg.Hidden) > 0 {
		printNotes(a, cvWideNote(d.Source.Describe(), res.Folds))
	}
	for _, f := range res.Folds {
		noteCalibrationNone(a.stderr, fmt.Sprintf("fold %d: ", f.Fold), f.CalibrationDropped)
		for _, w := range f.Copies.Warnings() {
			fmt.Fprintf(a.stderr, "warning: fold %d: %s\n", f.Fold, w)
		}
	}
	if o.json {
		return writeJSON(a.stdout, res)
	}
	held := percent(res.ValFrac) + " of each training part for early stopping"
	if res.ValFrac == 0 {
		held = "no early stopping: each fold trains on its whole training part"
	}
	from := ""
	if o.folds != "" {
		from = "folds from " + o.folds + ", "
	}
	fmt.Fprintf(a.stdout, "%d-fold cross-validation on %s (%sseed %d, %s)\n", res.K, d.Source.Describe(), from, res.Seed, held)
	tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "fold\ttest rows\tepochs\troc_auc\taccuracy\tf1\tlog_loss\t\n")
	for _, f := range res.Folds {
		s := f.Scores
		fmt.Fprintf(tw, "%d\t%d\t%d\t%.4f\t%.4f\t%.4f\t%.4f\t\n", f.Fold, f.TestRows, f.Epochs, s.ROCAUC, s.Accuracy, s.F1, s.LogLoss)
	}
	m, sd := res.Mean, res.Std
	fmt.Fprintf(tw, "mean\t\t\t%.4f\t%.4f\t%.4f\t%.4f\t\n", m.ROCAUC, m.Accuracy, m.F1, m.LogLoss)
	fmt.Fprintf(tw, "std\t\t\t%.4f\t%.4f\t%.4f\t%.4f\t\n", sd.ROCAUC, sd.Accuracy, sd.F1, sd.LogLoss)
	note := ""
	if nf := res.NotFlaggedMean; nf != nil {
		rows, dropped := 0, 0
		for _, f := range res.Folds {
			rows, dropped = rows+f.NotFlaggedRows, dropped+f.Dropped
		}
		fmt.Fprintf(tw, "not flagged\t%d\t\t%.4f\t%.4f\t%.4f\t%.4f\t\n", rows, nf.ROCAUC, nf.Accuracy, nf.F1, nf.LogLoss)
		note = fmt.Sprintf("Flagged users left out of the folds' training parts: %d in all; \"not flagged\" is the mean over folds "+
			"on the held-out rows not flagged (the other rows are every held-out row)\n", dropped)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if res.BayesAUC != nil {
		fmt.Fprintf(a.stdout, "Bayes limit (true probabilities on the same folds): roc_auc %.4f\n", *res.BayesAUC)
	}
	fmt.Fprint(a.stdout, note)
	return nil
}

// foldAssignment reads --folds, checking it against --cv when both are
// given, or deals retain's own folds.
func (o *evalOptions) foldAssignment(a *app, d *experiment.Data, cfg experiment.Config) (data.FoldAssignment, error) {
	if o.folds == "" {
		return experiment.CVFolds(d, cfg, o.cv)
	}
	f, err := a.open(o.folds)
	if err != nil {
		return data.FoldAssignment{}, fmt.Errorf("--folds: %w", err)
	}
	defer f.Close()
	folds, err := data.ReadFolds(f, o.folds, d.Table.Rows)
	if err != nil {
		return folds, err
	}
	if o.cv != 0 && o.cv != folds.K() {
		return folds, usageError(fmt.Errorf("--cv %d, but %s has %d folds", o.cv, o.folds, folds.K()))
	}
	return folds, nil
}
