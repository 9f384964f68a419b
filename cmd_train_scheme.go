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
// gives the out-of-time figure at the same cutoff; "" for other data.
func outOfTimeNote(d *experiment.Data) string {
	if d.Cohort == nil {
		return ""
	}
	cutoff, h := d.Cohort.Cutoff, d.Source.HorizonDaysOrDefault()
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	return fmt.Sprintf("%s: validated at random among the customers at %s; the TUI validates an order log out of time by default "+
		"(trained on the customers at %s, measured on those at %s), a figure that can differ: "+
		"retain backtest --log %s --horizon %dd --cutoffs %s gives it, with the log flags given here (it writes no model)",
		d.Source.Path, day(cutoff), day(cutoff.AddDate(0, 0, -h)), day(cutoff), d.Source.Path, h, day(cutoff))
}
