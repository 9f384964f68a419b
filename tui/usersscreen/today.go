package usersscreen

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// A run trained on an order log can also show the log's current customers:
// everyone with an order up to its last date, unlabelled, scored by the
// run's network (experiment.Experiment.Current and OnCurrent). The key t
// switches between them and the run's labelled cohort; the table, the
// details, the what-if editor and the export then work on the shown set.

// hasToday reports whether the run's users come from an order log whose
// current customers can be scored.
func (s Model) hasToday() bool {
	c := s.cohort
	return c != nil && c.exp != nil && c.exp.HasCurrent()
}

// todayCmd scores the current customers of cohort's order log.
func todayCmd(cohort *usersData) tea.Cmd {
	return func() tea.Msg {
		u, err := scoreToday(cohort)
		return ReadyMsg{run: cohort.run, users: u, err: err, today: true}
	}
}

func scoreToday(cohort *usersData) (u *usersData, err error) {
	defer common.Recovered(&err)
	c, err := cohort.exp.Current()
	if err != nil {
		return nil, err
	}
	e := cohort.exp.OnCurrent(c)
	scores, err := e.ScoreAll()
	if err != nil {
		return nil, err
	}
	u = newUsersData(cohort.run, scores, cohort.label)
	if cohort.rowRank != nil {
		u.orderByID()
	}
	// Explanations are measured against the run's mean training user, as
	// for the cohort, and the features shown beside that user's values.
	u.exp, u.explainer, u.years, u.current = e, cohort.explainer, cohort.years, c
	// Scored later than the model's training cohort, many may lie beyond
	// its ranges, as retain predict warns of the same customers.
	u.extrapolating = e.Extrapolations()
	return u, nil
}

// toggleToday switches between the cohort and the current customers,
// scoring the latter the first time.
func (s *Model) toggleToday() tea.Cmd {
	switch {
	case !s.hasToday() || s.todayWaiting:
		return nil
	case s.showToday:
		s.showToday = false
		return s.show(s.cohort)
	case s.today != nil:
		s.showToday = true
		return s.show(s.today)
	}
	s.todayWaiting = true
	s.status = s.say(func(s Model) string { return s.T("scoring the current customers…", "正在给当前客户打分…") })
	return todayCmd(s.cohort)
}

// todayReady shows the scored current customers.
func (s *Model) todayReady(msg ReadyMsg) tea.Cmd {
	if s.cohort == nil || msg.run != s.cohort.run || !s.todayWaiting {
		return nil
	}
	s.todayWaiting = false
	if msg.err != nil {
		s.status = s.say(func(s Model) string {
			return s.T("✗ scoring the current customers failed: ", "✗ 给当前客户打分失败：") + msg.err.Error()
		})
		return nil
	}
	s.today, s.showToday, s.status = msg.users, true, common.Said{}
	return s.show(s.today)
}

// show puts u in the table from its first row: rows of the cohort and of
// the current customers are different people. The truth filter needs
// labels, so it is reset.
func (s *Model) show(u *usersData) tea.Cmd {
	s.list.users, s.list.shown = nil, nil
	s.list.cursor, s.list.offset, s.list.truth = 0, 0, truthAll
	s.list.setUsers(u)
	s.explainCache = newExplainCache()
	s.whatIf = whatIf{}
	s.status = common.Said{}
	return s.selectionChanged()
}

// historyName is the table's mark of a short history ("" when not short).
func (s Model) historyName(short bool) string {
	if short {
		return s.T("short", "短")
	}
	return ""
}

// historyLine says in the detail pane whether the customer's history is
// short, and what short means.
func (s Model) historyLine(u *usersData, row int) string {
	if u.short(row) {
		return s.Styles.Warning.Render(s.Tf("short history: first order < %d days before %s", "历史短：首单距 %[2]s 不足 %[1]d 天",
			data.ShortHistoryDays, u.current.Report.Cutoff.Format(time.DateOnly)))
	}
	return s.Styles.Muted.Render(s.Tf("history ≥ %d days", "历史 ≥ %d 天", data.ShortHistoryDays))
}

// todayHint is the status line over the current customers: the date they
// are scored at and how many have a short history.
func (s Model) todayHint(u *usersData) string {
	r := u.current.Report
	return s.Tf("as of %s, unlabelled · %s short (first order < %d days earlier)", "截至 %s，无标签 · %s 个历史短（首单不足 %d 天）",
		r.Cutoff.Format(time.DateOnly), common.Thousands(r.ShortHistory), data.ShortHistoryDays)
}

// extrapolationLines say, over the current customers, for which columns
// many of them lie beyond the range the model keeps, with the share of
// them (common.ExtrapolationNote: the Plan screen's sentence and retain
// predict's warning), wrapped to w over at most most lines, the last cut
// with an ellipsis; nil when none do or the cohort is shown.
func (s Model) extrapolationLines(w, most int) []string {
	u := s.list.users
	if u == nil || u.current == nil || most < 1 {
		return nil
	}
	n := s.ExtrapolationNote(u.extrapolating)
	if n == "" {
		return nil
	}
	lines := widget.WrapUnmarked(n+s.T(" Read their scores with care.", "请谨慎看待这些分数。"), w)
	if len(lines) > most {
		lines = lines[:most]
		lines[most-1] = common.Truncate(lines[most-1]+" …", w)
	}
	for i, l := range lines {
		lines[i] = s.Styles.Warning.Render(l)
	}
	return lines
}
