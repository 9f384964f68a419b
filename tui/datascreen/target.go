package datascreen

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// The Data screen asks once, when a label is loaded or changed, which
// outcome the plan is about: "Plan about: [p]revent … / [e]ncourage …".
// The question does not hold the keyboard: until it is answered the guess
// from the label's name is used, and p switches it afterwards (as on
// Evaluate and Users).

// targetState is the Data screen's side of the target.
type targetState struct {
	chosen   *experiment.Target // the user's choice (common.TargetMsg)
	asking   bool               // the question is open
	askedFor data.LabelSpec     // the label the question was asked about
}

// labelSpec is the loaded table's label.
func (s Model) labelSpec() data.LabelSpec {
	l := s.data.Table.Label
	return data.LabelSpec{Name: l.Name, Positive: l.Positive, Negative: l.Negative}
}

// askTarget opens the question when the loaded label is a new one.
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

// targetKey answers the question (p or e) or switches the target (p);
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

// targetLines is the header's "Plan" field: the question while it is
// open, else the target and how to change it.
func (s Model) targetLines(maxLines int) []string {
	key := s.T("Plan", "计划")
	l := s.labelSpec()
	if s.tgt.asking {
		prevent := experiment.NewTarget(l, experiment.Prevent).Outcome()
		encourage := experiment.NewTarget(l, experiment.Encourage).Outcome()
		guess := s.T("guess", "猜测")
		if !experiment.NameJudges(l) {
			guess = s.T("default guess", "默认猜测")
		}
		text := s.Tf("about: [p]revent %s / [e]ncourage %s? (%s: %s)",
			"针对：[p] 预防 %s / [e] 促成 %s？（%s：%s）",
			prevent, encourage, guess, s.DirectionName(s.target().Direction))
		return s.field(key, text, min(maxLines, 2), s.Styles.Value.Render)
	}
	t := s.target()
	how := s.T("guessed from the label's name", "根据标签名猜测")
	switch {
	case s.tgt.chosen != nil && s.tgt.chosen.Label == l:
		how = s.T("your choice", "你的选择")
	case !experiment.NameJudges(l):
		how = s.T("a default guess: the label's name says nothing of which class is good or bad",
			"默认猜测：标签名看不出哪一类是好是坏")
	}
	text := s.Tf("%s %s (%s · p to change)", "%s %s（%s · 按 p 切换）", s.DirectionName(t.Direction), t.Outcome(), how)
	return s.field(key, text, min(maxLines, 2), func(strs ...string) string { return strings.Join(strs, " ") })
}
