package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
)

// saveModel writes the trained model bundle atomically: path holds the
// complete model or whatever it held before, never a part. It gives up
// when ctx is done, and a signal that comes after the model is in place
// takes it back (see exitGuard).
// The training file's path is recorded only when storePath is set; the
// time it records is modelTime's (SOURCE_DATE_EPOCH pins it).
func saveModel(ctx context.Context, a *app, e *experiment.Experiment, threshold float64, levers []string, target experiment.Target, path string, storePath bool) error {
	created, err := modelTime(a)
	if err != nil {
		return err
	}
	b, err := e.Bundle(threshold)
	if err != nil {
		return err
	}
	b.CreatedAt = created
	if storePath {
		b.KeepSourcePath(e.Data.Source.Path)
	}
	b.Levers = levers
	b.SetTarget(target)
	r, err := experiment.PrepareFile(ctx, path, b.Write)
	if err != nil {
		return err
	}
	return a.guard.commit(ctx, r)
}

// writeOut runs write on stdout when out is "", else on the file out,
// replaced atomically as saveModel replaces a model (the --out of predict,
// plan and export).
func writeOut(ctx context.Context, a *app, out string, write func(io.Writer) error) error {
	if out == "" {
		return write(a.stdout)
	}
	r, err := experiment.PrepareFile(ctx, out, write)
	if err != nil {
		return err
	}
	return a.guard.commit(ctx, r)
}

// loadModel reads and validates a model bundle.
func loadModel(a *app, path string) (*experiment.Bundle, error) {
	f, err := a.open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return experiment.ReadBundle(f, path)
}

// readAll reads a whole input file, so that predict --explain can parse it
// twice.
func readAll(a *app, path string) ([]byte, error) {
	f, err := a.open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// evalModelResult is the JSON document of `retain eval --model --json`.
type evalModelResult struct {
	Model  string `json:"model"`
	Data   string `json:"data"`
	Scored int    `json:"scored_rows"`
	// Target is the outcome the gains and bands are about.
	Target targetJSON `json:"target"`
	metrics.Report
	// Bands are the users of each band (--bands; shares by default).
	Bands []bandJSON `json:"bands"`
	// Baselines holds, for an order log, BG/NBD's figures on the same
	// customers.
	Baselines *baselinesJSON `json:"baselines,omitempty"`
	// Calibration compares the scored rows before and after the model's
	// calibration (absent for a model without one).
	Calibration *experiment.CalibrationCheck `json:"calibration,omitempty"`
}

// runEvalModel scores labelled rows with a saved model and reports its
// metrics, confusion matrix and gains table.
func runEvalModel(_ context.Context, a *app, o *evalOptions) error {
	b, err := loadModel(a, o.model)
	if err != nil {
		return err
	}
	target, note, err := o.tf.resolve(data.LabelSpec(b.Label), b)
	if err != nil {
		return err
	}
	threshold := b.Threshold
	if o.thresholdGiven {
		if !(o.threshold > 0 && o.threshold < 1) {
			return usageError(fmt.Errorf("--model-threshold %g: want a probability in (0, 1)", o.threshold))
		}
		threshold = o.threshold
	}
	var name string
	var scored *experiment.Scored
	var bg *experiment.BGNBDScores
	if o.src.log != "" {
		name = o.src.log
		scored, bg, err = scoreLog(a, o, b)
	} else {
		name = o.src.data
		if err := b.ForTable(name); err != nil {
			return err
		}
		if a, err = rereadableStdin(a, b, name); err != nil {
			return err
		}
		var scoring *experiment.Bundle
		if scoring, err = relabel(b, o.src.label); err != nil {
			return err
		}
		if scored, err = scoreCSV(a, name, scoring); err == nil && scoring != b {
			fmt.Fprintf(a.stderr, "note: %s: column %q read as the model's label %q (%q or %q)\n",
				name, o.src.label, b.Label.Name, b.Label.Positive, b.Label.Negative)
		}
	}
	if err != nil {
		return err
	}
	// The metrics follow --model-threshold; the predicted classes, which
	// eval does not print, stay at the model's.
	scored.Threshold = threshold
	rep, err := scored.Report()
	if err != nil {
		return usageError(fmt.Errorf("%s: %w", name, err))
	}
	base, err := bgnbdBaseline(bg, scored.Actual, threshold)
	if err != nil {
		return usageError(fmt.Errorf("%s: %w", name, err))
	}
	check, err := scored.CheckCalibration()
	if err != nil {
		return usageError(fmt.Errorf("%s: %w", name, err))
	}
	// Gains follow the target: users ranked by P(outcome), the users with
	// the outcome counted.
	if rep.Gains, err = scored.TargetGains(target); err != nil {
		return usageError(fmt.Errorf("%s: %w", name, err))
	}
	bands, outcomes := scored.Bands(target, o.tf.scheme)
	fmt.Fprintln(a.stderr, note)
	if o.src.log == "" {
		warnInSample(a, b, o.model, name, o.src.label, rep.Rows)
	}
	// Report leaves the rows with a blank label out of its Rows.
	if blank := len(scored.Actual) - rep.Rows; blank > 0 {
		rows := "rows"
		if blank == 1 {
			rows = "row"
		}
		fmt.Fprintf(a.stderr, "note: %s: %s %s with a blank %q left out of the metrics\n",
			name, data.Thousands(blank), rows, b.Pipeline.Label.Name)
	}
	if o.json {
		return writeJSON(a.stdout, evalModelResult{Model: o.model, Data: name, Scored: rep.Rows,
			Target: targetOf(target), Report: rep, Bands: bandsOf(bands, outcomes), Baselines: base, Calibration: check})
	}
	fmt.Fprintf(a.stdout, "Model:   %s, %s\n", o.model, describeNetwork(b.Net.Architecture))
	fmt.Fprintf(a.stdout, "Trained: on %s, %d epochs\n", b.SourceDescription, b.EpochsTrained)
	fmt.Fprintf(a.stdout, "Scored:  %s, label %s (positive class %q)\n\n", name, b.Label.Name, b.Label.Positive)
	printMetrics(a.stdout, "Metrics", rep, nil)
	printCalibration(a.stdout, check, nil)
	fmt.Fprintln(a.stdout)
	if base != nil {
		printBeside(a.stdout, rep, base.BGNBD)
		fmt.Fprintln(a.stdout)
	}
	printConfusion(a.stdout, rep.Confusion)
	fmt.Fprintln(a.stdout)
	printTargetGains(a.stdout, target, rep.Gains)
	fmt.Fprintln(a.stdout)
	printBands(a.stdout, target, bands, outcomes)
	return nil
}

// scoreCSV scores the rows of a per-user CSV, which must have the label
// column; Scored.Report leaves out the rows whose label is blank.
func scoreCSV(a *app, path string, b *experiment.Bundle) (*experiment.Scored, error) {
	f, err := a.open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	scored, err := b.ScoreCSV(f, path)
	if err != nil {
		return nil, err
	}
	printNotes(a, scored.Notes...)
	if scored.Actual == nil {
		hint := ""
		if b.Pipeline.Label.Name == b.Label.Name {
			hint = "; --label COLUMN names a label column of another name"
		}
		return nil, usageError(fmt.Errorf("%s has no %q column: eval needs the true labels (predict scores unlabelled rows)%s",
			path, b.Pipeline.Label.Name, hint))
	}
	printCellNotes(a, b, scored, nil, path, nil, nil)
	return scored, nil
}

// relabel is b reading its label from the column label (--label: the
// label column renamed since training); b itself when label is "" or the
// model's. A column the model reads as a feature or as the id is refused:
// it cannot be the label too.
func relabel(b *experiment.Bundle, label string) (*experiment.Bundle, error) {
	if label == "" || label == b.Pipeline.Label.Name {
		return b, nil
	}
	if label == b.Pipeline.IDName {
		return nil, usageError(fmt.Errorf("--label %s: the model reads %q as the id column, not as a label", label, label))
	}
	for _, c := range b.Pipeline.Columns {
		if c.Name == label {
			return nil, usageError(fmt.Errorf("--label %s: the model reads %q as a feature, not as a label", label, label))
		}
	}
	return withLabelColumn(b, label), nil
}

// scoreLog builds the cohort of an order log at the given cutoff the way
// the model's rows were built (its horizon and column roles) and scores
// every customer: a model trained on one cutoff judged on a later one. A
// log that ends before cutoff + horizon is refused, since the labels of
// the customers who order after its end would read as "no".
//
// Beside the model, BG/NBD is fitted on the log's history up to the cutoff
// and scores the same customers; when it cannot be fitted, a note says why
// and the baseline is left out.
func scoreLog(a *app, o *evalOptions, b *experiment.Bundle) (*experiment.Scored, *experiment.BGNBDScores, error) {
	src, err := o.src.source()
	if err != nil {
		return nil, nil, err
	}
	if src, err = b.ForLog(src); err != nil {
		return nil, nil, err
	}
	d, err := experiment.Load(src, a.open)
	if err != nil {
		return nil, nil, err
	}
	if err := experiment.CompleteLabels(d); err != nil {
		return nil, nil, err
	}
	if err := b.CheckCohort(d); err != nil {
		return nil, nil, err
	}
	a.printLoadNotes(d)
	scored, err := b.ScoreTable(d.Table)
	if err != nil {
		return nil, nil, usageError(fmt.Errorf("%s: %w", src.Path, err))
	}
	fmt.Fprintf(a.stderr, "Scored %s\n", d.Source.Describe())
	printCellNotes(a, b, scored, d.Table, src.Path, nil, nil)
	if day := d.Source.Cutoff.Format(time.DateOnly); day == b.Source.Cutoff.Format(time.DateOnly) {
		// With --cutoff given, the advice is to give a later one.
		advice := "give --cutoff"
		if o.src.cutoff != "" {
			advice = "give a later --cutoff"
		}
		fmt.Fprintf(a.stderr, "warning: the cutoff %s is the one the model was trained at: on its training log these are "+
			"the customers it learned from, and the figures are in-sample, better than on customers it has not seen; "+
			"%s to measure it on a later period (out of time)\n", day, advice)
	}
	warnBeforeTraining(a, d.Source.Cutoff, b.Source.Cutoff, d.Source.HorizonDaysOrDefault())
	bg, err := d.BGNBD()
	if err != nil {
		fmt.Fprintf(a.stderr, "note: no BG/NBD baseline: %s\n", experiment.BaselineReason(err))
		return scored, nil, nil
	}
	return scored, bg, nil
}

// warnBeforeTraining warns on stderr when eval scores an order log at a
// cutoff before the model's own (trained): the label window after it lies
// (or begins) inside the history the model's features were built from,
// the same customers' orders it learned from, so the figures measure it
// backward in time, not out of time. Nothing when trained is unknown.
func warnBeforeTraining(a *app, cutoff, trained time.Time, horizonDays int) {
	if trained.IsZero() || !cutoff.Before(trained) {
		return
	}
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	end := cutoff.AddDate(0, 0, horizonDays)
	where := "lies inside"
	if end.After(trained) {
		where = "begins inside"
	}
	fmt.Fprintf(a.stderr, "warning: the cutoff %s is before the one the model was trained at (%s): the label window %s .. %s %s "+
		"the history the model's features were built from (its customers' orders up to %s), so the figures measure it "+
		"backward in time, not out of time, and can read better than on a later period; give a --cutoff after %s to measure it out of time\n",
		day(cutoff), day(trained), day(cutoff), day(end), where, day(trained), day(trained))
}

// warnInSample warns on stderr when the table eval scores holds exactly the
// rows the model was trained on (its fingerprint, in any order): the
// figures are then in-sample. rows is the number of labelled rows scored;
// the file is read again only when it equals the fingerprint's (standard
// input from the bytes rereadableStdin kept).
func warnInSample(a *app, b *experiment.Bundle, model, name, label string, rows int) {
	if !holdsTrainingRows(b, name, label, rows, a.open) {
		return
	}
	arg := name
	if name == stdinPath {
		arg = "-"
	}
	fmt.Fprintf(a.stderr, "warning: %s holds exactly the %s rows %s was trained on (in any order, validation rows included): "+
		"the figures are in-sample, better than on customers it has not seen; give it rows it has not seen, "+
		"or measure the configuration on held-out folds with eval --cv 5 --data %s\n", name, data.Thousands(rows), model, arg)
}

// rereadableStdin returns a when name is a file, or when b keeps no
// fingerprint of its training rows to compare a table with. For standard
// input with one, it reads the table once and returns a copy of a whose
// open serves those bytes as often as asked, as plan does (planInSample):
// the in-sample check reads the table a second time, which standard input
// cannot be (it said nothing for zcat users.csv.gz | retain eval --data -).
func rereadableStdin(a *app, b *experiment.Bundle, name string) (*app, error) {
	if name != stdinPath || b.TrainingRows == nil {
		return a, nil
	}
	raw, err := readAll(a, name)
	if err != nil {
		return nil, err
	}
	kept := *a
	kept.open = func(path string) (io.ReadCloser, error) {
		if path == stdinPath {
			return io.NopCloser(bytes.NewReader(raw)), nil
		}
		return a.open(path)
	}
	return &kept, nil
}

// holdsTrainingRows reports whether the table name, read with open, holds
// exactly the rows b was trained on (its fingerprint, in any order). rows is
// the number of rows scored: the table is read again only when it matches
// the fingerprint's count.
func holdsTrainingRows(b *experiment.Bundle, name, label string, rows int, open experiment.Opener) bool {
	fp := b.TrainingRows
	return fp != nil && rows == fp.Rows && b.SameRows(name, label, open)
}

// printNotes writes each non-empty note to stderr as "note: …".
func printNotes(a *app, notes ...string) {
	for _, n := range notes {
		if n != "" {
			fmt.Fprintln(a.stderr, "note: "+n)
		}
	}
}
