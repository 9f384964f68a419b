package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/retainlab/retain/btyd"
	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
)

// backtestOptions are the flags of `retain backtest`.
type backtestOptions struct {
	log, horizon, logColumns string
	dateOrder                string
	folds                    int
	cutoffs, exclude         []string
	cfg                      configFlags
	btydFeatures, json       bool
}

func newBacktestCmd(a *app) *cobra.Command {
	o := &backtestOptions{}
	cmd := &cobra.Command{
		Use:   "backtest --log FILE [--horizon 90d] [--folds K | --cutoffs D1,D2,…] [flags]",
		Short: "Validate an order-log model out of time, fold by fold, beside BG/NBD",
		Long: `Validate an order-log configuration the way it will be used: trained on the
past, applied to the future. For each test cutoff t, a network (the same flags
as train) is trained on the customers at t minus the horizon, labelled by
whether they ordered in the horizon up to t, and measured on the customers at
t, labelled by whether they order in the horizon after t. An order on a cutoff
day is history. Beside it, on the same customers, the classic BG/NBD model
(Fader, Hardie & Lee 2005) is fitted on each test cutoff's history and ranks
them by its probability of at least one purchase in the horizon.

--folds K takes K test cutoffs spaced by the horizon, the latest being the
log's last date minus the horizon (the latest whose label window the log
covers), and the earliest leaving its training cutoff one horizon of
history; when the log is too short for that spacing, they are spaced evenly
and closer, so consecutive label windows overlap (said on the first line of
the output); --cutoffs gives them instead, under the same rule: a cutoff whose
training cutoff has less than one horizon of history, or whose label window
runs past the log's last date, is refused, and so is a fold whose training
customers are all of one class or hold fewer than 10 of either. Per fold:
customers and positive rate of both cohorts (drift), and each model's
roc_auc, average_precision, log_loss and top-decile lift; then their mean
and standard deviation over the folds. A fold (or the mean) whose log loss is
above that of predicting the training cohort's positive rate for every test
customer is named; when BG/NBD ranks or is calibrated better, the closing
lines say so, and give the command that plans on it (--scorer bgnbd) when
it is the better calibrated or ranks better in more than half the folds.`,
		Example: `  retain backtest --log orders.csv --horizon 90d
  retain backtest --log orders.csv --horizon 30d --folds 6 --json > backtest.json
  retain backtest --log orders.csv --horizon 90d --cutoffs 2024-03-31,2024-06-30`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return classify(runBacktest(cmd.Context(), a, o, cmd.Flags().Changed("folds")))
		},
	}
	fs := cmd.Flags()
	inputFileVar(fs, &o.log, "log", "order or event log `FILE` (- for standard input) (required)")
	fs.StringVar(&o.horizon, "horizon", "", "label window after each cutoff, e.g. 90d, 13w or 90 (default 30d)")
	fs.StringVar(&o.logColumns, "log-columns", "", "`ROLES` of --log's columns as role=column pairs, e.g. customer=1,time=3,amount=5 (default: detected)")
	dateOrderVar(fs, &o.dateOrder)
	fs.IntVar(&o.folds, "folds", experiment.DefaultBacktestFolds, "number `K` of test cutoffs, ending at the last date minus the horizon and spaced by the horizon (closer when the log is too short)")
	fs.StringSliceVar(&o.cutoffs, "cutoffs", nil, "test cutoff `DATES` (YYYY-MM-DD, comma-separated) instead of --folds")
	fs.BoolVar(&o.btydFeatures, "btyd-features", false, "add the BG/NBD quantities fitted on each cohort's history up to its cutoff as inputs: btyd_p_alive, btyd_expected_<H>d, btyd_p_any_<H>d")
	fs.StringSliceVar(&o.exclude, "exclude", nil, "leave the `COLUMNS` (comma-separated) out of the features")
	fs.BoolVar(&o.json, "json", false, "print the results as one JSON document")
	o.cfg.register(cmd)
	cmd.MarkFlagsMutuallyExclusive("folds", "cutoffs")
	_ = cmd.MarkFlagRequired("log")
	_ = cmd.MarkFlagFilename("log", inputFileExts()...)
	return cmd
}

// options turns the flags into backtest options and the log's source;
// every error is the user's.
func (o *backtestOptions) options(foldsGiven bool) (experiment.Source, experiment.BacktestOptions, error) {
	src := experiment.Source{Kind: "log", Path: o.log}
	var opts experiment.BacktestOptions
	cols, err := parseLogColumns(o.logColumns)
	if err != nil {
		return src, opts, usageError(fmt.Errorf("--log-columns %q: %w", o.logColumns, err))
	}
	src.LogColumns = cols
	if src.DateOrder, err = parseDateOrderFlag(o.dateOrder); err != nil {
		return src, opts, err
	}
	opts.HorizonDays = data.DefaultHorizonDays
	if o.horizon != "" {
		if opts.HorizonDays, err = parseDays(o.horizon); err != nil {
			return src, opts, usageError(fmt.Errorf("--horizon %q: %w", o.horizon, err))
		}
	}
	src.HorizonDays = opts.HorizonDays
	if foldsGiven && o.folds < 1 {
		return src, opts, usageError(fmt.Errorf("--folds %d: want at least 1 fold", o.folds))
	}
	opts.Folds = o.folds
	opts.BTYD = o.btydFeatures
	if err := checkExclude(o.exclude); err != nil {
		return src, opts, err
	}
	opts.Exclude = o.exclude
	for _, s := range o.cutoffs {
		t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
		if err != nil {
			return src, opts, usageError(fmt.Errorf("--cutoffs: %q is not a date as YYYY-MM-DD", s))
		}
		opts.Cutoffs = append(opts.Cutoffs, t)
	}
	if o.cfg.test != 0 {
		return src, opts, usageError(errors.New("--test does not apply to backtest: each fold is tested on the customers at its test cutoff"))
	}
	if opts.Config, err = o.cfg.config(); err != nil {
		return src, opts, err
	}
	return src, opts, nil
}

func runBacktest(ctx context.Context, a *app, o *backtestOptions, foldsGiven bool) error {
	src, opts, err := o.options(foldsGiven)
	if err != nil {
		return err
	}
	log, warnings, err := experiment.ReadLog(src, a.open, time.Now())
	if err != nil {
		return err
	}
	for _, w := range warnings {
		msg := w.String()
		if fw, ok := w.(*experiment.FutureWarning); ok && !fw.AllFuture() {
			// As recommend and cohorts say it: the folds' cutoffs and
			// label windows end by that date (experiment.BacktestCutoffs).
			msg += fmt.Sprintf("; backtest leaves them out: no fold reads anything dated after the last date up to today, %s",
				fw.LastUpToToday.Format(time.DateOnly))
		}
		fmt.Fprintln(a.stderr, "warning: "+msg)
	}
	for _, n := range experiment.LogReadNotes(src.Path, log) {
		fmt.Fprintln(a.stderr, "note: "+n)
	}
	if experiment.SingleOrders(log) {
		// As train says it: no fold can have a customer who orders again.
		return usageError(fmt.Errorf("%s: every customer has one order, so no fold has a customer who orders again — %s",
			src.Path, singleOrdersWhy(log, log.Columns.Customer)))
	}
	start := time.Now()
	// The span the folds read: the log's up to today when lines dated after
	// it are left out (experiment.BacktestCutoffs), with their count.
	customers, ignored := len(log.Customers), ""
	if log.Future > 0 && !log.LastUpToToday.IsZero() {
		customers = log.CustomersBy(log.LastKnown())
		ignored = "; " + data.Count(log.Future, "line", "lines") + " dated after today ignored"
	}
	fmt.Fprintf(a.stderr, "Backtesting on %s (%s, %s .. %s%s), horizon %s\n", src.Path, data.Count(customers, "customer", "customers"),
		log.First.Format(time.DateOnly), log.LastKnown().Format(time.DateOnly), ignored, data.Count(opts.HorizonDays, "day", "days"))
	res, err := experiment.Backtest(ctx, log, opts, func(done, k int, f *experiment.BacktestFold) {
		bg := fmt.Sprintf("BG/NBD roc_auc %.4f", f.BGNBD.ROCAUC)
		if f.BGNBDErr != nil {
			bg = "BG/NBD not fitted"
		}
		fmt.Fprintf(a.stderr, "fold %d/%d done (test cutoff %s, %d of %d finished, %.1fs): network roc_auc %.4f, %s\n",
			f.Fold, k, f.TestCutoff.Format(time.DateOnly), done, k, time.Since(start).Seconds(), f.Network.ROCAUC, bg)
		noteFoldNetwork(a.stderr, f)
	})
	if err != nil {
		return err
	}
	if o.json {
		return writeJSON(a.stdout, newBacktestJSON(res))
	}
	if err := printBacktest(a.stdout, res); err != nil {
		return err
	}
	chance := backtestChance(res)
	for _, s := range chance {
		fmt.Fprintln(a.stdout, s)
	}
	for _, s := range worseThanConstant(res) {
		fmt.Fprintln(a.stdout, s)
	}
	// Which of two coin flips leads is no advice.
	if len(chance) < 2 {
		said := false
		for _, s := range []string{bgnbdCalibrated(res), bgnbdAhead(res, opts.BTYD)} {
			if s != "" {
				fmt.Fprintln(a.stdout, s)
				said = true
			}
		}
		if said && res.BGNBDWorthScoring() {
			fmt.Fprintln(a.stdout, bgnbdCommand(o.log, res.HorizonDays))
		}
	}
	return nil
}

// backtestChance says of the network and of BG/NBD (when fitted on every
// fold) that it ranks the test customers no better than at random, by the
// Evaluate screen's rule on the mean lift of the top 20 % over the folds
// (experiment.MeanChanceLift); nothing for a model that does better.
func backtestChance(res *experiment.BacktestResult) []string {
	var out []string
	say := func(name string, reports []metrics.Report) {
		if lift, at := experiment.MeanChanceLift(reports); at {
			out = append(out, fmt.Sprintf("%s ranks these customers no better than at random: mean lift of the top 20 %% %.2f× over the folds.", name, lift))
		}
	}
	var network, bgnbd []metrics.Report
	for _, f := range res.Folds {
		network, bgnbd = append(network, f.Network), append(bgnbd, f.BGNBD)
	}
	say("The network", network)
	if res.BGNBD != nil {
		say("BG/NBD", bgnbd)
	}
	return out
}

// bgnbdAhead says, when BG/NBD ranked the test customers better than the
// network on average (ROC AUC over the folds), by how much and in how many
// folds, and what --btyd-features offers ("" when the network is level or
// ahead, or BG/NBD was not fitted on every fold). btyd says the network
// already had BG/NBD's outputs as inputs.
func bgnbdAhead(res *experiment.BacktestResult, btyd bool) string {
	if res.BGNBD == nil || !(res.BGNBD.Mean.ROCAUC > res.Network.Mean.ROCAUC) {
		return ""
	}
	ahead := res.BGNBDRanksAhead()
	s := fmt.Sprintf("BG/NBD ranks these customers better than the network: mean ROC AUC %.4f against %.4f, ahead in %d of %d folds.",
		res.BGNBD.Mean.ROCAUC, res.Network.Mean.ROCAUC, ahead, len(res.Folds))
	if btyd {
		return s + " The network had BG/NBD's outputs as inputs (--btyd-features) and still trails."
	}
	return s + " --btyd-features gives the network BG/NBD's P(alive), expected orders and P(any order) in the horizon as inputs " +
		"(a model with them cannot be exported to SQL)."
}

// printBacktest writes the fold table, the means and the BG/NBD fits.
func printBacktest(w io.Writer, res *experiment.BacktestResult) error {
	fmt.Fprintf(w, "Out-of-time backtest of %s: %s, horizon %s; each fold trains on the customers one horizon before its test cutoff\n",
		res.Log, data.Count(len(res.Folds), "fold", "folds"), data.Count(res.HorizonDays, "day", "days"))
	cutoffs := make([]time.Time, len(res.Folds))
	for i, f := range res.Folds {
		cutoffs[i] = f.TestCutoff
	}
	if d, overlap := experiment.BacktestSpacing(cutoffs, res.HorizonDays); overlap {
		fmt.Fprintf(w, "The test cutoffs are %s apart, less than the horizon, so consecutive label windows overlap and the folds are not independent\n",
			data.Count(d, "day", "days"))
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "fold\ttrain cutoff\ttest cutoff\ttrain customers\ttest customers\ttrain positive\ttest positive\tmodel\troc_auc\taverage_precision\tlog_loss\ttop-decile lift\t\n")
	// A figure that is undefined (the deviation of one fold) is "–".
	figure := func(v float64, decimals int) string {
		if math.IsNaN(v) {
			return "–"
		}
		return strconv.FormatFloat(v, 'f', decimals, 64)
	}
	row := func(s experiment.BacktestScores) string {
		return fmt.Sprintf("%s\t%s\t%s\t%s\t", figure(s.ROCAUC, 4), figure(s.AveragePrecision, 4), figure(s.LogLoss, 4), figure(s.TopDecileLift, 2))
	}
	for _, f := range res.Folds {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\tnetwork\t%s\n", f.Fold, f.TrainCutoff.Format(time.DateOnly),
			f.TestCutoff.Format(time.DateOnly), data.Thousands(f.Train.Customers), data.Thousands(f.Test.Customers),
			percent(f.Train.PositiveRate), percent(f.Test.PositiveRate), row(experiment.BacktestScoresOf(f.Network)))
		if f.BGNBDErr != nil {
			fmt.Fprintf(tw, "\t\t\t\t\t\t\tBG/NBD\tnot fitted\t\t\t\t\n")
		} else {
			fmt.Fprintf(tw, "\t\t\t\t\t\t\tBG/NBD\t%s\n", row(experiment.BacktestScoresOf(f.BGNBD)))
		}
	}
	for _, m := range []struct {
		name string
		pick func(experiment.BacktestSummary) experiment.BacktestScores
	}{
		{"mean", func(s experiment.BacktestSummary) experiment.BacktestScores { return s.Mean }},
		{"std", func(s experiment.BacktestSummary) experiment.BacktestScores { return s.Std }},
	} {
		fmt.Fprintf(tw, "%s\t\t\t\t\t\t\tnetwork\t%s\n", m.name, row(m.pick(res.Network)))
		if res.BGNBD != nil {
			fmt.Fprintf(tw, "\t\t\t\t\t\t\tBG/NBD\t%s\n", row(m.pick(*res.BGNBD)))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, "BG/NBD fitted on each test cutoff's history (weeks, same-day orders merged), scored by P(at least one order in the horizon):")
	for _, f := range res.Folds {
		if f.BGNBDErr != nil {
			fmt.Fprintf(w, "  fold %d: not fitted: %s\n", f.Fold, experiment.BaselineReason(f.BGNBDErr))
			continue
		}
		fmt.Fprintf(w, "  fold %d: %s\n", f.Fold, describeBGNBD(f.BGNBDFit))
	}
	return nil
}

// describeBGNBD writes a fit's period and parameters in one line.
func describeBGNBD(f experiment.BGNBDFit) string {
	return fmt.Sprintf("%s .. %s, %s customers: r %.4g, alpha %.4g, a %.4g, b %.4g, log-likelihood %.1f",
		f.CalibrationStart.Format(time.DateOnly), f.CalibrationEnd.Format(time.DateOnly), data.Thousands(f.Customers),
		f.R, f.Alpha, f.A, f.B, f.LogLikelihood) + degenerateNote(f)
}

// degenerateNote says, after a fit's parameters, that the fit is
// degenerate (btyd.Params.Degenerate); "" when it is not.
func degenerateNote(f experiment.BGNBDFit) string {
	if !f.Params().Degenerate() {
		return ""
	}
	return fmt.Sprintf(" (a degenerate fit: a parameter is outside %g … %g, at a limit of the model where it says little about the customers)",
		btyd.DegenerateLow, btyd.DegenerateHigh)
}

// bgnbdJSON is the BG/NBD baseline in JSON: its fit and, under eval's
// metric names, its figures on the same customers as the network; or, when
// it could not be fitted, why.
type bgnbdJSON struct {
	Fit   *experiment.BGNBDFit `json:"fit,omitempty"`
	Error string               `json:"error,omitempty"`
	*metrics.Report
}

// baselinesJSON holds the baselines measured beside the network.
type baselinesJSON struct {
	BGNBD bgnbdJSON `json:"bgnbd"`
}

// backtestFoldJSON is one fold of `retain backtest --json`.
type backtestFoldJSON struct {
	Fold              int            `json:"fold"`
	TrainCutoff       string         `json:"train_cutoff"`
	TestCutoff        string         `json:"test_cutoff"`
	TrainCustomers    int            `json:"train_customers"`
	TestCustomers     int            `json:"test_customers"`
	TrainPositiveRate float64        `json:"train_positive_rate"`
	TestPositiveRate  float64        `json:"test_positive_rate"`
	TrainRows         int            `json:"train_rows"`
	ValRows           int            `json:"val_rows"`
	Epochs            int            `json:"epochs"`
	BestEpoch         int            `json:"best_epoch"`
	Network           metrics.Report `json:"network"`
	Baselines         baselinesJSON  `json:"baselines"`
	// ConstantLogLoss is the log loss of the training cohort's positive
	// rate predicted for every test customer
	// (experiment.BacktestFold.ConstantLogLoss).
	ConstantLogLoss float64 `json:"constant_log_loss"`
	// DecayCheck and CalibrationDropped are the fold's, as in train's
	// and eval --cv's JSON (absent when no check ran, or the map was
	// applied or none asked for).
	DecayCheck         *experiment.DecayCheck         `json:"decay_check,omitempty"`
	CalibrationDropped *experiment.CalibrationDropped `json:"calibration_not_applied,omitempty"`
}

// backtestJSON is the JSON document of `retain backtest --json`.
type backtestJSON struct {
	Log         string             `json:"log"`
	HorizonDays int                `json:"horizon_days"`
	Config      experiment.Config  `json:"config"`
	Folds       []backtestFoldJSON `json:"folds"`
	// Summary holds, per model, the mean and standard deviation over the
	// folds of the figures (eval's names, plus top_decile_lift).
	Summary map[string]experiment.BacktestSummary `json:"summary"`
	// ConstantLogLossMean is the mean over the folds of their
	// constant_log_loss; WorseThanConstant lists each fold (0: the mean)
	// where a model's log loss is above it (empty when none is).
	ConstantLogLossMean float64                        `json:"constant_log_loss_mean"`
	WorseThanConstant   []experiment.WorseThanConstant `json:"worse_than_constant"`
	// BGNBDBetterCalibrated says that BG/NBD's mean log loss is lower than
	// the network's by more than experiment.BGNBDLogLossMargin.
	BGNBDBetterCalibrated bool `json:"bgnbd_better_calibrated"`
}

func newBacktestJSON(res *experiment.BacktestResult) backtestJSON {
	out := backtestJSON{Log: res.Log, HorizonDays: res.HorizonDays, Config: res.Config,
		Summary:             map[string]experiment.BacktestSummary{"network": res.Network},
		ConstantLogLossMean: res.MeanConstantLogLoss(), WorseThanConstant: res.WorseThanConstant()}
	if out.WorseThanConstant == nil {
		out.WorseThanConstant = []experiment.WorseThanConstant{}
	}
	out.BGNBDBetterCalibrated, _ = res.BGNBDBetterCalibrated()
	if res.BGNBD != nil {
		out.Summary["bgnbd"] = *res.BGNBD
	}
	for _, f := range res.Folds {
		bg := bgnbdJSON{Fit: &f.BGNBDFit, Report: &f.BGNBD}
		if f.BGNBDErr != nil {
			bg = bgnbdJSON{Error: f.BGNBDErr.Error()}
		}
		out.Folds = append(out.Folds, backtestFoldJSON{
			Fold: f.Fold, TrainCutoff: f.TrainCutoff.Format(time.DateOnly), TestCutoff: f.TestCutoff.Format(time.DateOnly),
			TrainCustomers: f.Train.Customers, TestCustomers: f.Test.Customers,
			TrainPositiveRate: f.Train.PositiveRate, TestPositiveRate: f.Test.PositiveRate,
			TrainRows: f.TrainRows, ValRows: f.ValRows, Epochs: f.Epochs, BestEpoch: f.BestEpoch,
			Network: f.Network, Baselines: baselinesJSON{BGNBD: bg}, ConstantLogLoss: f.ConstantLogLoss(),
			DecayCheck: f.Decay, CalibrationDropped: f.CalibrationDropped,
		})
	}
	return out
}

// noteFoldNetwork says on w which network a fold's decay check kept and
// why its Platt map was not applied, as train and eval --cv say them,
// prefixed by the fold: the folds train on few customers, where both
// happen.
func noteFoldNetwork(w io.Writer, f *experiment.BacktestFold) {
	where := fmt.Sprintf("fold %d: ", f.Fold)
	if d := describeDecay(f.Decay); d != "" {
		fmt.Fprintf(w, "note: %s%s\n", where, strings.ToLower(d[:1])+d[1:])
	}
	noteCalibrationNone(w, where, f.CalibrationDropped)
}
