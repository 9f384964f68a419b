package experiment

import (
	"fmt"
	"strconv"

	"github.com/retainlab/retain/engine"
)

// RowPart says which part of the split a table row belongs to.
type RowPart uint8

// The parts a table row can be in. A training row the pipeline dropped as a
// duplicate is still RowTrain.
const (
	RowTrain RowPart = iota
	RowValidation
	RowTest
	// RowLater is a row of the customers an out-of-time experiment is
	// measured on (LaterPart); see Experiment.Evaluated.
	RowLater
	// RowCalibration is a row of the calibration part (CalibPart).
	RowCalibration
)

// Part returns the part's name.
func (p RowPart) Part() Part {
	switch p {
	case RowValidation:
		return ValPart
	case RowTest:
		return TestPart
	case RowLater:
		return LaterPart
	case RowCalibration:
		return CalibPart
	}
	return TrainPart
}

// TableScores is the trained network's probability for every row of the
// experiment's table, with each row's label and part, in table order.
type TableScores struct {
	// IDs are the identifier column's values (shared with the table, not
	// copied), or nil when the table has none; see ID.
	IDs []string
	// Probabilities are P(positive class) per row.
	Probabilities []float64
	// Labels are the table's 0/1 labels (shared with the table).
	Labels []float64
	// Parts place each row in the split.
	Parts []RowPart
	// Short marks the rows of an order log's customers with a short
	// history (data.CohortReport.Short); nil for other data.
	Short []bool
}

// ID returns row r's identifier, or its 1-based row number when the table
// has no identifier column.
func (s *TableScores) ID(r int) string {
	if s.IDs != nil {
		return s.IDs[r]
	}
	return strconv.Itoa(r + 1)
}

// scoreChunk is how many table rows ScoreAll prepares at once, so the
// prepared matrix of a million rows never exists whole. It is a multiple of
// the engine's predict chunk, which keeps the probabilities bit-identical to
// scoring all rows in one batch.
const scoreChunk = 1 << 15

// ScoreAll scores every row of the experiment's table (all parts) with the
// current network, calibrated when the experiment calibrates. Probabilities are not checked for finiteness: a diverged
// network's NaNs are returned as they are, for the caller to show.
func (e *Experiment) ScoreAll() (*TableScores, error) {
	t := e.Data.Table
	s := &TableScores{Probabilities: make([]float64, t.Rows), Labels: t.Label.Values, Parts: e.rowParts()}
	if t.IDColumn >= 0 {
		s.IDs = t.Columns[t.IDColumn].Strings
	}
	if c := e.Data.Cohort; c != nil && len(c.Short) == t.Rows {
		s.Short = c.Short
	}
	pred := engine.NewPredictor(e.Net)
	rows := make([]int, 0, min(scoreChunk, t.Rows))
	for start := 0; start < t.Rows; start += scoreChunk {
		rows = rows[:0]
		for r := start; r < min(start+scoreChunk, t.Rows); r++ {
			rows = append(rows, r)
		}
		x, err := e.Pipeline.Transform(t, rows)
		if err != nil {
			return nil, err
		}
		_, cols := x.Dims()
		raw := x.RawMatrix()
		if cols != e.Net.Arch.Inputs || (raw.Stride != cols && len(rows) > 1) {
			return nil, fmt.Errorf("prepared %d columns, the network takes %d", cols, e.Net.Arch.Inputs)
		}
		pred.PredictFlat(s.Probabilities[start:start+len(rows)], nil, raw.Data[:len(rows)*cols], len(rows))
	}
	cal, err := e.Calibration()
	if err != nil {
		return nil, err
	}
	cal.ApplyAll(s.Probabilities)
	return s, nil
}

// rowParts places every table row in its part of the split (every row
// of an Evaluated view is RowLater).
func (e *Experiment) rowParts() []RowPart {
	out := make([]RowPart, e.Data.Table.Rows)
	if e.trained != nil {
		for r := range out {
			out[r] = RowLater
		}
		return out
	}
	for _, r := range e.Split.Validation {
		out[r] = RowValidation
	}
	for _, r := range e.Split.Test {
		out[r] = RowTest
	}
	for _, r := range e.CalibRows {
		out[r] = RowCalibration
	}
	return out
}
