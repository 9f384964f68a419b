package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// A per-user table loaded without a label (the label question's entry
// "no label — anomaly detection only") is read as `retain anomalies
// --data` reads it and kept in Model.bare, not Model.data: the Anomalies
// screen scores it at once, the Data, Cohorts and Recommend screens say
// what it is, and the screens that need a label or a model built on one
// show noLabelPanel instead of the previous data. Loading other data ends
// it; a load that fails or a question declined keeps it.

// needsLabel reports whether screen t needs a labelled table: the model,
// its training and everything made of a trained run.
func needsLabel(t tab) bool {
	switch t {
	case tabModel, tabTrain, tabEvaluate, tabUsers, tabWalk, tabRuns, tabMap, tabPlan, tabTune:
		return true
	}
	return false
}

// blocked reports whether screen t shows noLabelPanel: a table without a
// label is loaded and t needs one. A training run or search still going
// on the data loaded before keeps its screen, where x stops it.
func (m *Model) blocked(t tab) bool {
	if m.bare == nil || !needsLabel(t) {
		return false
	}
	switch t {
	case tabTrain:
		return !m.trainScr.Alive()
	case tabTune:
		return !m.tuneScr.Running()
	}
	return true
}

// chooseLabelKey is the key of a blocked screen: the label question of
// the table loaded without one, on the Data screen.
func (m *Model) chooseLabelKey() key.Binding {
	return key.NewBinding(key.WithKeys("c"), key.WithHelp("c", m.com.T("choose the label", "选择标签列")))
}

// noLabelPanel is a blocked screen: the table has no label, which the
// screen needs, and how to choose one.
func (m *Model) noLabelPanel(w, h int) string {
	text := m.com.T("This table has no label; this screen needs one: c chooses it (or --label COL).",
		"此表没有标签列，本屏需要标签：按 c 选择（或用 --label 列名）。")
	if m.opts.Served {
		text = m.com.T("This table has no label; this screen needs one: c chooses it.", "此表没有标签列，本屏需要标签：按 c 选择。")
	}
	lines := widget.WrapText(text, max(w, 1))
	for i := range lines {
		lines[i] = m.styles.Warning.Render(lines[i])
	}
	return widget.Fit(strings.Join(lines, "\n"), w, h)
}

// blockedKey answers a key on a blocked screen: c opens the label
// question on the Data screen; any other key does nothing there.
func (m *Model) blockedKey(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.chooseLabelKey()) {
		m.switchTo(tabData)
		m.dataScr.AskUnlabelled()
	}
	return nil
}

// openBare loads src without a label, as `retain anomalies --data` reads
// it; columns are those the label question offered, to ask again.
func (m *Model) openBare(asked experiment.Source, columns []string) tea.Cmd {
	src, err := m.servedSource(asked)
	if err != nil {
		m.err = err
		m.layout()
		return nil
	}
	// Read without a label: not with the one a served session's
	// server was given, which servedSource fills in (review36 #6).
	src.Label = asked.Label
	m.gen++
	m.supersedeResplit()
	m.setLoading(func(c common.Common) string {
		return c.Tf("loading %s…", "正在加载 %s…", c.DescribeSource(src))
	})
	return loadBareCmd(m.loads.start(m.parent), m.gen, withSource(m.opts, src), m.modelScr.Config(), columns, m.send)
}

// loadedBare installs a table loaded without a label in place of the data
// loaded before, whose analysis it drops, and shows the Anomalies screen.
func (m *Model) loadedBare(msg loadedMsg) {
	m.err = nil
	m.data, m.prep = nil, nil
	m.bare = msg.data
	m.setNoData(nil)
	m.settleAside()
	if m.analysed.Exp != nil {
		m.resetAnalysis()
	}
	m.dataScr.SetUnlabelled(msg.data.Source, msg.asked, msg.data.Table.Rows)
	m.switchTo(tabAnomalies)
}

// shown is the data loaded, with a label or without (nil: none).
func (m *Model) shown() *experiment.Data {
	if m.bare != nil {
		return m.bare
	}
	return m.data
}
