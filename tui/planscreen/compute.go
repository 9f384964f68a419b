package planscreen

import (
	"math"
	"strings"
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
	b = &base{run: run.Number, label: e.Pipeline.Label, table: e.Data.Table, fills: map[string]float64{}}
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
// byID.
func report(b *base, chosen *experiment.Target, in inputs, levers []string, byID bool) (*experiment.PlanReport, *experiment.Segments, error) {
	if len(b.rows) == 0 {
		return nil, nil, nil
	}
	t := common.TargetFor(chosen, b.label)
	probs := t.Scores(b.pos)
	var values []float64
	var read experiment.PlanValueColumn
	if in.column != "" {
		var err error
		if values, read, err = b.column(in.column); err != nil {
			return nil, nil, err
		}
	}
	seg, err := segments(b, probs, values)
	if err != nil {
		return nil, nil, err
	}
	rep, err := experiment.NewPlanReport(experiment.PlanInput{
		IDs: b.ids, Probs: probs, Values: values, ValueColumn: read.Name, ValueRead: read, Segments: seg, Positive: t.OnPositive,
		Explainer: b.explainer, Row: b.x.RawRowView, Own: b.own, TiesByID: byID,
	}, experiment.PlanRequest{
		Assumptions: in.assumptions, Prevent: t.Direction == experiment.Prevent, Outcome: t.Outcome(), Levers: levers,
	})
	return rep, seg, err
}

// own is customer i's own raw value of a column, as the table holds it
// (experiment.OwnValue).
func (b *base) own(i int, pc *data.PipelineColumn) float64 {
	return experiment.OwnValue(b.table, b.rows[i], pc)
}

// column returns the values of the numeric column named name (any case)
// for b's customers.
func (b *base) column(name string) ([]float64, experiment.PlanValueColumn, error) {
	var numeric []string
	for _, c := range b.table.Columns {
		if c.Values == nil || c.Name == b.label.Name {
			continue
		}
		numeric = append(numeric, c.Name)
		if !strings.EqualFold(c.Name, name) {
			continue
		}
		raw := make([]float64, len(b.rows))
		for k, r := range b.rows {
			raw[k] = c.Values[r]
		}
		fill, ok := b.fills[c.Name]
		if !ok {
			fill = math.NaN()
		}
		values, read := experiment.PlanValues(c.Name, raw, fill)
		return values, read, nil
	}
	return nil, experiment.PlanValueColumn{}, &inputError{field: fieldValue, text: name, columns: numeric}
}

// segments are RFM cells when the table has an order log's RFM columns,
// else value levels, as `retain plan` chooses.
func segments(b *base, probs, values []float64) (*experiment.Segments, error) {
	pick := func(name string) []float64 {
		c := b.table.Column(name)
		if c == nil || c.Values == nil {
			return nil
		}
		out := make([]float64, len(b.rows))
		for k, r := range b.rows {
			out[k] = c.Values[r]
		}
		return out
	}
	if r, f, m := pick("recency_days"), pick("frequency"), pick("monetary_total"); r != nil && f != nil && m != nil {
		return experiment.RFMSegments(r, f, m, probs)
	}
	return experiment.ValueSegments(probs, values)
}
