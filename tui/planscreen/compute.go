package planscreen

import (
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// base is the analysed run's validation customers, scored once per run and
// shared by pointer (never changed after its Cmd returns it).
type base struct {
	run   int
	label data.LabelSpec
	// customers are the run's validation (or later) customers, scored,
	// with their rows, inputs and explainer
	// (experiment.Experiment.ScoreMeasured).
	customers *experiment.MeasuredCustomers
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
	// today says the customers are the order log's current ones, at its
	// last date (cutoff), unlabelled (experiment.Experiment.MeasureCurrent):
	// the plan for who to contact now. The model trained on the customers
	// at trainedAt.
	today bool
	// extrapolating lists the columns for which many of the customers
	// lie beyond the range the model keeps: their probabilities are the
	// model's extrapolation (experiment.MeasuredCustomers.Extrapolations).
	extrapolating []data.Extrapolation
	// beyond counts the customers with a cell beyond the model's training
	// range on a column extrapolating names (experiment.CustomersBeyond),
	// for the suggestions for the platform.
	beyond int
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
	// Suggestions are Report's suggestions for the platform, as `retain
	// plan` draws them (experiment.PlatformSuggestions).
	Suggestions []experiment.PlatformSuggestion
	Err         error
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
	// today plans for the order log's current customers (scoreToday)
	// instead of those the run is measured on.
	today bool
}

// planCmd scores the run's validation customers (once) and computes the
// plan under the request's assumptions, off the UI goroutine.
func planCmd(r request) tea.Cmd {
	return func() tea.Msg {
		msg := ReadyMsg{Run: r.run.Number, Seq: r.seq, Field: r.field, Base: r.base, In: r.in, Levers: r.levers}
		if msg.Base == nil {
			score := scoreBase
			if r.today {
				score = scoreToday
			}
			msg.Base, msg.Err = score(r.run)
			if msg.Err != nil {
				return msg
			}
		}
		msg.Report, msg.Segments, msg.Err = report(msg.Base, r.target, r.in, r.levers, r.byID)
		if msg.Report != nil {
			t := common.TargetFor(r.target, msg.Base.label)
			msg.Check = experiment.CheckPlan(t.Scores(msg.Base.customers.Pos), msg.Base.customers.Labels, t.OnPositive,
				msg.Report.Plan.Order, msg.Report.Best.Contacted)
			msg.Suggestions = experiment.PlatformSuggestions(msg.Report, msg.Base.beyond)
		}
		return msg
	}
}

// scoreBase scores the customers the run is measured on, its validation
// (or, out of time, later) customers, and keeps what the screen shows of
// the run.
func scoreBase(run common.Run) (b *base, err error) {
	defer common.Recovered(&err)
	e := run.Exp.Evaluated()
	b = &base{run: run.Number, label: e.Pipeline.Label, fills: map[string]float64{}}
	if b.customers, err = e.ScoreMeasured(); err != nil {
		return nil, err
	}
	if l := run.Exp.Loaded(); run.Exp.Later != nil && l.Cohort != nil && run.Exp.Data.Cohort != nil {
		b.later, b.cutoff, b.trainedAt = true, l.Cohort.Cutoff, run.Exp.Data.Cohort.Cutoff
	}
	if err := b.describe(e); err != nil {
		return nil, err
	}
	return b, nil
}

// scoreToday scores the current customers of the run's order log, at its
// last date, as the Users screen's t does, and keeps what the screen shows
// of the run.
func scoreToday(run common.Run) (b *base, err error) {
	defer common.Recovered(&err)
	e := run.Exp.Evaluated()
	b = &base{run: run.Number, label: e.Pipeline.Label, fills: map[string]float64{}, today: true}
	var c *experiment.Current
	if b.customers, c, err = e.MeasureCurrent(); err != nil {
		return nil, err
	}
	b.cutoff = c.Report.Cutoff
	if run.Exp.Data.Cohort != nil {
		b.trainedAt = run.Exp.Data.Cohort.Cutoff
	}
	if err := b.describe(e); err != nil {
		return nil, err
	}
	return b, nil
}

// describe keeps what the screen shows of the run e beside b's customers:
// the columns beyond the model's range and how many customers lie beyond
// it, the calibration dropped, the levers and their fills.
func (b *base) describe(e *experiment.Experiment) (err error) {
	if beyond := b.customers.Beyond(); beyond != nil {
		b.extrapolating = b.customers.Pipeline.Extrapolations(beyond, len(b.customers.Rows))
		b.beyond = experiment.CustomersBeyond(b.customers.Pipeline, beyond, len(b.customers.Rows))
	}
	if b.dropped, err = e.CalibrationDropped(); err != nil {
		return err
	}
	for i := range e.Pipeline.Columns {
		pc := &e.Pipeline.Columns[i]
		b.columns = append(b.columns, pc.Name)
		if pc.Kind == data.Numeric {
			b.fills[pc.Name] = pc.Fill
		}
	}
	return nil
}

// report computes the plan of b's customers for the target under in, each
// listed contact with its most movable of levers, ties ranked by id when
// byID (experiment.PlanFor, as `retain plan` makes it).
func report(b *base, chosen *experiment.Target, in inputs, levers []string, byID bool) (*experiment.PlanReport, *experiment.Segments, error) {
	if len(b.customers.Rows) == 0 {
		return nil, nil, nil
	}
	rep, seg, err := experiment.PlanFor(b.customers.Plan(byID), common.TargetFor(chosen, b.label), in.column,
		experiment.PlanRequest{Assumptions: in.assumptions, Levers: levers})
	if ve, ok := errors.AsType[*experiment.ValueColumnError](err); ok {
		return nil, nil, &inputError{field: fieldValue, text: ve.Name, columns: ve.Numeric}
	}
	return rep, seg, err
}
