package evalscreen

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// ImportanceRepeats is how many shuffles each column's importance averages.
const ImportanceRepeats = 3

// ImportanceMsg carries a run's permutation importance.
type ImportanceMsg struct {
	Run     int
	BaseAUC float64
	Columns []experiment.ColumnImportance
	Err     error
}

// ImportanceCmd measures how much the validation AUC drops when each
// column is shuffled.
func ImportanceCmd(run common.Run) tea.Cmd {
	return func() (msg tea.Msg) {
		m := ImportanceMsg{Run: run.Number}
		defer func() { msg = m }()
		defer common.Recovered(&m.Err)
		m.BaseAUC, m.Columns, m.Err = run.Exp.Importance(ImportanceRepeats)
		return m
	}
}

// importance is the Evaluate screen's permutation-importance page.
type importance struct {
	run     int // the run it is (being) computed for
	ready   bool
	baseAUC float64
	columns []experiment.ColumnImportance
	err     error
	bars    widget.SignedBars
}

func newImportance(st common.Styles) importance {
	b := widget.NewSignedBars(st.Widget)
	b.SetFormat(func(v float64) string { return fmt.Sprintf("%+.3f", v) })
	return importance{bars: b}
}

// reset forgets the previous run's figures.
func (p *importance) reset(run int) {
	p.run, p.ready, p.columns, p.err = run, false, nil, nil
	p.bars.SetBars(nil)
}

// set stores the figures if they belong to the run shown.
func (p *importance) set(msg ImportanceMsg) {
	if msg.Run != p.run {
		return
	}
	p.ready, p.baseAUC, p.columns, p.err = true, msg.BaseAUC, msg.Columns, msg.Err
	bars := make([]widget.Bar, 0, len(msg.Columns))
	for _, c := range msg.Columns {
		bars = append(bars, widget.Bar{Label: c.Column, Value: c.Mean})
	}
	p.bars.SetBars(bars)
}

// lines renders the page in w×h cells.
func (p importance) lines(st common.Styles, w, h int) []string {
	switch {
	case p.err != nil:
		return []string{st.Error.Render(common.Truncate("No importance: "+p.err.Error(), w))}
	case !p.ready:
		return []string{st.Muted.Render("Shuffling each column to measure its importance…")}
	}
	out := []string{
		common.Truncate(st.Title.Render("Permutation importance")+st.Muted.Render(fmt.Sprintf(" · drop in validation ROC AUC (%.3f) when a column is shuffled, mean of %d", p.baseAUC, ImportanceRepeats)), w),
	}
	if len(p.columns) > 0 {
		top := p.columns[0]
		sentence := fmt.Sprintf("The model leans most on %s: shuffling it costs %.3f ± %.3f of AUC.", top.Column, top.Mean, top.Std)
		out = append(out, strings.Split(lipgloss.NewStyle().Width(max(w, 10)).Render(sentence), "\n")...)
	}
	bars := p.bars
	bars.SetSize(min(w, 96), max(h-len(out)-1, 1)) // longer bars read no better
	return append(append(out, ""), strings.Split(bars.View(), "\n")...)
}
