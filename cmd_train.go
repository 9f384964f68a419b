package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
)

// trainOptions are the flags of `retain train`.
type trainOptions struct {
	src  sourceFlags
	cfg  configFlags
	out  string
	json bool
	// levers are the columns the platform can influence, recorded in the
	// model file for plan.
	levers []string
	tf     targetFlags
	ex     excludeFlags
	// storePath records the training file's path in the model file.
	storePath bool
}

func newTrainCmd(a *app) *cobra.Command { return trainCommand(a, &trainOptions{}) }

// trainCommand is `retain train` reading its flags into o.
func trainCommand(a *app, o *trainOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "train [flags]",
		Short: "Train a network and save it as a model bundle",
		Long: `Train a multilayer perceptron on a per-user table, an order log (either as CSV,
Parquet or an Excel workbook (xlsx), recognised by content) or the built-in data,
with Keras-like progress on stderr, and print the final metrics on stdout (the
test part with --test, else the validation part).

With --out the trained model (network and preprocessing) is written atomically:
an interrupted run leaves no file behind. --levers names the feature columns the
platform can influence (coupons, time in the app…); the model file records them
and plan looks for each customer's most movable one.

--target prevent|encourage says which outcome plans act on, and is recorded in
the model file for eval and predict: prevent the bad outcome (churn, cancel) or
encourage the good one (buy, renew), the class the label's name points to; the
users to act on are those most likely to have that outcome. The default comes
from the label's name and is printed on stderr. prevent:CLASS or
encourage:CLASS names the class when the label's name misleads the guess.`,
		Example: `  retain train --epochs 20 --out model.json
  retain train --data users.csv --label churned --layers 64,32 --activation relu,tanh --out model.json
  retain train --log orders.csv --cutoff 2024-06-01 --horizon 30d --json > result.json
  retain train --log online_retail.parquet --horizon 90d`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return classify(runTrain(cmd.Context(), a, o))
		},
	}
	o.src.register(cmd, true)
	o.cfg.register(cmd)
	cmd.Flags().StringVarP(&o.out, "out", "o", "", "write the model bundle to `FILE` (JSON)")
	cmd.Flags().BoolVar(&o.json, "json", false, "print the results as one JSON document")
	cmd.Flags().StringSliceVar(&o.levers, "levers", nil,
		"feature `COLUMNS` the platform can influence (comma-separated; COLUMN:up or COLUMN:down moves a numeric one only that way), recorded in the model file for plan")
	o.tf.registerTarget(cmd)
	o.ex.register(cmd)
	registerStorePath(cmd, &o.storePath)
	_ = cmd.MarkFlagFilename("out", "json")
	return cmd
}

// trainResult is the JSON document of `retain train --json`: the metrics
// of the final part at the top level, with scikit-learn names.
type trainResult struct {
	Source  experiment.Source   `json:"source"`
	Config  experiment.Config   `json:"config"`
	Network engine.Architecture `json:"network"`
	// Split counts the rows of each part ("rows" is the final part's count,
	// from the metrics report).
	Split      partRows        `json:"split"`
	State      string          `json:"state"`
	Epochs     int             `json:"epochs"`
	BestEpoch  int             `json:"best_epoch,omitempty"`
	Part       experiment.Part `json:"part"`
	BayesLimit *bayesJSON      `json:"bayes_limit,omitempty"`
	Model      string          `json:"model,omitempty"`
	// Calibration compares the final part before and after calibration;
	// Thresholds are chosen on the calibration part.
	Calibration *experiment.CalibrationCheck `json:"calibration,omitempty"`
	Thresholds  *experiment.Thresholds       `json:"thresholds,omitempty"`
	// CalibrationDropped says why the calibration asked for was not
	// applied.
	CalibrationDropped *experiment.CalibrationDropped `json:"calibration_not_applied,omitempty"`
	metrics.Report
	History []engine.EpochStats `json:"history"`
	// NotFlagged is measured on the same part's rows not flagged by
	// --exclude-anomalies (absent without it).
	NotFlagged *notFlagged `json:"not_flagged,omitempty"`
	// DecayCheck is the validation comparison of the two decays (absent
	// without --l2-prior-alt).
	DecayCheck *experiment.DecayCheck `json:"decay_check,omitempty"`
}

// notFlagged is the figures on the held-out rows --exclude-anomalies did
// not flag.
type notFlagged struct {
	Rows   int            `json:"rows"`
	Report metrics.Report `json:"report"`
}

// partRows counts the rows of each part of the split.
type partRows struct {
	Train      int `json:"train"`
	Validation int `json:"validation"`
	Test       int `json:"test"`
	// Calibration is the calibration part, carved from the training rows.
	Calibration int `json:"calibration,omitempty"`
}

func runTrain(ctx context.Context, a *app, o *trainOptions) error {
	defer lowerGCPercent(a)()
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
	if err := checkOut(o.out, inputFile{"data", o.src.data}, inputFile{"log", o.src.log}); err != nil {
		return err
	}
	if _, err := modelTime(a); err != nil && o.out != "" {
		return err // before training, not after it
	}
	if err := checkSourceMemory(a, src); err != nil {
		return err
	}
	d, e, flagged, err := prepareTraining(ctx, a, o, src, cfg)
	if err != nil {
		return err
	}
	if o.out != "" {
		// Refused now rather than after the training.
		if err := e.Pipeline.PrivacyCheck(); err != nil {
			return fmt.Errorf("%w; no model can be written with --out", err)
		}
	}
	for _, name := range e.Pipeline.ConstantColumns() {
		fmt.Fprintf(a.stderr, "note: column %q: its privacy bounds (means of the 10th to 19th smallest and largest training values) meet, "+
			"so every value reaches the model as the same number and it cannot use the column; fewer than 10 customers differ from its common value, "+
			"or the training rows are too few: train on more rows, or exclude it\n", name)
	}
	for _, name := range e.Pipeline.RareFlags() {
		fmt.Fprintf(a.stderr, "note: column %q: a yes/no column whose rarer value fewer than 10 training customers hold: "+
			"that value folds into the common one, as a level seen fewer than 10 times folds into (other), "+
			"so every value reaches the model as the same number and it cannot use the column: train on more rows, or exclude it\n", name)
	}
	printNotes(a, data.MissingNotes(d.Table, e.Pipeline, cfg.Pipeline)...)
	levers, err := experiment.CheckLevers(e.Pipeline, o.levers)
	if err != nil {
		return usageError(fmt.Errorf("--levers: %w", err))
	}
	part := experiment.FinalPart(cfg)
	if err := checkPart(e, part, d.Source.Describe()); err != nil {
		return err
	}
	// From here on train reads only the prepared matrices: the table's
	// cells would be a second copy of the data while the network trains.
	e.ReleaseTableCells()
	runtime.GC()
	target, note, err := o.tf.resolve(e.Pipeline.Label, nil)
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stderr, note)
	fmt.Fprintf(a.stderr, "Training on %s: %s train, %s validation, %s test rows%s (%s)\n",
		d.Source.Describe(), data.Thousands(e.Train.Rows), data.Thousands(e.Val.Rows), data.Thousands(e.Test.Rows),
		calibRowsNote(e), splitScheme(d, cfg))
	if n := outOfTimeNote(d); n != "" {
		fmt.Fprintln(a.stderr, "note: "+n)
	}
	if n := e.Pipeline.Duplicates; n > 0 {
		fmt.Fprintf(a.stderr, "note: %s: dropped %s of the training part, exact duplicates of an earlier row (not counted above)\n",
			d.Source.Describe(), count(n, "row"))
	}
	for _, w := range e.Copies.Warnings() {
		fmt.Fprintf(a.stderr, "warning: %s: %s\n", d.Source.Describe(), w)
	}
	if e.CalibNote != "" {
		fmt.Fprintf(a.stderr, "note: %s\n", e.CalibNote)
	}
	if _, wide := e.WideNetwork(); wide {
		printNotes(a, wideNote(d.Source.Describe(), e.Train.Rows, e.Net.Inputs()))
	}
	fmt.Fprintf(a.stderr, "Network: %s\n", describeNetwork(e.Architecture()))
	if err := trainShown(ctx, a, e, func(err error) error {
		return withDivergedHint(err, d.Source.Describe(), "; no model written (try a lower --lr, or --l2)")
	}); err != nil {
		if ctx.Err() != nil {
			noteInterrupted(a.stderr, e.Trainer, o.out)
		}
		return err
	}
	ev, err := e.Evaluate(part, cfg.Threshold)
	if err != nil {
		return err
	}
	var clean *notFlagged
	if flagged != nil {
		r, n, err := e.ReportWhere(part, func(row int) bool { return !flagged[row] }, cfg.Threshold)
		if err != nil {
			return err
		}
		clean = &notFlagged{Rows: n, Report: r}
	}
	check, th, err := calibrationOf(e, part)
	if err != nil {
		return err
	}
	dropped, err := e.CalibrationDropped()
	if err != nil {
		return err
	}
	noteCalibrationNone(a.stderr, "", dropped)
	if err := ctx.Err(); err != nil {
		noteInterrupted(a.stderr, e.Trainer, o.out)
		return err // a late Ctrl-C still leaves no file
	}
	if o.out != "" {
		if err := saveModel(ctx, a, e, cfg.Threshold, levers, target, o.out, o.storePath); err != nil {
			return err
		}
		fmt.Fprintf(a.stderr, "Model written to %s\n", o.out)
	}
	if o.json {
		return writeJSON(a.stdout, trainResult{
			Source: d.Source, Config: cfg, Network: e.Architecture(),
			Split: partRows{Train: e.Train.Rows, Validation: e.Val.Rows, Test: e.Test.Rows, Calibration: e.Calib.Rows},
			State: e.Trainer.State().String(), Epochs: len(e.Trainer.History()), BestEpoch: e.Trainer.BestEpoch(),
			Part: part, BayesLimit: bayesOf(ev.Bayes), Model: o.out, Report: ev.Report, History: e.Trainer.History(),
			Calibration: check, Thresholds: th, CalibrationDropped: dropped, NotFlagged: clean, DecayCheck: e.Decay,
		})
	}
	printMetrics(a.stdout, partTitle(part), ev.Report, ev.Bayes)
	printCalibration(a.stdout, check, th)
	if clean != nil {
		notFlaggedLine(a.stdout, clean.Rows, ev.Report.Rows, clean.Report)
	}
	fmt.Fprintln(a.stdout)
	printConfusion(a.stdout, ev.Report.Confusion)
	return nil
}

// inputFile is a file a command reads, named by its flag (without "--").
type inputFile struct{ flag, path string }

// checkOut refuses, before a long training, an --out that could not be
// written: anything but a regular file or a new name in an existing,
// writable directory; and one that is a file the command reads (inputs),
// which writing would replace.
func checkOut(out string, inputs ...inputFile) error {
	return checkOutFlag("--out", out, inputs...)
}

// checkOutOrStdout is checkOut for a command whose results go to stdout
// without --out: "-" names stdout too, and *out becomes "" for it.
func checkOutOrStdout(out *string, inputs ...inputFile) error {
	if *out == "-" {
		*out = ""
	}
	return checkOut(*out, inputs...)
}

// checkOutFlag is checkOut for the output file of the given flag.
func checkOutFlag(flag, out string, inputs ...inputFile) error {
	if out == "" {
		return nil
	}
	// "-" would otherwise be a file named "-" in the working folder.
	if out == "-" {
		return usageError(fmt.Errorf("%s -: give a file name (stdout carries the results)", flag))
	}
	if err := checkNotInput(flag, out, inputs); err != nil {
		return err
	}
	if kind := experiment.DescribeNonRegular(out); kind != "" {
		return usageError(fmt.Errorf("%s %s is %s: give the name of a regular file (new or to replace)", flag, out, kind))
	}
	dir := filepath.Dir(out)
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		return usageError(fmt.Errorf("%s %s: directory %s does not exist", flag, out, dir))
	}
	if !dirWritable(dir) {
		return usageError(fmt.Errorf("%s %s: directory %s is not writable", flag, out, dir))
	}
	return nil
}

// checkNotInput refuses an output path flag that names the same file as
// one of inputs: the output would replace the input.
func checkNotInput(flag, out string, inputs []inputFile) error {
	outInfo, err := os.Stat(out)
	if err != nil {
		return nil // a new name: nothing to replace
	}
	for _, in := range inputs {
		if in.path == "" {
			continue
		}
		if inInfo, err := os.Stat(in.path); err == nil && os.SameFile(outInfo, inInfo) {
			return usageError(fmt.Errorf("%s %s would replace the --%s file it reads", flag, out, in.flag))
		}
	}
	return nil
}

// checkPart refuses, before any training, a split that leaves the part the
// metrics come from without rows or without one of the classes; source
// names the data.
func checkPart(e *experiment.Experiment, p experiment.Part, source string) error {
	if err := e.CheckPart(p); err != nil {
		return usageError(fmt.Errorf("%s: %w (use more data, or change --val/--test)", source, err))
	}
	return nil
}

func partTitle(p experiment.Part) string {
	switch p {
	case experiment.TestPart:
		return "Test metrics"
	case experiment.ValPart:
		return "Validation metrics"
	}
	return "Training-set metrics (no held-out rows: optimistic)"
}

// trainShown trains e with its progress on stderr, says how training
// ended, then runs the decay check's second training the same way
// (checkDecay). A training error goes through failed, for the caller's
// hint.
func trainShown(ctx context.Context, a *app, e *experiment.Experiment, failed func(error) error) error {
	pr := newProgressPrinter(a)
	if err := watchTraining(ctx, e.Trainer, pr); err != nil {
		return failed(err)
	}
	reportStop(a.stderr, e.Trainer, "")
	return checkDecay(ctx, a.stderr, e, pr)
}

// noteInterrupted says, on a train interrupted (Ctrl-C, SIGTERM) before
// its model was written, where training stood and that nothing was saved:
// an interrupted train writes no model, not even its best epoch's (the
// TUI's x, which keeps a stopped run for the session, does keep its best
// epoch's weights, as early stopping would).
func noteInterrupted(w io.Writer, t *engine.Trainer, out string) {
	var at string
	if ep, b := t.Position(); !t.Done() {
		switch {
		case b > 0:
			at = fmt.Sprintf("at epoch %d, batch %d", ep+1, b)
		case ep == 0:
			at = "before the first epoch ended"
		default:
			at = fmt.Sprintf("after epoch %d", ep)
		}
	} else {
		at = fmt.Sprintf("after training (%s)", t.State())
	}
	if out == "" {
		fmt.Fprintf(w, "Interrupted %s: nothing saved.\n", at)
		return
	}
	fmt.Fprintf(w, "Interrupted %s: no model written; %s is as it was (an interrupted train saves nothing, not even its best epoch).\n", at, out)
}

// reportStop says how training ended when it was not simply all epochs.
// run names a training other than the one the command saves (the decay
// check's second network: "Decay check run (2 / rows)"), whose lines it
// prefixes so that they are not read as the saved model's; "" for the
// command's own training.
func reportStop(w io.Writer, t *engine.Trainer, run string) {
	hist := t.History()
	var line string
	switch {
	case t.State() == engine.StoppedEarly:
		line = fmt.Sprintf("Stopped early after epoch %d: no improvement for %d epochs; kept the weights of epoch %d.",
			len(hist), t.Config().EarlyStop.Patience, t.BestEpoch())
	case t.BestEpoch() > 0 && t.BestEpoch() != len(hist):
		line = fmt.Sprintf("Kept the weights of epoch %d, the best on validation.", t.BestEpoch())
	default:
		return
	}
	if run != "" {
		line = run + ": " + strings.ToLower(line[:1]) + line[1:]
	}
	fmt.Fprintln(w, line)
}

// checkDecay runs the experiment's decay check when its configuration
// asks for one, saying on w what it compares and what it kept. The second
// training's epochs go to pr, as the first's did (it may take minutes).
func checkDecay(ctx context.Context, w io.Writer, e *experiment.Experiment, pr *progressPrinter) error {
	if !e.ChecksDecay() {
		return nil
	}
	fmt.Fprintf(w, "Checking the decay: training again at %g / training rows instead of %s, from the same first weights…\n",
		e.Config.L2PriorAlt, priorText(e.Config.L2Prior, e.TrainedPrior()))
	e.DecayRun = func(ctx context.Context, t *engine.Trainer) error {
		if err := watchTraining(ctx, t, pr); err != nil {
			return err
		}
		reportStop(w, t, fmt.Sprintf("Decay check run (%g / rows)", e.Config.L2PriorAlt))
		return nil
	}
	defer func() { e.DecayRun = nil }()
	if err := e.CheckDecay(ctx); err != nil {
		return err
	}
	fmt.Fprintln(w, describeDecay(e.Decay))
	fmt.Fprintln(w, describeKept(e))
	return nil
}

// describeKept says, after the decay check, which network and epoch the
// experiment now holds (the one a train saves): the check's own lines
// above it describe either run, and the last of them the one it may have
// discarded.
func describeKept(e *experiment.Experiment) string {
	t := e.Trainer
	epoch := t.BestEpoch()
	if epoch == 0 {
		epoch = len(t.History())
	}
	return fmt.Sprintf("Kept model: the %.4g / rows network, with the weights of epoch %d of %d.", e.TrainedPrior(), epoch, len(t.History()))
}

// describeDecay says in one line what the decay check measured and kept.
func describeDecay(d *experiment.DecayCheck) string {
	if d == nil {
		return ""
	}
	first := fmt.Sprintf("%.4g", d.FirstPrior())
	alt := fmt.Sprintf("%g", d.AltPrior)
	kept, other := first, alt
	if d.Switched {
		kept, other = alt, first
	}
	line := fmt.Sprintf("Decay check on the %s validation rows: log loss %.4f at %s / rows, %.4f at %s / rows (z %+.2f; %s / rows is taken only below %+.1f): kept the %s / rows network, not the %s / rows one.",
		data.Thousands(d.Rows), d.Loss, first, d.AltLoss, alt, d.Z, alt, -experiment.DecaySwitchZ, kept, other)
	if d.RaisedPrior > 0 {
		line += fmt.Sprintf(" %s / rows is the prior %g raised: fewer than %d training rows per input.", first, d.Prior, experiment.PriorRowsPerInput)
	}
	return line
}

// priorText is a prior per training row as the network trained with it:
// "20", or "185.2 (20 raised: fewer than 100 training rows per input)"
// when experiment.InputPrior raised the configured prior to trained.
func priorText(configured, trained float64) string {
	if trained <= configured {
		return fmt.Sprintf("%g", configured)
	}
	return fmt.Sprintf("%.4g (%g raised: fewer than %d training rows per input)", trained, configured, experiment.PriorRowsPerInput)
}

// registerStorePath adds --store-source-path, which records the training
// file's path in the model file (left out by default: see README, Privacy).
func registerStorePath(cmd *cobra.Command, dst *bool) {
	cmd.Flags().BoolVar(dst, "store-source-path", false,
		"record the training file's path in the model file (left out by default)")
}

// trainGCPercent is the garbage collector's target while training: the
// data and the prepared matrices are large and live for the whole run,
// what each epoch throws away is small, so letting the heap grow by 100 %
// of the live data (the default) before collecting would only double the
// peak memory. Collecting at 25 % costs a few more collections (each a
// fraction of an epoch) and keeps 1,000,000 built-in users lower.
const trainGCPercent = 25

// lowerGCPercent sets trainGCPercent unless GOGC says otherwise, and
// returns the function putting the previous setting back.
func lowerGCPercent(a *app) func() {
	if a.env != nil && a.env("GOGC") != "" {
		return func() {}
	}
	prev := debug.SetGCPercent(trainGCPercent)
	return func() { debug.SetGCPercent(prev) }
}
