package experiment

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/retainlab/retain/anomaly"
	"github.com/retainlab/retain/data"
)

// LoadWithAbusers loads a source like Load; a built-in source gets abuser
// share planted abusers (data.GenerateShopWithAbusers) and their truth
// columns. Other sources ignore the share.
func LoadWithAbusers(src Source, share float64, open Opener) (*Data, error) {
	if src.Kind != "builtin" && src.Kind != "" {
		return Load(src, open)
	}
	src.Kind = "builtin"
	shop, err := data.GenerateShopWithAbusers(src.usersOrDefault(), src.DataSeed, share)
	if err != nil {
		return nil, err
	}
	return &Data{Source: src, Table: shop.Table, TrueProb: shop.TrueProb, Planted: share}, nil
}

// LoadForAnomalies loads the rows `retain anomalies` scores, which need no
// label. A built-in source is LoadWithAbusers's. A per-user table is read
// as Load reads it, except that a table without a label column is read
// without one instead of being refused; a label it has, detected or named
// (Source.Label), is still read as the label and so is no feature, but a
// column only detected by its name (target, class, …) that cannot be read
// as a label (not two-valued, or with a blank) is read as any other column,
// with a warning, rather than refuse the table. An order log's customers are built as of src.Cutoff
// without a label, the way LoadCurrent builds them: a zero Cutoff takes the
// log's last date up to now (lines dated after now are ignored, and named
// in Data.Warnings), so the latest orders and the customers first seen in
// them are scored too. The horizon sizes only the BG/NBD inputs' window
// (Features.BTYD; default data.DefaultHorizonDays).
func LoadForAnomalies(src Source, share float64, open Opener, now time.Time) (*Data, error) {
	switch src.Kind {
	case "csv":
		src.labelOptional = true
		d, err := LoadAt(src, open, now)
		if err == nil || src.Label != "" || src.Path == "-" ||
			!(errors.Is(err, data.ErrLabelNotBinary) || errors.Is(err, data.ErrLabelMissing)) {
			return d, err
		}
		// A column detected as the label by its name (target, class, …)
		// that is no label: the score needs none, so the file is read
		// again with that column as any other (standard input cannot be).
		src.noLabel = true
		again, err2 := LoadAt(src, open, now)
		if err2 != nil {
			// The read the score needs failed (every column constant,
			// say): its error, not the label's, says why.
			return nil, err2
		}
		again.Warnings = append(again.Warnings, labelSkipped{err: err})
		return again, nil
	case "log":
	default:
		return LoadWithAbusers(src, share, open)
	}
	log, warnings, err := readCurrentLog(src, open, now)
	if err != nil {
		return nil, err
	}
	if src.HorizonDays == 0 {
		src.HorizonDays = data.DefaultHorizonDays
	}
	if src.Features.Version == 0 {
		// The feature set training would make of this log (an event log's
		// event types included), as Load builds it.
		if src.Features, err = src.Features.forTraining(log, src.Path); err != nil {
			return nil, err
		}
	}
	c, err := CurrentOf(log, src)
	if err != nil {
		return nil, err
	}
	rep := c.Report
	d := &Data{Source: c.Source, Table: c.Table, Cohort: &rep, Log: log, Warnings: warnings}
	if len(src.Exclude) > 0 {
		if err := data.ExcludeColumns(d.Table, src.Exclude); err != nil {
			return nil, err
		}
	}
	if err := data.DeclareCategorical(d.Table, src.Categorical); err != nil {
		return nil, err
	}
	return d, nil
}

// AnomalyExclusion is what DropAnomalies removed.
type AnomalyExclusion struct {
	// Dropped is the number of rows removed, Cutoff the lowest score
	// among them.
	Dropped int
	Cutoff  float64
}

// FlagAnomalies scores d's rows with the anomaly autoencoder and flags
// the share (0..1) of rows that score highest (by anomaly.Result.Score,
// the error averaged over neighbours under the anomaly defaults). The label, the planted
// truth columns (data.AbuserColumnName, data.ArchetypeColumnName, as the
// TUI leaves them out) and the columns excluded from the model are not
// features of the score.
func FlagAnomalies(ctx context.Context, d *Data, share float64, seed uint64) ([]bool, AnomalyExclusion, error) {
	var ex AnomalyExclusion
	if !(share >= 0 && share < 1) {
		return nil, ex, fmt.Errorf("%w: anomaly share %v (want 0 to 1)", ErrSource, share)
	}
	opts := anomaly.Options{Seed: seed}
	for _, c := range d.Table.Columns {
		if c.Excluded || c.Name == data.AbuserColumnName || c.Name == data.ArchetypeColumnName {
			opts.Exclude = append(opts.Exclude, c.Name)
		}
	}
	run, err := anomaly.Prepare(d.Table, opts)
	if err != nil {
		return nil, ex, err
	}
	if err := run.Train(ctx); err != nil {
		return nil, ex, err
	}
	res, err := run.Finish(ctx)
	if err != nil {
		return nil, ex, err
	}
	flagged := make([]bool, d.Table.Rows)
	ex.Dropped = int(share * float64(d.Table.Rows))
	for _, row := range res.Order[:ex.Dropped] {
		flagged[row] = true
	}
	if ex.Dropped > 0 {
		ex.Cutoff = res.Score[res.Order[ex.Dropped-1]]
	}
	return flagged, ex, nil
}

// DropAnomalies is FlagAnomalies returning a copy of d without the
// flagged rows.
func DropAnomalies(ctx context.Context, d *Data, share float64, seed uint64) (*Data, AnomalyExclusion, error) {
	flagged, ex, err := FlagAnomalies(ctx, d, share, seed)
	if err != nil {
		return nil, ex, err
	}
	if ex.Dropped == 0 {
		return d, ex, nil
	}
	out, err := DropRows(d, flagged)
	return out, ex, err
}

// keepRows copies t (and prob, when not nil) without the dropped rows.
func keepRows(t *data.Table, prob []float64, drop []bool) (*data.Table, []float64) {
	keepF := func(v []float64) []float64 {
		if v == nil {
			return nil
		}
		out := make([]float64, 0, len(v))
		for i, x := range v {
			if !drop[i] {
				out = append(out, x)
			}
		}
		return out
	}
	keepS := func(v []string) []string {
		if v == nil {
			return nil
		}
		out := make([]string, 0, len(v))
		for i, x := range v {
			if !drop[i] {
				out = append(out, x)
			}
		}
		return out
	}
	nt := *t
	nt.Columns = make([]*data.Column, len(t.Columns))
	for i, c := range t.Columns {
		nc := *c
		nc.Values, nc.Strings = keepF(c.Values), keepS(c.Strings)
		nc.Levels = slices.Clone(c.Levels)
		nc.Missing = 0
		for _, v := range nc.Values {
			if v != v { // NaN: a missing cell
				nc.Missing++
			}
		}
		for _, v := range nc.Strings {
			if v == "" {
				nc.Missing++
			}
		}
		nt.Columns[i] = &nc
	}
	nt.Label.Values = keepF(t.Label.Values)
	nt.Rows = len(nt.Label.Values)
	if t.Label.Name == "" && len(nt.Columns) > 0 {
		nt.Rows = nt.Columns[0].Len()
	}
	return &nt, keepF(prob)
}

// labelSkipped says that a column detected as a label by its name could
// not be read as one, so anomalies read it as any other column.
type labelSkipped struct{ err error }

// String words the warning, e.g. "users.csv: label column "class" has 3
// classes …; anomalies needs no label and reads it as any other column".
func (w labelSkipped) String() string {
	return w.err.Error() + "; anomalies needs no label and reads it as any other column"
}
