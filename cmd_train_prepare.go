package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// prepareTraining loads the source and builds the experiment train runs:
// the anomalies --exclude-anomalies flags are left out of training (flagged
// is nil without it). The built-in shop, unless columns are excluded or
// anomalies flagged, is drawn straight into the prepared matrices
// (experiment.NewBuiltin, the same experiment) so that its table is never
// held beside them: a million users fit in half the memory.
func prepareTraining(ctx context.Context, a *app, o *trainOptions, src experiment.Source,
	cfg experiment.Config) (*experiment.Data, *experiment.Experiment, []bool, error) {
	if src.Kind == "builtin" && len(src.Exclude) == 0 && o.ex.share == "" {
		d, e, err := experiment.NewBuiltin(src, cfg, func(d *experiment.Data) error {
			a.printLoadNotes(d)
			return checkTrainingMemory(a, d, cfg, o.cfg.layers, 1)
		})
		return d, e, nil, err
	}
	d, err := a.load(src)
	if err != nil {
		return nil, nil, nil, err
	}
	if err := checkClasses(d); err != nil {
		return nil, nil, nil, err
	}
	flagged, err := o.ex.flag(ctx, a, d, cfg.Seed)
	if err != nil {
		return nil, nil, nil, err
	}
	if err := checkTrainingMemory(a, d, cfg, o.cfg.layers, 1); err != nil {
		return nil, nil, nil, err
	}
	e, err := experiment.NewWithout(d, cfg, flagged)
	return d, e, flagged, err
}

// checkClasses refuses, before any split is drawn, an order log whose
// cohort holds one class: every split of it would lack that class, and
// the split's check would point at --val and --test instead of the cause.
func checkClasses(d *experiment.Data) error {
	var one *experiment.OneClassError
	if err := experiment.CheckClasses(d); !errors.As(err, &one) {
		return err
	}
	r := one.Report
	var what, hint string
	switch {
	case one.NoneAgain() && one.SingleOrders:
		what = fmt.Sprintf("no customer orders again within the %d-day horizon (0 of %s customers)", r.HorizonDays, data.Thousands(r.Customers))
		hint = "every customer has one order — " + singleOrdersWhy(d.Log, one.CustomerColumn)
	case r.Customers == 1:
		// No horizon gives one customer both classes (a customer with
		// one order is asked about first: see singleOrdersWhy).
		what = "the log has one customer at the cutoff"
		hint = "the label has one class whatever the horizon, and a model needs customers who order again and customers who do not: train on a log of many customers"
	case one.NoneAgain():
		what = fmt.Sprintf("no customer orders again within the %d-day horizon (0 of %s customers)", r.HorizonDays, data.Thousands(r.Customers))
		hint = "the label has one class and a model needs both: give a longer --horizon"
	default:
		what = fmt.Sprintf("every customer orders again within the %d-day horizon (%s of %s customers)", r.HorizonDays, data.Thousands(r.Positives), data.Thousands(r.Customers))
		hint = "the label has one class and a model needs both: give a shorter --horizon"
	}
	return usageError(fmt.Errorf("%s: %s: %s", d.Source.Describe(), what, hint))
}
