package experiment

import "math"

// MeasureCurrent scores the current customers of e's order log (Current:
// everyone with an order up to the log's last date, unlabelled) as
// ScoreMeasured scores the customers e is measured on, through OnCurrent:
// the same pipeline, network and calibration, explanations against the
// mean training user. It is the plan for today's customers, the rows
// `retain plan --log` scores at the log's default cutoff. Labels are all
// NaN (their outcomes are not known yet). The Current says at which date
// and how many.
func (e *Experiment) MeasureCurrent() (*MeasuredCustomers, *Current, error) {
	c, err := e.Current()
	if err != nil {
		return nil, nil, err
	}
	v := e.OnCurrent(c)
	scores, err := v.ScoreAll()
	if err != nil {
		return nil, nil, err
	}
	rows := v.Data.Table.Rows
	m := &MeasuredCustomers{Table: v.Data.Table, Pipeline: v.Pipeline,
		IDs: make([]string, rows), Pos: make([]float64, rows), Labels: make([]float64, rows), Rows: make([]int, rows)}
	for r := range rows {
		m.Rows[r], m.IDs[r], m.Pos[r], m.Labels[r] = r, scores.ID(r), scores.Probabilities[r], math.NaN()
	}
	if rows > 0 {
		if m.X, err = v.Pipeline.Transform(v.Data.Table, m.Rows); err != nil {
			return nil, nil, err
		}
		m.Explainer = v.Explainer()
	}
	return m, c, nil
}
