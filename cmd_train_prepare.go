package main

import (
	"context"

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
