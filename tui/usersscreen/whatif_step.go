package usersscreen

import (
	"math"
	"slices"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/tui/common"
)

// stepWhatIf moves the chosen feature one step (PipelineColumn.WhatIfStep), or to the
// next level. The status says the value stepped to, and at an end of the
// range the model counts values in, that further steps stay there: it
// said "(typed 28.8; …)" of a value no one had typed.
func (s *Model) stepWhatIf(dir int) tea.Cmd {
	e := s.Exp()
	pc := e.Pipeline.Columns[s.whatIf.col]
	cur := s.explainer().Value(s.whatIf.cur, s.whatIf.col)
	if pc.Kind != data.Numeric {
		if len(pc.Levels) == 0 {
			return nil
		}
		i := max(slices.Index(pc.Levels, cur), 0)
		return s.setWhatIfValue(pc.Levels[(i+dir+len(pc.Levels))%len(pc.Levels)])
	}
	var v float64
	var err error
	if pc.Date {
		v, err = pc.ParseDay(cur)
	} else {
		v, err = strconv.ParseFloat(cur, 64)
	}
	if err != nil || math.IsNaN(v) {
		v = pc.Fill // a missing value steps from the one the model counts
	}
	next, end := pc.WhatIfStep(v, dir)
	text := strconv.FormatFloat(next, 'g', 6, 64)
	if pc.Date {
		text = data.FormatDay(next)
	}
	cmd, ok := s.applyWhatIf(text)
	if ok && end {
		s.status = s.status.Then(s.say(func(s Model) string { return s.rangeEndNote(pc, dir) }))
	}
	return cmd
}

// rangeEndNote says that a step in direction dir reached the end of the
// range a clipped column's values are counted in, and what the model
// counts beyond it.
func (s Model) rangeEndNote(pc data.PipelineColumn, dir int) string {
	lo, hi := s.bound(pc, pc.Min), s.bound(pc, pc.Max)
	if dir > 0 {
		return s.Tf(" (top of the model's range %s – %s: more counts as %[2]s)",
			"（模型取值范围 %s – %s 的上端：更高按 %[2]s 计）", lo, hi)
	}
	return s.Tf(" (bottom of the model's range %s – %s: less counts as %[1]s)",
		"（模型取值范围 %s – %s 的下端：更低按 %[1]s 计）", lo, hi)
}

// bound writes an end of a column's range: a date, or a number as the
// screen writes values.
func (s Model) bound(pc data.PipelineColumn, b float64) string {
	if pc.Date {
		return data.FormatDay(b)
	}
	return s.display(pc.Name, strconv.FormatFloat(b, 'g', 6, 64))
}

// clipNote says, for a typed value outside a clipped column's range, that
// the model counts it as the nearest bound: typing 100 showed the bound
// 27.4 without a word. "" for a value the model takes as it is.
func (s Model) clipNote(pc data.PipelineColumn, text string) string {
	if pc.Kind != data.Numeric || !pc.Clip {
		return ""
	}
	var v float64
	var err error
	if pc.Date {
		v, err = pc.ParseDay(text)
	} else {
		v, err = strconv.ParseFloat(strings.TrimSpace(text), 64)
	}
	if err != nil || !pc.Clips(v) {
		return ""
	}
	return s.Tf(" (typed %s; the model's range is %s – %s)", "（输入 %s；模型的取值范围是 %s – %s）",
		common.Short(strings.TrimSpace(text)), s.bound(pc, pc.Min), s.bound(pc, pc.Max))
}
