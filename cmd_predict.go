package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// predictOptions are the flags of `retain predict`.
type predictOptions struct {
	model, data string
	explain     int
	// log, cutoff and logColumns score an order log's current customers.
	log, cutoff, logColumns string
	dateOrder               string
	// scorer is --scorer: network (the model's) or bgnbd.
	scorer string
	// builtinUsers and builtinSeed score the built-in synthetic shop.
	builtinUsers int
	builtinSeed  uint64
	out          string
	tf           targetFlags
	pseudo       pseudoFlags
}

func newPredictCmd(a *app) *cobra.Command {
	o := &predictOptions{}
	cmd := &cobra.Command{
		Use:   "predict --model FILE (--data FILE | --log FILE [--cutoff DATE] | --builtin-users N) [--explain N] [--out FILE]",
		Short: "Score users with a saved model (CSV on stdout)",
		Long: `Score every row of a per-user CSV with a saved model and print one CSV line per
user: id, probability of the positive class (6 decimals), and the predicted class at the
model's threshold. The file needs the feature columns the model was trained on
(in any order; the label column is optional and extra columns are ignored).

With --explain N, each line also gets the N columns that moved that user's
probability most, as "column=value (+0.1234)": integrated gradients summed over
each original column, in points of the printed (calibrated) probability,
measured against the mean training user stored in the model file (the average
user of the file for older model files without one).

The header is <id column>,probability_<label>_<positive>,predicted_<label>
and reason_1 … reason_N ("row" and 1-based row numbers when the file has no
id column); the TUI's Users export writes the same format.

With --log instead of --data (a model trained on an order log), every
customer with at least one order on or before --cutoff is scored, with rows
built as the model's were (its horizon, features and column roles); the
default cutoff is the log's last date, "today", so every order in the log is
history. --scorer bgnbd scores them with BG/NBD instead (P(at least one order
in the model's horizon), fitted on the log up to the cutoff), for a log where
retain backtest shows BG/NBD ahead of the network; no --explain with it.
Customers first seen fewer than 90 days (the longest feature window)
before the cutoff are scored and marked: a short_history column, true or
false, comes after the predicted class, and stderr counts them.

With --bands shares or --bands capacity:N, a band column follows: the users
ranked by the target's probability (see --target; the model file's target by
default) and cut into the top 5 %, 5–10 %, 10–20 %, 20–50 % and the rest, or
into the top N and the rest. Ties are broken by row order (by pseudonym with
--pseudonymise).

With --pseudonymise the lines are in the order of the pseudonyms, not the
file's: in a file sorted by id a line's position would give its id back.

With --builtin-users N instead of --data, the built-in synthetic shop of N users
(--builtin-seed picks the population) is scored: a model trained on it (retain
train --builtin-users …) can be timed on any number of users without a file.

With --out the CSV is written to FILE (atomically) instead of stdout.`,
		Example: `  retain predict --model model.json --data users.csv > scores.csv
  retain predict --model model.json --data users.csv --explain 3
  retain predict --model log_model.json --log orders.csv --out today.csv
  retain predict --model log_model.json --log orders.csv --cutoff 1998-03-31
  retain predict --model shop.json --builtin-users 1000000 --explain 3 --out scores.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return classify(runPredict(cmd.Context(), a, o))
		},
	}
	fs := cmd.Flags()
	fs.StringVarP(&o.model, "model", "m", "", "model bundle `FILE` written by train")
	inputFileVar(fs, &o.data, "data", "per-user CSV, Parquet or xlsx `FILE` (- for standard input) to score")
	fs.IntVar(&o.explain, "explain", 0, "add the top `N` reasons of each prediction")
	inputFileVar(fs, &o.log, "log", "order log `FILE` (- for standard input) whose customers to score (a model trained on an order log)")
	fs.StringVar(&o.cutoff, "cutoff", "", "score the customers of --log as of `DATE` (YYYY-MM-DD; default: the log's last date)")
	fs.StringVar(&o.logColumns, "log-columns", "", "`ROLES` of --log's columns, as for train (default: the model's)")
	dateOrderVar(fs, &o.dateOrder)
	scorerVar(fs, &o.scorer)
	fs.IntVar(&o.builtinUsers, "builtin-users", 0, "score `N` users of the built-in synthetic shop instead of --data")
	fs.Uint64Var(&o.builtinSeed, "builtin-seed", 0, "seed of the built-in population of --builtin-users")
	fs.StringVarP(&o.out, "out", "o", "", "write the CSV to `FILE` instead of stdout")
	o.tf.registerTarget(cmd)
	o.tf.registerBands(cmd)
	o.pseudo.register(cmd)
	_ = cmd.MarkFlagRequired("model")
	cmd.MarkFlagsOneRequired("data", "log", "builtin-users")
	cmd.MarkFlagsMutuallyExclusive("data", "log", "builtin-users")
	_ = cmd.MarkFlagFilename("model", "json")
	_ = cmd.MarkFlagFilename("data", inputFileExts()...)
	_ = cmd.MarkFlagFilename("log", inputFileExts()...)
	_ = cmd.MarkFlagFilename("out", "csv")
	return cmd
}

func runPredict(ctx context.Context, a *app, o *predictOptions) (err error) {
	if o.explain < 0 {
		return usageError(fmt.Errorf("--explain %d: want a number of reasons ≥ 0", o.explain))
	}
	if o.log == "" {
		if err := modelDataFlags(o.cutoff, o.logColumns, o.dateOrder); err != nil {
			return err
		}
	}
	bgnbd, err := checkScorer(o.scorer, o.log)
	if err != nil {
		return err
	}
	if bgnbd && o.explain > 0 {
		return usageError(errors.New("--explain does not apply to --scorer bgnbd: reasons explain the network's probabilities, not BG/NBD's"))
	}
	builtin := o.data == "" && o.log == ""
	if builtin {
		if err := checkBuiltinUsers(o.builtinUsers); err != nil {
			return err
		}
	}
	if !builtin && o.builtinSeed != 0 {
		return usageError(errors.New("--builtin-seed applies to --builtin-users"))
	}
	if err := checkOutOrStdout(&o.out, inputFile{"model", o.model}, inputFile{"data", o.data}, inputFile{"log", o.log},
		inputFile{"salt-file", o.pseudo.salt}); err != nil {
		return err
	}
	if err := o.tf.checkBands(); err != nil {
		return err
	}
	if o.tf.target != "" && o.tf.bands == "" {
		return usageError(errors.New("--target applies with --bands: the CSV's probabilities are P(positive class) whatever the target"))
	}
	key, err := o.pseudo.key(a)
	if err != nil {
		return err
	}
	// Under --pseudonymise no error quotes a cell that may name someone.
	defer func() { err = experiment.WithholdCells(key, err) }()
	b, err := loadModel(a, o.model)
	if err != nil {
		return err
	}
	capExplain(a, o, b)
	target, note, err := o.tf.resolve(data.LabelSpec(b.Label), b)
	if err != nil {
		return err
	}
	if o.log != "" {
		return runPredictLog(ctx, a, o, b, target, note, key)
	}
	scored, name, cols, err := scoreTable(a, o, b, builtin)
	if err != nil {
		return err
	}
	personal, err := personalValues(a, key, b, cols)
	if err != nil {
		return err
	}
	printNotes(a, append(append([]string{scored.IDNote}, scored.MarkNotes...), personal.UnseenNotes(scored, b.Pipeline, name)...)...)
	scored.IDs = rowIDs(key, scored.IDs, scored.IDName)
	opts := experiment.ExportOptions{IDName: scored.IDName, Label: b.Label, Threshold: b.Threshold,
		Reasons: o.explain, Model: b.File, Data: name, Order: pseudonymOrder(key, scored.IDs, scored.IDName)}
	o.tf.addBands(a, &opts, scored, target, note)
	if err := writeScores(ctx, a, o, b, scored, scored, opts, personal); err != nil {
		return err
	}
	printCellNotes(a, b, scored, nil, name, nil, nil)
	return nil
}

// scoreTable scores --data, or the built-in shop of --builtin-users, and
// returns the scores, the data's name for errors and a reader of the
// scored rows' columns (scoredColumns).
func scoreTable(a *app, o *predictOptions, b *experiment.Bundle, builtin bool) (*experiment.Scored, string, scoredColumns, error) {
	if builtin {
		d, err := experiment.Load(experiment.Source{Kind: "builtin", Users: o.builtinUsers, DataSeed: o.builtinSeed}, a.open)
		if err != nil {
			return nil, "", nil, err
		}
		name := fmt.Sprintf("the built-in shop of %d users", o.builtinUsers)
		if err := b.ForTable(name); err != nil {
			return nil, "", nil, err
		}
		s, err := b.ScoreTable(d.Table)
		return s, name, tableColumns(d.Table), err
	}
	if err := b.ForTable(o.data); err != nil {
		return nil, "", nil, err
	}
	raw, err := readAll(a, o.data)
	if err != nil {
		return nil, "", nil, err
	}
	s, err := b.ScoreCSV(bytes.NewReader(raw), o.data)
	if errors.Is(err, data.ErrLabelNotBinary) {
		s, err = scoreIgnoringLabel(a, b, raw, o.data, err)
	}
	return s, o.data, fileColumns(b, raw, o.data), err
}

// writeScores writes the scores CSV of rows (whose inputs scored holds) to
// stdout or --out, explained when --explain asks for reasons, the values
// of columns that name people shown as pseudonyms (personal, nil: none).
func writeScores(ctx context.Context, a *app, o *predictOptions, b *experiment.Bundle, scored *experiment.Scored,
	rows experiment.ScoreRows, opts experiment.ExportOptions, personal *experiment.PersonalValues) error {
	var err error
	if o.explain > 0 {
		need := b.ExplainMemory(scored.Len(), o.explain, runtime.GOMAXPROCS(0))
		if err := a.checkMemory(fmt.Sprintf("--explain %d: explaining %d rows", o.explain, scored.Len()), need); err != nil {
			return err
		}
		// Reasons are measured against the training-mean user the model
		// file stores; files without one fall back to this file's average.
		if opts.Explainer, err = b.ExplainerFor(scored); err != nil {
			return err
		}
		opts.Explainer.Personal = personal
	}
	return writeOut(ctx, a, o.out, func(w io.Writer) error {
		return experiment.WriteScoresCSV(ctx, w, rows, opts)
	})
}

// capExplain lowers --explain to the model's number of input columns, one
// reason each at most, and says so: more would be always-empty columns.
func capExplain(a *app, o *predictOptions, b *experiment.Bundle) {
	if b.Pipeline == nil || o.explain <= len(b.Pipeline.Columns) {
		return
	}
	n := len(b.Pipeline.Columns)
	fmt.Fprintf(a.stderr, "note: --explain %d: the model has %s, one reason each at most: writing %d reasons\n",
		o.explain, count(n, "input column"), n)
	o.explain = n
}
