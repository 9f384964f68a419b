package recscreen

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/recommend"
	"github.com/retainlab/retain/tui/common"
)

// date writes a day number as YYYY-MM-DD.
func date(day int32) string { return recommend.Date(day).Format(time.DateOnly) }

func itoa(n int) string { return strconv.Itoa(n) }

// earliestCutoff is the first cutoff the model can train for: it learns
// on the horizon before the cutoff and needs a horizon of history before
// that (recommend.Log.TrainCutoffs).
func (s Model) earliestCutoff(horizon int) int32 { return s.log.EarliestCutoff(int32(horizon)) }

// latestCutoff is the last cutoff with any history to rank from: the day
// after the log's last day up to today (recommend.Log.LatestCutoff).
func (s Model) latestCutoff() int32 { return s.log.LatestCutoff() }

// evaluates reports whether the log covers the whole horizon after cutoff,
// so the run measures the model and the baselines.
func (s Model) evaluates(cutoff int32, horizon int) bool {
	return cutoff <= s.log.LatestEvaluationCutoff(int32(horizon))
}

// defaultCutoff is the latest cutoff that leaves a whole horizon in the
// log, so the run evaluates; for a log too short for that, the day after
// its end.
func (s Model) defaultCutoff(horizon int) int32 {
	if c := s.log.LatestEvaluationCutoff(int32(horizon)); c >= s.earliestCutoff(horizon) {
		return c
	}
	return s.latestCutoff()
}

// edit opens the text field for f on the current value, selected: what
// is typed replaces it.
func (s *Model) edit(f field, value string) {
	s.editing, s.fieldErr = f, common.Said{}
	common.SetFieldWidth(&s.input.Model, s.inputWidth())
	s.input.Open(value)
}

// editKey handles a key while a setting is typed: enter applies a valid
// value, esc leaves the setting as it was.
func (s *Model) editKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, s.keys.Cancel):
		s.editing, s.fieldErr = fieldNone, common.Said{}
		s.input.Blur()
		return nil
	case key.Matches(k, s.keys.Apply) && s.editing == fieldExclude:
		s.editing, s.fieldErr = fieldNone, common.Said{}
		s.input.Blur()
		return s.leaveOut(s.input.Typed())
	case key.Matches(k, s.keys.Apply):
		if s.apply(strings.TrimSpace(s.input.Typed())) {
			s.editing, s.fieldErr = fieldNone, common.Said{}
			s.input.Blur()
		}
		return nil
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Key(k)
	return cmd
}

// apply sets the edited setting to v, or says in fieldErr why not and
// leaves every setting as it was.
func (s *Model) apply(v string) bool {
	if s.editing == fieldCutoff {
		t, err := time.Parse(time.DateOnly, v)
		if err != nil {
			s.fieldErr = s.say(func(s Model) string {
				return s.Tf("%q is not a date as YYYY-MM-DD", "%q 不是 YYYY-MM-DD 格式的日期", common.Short(v))
			})
			return false
		}
		if msg := s.cutoffProblem(recommend.Day(t), s.horizon); msg != "" {
			s.fieldErr = s.say(func(s Model) string { return s.cutoffProblem(recommend.Day(t), s.horizon) })
			return false
		}
		s.cutoff, s.cutoffSet = recommend.Day(t), true
		return true
	}
	h, ok := parseHorizon(v)
	if !ok {
		s.fieldErr = s.say(func(s Model) string {
			return s.Tf("%q is not a horizon: give days as 30, 30d or 4w (1 to %s days)", "%q 不是有效的观察期：请写天数，如 30、30d 或 4w（1 到 %s 天）", common.Short(v), common.Thousands(data.MaxHorizonDays))
		})
		return false
	}
	cutoff := s.cutoff
	if !s.cutoffSet {
		cutoff = s.defaultCutoff(h)
	}
	if msg := s.cutoffProblem(cutoff, h); msg != "" {
		s.fieldErr = s.say(func(s Model) string { return s.cutoffProblem(cutoff, h) })
		return false
	}
	s.horizon, s.cutoff = h, cutoff
	return true
}

// leaveOut reads the log again without the items of list (ids as
// written, read by recommend.ItemList as recommend --exclude-items reads
// them); the same list again does nothing.
func (s *Model) leaveOut(list string) tea.Cmd {
	var items []string
	if s.log != nil {
		items = s.log.Items
	}
	ids := recommend.ItemList(list, items)
	if slices.Equal(ids, s.exclude) {
		return nil
	}
	s.exclude, s.reading = ids, true
	return readCmd(s.source, s.open, s.srcLog, s.Pseudonym, ids)
}

// cutoffProblem says why cutoff cannot be used with horizon ("" when it
// can).
func (s Model) cutoffProblem(cutoff int32, horizon int) string {
	lo, hi := s.earliestCutoff(horizon), s.latestCutoff()
	if lo > hi {
		short := s.Tf("the log (%s to %s) is too short for a %s-day horizon: the model needs two horizons of history before the cutoff",
			"日志（%s 至 %s）太短，不够 %s 天的观察期：模型需要截止日前有两个观察期的历史", date(s.log.First), date(s.log.LastUpToToday), common.Thousands(horizon))
		switch most := s.log.LongestHorizon(false); {
		case most > 1:
			return short + s.Tf("; choose a horizon from 1 to %s days", "；请选 1 到 %s 天的观察期", common.Thousands(int(most)))
		case most == 1:
			return short + s.T("; the only horizon it allows is 1 day", "；它只允许 1 天的观察期")
		}
		return short + s.T("; it is too short for any horizon", "；它太短，任何观察期都不够")
	}
	if cutoff < lo || cutoff > hi {
		return s.Tf("cutoff %s is out of range: with a %d-day horizon choose a date from %s to %s (the model needs two horizons of history before it)",
			"截止日 %s 超出范围：观察期为 %d 天时，请选 %s 至 %s 之间的日期（模型需要截止日前有两个观察期的历史）", date(cutoff), horizon, date(lo), date(hi))
	}
	return ""
}

// parseHorizon reads days as "30", "30d" or "4w" (1 to data.MaxHorizonDays),
// as --horizon reads them (data.ParseHorizon).
func parseHorizon(v string) (int, bool) {
	n, err := data.ParseHorizon(v)
	return n, err == nil
}
