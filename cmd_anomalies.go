package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/retainlab/retain/anomaly"
	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// anomaliesOptions are the flags of `retain anomalies`.
type anomaliesOptions struct {
	src              sourceFlags
	abusers          float64
	top              int
	json, evaluate   bool
	truth, archetype string
	exportFeatures   string
	seed             uint64
	trim             float64
	neighbours       int
	members          int
	pseudo           pseudoFlags
}

func newAnomaliesCmd(a *app) *cobra.Command {
	o := &anomaliesOptions{}
	cmd := &cobra.Command{
		Use:   "anomalies [--data F | --log F | --builtin-users N --builtin-abusers S] [--top 50] [--json] [--evaluate --truth COLUMN] [--neighbours K]",
		Short: "Rank users by how abnormal they are (abuse: click farms, fake orders, coupon abuse)",
		Long: `Score every user of a per-user table, an order log's customers or the built-in
shop by how badly an autoencoder reconstructs them. An order log's customers
are scored as of --cutoff (default: the log's last date, not counting lines
dated after today), every customer with an order up to that day: the score
needs no label, so there is no horizon. It is a network with a one-unit
bottleneck, linear outputs and a mean squared error loss, trained on the
churn model's preprocessed features (a table needs no label; one it has is
left out), each passed through a rank-gauss transform so that no column's
tail outweighs the others. A user whose columns do not go together the way most users' do
is reconstructed badly (the mean over 5 such networks, each trained on its
own random sample of at most 20,000 users, and trained again without the 5 %
of them it reconstructed worst, --trim). A user's score is that error
averaged with the errors of the 20 users nearest to it in the networks'
inputs (--neighbours; Euclidean distance, ties by row): abuse is
coordinated, so an abuser's look-alikes are reconstructed badly too, while
an honest user with a rare combination has look-alikes that are
reconstructed well. On more than 20,000 users only the top max(20,000, 5 %)
users by raw error are smoothed, their neighbours searched among all users;
the others keep the raw error. A lone abuser unlike every other user ranks
lower than by the raw error; --neighbours 0 scores by the raw error alone.
The users are listed by score with the three
columns that contribute most, in the user's own units next to the typical
(median) value, and the robust baseline beside it: the largest median/MAD
z-score over the numeric columns (yes/no columns left out). A column with the
same value for every user is left out of both, with a note. The count above the default cut-off
(Tukey's fence Q3 + 1.5·IQR on the scores) is printed on stderr. The
networks see ranks, not magnitude, so a user with a value far outside its
column's usual range (beyond its 1 %–99 % range by more than twice the
range's width on the scale sign(v)·log(1+|v|)), or negative in a column where
fewer than 1 % are, is listed above every other user with that column as
its first reason. --neighbours K takes at most the users − 2. The ranking
moves with --seed; --members 20 makes it steadier, four times slower.

The built-in shop plants abusers (--builtin-abusers, default 1 %) of three
archetypes with truth columns abuser and abuser_archetype, which are never
features. --evaluate measures the network and the baseline against a 0/1
truth column (--truth; on the built-in shop the planted flag): ROC AUC,
average precision, precision@k with k the number of abusers, and recall per
archetype (--archetype) in the top 2k.

--export-features writes the preprocessed features (and the truth columns)
as CSV, for scoring the same inputs with another tool. Progress goes to
stderr, results to stdout.`,
		Example: `  retain anomalies --top 20
  retain anomalies --builtin-users 1000000 --builtin-abusers 0.01 --evaluate
  retain anomalies --data users.csv --evaluate --truth is_fraud --json
  retain anomalies --log orders.csv --export-features features.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return classify(runAnomalies(cmd.Context(), a, o, cmd.Flags().Changed("builtin-abusers")))
		},
	}
	o.src.asOf = true
	o.src.register(cmd, true)
	fs := cmd.Flags()
	fs.Float64Var(&o.abusers, "builtin-abusers", 0.01, "share `S` (0 to 0.5) of planted abusers in the built-in shop")
	fs.IntVar(&o.top, "top", 50, "users listed")
	fs.BoolVar(&o.json, "json", false, "print the result as one JSON document")
	o.pseudo.register(cmd)
	fs.BoolVar(&o.evaluate, "evaluate", false, "measure the network and the baseline against --truth")
	fs.StringVar(&o.truth, "truth", "", "0/1 or yes/no `COLUMN` saying who is abusive (not a feature; default on the built-in shop: abuser)")
	fs.StringVar(&o.archetype, "archetype", "", "`COLUMN` naming each abuser's kind, for recall per archetype (not a feature; built-in: abuser_archetype)")
	fs.StringVar(&o.exportFeatures, "export-features", "", "write the preprocessed features as CSV to `FILE`")
	fs.Uint64Var(&o.seed, "seed", 0, "seed of the training sample, weights and shuffles")
	fs.Float64Var(&o.trim, "trim", anomaly.DefaultTrim, "retrain without the `SHARE` (0..0.5) of training users reconstructed worst (0: one round)")
	fs.IntVar(&o.neighbours, "neighbours", anomaly.DefaultNeighbours, "average each user's error with its `K` nearest users' (0: the raw error)")
	fs.IntVar(&o.members, "members", anomaly.DefaultMembers, "average `N` autoencoders, each from its own seed (more: a steadier ranking, in proportion slower)")
	return cmd
}

// options checks the flags and returns the source and anomaly options.
func (o *anomaliesOptions) options(abusersSet bool) (experiment.Source, anomaly.Options, error) {
	src, err := o.src.source()
	if err != nil {
		return src, anomaly.Options{}, err
	}
	opts := anomaly.Options{Truth: strings.TrimSpace(o.truth), Archetype: strings.TrimSpace(o.archetype), Seed: o.seed, Trim: o.trim,
		Neighbours: o.neighbours, Members: o.members}
	if o.trim == 0 {
		opts.Trim = -1 // one round
	}
	switch {
	case o.neighbours < 0:
		return src, opts, usageError(fmt.Errorf("--neighbours %d: want 0 (the raw error) or more users", o.neighbours))
	case o.neighbours == 0:
		opts.Neighbours = -1 // the raw error
	}
	if o.members < 1 {
		return src, opts, usageError(fmt.Errorf("--members %d: want at least 1 network", o.members))
	}
	if o.top < 1 {
		return src, opts, usageError(fmt.Errorf("--top %d: want at least 1 user", o.top))
	}
	if err := checkAbuserShare(o.abusers, abusersSet, src); err != nil {
		return src, opts, err
	}
	if !(o.trim >= 0 && o.trim <= 0.5) {
		return src, opts, usageError(fmt.Errorf("--trim %v: want a share from 0 to 0.5", o.trim))
	}
	if src.Kind == "builtin" {
		// The planted truth columns are never features.
		if opts.Truth == "" {
			opts.Truth = data.AbuserColumnName
		}
		if opts.Archetype == "" {
			opts.Archetype = data.ArchetypeColumnName
		}
		if o.abusers == 0 && !o.evaluate {
			opts.Truth, opts.Archetype = "", ""
			opts.Exclude = []string{data.AbuserColumnName, data.ArchetypeColumnName}
		}
	}
	if src.Kind == "log" {
		// The cohort columns are all made from the orders: none can say
		// who is abusive.
		for _, f := range []struct {
			name  string
			given bool
		}{{"--evaluate", o.evaluate}, {"--truth", opts.Truth != ""}, {"--archetype", opts.Archetype != ""}} {
			if f.given {
				return src, opts, usageError(fmt.Errorf("%s applies to --data or the built-in shop: "+
					"an order log's customers have no column saying who is abusive", f.name))
			}
		}
	}
	if o.evaluate && opts.Truth == "" {
		return src, opts, usageError(errors.New("--evaluate needs --truth COLUMN: the 0/1 column saying who is abusive"))
	}
	if o.evaluate && src.Kind == "builtin" && o.abusers == 0 {
		return src, opts, usageError(errors.New("--evaluate on the built-in shop needs planted abusers (--builtin-abusers > 0)"))
	}
	return src, opts, nil
}

// checkAbuserShare checks --builtin-abusers: a share from 0 to 0.5, and
// given (used) only with the built-in shop.
func checkAbuserShare(share float64, used bool, src experiment.Source) error {
	switch {
	case !(share >= 0 && share <= 0.5):
		return usageError(fmt.Errorf("--builtin-abusers %v: want a share from 0 to 0.5", share))
	case used && src.Kind != "builtin":
		return usageError(errors.New("--builtin-abusers applies to the built-in shop, not --data or --log"))
	}
	return nil
}

func runAnomalies(ctx context.Context, a *app, o *anomaliesOptions, abusersSet bool) (err error) {
	src, opts, err := o.options(abusersSet)
	if err != nil {
		return err
	}
	key, err := o.pseudo.key(a)
	if err != nil {
		return err
	}
	// Under --pseudonymise no error quotes a cell that may name someone.
	defer func() { err = experiment.WithholdCells(key, err) }()
	if err := checkOutFlag("--export-features", o.exportFeatures, inputFile{"data", o.src.data}, inputFile{"log", o.src.log},
		inputFile{"salt-file", o.pseudo.salt}); err != nil {
		return err
	}
	if err := checkSourceMemory(a, src); err != nil {
		return err
	}
	start := time.Now()
	d, err := experiment.LoadForAnomalies(src, o.abusers, a.open, time.Now())
	if err != nil {
		return err
	}
	// Pseudonymised before its notes are printed: they quote no cell of a
	// pseudonymised column then.
	d.Pseudonymise(key) // an id column and a log's customers; row numbers stay
	a.printLoadNotes(d)
	// The lines below name the file; an order log's customers are scored
	// as of the cutoff, without a label: Describe's horizon does not apply.
	name := d.Source.Describe()
	if d.Cohort != nil {
		name = d.Source.Path
	}
	if label := d.Table.Label.Name; label != "" && d.Cohort == nil {
		fmt.Fprintf(a.stderr, "note: %s: column %q is the label, not a feature: the anomaly score needs no label and leaves it out\n",
			name, label)
	}
	read, asOf := name, ""
	if d.Cohort != nil {
		asOf = d.Cohort.Cutoff.Format(time.DateOnly)
		read = fmt.Sprintf("%s (order log, customers as of %s)", name, asOf)
	}
	fmt.Fprintf(a.stderr, "Read %s: %s users\n", read, data.Thousands(d.Table.Rows))
	// Tied users, and the rows of --export-features, in file order beside
	// their pseudonyms would give the ids back in a file sorted by id.
	opts.TiesByID = key.Enabled()
	run, err := anomaly.Prepare(d.Table, opts)
	if errors.Is(err, anomaly.ErrNeighbours) {
		return usageError(fmt.Errorf("--neighbours %d: %w", o.neighbours, err))
	}
	if err != nil {
		return err
	}
	if len(run.Constant) > 0 {
		fmt.Fprintf(a.stderr, "note: %s: %s left out of the model: every user has the same value, which tells no user from another\n",
			name, constantNames(run.Constant))
	}
	if len(run.Clipped) > 0 {
		fmt.Fprintf(a.stderr, "note: %s: %s left out of the model: fewer than %d users differ from the common value, "+
			"and the preprocessing reads those few as it (see Privacy), so every user reads the same\n",
			name, constantNames(run.Clipped), data.MinGroup)
	}
	fmt.Fprintf(a.stderr, "%d autoencoders %s on %d features, each on its own sample of %s users\n", run.Members(),
		describeNetwork(run.Net.Arch), run.Pipeline.Width(), data.Thousands(len(run.TrainRows)))
	pr := newProgressPrinter(a)
	for more := true; more; {
		fmt.Fprintf(a.stderr, "Autoencoder %d of %d\n", run.Member()+1, run.Members())
		if err := watchTraining(ctx, run.Trainer, pr); err != nil {
			return err
		}
		if again, err := run.Trim(); err != nil {
			return err
		} else if again {
			fmt.Fprintf(a.stderr, "Second round without the %s training users reconstructed worst\n", percent(run.Options.Trim))
			if err := watchTraining(ctx, run.Trainer, pr); err != nil {
				return err
			}
		}
		if more, err = run.Next(); err != nil {
			return err
		}
	}
	res, err := run.Finish(ctx)
	if err != nil {
		return err
	}
	if res.Neighbours > 0 {
		which := "every user"
		if n := anomaly.SmoothedRows(len(res.Score)); n < len(res.Score) {
			which = fmt.Sprintf("the top %s users by error; the others keep their error", data.Thousands(n))
		}
		fmt.Fprintf(a.stderr, "Score: each user's error averaged with its %d nearest users' (%s)\n", res.Neighbours, which)
	}
	above := res.Above(res.Cutoff)
	fmt.Fprintf(a.stderr, "Scored %s users in %.1fs; %s (%s) above the cut-off %.3f (Tukey's fence, Q3 + 1.5·IQR of the scores: "+
		"users unlike most, to review, not a count of abusers)\n", data.Thousands(len(res.Score)),
		time.Since(start).Seconds(), data.Thousands(above), percent(float64(above)/float64(len(res.Score))), res.Cutoff)
	if o.exportFeatures != "" {
		if err := experiment.WriteFileAtomic(o.exportFeatures, res.WriteFeatures); err != nil {
			return err
		}
		fmt.Fprintf(a.stderr, "Wrote the preprocessed features to %s\n", o.exportFeatures)
	}
	if o.json {
		return writeJSON(a.stdout, newAnomaliesJSON(res, run, o.top, o.evaluate, asOf))
	}
	if o.evaluate {
		if err := printAnomalyEvaluation(a.stdout, res.Evaluation); err != nil {
			return err
		}
		fmt.Fprintln(a.stdout)
	}
	return printAnomalies(a.stdout, res, o.top)
}
