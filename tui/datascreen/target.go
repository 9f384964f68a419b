package datascreen

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// The Data screen shows which outcome the plan is about as a setting:
// "Plan encourage … (guessed from the label's name · p prevent, e
// encourage)". Until the user picks with p or e, when a label is loaded or
// changed, the guess from the label's name is used; once picked, p
// switches it (as on Evaluate and Users). Nothing waits for an answer.

// targetState is the Data screen's side of the target.
type targetState struct {
	chosen   *experiment.Target // the user's choice (common.TargetMsg)
	asking   bool               // not yet picked for this label: p and e pick
	askedFor data.LabelSpec     // the label the question was asked about
}

// labelSpec is the loaded table's label.
func (s Model) labelSpec() data.LabelSpec {
	l := s.data.Table.Label
	return data.LabelSpec{Name: l.Name, Positive: l.Positive, Negative: l.Negative}
}

// askTarget starts over from the guess when the loaded label is a new one.
func (s *Model) askTarget() {
	if s.data == nil || s.data.Table == nil {
		return
	}
	if l := s.labelSpec(); l != s.tgt.askedFor {
		s.tgt.asking, s.tgt.askedFor = true, l
	}
}

// target is the target in use for the loaded label.
func (s Model) target() experiment.Target {
	return common.TargetFor(s.tgt.chosen, s.labelSpec())
}

// targetKey picks the target (p or e) or switches it once picked (p);
// ok is false when k is not about the target.
func (s Model) targetKey(k tea.KeyPressMsg) (Model, tea.Cmd, bool) {
	if s.data == nil || s.data.Table == nil {
		return s, nil, false
	}
	var t experiment.Target
	switch {
	case s.tgt.asking && key.Matches(k, s.keys.Prevent):
		t = experiment.NewTarget(s.labelSpec(), experiment.Prevent)
	case s.tgt.asking && key.Matches(k, s.keys.Encourage):
		t = experiment.NewTarget(s.labelSpec(), experiment.Encourage)
	case key.Matches(k, s.keys.Target):
		t = s.target().Toggled()
	default:
		return s, nil, false
	}
	s.tgt.chosen, s.tgt.asking = &t, false
	return s, emit(common.TargetMsg{Target: t}), true
}

// targetLines is the header's "Plan" field: the target in use, how it
// was set (guessed from the label's name until the user chooses) and the
// keys that change it. It reads as a setting, not a question: a newcomer
// can train first and come back to it.
func (s Model) targetLines(maxLines int) []string {
	key := s.T("Plan", "计划")
	l := s.labelSpec()
	t := s.target()
	how := s.T("guessed from the label's name", "根据标签名猜测")
	switch {
	case s.tgt.chosen != nil && s.tgt.chosen.Label == l:
		how = s.T("your choice", "你的选择")
	case !experiment.NameJudges(l):
		how = s.T("a default guess: the label's name says nothing of which class is good or bad",
			"默认猜测：标签名看不出哪一类是好是坏")
	}
	if maxLines == 1 {
		// The short form, for a short window.
		how = s.T("guessed", "猜测")
		switch {
		case s.tgt.chosen != nil && s.tgt.chosen.Label == l:
			how = s.T("your choice", "你的选择")
		case !experiment.NameJudges(l):
			how = s.T("default guess", "默认猜测")
		}
	}
	// Each key hint is kept on one line: "· p" never ends a line with
	// "prevent" on the next.
	text := s.Tf("%s %s (%s · %s)", "%s %s（%s · %s）", s.DirectionName(t.Direction), t.Outcome(), how,
		widget.Keep(s.T("p to change", "按 p 切换")))
	if s.tgt.asking {
		text = s.Tf("%s %s (%s · %s, %s)", "%s %s（%s · %s，%s）", s.DirectionName(t.Direction), t.Outcome(), how,
			widget.Keep(s.T("p prevent", "p 预防")), widget.Keep(s.T("e encourage", "e 促成")))
	}
	return s.field(key, text, min(maxLines, 2), func(strs ...string) string { return strings.Join(strs, " ") })
}
