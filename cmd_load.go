package main

import (
	"fmt"

	"github.com/retainlab/retain/experiment"
)

// load reads a source and prints its load notes on stderr, one line each:
// warnings about the input (such as order lines dated after today), every
// column that is not used as a feature, with why, and for an order log that
// had lines left out (cancelled, without a customer id, stock adjustments)
// how many of each.
func (a *app) load(src experiment.Source) (*experiment.Data, error) {
	d, err := experiment.Load(src, a.open)
	if err != nil {
		return nil, err
	}
	a.printLoadNotes(d)
	return d, nil
}

// printLoadNotes prints on stderr the notes on a loaded data set.
func (a *app) printLoadNotes(d *experiment.Data) {
	for _, n := range d.Notes() {
		fmt.Fprintln(a.stderr, n)
	}
	if d.Cohort != nil && (d.Cohort.LeftOut() != "" || d.Cohort.Discounts > 0 || d.Cohort.DateNote != "") {
		fmt.Fprintln(a.stderr, "note: "+d.Cohort.LoadNote(d.Source.Path))
	}
	if d.Cohort != nil && d.Cohort.Visitors > 0 {
		fmt.Fprintln(a.stderr, "note: "+d.Cohort.VisitorsNote(d.Source.Path))
	}
}
