package main

import (
	"context"
	"fmt"
	"time"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/pseudonym"
)

// runPredictLog scores the customers of an order log at --cutoff (default:
// its last date) with a model trained on an order log, their rows built as
// the model's were, and counts the short histories on stderr.
func runPredictLog(ctx context.Context, a *app, o *predictOptions, b *experiment.Bundle, target experiment.Target,
	note string, key *pseudonym.Key) error {
	flags := sourceFlags{log: o.log, cutoff: o.cutoff, logColumns: o.logColumns, dateOrder: o.dateOrder}
	src, err := flags.source()
	if err != nil {
		return err
	}
	if src, err = b.ForLog(src); err != nil {
		return err
	}
	cur, err := experiment.LoadCurrent(src, a.open, time.Now())
	if err != nil {
		return err
	}
	a.printLoadNotes(cur.Data().WithholdTypes(key))
	scored, err := b.ScoreCurrent(cur)
	if err != nil {
		return err
	}
	bgnbd := o.scorer == experiment.ScorerBGNBD
	if bgnbd {
		if scored.Scored, err = scoreBGNBD(ctx, a, b, cur, scored.Scored); err != nil {
			return err
		}
	}
	personal, err := personalValues(a, key, b, tableColumns(cur.Table))
	if err != nil {
		return err
	}
	scored.IDs = key.IDs(scored.IDs)
	opts := experiment.ExportOptions{IDName: scored.IDName, Label: b.Label, Threshold: b.Threshold, History: true,
		Reasons: o.explain, Model: b.File, Data: o.log, Order: pseudonymOrder(key, scored.IDs, scored.IDName)}
	o.tf.addBands(a, &opts, scored.Scored, target, note)
	if err := writeScores(ctx, a, o, b, scored.Scored, scored, opts, personal); err != nil {
		return err
	}
	if !bgnbd { // the cells the network read, not BG/NBD
		printCellNotes(a, b, scored.Scored, cur.Table, o.log, key, laterCutoffAdvice(b, cur.Source.Cutoff, o.log, o.model))
	}
	fmt.Fprintln(a.stderr, cur.Summary())
	return nil
}
