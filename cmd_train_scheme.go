package main

import (
	"fmt"
	"time"

	"github.com/retainlab/retain/experiment"
)

// splitScheme names how train split d's rows, for its "Training on" line:
// a random split stratified by the label, of the customers at the cutoff
// for an order log.
func splitScheme(d *experiment.Data, cfg experiment.Config) string {
	if d.Cohort != nil {
		return fmt.Sprintf("a random split of the customers at the cutoff, stratified by the label, seed %d", cfg.Seed)
	}
	return fmt.Sprintf("a random split, stratified by the label, seed %d", cfg.Seed)
}

// outOfTimeNote says, for an order log, that train validated it at random
// where the TUI validates a log out of time by default, and which command
// gives the out-of-time figure at the same cutoff; "" for other data. The
// backtest is suggested only at a cutoff it accepts, by the rule it checks
// its cutoffs with (experiment.CheckBacktestCutoffs; the TUI's out-of-time
// split, experiment.Prepare, keeps the same rule on the cutoff's dates:
// one horizon of history before the training cutoff, and a label window
// that ends by the log's last date): where it refuses the cutoff, the note
// says why, that the TUI falls back to a random split there, and suggests
// a one-fold backtest at the latest cutoff the log allows, if any.
func outOfTimeNote(d *experiment.Data) string {
	if d.Cohort == nil {
		return ""
	}
	if d.Log == nil {
		return ""
	}
	cutoff, h := d.Cohort.Cutoff, d.Source.HorizonDaysOrDefault()
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	head := fmt.Sprintf("%s: validated at random among the customers at %s", d.Source.Path, day(cutoff))
	if _, err := experiment.CheckBacktestCutoffs(d.Log, h, []time.Time{cutoff}); err != nil {
		note := head + ", as the TUI would here: it validates an order log out of time by default, but at this cutoff falls back to a random split: " + err.Error()
		if at, err := experiment.BacktestCutoffs(d.Log, h, 1); err == nil {
			note += fmt.Sprintf("; retain backtest --log %s --horizon %dd --folds 1 measures out of time at %s, "+
				"the latest cutoff the log allows, with the log flags given here (it writes no model)", d.Source.Path, h, day(at[0]))
		}
		return note
	}
	return head + fmt.Sprintf("; the TUI validates an order log out of time by default "+
		"(trained on the customers at %s, measured on those at %s), a figure that can differ: "+
		"retain backtest --log %s --horizon %dd --cutoffs %s gives it, with the log flags given here (it writes no model)",
		day(cutoff.AddDate(0, 0, -h)), day(cutoff), d.Source.Path, h, day(cutoff))
}
