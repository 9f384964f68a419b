package evalscreen

import (
	"strings"

	"charm.land/lipgloss/v2"

	tea "charm.land/bubbletea/v2"

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

func newImportance(com common.Common) importance {
	b := com.NewSignedBars()
	// The experiment ranks the columns by their signed mean drop: one whose
	// shuffling raises the AUC (it hurts) ranks below every one that helps,
	// however large its |value|.
	b.SetOrder(widget.AsGiven)
	b.SetFormat(func(v float64) string { return common.Signed(v, 3) })
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
func (p importance) lines(c common.Common, w, h int) []string {
	st := c.Styles
	switch {
	case p.err != nil:
		return wrap(c.T("No importance: ", "无法计算重要性：")+p.err.Error(), w, st.Error)
	case !p.ready:
		return []string{st.Muted.Render(common.Truncate(c.T("Shuffling each column to measure its importance…", "正在逐列打乱以衡量其重要性…"), w))}
	}
	out := []string{
		common.Truncate(st.Title.Render(c.T("Permutation importance", "置换重要性"))+st.Muted.Render(c.Tf(" · drop in validation ROC AUC (%.3f) when a column is shuffled, mean of %d",
			" · 打乱一列后验证集 ROC AUC（%.3f）的下降，%d 次平均", p.baseAUC, ImportanceRepeats)), w),
	}
	if len(p.columns) > 0 {
		top := p.columns[0]
		sentence := c.Tf("The model leans most on %s: shuffling it costs %.3f ± %.3f of AUC.", "模型最依赖 %s：打乱它会让 AUC 下降 %.3f ± %.3f。", top.Column, top.Mean, top.Std)
		out = append(out, wrap(sentence, w, lipgloss.NewStyle())...)
	}
	bars := p.bars
	bars.SetSize(min(w, 96), max(h-len(out)-1, 1)) // longer bars read no better
	return append(append(out, ""), strings.Split(bars.View(), "\n")...)
}
