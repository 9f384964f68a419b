package experiment

import (
	"fmt"

	"github.com/retainlab/retain/data"
)

// PartCopies counts the validation and test rows that repeat a training
// row the network learns from in every input cell and the label
// (data.CopiesOf), out of each part's rows.
type PartCopies struct {
	Val, ValRows   int
	Test, TestRows int
	// Log says the rows are an order log's customers, whose features were
	// computed from the log: a repeated row is then another customer with
	// the same history, not a line that could be removed from the file.
	Log bool
}

// CopyWarning reports a held-out part of which at least one row in
// copyShare repeats a training row: its figures measure partly what the
// network memorised. Part is "validation" or "test"; Log says the rows
// are an order log's customers (PartCopies.Log).
type CopyWarning struct {
	Part         string
	Copies, Rows int
	Log          bool
}

// copyShare is the share of a part's rows that must repeat training rows
// before a CopyWarning is raised (one in 20, 5 %), with at least
// copyMinimum of them: ordinary data with a few genuine repeated rows
// (online_shoppers: a few dozen of its 12,330 sessions) stays well below
// it, while a file whose rows were duplicated by a join is far above it.
const (
	copyShare   = 20
	copyMinimum = 10
)

// Warnings returns a CopyWarning for each part over the threshold
// (validation first).
func (c PartCopies) Warnings() []CopyWarning {
	var out []CopyWarning
	for _, w := range []CopyWarning{{"validation", c.Val, c.ValRows, c.Log}, {"test", c.Test, c.TestRows, c.Log}} {
		if w.Copies >= copyMinimum && w.Copies*copyShare >= w.Rows {
			out = append(out, w)
		}
	}
	return out
}

// Share is the share of the part's rows that are copies (0 … 1).
func (w CopyWarning) Share() float64 { return float64(w.Copies) / float64(w.Rows) }

// String is the warning in English. For an order log it says what the
// repeated rows are (other customers with the same history, which no one
// can remove) and what can be done instead.
func (w CopyWarning) String() string {
	if w.Log {
		return fmt.Sprintf("%s of the %s %s customers (%.1f %%) have the same features and label as a training customer: "+
			"different customers with identical histories (one-time buyers of the same amount on the same day, say), not lines to remove from the log; "+
			"the network cannot tell them apart, in training or in use, so the %s figures stay a fair measure of customers like them. "+
			"To measure on later customers, as the model will be used, validate out of time (retain backtest); otherwise nothing needs doing",
			data.Thousands(w.Copies), data.Thousands(w.Rows), w.Part, 100*w.Share(), w.Part)
	}
	what := "the test figures are optimistic"
	if w.Part == "validation" {
		what = "the validation figures and early stopping are optimistic"
	}
	return fmt.Sprintf("%s of the %s %s rows (%.1f %%) repeat a training row in every input column and the label, so %s; "+
		"remove the repeated rows from the file (duplicates are dropped from the training part only)",
		data.Thousands(w.Copies), data.Thousands(w.Rows), w.Part, 100*w.Share(), what)
}

// countCopies fills e.Copies from the training rows and the split.
func (e *Experiment) countCopies() {
	t := e.Data.Table
	e.Copies = PartCopies{
		Val: data.CopiesOf(t, e.TrainRows, e.Split.Validation), ValRows: len(e.Split.Validation),
		Test: data.CopiesOf(t, e.TrainRows, e.Split.Test), TestRows: len(e.Split.Test),
		Log: e.Data.Cohort != nil,
	}
}
