package datascreen

import (
	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// bareState is a per-user table loaded without a label, for the Anomalies
// screen only: its source and the columns the label question offered, to
// ask it again, and its number of users.
type bareState struct {
	src     experiment.Source
	columns []string
	users   int
}

// SetUnlabelled shows that src was loaded without a label (the label
// question's "no label" entry): users users, scored on the Anomalies
// screen only. The data shown before are dropped; c asks again which of
// columns is the label. SetData ends it.
func (s *Model) SetUnlabelled(src experiment.Source, columns []string, users int) {
	s.data, s.info, s.previewOrder = nil, Info{}, nil
	s.scroll, s.colOff = [sectionCount]int{}, 0
	s.prompt, s.picking, s.ask, s.cols, s.answered, s.flash, s.chosen = prompt{}, false, nil, nil, nil, common.Said{}, nil
	s.bare = &bareState{src: src, columns: columns, users: users}
	s.view = s.render()
}

// AskUnlabelled opens the label question again for the table loaded
// without a label, and reports whether one is loaded.
func (s *Model) AskUnlabelled() bool {
	if s.bare == nil {
		return false
	}
	s.AskLabel(s.bare.src, s.bare.columns, common.Said{}, nil)
	return true
}

// bareLines say what is loaded without a label and how to give it one.
func (s Model) bareLines() []string {
	b := s.bare
	var lines []string
	title := s.Tf("%s is loaded without a label: %s users, for anomaly detection only.",
		"%s 已不带标签加载：%s 个用户，仅用于异常检测。", b.src.Path, data.Thousands(b.users))
	for _, l := range widget.WrapText(title, s.Width) {
		lines = append(lines, s.Styles.Title.Render(l))
	}
	lines = append(lines, "")
	say := s.T("The Anomalies screen (A) ranks its users. The other screens train the churn model, which needs a label: c chooses its column.",
		"异常屏（按 A）为其用户排名。其他屏训练流失模型，需要标签：按 c 选择标签列。")
	if !s.Served {
		say += s.T(" Or start retain with it named:", "或在启动 retain 时指定：")
	}
	for _, l := range widget.WrapText(say, s.Width) {
		lines = append(lines, s.Styles.Muted.Render(l))
	}
	if !s.Served {
		for _, l := range widget.WrapText("retain --data "+common.ShellWord(b.src.Path)+" --label COLUMN", max(s.Width-2, 10)) {
			lines = append(lines, "  "+l)
		}
	}
	return append(lines, "")
}
