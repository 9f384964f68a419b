package datascreen

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// askState is the label question asked when a file's label column was
// not recognised: the source to load again, its columns and why it asks.
type askState struct {
	src     experiment.Source
	columns []string
	pick    int // the column selected; -1 the entry above them, no label
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

// askKey moves through the entries, loads with the chosen column (enter)
// or without a label for anomaly detection only (the entry above the
// columns, pick -1), or gives up (esc).
func (s Model) askKey(k tea.KeyPressMsg) (Model, tea.Cmd) {
	a := *s.ask
	switch k.String() {
	case "up", "k":
		a.pick = max(a.pick-1, -1)
	case "down", "j":
		a.pick = min(a.pick+1, len(a.columns)-1)
	case "esc":
		s.ask, s.answered = nil, nil
		return s, emit(LabelCancelMsg{Err: s.askErr})
	case "enter":
		src := a.src
		if a.pick < 0 {
			// The score needs no label: the file is read as `retain
			// anomalies --data` reads it, no column named the label.
			src.Label = ""
			s.ask, s.answered = nil, &a
			return s, emit(OpenMsg{Src: src, Columns: a.columns, NoLabel: true})
		}
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

// noLabelEntry is the label question's entry above the columns that
// loads the table without a label, for the Anomalies screen only.
func (s Model) noLabelEntry() string {
	return s.T("no label — anomaly detection only", "无标签——仅做异常检测")
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
	lines = append(lines, "")
	head := len(lines)
	entry := func(i int, text string) string {
		if i == a.pick {
			return s.Styles.Selected.Render(common.Pad("▸ "+text, max(s.Width/2, ansi.StringWidth(text)+2)))
		}
		return "  " + text
	}
	lines = append(lines, entry(-1, s.noLabelEntry()))
	for i, c := range a.columns {
		lines = append(lines, entry(i, c))
	}
	if h <= head {
		return lines[:max(h, 0)]
	}
	// The list's place of the selection: the entry above the columns is 0.
	return append(lines[:head], window(lines[head:], max(a.pick+2-(h-head), 0), h-head)...)
}
