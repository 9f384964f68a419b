package experiment

import (
	"gonum.org/v1/gonum/mat"

	"github.com/retainlab/retain/data"
)

// MeasuredCustomers are the customers an experiment's figures are measured
// on, scored: the validation rows of a random split, the customers at the
// cutoff of an out-of-time one (Evaluated), in table order. The Plan
// screen plans for them.
type MeasuredCustomers struct {
	// IDs name the customers (TableScores.ID); Pos are their
	// probabilities of the label's positive class, calibrated as the
	// experiment calibrates; Labels their 0/1 labels (NaN: unknown).
	IDs         []string
	Pos, Labels []float64
	// Table is the evaluated table and Rows the customers' rows in it.
	Table *data.Table
	Rows  []int
	// Pipeline is the experiment's preprocessing.
	Pipeline *data.Pipeline
	// X holds the customers' transformed inputs, row i customer i's, and
	// Explainer explains them; both nil when there are no customers.
	X         *mat.Dense
	Explainer *Explainer
}

// ScoreMeasured scores the customers e's figures are measured on
// (Evaluated: validation rows, or out of time the later customers) with
// their inputs as the network takes them.
func (e *Experiment) ScoreMeasured() (*MeasuredCustomers, error) {
	v := e.Evaluated()
	scores, err := v.ScoreAll()
	if err != nil {
		return nil, err
	}
	m := &MeasuredCustomers{Table: v.Data.Table, Pipeline: v.Pipeline}
	for r, p := range scores.Parts {
		if p == RowValidation || p == RowLater {
			m.Rows = append(m.Rows, r)
			m.IDs = append(m.IDs, scores.ID(r))
			m.Pos = append(m.Pos, scores.Probabilities[r])
			m.Labels = append(m.Labels, scores.Labels[r])
		}
	}
	if len(m.Rows) > 0 {
		if m.X, err = v.Pipeline.Transform(v.Data.Table, m.Rows); err != nil {
			return nil, err
		}
		m.Explainer = v.Explainer()
	}
	return m, nil
}

// Own is customer i's own raw value of a column, as the table holds it
// (OwnValue).
func (m *MeasuredCustomers) Own(i int, pc *data.PipelineColumn) float64 {
	return OwnValue(m.Table, m.Rows[i], pc)
}

// Plan returns the customers as PlanFor takes them, tied customers ranked
// by id when tiesByID (PlanInput.TiesByID). With no customers its Row is
// nil.
func (m *MeasuredCustomers) Plan(tiesByID bool) PlanCustomers {
	c := PlanCustomers{IDs: m.IDs, Pos: m.Pos, Table: m.Table, Rows: m.Rows, Pipeline: m.Pipeline,
		Explainer: m.Explainer, Own: m.Own, TiesByID: tiesByID}
	if m.X != nil {
		c.Row = m.X.RawRowView
	}
	return c
}

// Extrapolations lists the columns and ends of their kept range beyond
// which many of the customers lie (data.Pipeline.Extrapolations over
// their rows alone): the model scored them at the bound, extrapolating,
// as `retain predict` and `retain plan` warn. Customers measured out of
// time, later than the model's training cohort, are often beyond it.
func (m *MeasuredCustomers) Extrapolations() []data.Extrapolation {
	beyond := m.Beyond()
	if beyond == nil {
		return nil
	}
	return m.Pipeline.Extrapolations(beyond, len(m.Rows))
}

// Beyond holds the value of every cell of the customers beyond the
// training range of a clipped column, as Scored.Beyond holds a scored
// file's: by customer (Row i is customer i) and pipeline column. Nil when
// there are no customers.
func (m *MeasuredCustomers) Beyond() map[data.Cell]float64 {
	if len(m.Rows) == 0 || m.Table == nil || m.Pipeline == nil {
		return nil
	}
	beyond, _ := m.Pipeline.TableCells(m.Table)
	at := make(map[int]int, len(m.Rows))
	for i, r := range m.Rows {
		at[r] = i
	}
	kept := make(map[data.Cell]float64, len(beyond))
	for c, v := range beyond {
		if i, ok := at[c.Row]; ok {
			kept[data.Cell{Row: i, Column: c.Column}] = v
		}
	}
	return kept
}

// Extrapolations lists the columns and ends of their kept range beyond
// which many of the rows of e's data lie (data.Pipeline.Extrapolations
// over every row of its table): for the experiment OnCurrent returns, the
// current customers, scored later than the model's training cohort and so
// often beyond it, as `retain predict` warns of the same customers.
func (e *Experiment) Extrapolations() []data.Extrapolation {
	if e.Data == nil || e.Data.Table == nil || e.Pipeline == nil || e.Data.Table.Rows == 0 {
		return nil
	}
	beyond, _ := e.Pipeline.TableCells(e.Data.Table)
	return e.Pipeline.Extrapolations(beyond, e.Data.Table.Rows)
}
