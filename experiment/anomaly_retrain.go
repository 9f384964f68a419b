package experiment

import (
	"context"
	"fmt"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/engine/metrics"
)

// LoadShopWithAbusers loads the built-in shop of src with share planted
// abusers (LoadWithAbusers) and marks the truth columns abuser and
// abuser_archetype excluded, so a churn model trained on it never sees the
// answer.
func LoadShopWithAbusers(src Source, share float64) (*Data, error) {
	d, err := LoadWithAbusers(Source{Kind: "builtin", Users: src.Users, DataSeed: src.DataSeed}, share, nil)
	if err != nil {
		return nil, err
	}
	for _, name := range []string{data.AbuserColumnName, data.ArchetypeColumnName} {
		if c := d.Table.Column(name); c != nil {
			c.Excluded = true
		}
	}
	return d, nil
}

// DropRows returns a copy of d without the rows marked in drop (one flag
// per row of d.Table), the way DropAnomalies removes the top scores.
func DropRows(d *Data, drop []bool) (*Data, error) {
	if len(drop) != d.Table.Rows {
		return nil, fmt.Errorf("%w: %d flags for %d rows", ErrSource, len(drop), d.Table.Rows)
	}
	out := *d
	out.Table, out.TrueProb = keepRows(d.Table, d.TrueProb, drop)
	return &out, nil
}

// RetrainFigures are one churn model's figures in a RetrainComparison.
type RetrainFigures struct {
	// Rows is the number of users the model was split from; Part names
	// the part measured (the test part, else validation, else training).
	Rows int
	Part Part
	// AUC and its 95 % interval (nil when a class is too small), average
	// precision and accuracy at the configuration's threshold, on Part.
	AUC              float64
	AUCInterval      *metrics.Interval
	AveragePrecision float64
	Accuracy         float64
}

// RetrainComparison is the churn model with every user (Before) and
// without the dropped ones (After).
type RetrainComparison struct {
	Before, After RetrainFigures
	Dropped       int
}

// RetrainWithout trains the churn model of cfg twice, on d and on d
// without the rows marked in drop (DropRows), each on a random split as
// train --exclude-anomalies does, and measures both. progress (may be nil)
// hears each training's progress with phase 0 (before) or 1 (after), on
// the training goroutine.
func RetrainWithout(ctx context.Context, d *Data, cfg Config, drop []bool, progress func(phase int, p engine.Progress)) (RetrainComparison, error) {
	var cmp RetrainComparison
	kept, err := DropRows(d, drop)
	if err != nil {
		return cmp, err
	}
	cmp.Dropped = d.Table.Rows - kept.Table.Rows
	for phase, dd := range []*Data{d, kept} {
		f, err := trainFigures(ctx, dd, cfg, func(p engine.Progress) {
			if progress != nil {
				progress(phase, p)
			}
		})
		if err != nil {
			return cmp, err
		}
		if phase == 0 {
			cmp.Before = f
		} else {
			cmp.After = f
		}
	}
	return cmp, nil
}

// trainFigures trains cfg's model on a random split of d and measures it.
func trainFigures(ctx context.Context, d *Data, cfg Config, report func(engine.Progress)) (RetrainFigures, error) {
	f := RetrainFigures{Rows: d.Table.Rows, Part: FinalPart(cfg)}
	e, err := New(d, cfg)
	if err != nil {
		return f, err
	}
	e.Trainer.SetSink(engine.SinkFunc(report))
	if err := e.Trainer.Run(ctx); err != nil {
		return f, err
	}
	ev, err := e.Evaluate(f.Part, cfg.Threshold)
	if err != nil {
		return f, err
	}
	r := ev.Report
	f.AUC, f.AUCInterval, f.AveragePrecision, f.Accuracy = r.ROCAUC, r.ROCAUCCI, r.AveragePrecision, r.Accuracy
	return f, nil
}

// FinalPart is the part a trained model is measured on: the test part when
// cfg holds one out, else the validation part, else (optimistically) the
// training rows.
func FinalPart(cfg Config) Part {
	switch {
	case cfg.TestFrac > 0:
		return TestPart
	case cfg.ValFrac > 0:
		return ValPart
	}
	return TrainPart
}
