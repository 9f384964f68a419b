package planscreen

import (
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"
	"gonum.org/v1/gonum/mat"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// base is the analysed run's validation customers, scored once per run and
// shared by pointer (never changed after its Cmd returns it).
type base struct {
	run   int
	label data.LabelSpec
	ids   []string
	// pos are the customers' probabilities of the positive class, labels
	// their 0/1 labels (NaN: unknown).
	pos, labels []float64
	// rows are the customers' rows in the run's table.
	rows  []int
	table *data.Table
	// pipeline is the run's preprocessing (the fills of value columns).
	pipeline *data.Pipeline
	// x holds the customers' transformed inputs and explainer explains
	// them (drivers, reasons); nil when there are no customers.
	x         *mat.Dense
	explainer *experiment.Explainer
	// columns are the run's feature columns, the levers there are to mark;
	// fills the values the model imputes for its numeric ones.
	columns []string
	fills   map[string]float64
	// dropped says why the run's Platt scaling was not applied: the
	// probabilities the plan adds up are the network's own (nil when a map
	// is applied or none was asked for).
	dropped *experiment.CalibrationDropped
	// later says the customers are those at the loaded cutoff, measured
	// out of time: the model trained on the same people at trainedAt.
	later             bool
	cutoff, trainedAt time.Time
}

// ReadyMsg carries a plan computed by the screen's Cmd, or the error that
// refused it (Field names the input it came from, -1 for none).
type ReadyMsg struct {
	Run    int
	Seq    int
	Field  int
	Base   *base
	In     inputs
	Report *experiment.PlanReport
	// Segments assign each customer of Report its segment.
	Segments *experiment.Segments
	// Levers are the levers Report's contacts were given.
	Levers []string
	// Check measures the model on Report's customers (nil: their known
	// outcomes are not of both kinds).
	Check *experiment.PlanCheck
	Err   error
}

// request is what one plan computation needs.
type request struct {
	run    common.Run
	seq    int
	field  int
	base   *base
	target *experiment.Target
	in     inputs
	levers []string
	// byID ranks tied customers by id (pseudonyms on: never in file
	// order, experiment.PlanInput.TiesByID).
	byID bool
}

// planCmd scores the run's validation customers (once) and computes the
// plan under the request's assumptions, off the UI goroutine.
func planCmd(r request) tea.Cmd {
	return func() tea.Msg {
		msg := ReadyMsg{Run: r.run.Number, Seq: r.seq, Field: r.field, Base: r.base, In: r.in, Levers: r.levers}
		if msg.Base == nil {
			msg.Base, msg.Err = scoreBase(r.run)
			if msg.Err != nil {
				return msg
			}
		}
		msg.Report, msg.Segments, msg.Err = report(msg.Base, r.target, r.in, r.levers, r.byID)
		if msg.Report != nil {
			t := common.TargetFor(r.target, msg.Base.label)
			msg.Check = experiment.CheckPlan(t.Scores(msg.Base.pos), msg.Base.labels, t.OnPositive,
				msg.Report.Plan.Order, msg.Report.Best.Contacted)
		}
		return msg
	}
}

// scoreBase scores every row the run is measured on and keeps its
// validation (or, out of time, later) customers.
func scoreBase(run common.Run) (b *base, err error) {
	defer common.Recovered(&err)
	e := run.Exp.Evaluated()
	scores, err := e.ScoreAll()
	if err != nil {
		return nil, err
	}
	b = &base{run: run.Number, label: e.Pipeline.Label, table: e.Data.Table, pipeline: e.Pipeline, fills: map[string]float64{}}
	if l := run.Exp.Loaded(); run.Exp.Later != nil && l.Cohort != nil && run.Exp.Data.Cohort != nil {
		b.later, b.cutoff, b.trainedAt = true, l.Cohort.Cutoff, run.Exp.Data.Cohort.Cutoff
	}
	if b.dropped, err = e.CalibrationDropped(); err != nil {
		return nil, err
	}
	for i := range e.Pipeline.Columns {
		pc := &e.Pipeline.Columns[i]
		b.columns = append(b.columns, pc.Name)
		if pc.Kind == data.Numeric {
			b.fills[pc.Name] = pc.Fill
		}
	}
	for r, p := range scores.Parts {
		if p == experiment.RowValidation || p == experiment.RowLater {
			b.rows = append(b.rows, r)
			b.ids = append(b.ids, scores.ID(r))
			b.pos = append(b.pos, scores.Probabilities[r])
			b.labels = append(b.labels, scores.Labels[r])
		}
	}
	if len(b.rows) > 0 {
		if b.x, err = e.Pipeline.Transform(e.Data.Table, b.rows); err != nil {
			return nil, err
		}
		b.explainer = e.Explainer()
	}
	return b, nil
}

// report computes the plan of b's customers for the target under in, each
// listed contact with its most movable of levers, ties ranked by id when
// byID (experiment.PlanFor, as `retain plan` makes it).
func report(b *base, chosen *experiment.Target, in inputs, levers []string, byID bool) (*experiment.PlanReport, *experiment.Segments, error) {
	if len(b.rows) == 0 {
		return nil, nil, nil
	}
	c := experiment.PlanCustomers{IDs: b.ids, Pos: b.pos, Table: b.table, Rows: b.rows, Pipeline: b.pipeline,
		Explainer: b.explainer, Row: b.x.RawRowView, Own: b.own, TiesByID: byID}
	rep, seg, err := experiment.PlanFor(c, common.TargetFor(chosen, b.label), in.column,
		experiment.PlanRequest{Assumptions: in.assumptions, Levers: levers})
	if ve, ok := errors.AsType[*experiment.ValueColumnError](err); ok {
		return nil, nil, &inputError{field: fieldValue, text: ve.Name, columns: ve.Numeric}
	}
	return rep, seg, err
}

// own is customer i's own raw value of a column, as the table holds it
// (experiment.OwnValue).
func (b *base) own(i int, pc *data.PipelineColumn) float64 {
	return experiment.OwnValue(b.table, b.rows[i], pc)
}
