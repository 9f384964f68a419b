package datascreen

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// askState is the label question asked when a file's label column was
// not recognised: the source to load again, its columns and why it asks.
type askState struct {
	src     experiment.Source
	columns []string
	pick    int
	why     common.Said
	// missing is the label named for the file (a --label) that is none
	// of its columns, "" when the label was to be recognised by its name.
	missing string
}

// LabelCancelMsg tells the root that the user declined to choose a label,
// or the columns of a log that could not be read (ChooseLogColumns); Err
// is the refusal to show in its place.
type LabelCancelMsg struct{ Err error }

// AskLabel opens the label question for src, whose file has columns; why
// says what went wrong with the previous attempt ("" for none). err is the
// refusal shown if the user declines.
func (s *Model) AskLabel(src experiment.Source, columns []string, why common.Said, err error) {
	s.ask = &askState{src: src, columns: columns, why: why}
	switch prev := s.answered; {
	case src.Label != "" && !slices.Contains(columns, src.Label):
		s.ask.missing = src.Label
	case prev != nil && prev.src.Path == src.Path && prev.src.Kind == src.Kind:
		// Asked again after a column chosen was refused: still because
		// the label named is missing, if it was.
		s.ask.missing = prev.missing
	}
	s.askErr, s.answered = err, nil
	if i := slices.Index(columns, src.Label); i >= 0 {
		s.ask.pick = i
	}
	s.prompt, s.picking, s.cols = prompt{}, false, nil
	s.view = s.render()
}

// Asking reports whether the label question is open.
func (s Model) Asking() bool { return s.ask != nil }

// askKey moves through the columns, loads with the chosen one (enter) or
// gives up (esc).
func (s Model) askKey(k tea.KeyPressMsg) (Model, tea.Cmd) {
	a := *s.ask
	switch k.String() {
	case "up", "k":
		a.pick = max(a.pick-1, 0)
	case "down", "j":
		a.pick = min(a.pick+1, len(a.columns)-1)
	case "esc":
		s.ask, s.answered = nil, nil
		return s, emit(LabelCancelMsg{Err: s.askErr})
	case "enter":
		src := a.src
		src.Label = a.columns[a.pick]
		s.ask, s.answered = nil, &a
		return s, emit(OpenMsg{Src: src, Columns: a.columns})
	}
	s.ask = &a
	return s, nil
}

// askReason says why the label question is asked: the label named (a
// --label) is no column of the file, or no column's name was recognised.
func (s Model) askReason() string {
	if a := s.ask; a.missing != "" {
		return s.Tf("There is no column named %q. Choose the label (columns with two values first): enter loads the file, esc cancels.",
			"没有名为 %q 的列。请选择标签列（只有两个取值的列在前）：enter 加载文件，esc 取消。", a.missing)
	}
	return s.T("Its name was not recognised (churn, label, target, …). Choose it: enter loads the file, esc cancels.",
		"未能识别标签列的名称（churn、label、target 等）。请选择：enter 加载文件，esc 取消。")
}

// askNoLabel says what to do with a table that has no label, so that no
// feature is picked as its label just to load it: the Anomalies screen
// scores only a table loaded here, with a label, while `retain anomalies
// --data` scores the file without one. It returns that note and the
// command (drawn on a line of its own); both "" for a source the command
// line cannot read again (standard input) or a served session, whose user
// has no shell.
func (s Model) askNoLabel() (note, cmd string) {
	a := s.ask
	if a.src.Kind != "csv" || a.src.Path == "-" || s.Served {
		return "", ""
	}
	return s.T("No label? The Anomalies screen scores only a table loaded here, with a label; to score this file without one, run:",
			"没有标签列？异常屏只为此处加载的表打分，而加载需要标签列；不用标签为此文件打分，请运行："),
		common.ShellLine([]string{"retain", "anomalies", "--data", a.src.Path})
}

// askLines draws the label question.
func (s Model) askLines(h int) []string {
	a := s.ask
	lines := []string{s.Styles.Title.Render(s.Tf("Which column of %s is the label?", "%s 的哪一列是标签？",
		common.Truncate(a.src.Path, max(s.Width-30, 10))))}
	for _, l := range widget.WrapText(s.askReason(), s.Width) {
		lines = append(lines, s.Styles.Muted.Render(l))
	}
	if why := a.why.In(s.Common); why != "" {
		for _, l := range widget.WrapText(why, s.Width) {
			lines = append(lines, s.Styles.Error.Render(l))
		}
	}
	if note, cmd := s.askNoLabel(); note != "" {
		for _, l := range widget.WrapText(note, s.Width) {
			lines = append(lines, s.Styles.Muted.Render(l))
		}
		for _, l := range widget.WrapText(cmd, max(s.Width-2, 10)) {
			lines = append(lines, "  "+l)
		}
	}
	lines = append(lines, "")
	head := len(lines)
	for i, c := range a.columns {
		line := "  " + c
		if i == a.pick {
			line = s.Styles.Selected.Render(common.Pad("▸ "+c, s.Width/2))
		}
		lines = append(lines, line)
	}
	if h <= head {
		return lines[:max(h, 0)]
	}
	return append(lines[:head], window(lines[head:], max(a.pick+1-(h-head), 0), h-head)...)
}
