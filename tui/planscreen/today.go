package planscreen

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/tui/common"
)

// A run trained on an order log is measured on customers whose outcomes
// are already known: those at its cutoff, a horizon or more before the
// log's last date. The key t plans instead for the log's current
// customers, everyone with an order up to its last date, scored as the
// Users screen's t scores them (experiment.Experiment.MeasureCurrent):
// the list of whom to contact now. The title names which customers and
// which date, and the export's file name carries that date.

// hasToday reports whether the run's order log's current customers can be
// planned for.
func (s Model) hasToday() bool {
	return s.run.Exp != nil && s.run.Exp.Evaluated().HasCurrent()
}

// toggleToday switches between the customers the run is measured on and
// the log's current customers, each scored once per run, and returns the
// Cmd planning for the set now shown under the same inputs.
func (s *Model) toggleToday() tea.Cmd {
	s.today = !s.today
	s.base, s.other = s.other, s.base
	s.report, s.seg, s.check, s.err, s.scroll, s.suggestions, s.atSuggestions = nil, nil, nil, nil, 0, nil, false
	s.refusals = [fieldCount]common.Said{}
	return s.request(-1)
}

// lastDate is the order log's last date up to today, at which its current
// customers are scored (zero when the run has no order log).
func (s Model) lastDate() time.Time {
	if s.run.Exp == nil {
		return time.Time{}
	}
	if d := s.run.Exp.Evaluated().Data; d != nil && d.Cohort != nil {
		return d.Cohort.LastKnown
	}
	return time.Time{}
}

// todayHint says, over the customers the run is measured on, that their
// outcomes are known already and that t plans for the current customers;
// "" when there is no order log or today's are shown.
func (s Model) todayHint() string {
	if s.base == nil || s.base.today || !s.hasToday() || s.lastDate().IsZero() {
		return ""
	}
	at := s.base.cutoff
	if !s.base.later && s.run.Exp.Data.Cohort != nil {
		at = s.run.Exp.Data.Cohort.Cutoff
	}
	return s.Tf("These are the customers at %s, whose outcomes are known by now: t plans for today's customers, those at the log's last date %s.",
		"这些是 %s 的客户，他们的结果现在已经知道：按 t 为今天的客户（订单日志最后一天 %s 的客户）做计划。",
		at.Format(time.DateOnly), s.lastDate().Format(time.DateOnly))
}

// todayNote says, over today's customers, that the TUI keeps no model, so
// the same list from the command line (on a schedule, say) needs a saved
// model first: the commands are todayCommands.
func (s Model) todayNote() string {
	return s.Tf("The TUI keeps no model: to make this list of the %s customers at %s from the command line, save a model and plan with it:",
		"TUI 不保存模型：要在命令行得到 %[2]s 这 %[1]s 位客户的名单，请先保存模型，再用它做计划：",
		data.Thousands(s.report.Customers), s.base.cutoff.Format(time.DateOnly))
}

// todayCommands are the two commands that make today's list from the
// command line, as words: retain train as common.TrainArgs builds it (the
// run's settings and levers) on the run's log at the cutoff the model
// trained at, then retain plan at the log's default cutoff, its last date.
func (s Model) todayCommands() [][]string {
	if s.base.trainedAt.IsZero() {
		return nil
	}
	return s.commandsAt(s.base.trainedAt)
}

// exportName is the file name the export offers: the cutoff of the
// customers listed in it, for an order log, so that a list of earlier
// customers is not taken for today's.
func (s Model) exportName() string {
	if b := s.base; b != nil && (b.today || b.later) {
		return "plan-targets-" + b.cutoff.Format(time.DateOnly) + ".csv"
	}
	if d := s.run.Exp.Data; d != nil && d.Cohort != nil {
		return "plan-targets-" + d.Cohort.Cutoff.Format(time.DateOnly) + ".csv"
	}
	return "plan-targets.csv"
}
