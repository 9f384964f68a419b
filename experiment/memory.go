package experiment

import (
	"runtime"

	"github.com/retainlab/retain/data"
)

// Memory estimates, in bytes (float64, so that absurd requests are measured
// rather than overflow), let the commands refuse a request the machine
// cannot hold before allocating it.

// BuiltinMemory estimates the bytes of generating and preparing the built-in
// shop of users users: about 320 bytes a user (measured: 319 MB of peak
// resident memory for a million users), from two copies of its columns
// while it is generated, the prepared matrix and the labels.
func BuiltinMemory(users int) float64 {
	cols := float64(len(data.ShopFeatureNames()) + 3) // id, label, true probability
	return 8 * float64(users) * (2*cols + float64(len(data.ShopFeatureNames())) + 4)
}

// InputWidth estimates the number of network inputs the pipeline will give
// the table's features: one per numeric or boolean column (two with a
// missing indicator), one per level of a categorical column (an upper
// bound: levels seen fewer than data.MinGroup times fold into one).
func InputWidth(t *data.Table, opts data.PipelineOptions) int {
	width := 0
	for _, c := range t.Features() {
		switch {
		case c.Kind == data.Categorical:
			width += len(c.Levels)
		case opts.MissingIndicators && c.Missing > 0:
			width += 2
		default:
			width++
		}
	}
	return width
}

// TrainingMemory estimates the bytes training cfg on d needs beyond the
// loaded table: network is what the network, its optimiser and workspaces
// take (times the folds trained at once), matrices the prepared inputs and
// labels. folds is 1 for one training run and k for k-fold cross-validation.
func TrainingMemory(d *Data, cfg Config, folds int) (network, matrices float64) {
	rows := d.Table.Rows
	width := InputWidth(d.Table, cfg.Pipeline)
	arch := cfg.Arch(width)
	parallel := float64(max(1, min(folds, runtime.GOMAXPROCS(0))))
	network = parallel * arch.TrainingMemory(max(1, min(cfg.Train.BatchSize, rows)), cfg.Train.Optimizer)
	matrices = parallel * 8 * float64(rows) * (float64(width) + 3)
	return network, matrices
}

// ExplainMemory estimates the bytes of explaining rows rows with reasons
// reasons each on workers workers: the reason cells of one block of
// WriteScoresCSV (about 48 bytes each, header included) and one
// integrated-gradients workspace per worker.
func (b *Bundle) ExplainMemory(rows, reasons, workers int) float64 {
	cells := float64(min(rows, ExportBlock)+1) * float64(reasons) * 48
	return cells + float64(max(1, workers))*b.Net.Architecture.ExplainMemory()
}

// ReleaseTableCells frees the cells of the table's columns, in place, once
// the prepared matrices are built: for a run that only trains, evaluates
// and saves (retain train), the table is then a second copy of the data.
// The label and the true probabilities stay. After it, nothing that reads
// the table's cells (ScoreAll, Row, exports, explanations of a table row)
// may be called on e or on anything sharing its Data.
func (e *Experiment) ReleaseTableCells() {
	e.Data.RowsFingerprint() // for the model file, before the cells go
	for _, c := range e.Data.Table.Columns {
		c.Values, c.Strings = nil, nil
	}
}
