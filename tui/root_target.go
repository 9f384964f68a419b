package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/tui/common"
)

// broadcast hands msg to every screen: the target and the band scheme,
// like the threshold, are one choice for the whole program.
func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	switch msg.(type) {
	case common.TargetMsg, common.BandsMsg:
		// Kept for analysis screens built afresh (resetAnalysis).
		m.shared = append(m.shared, msg)
	}
	var cmds [tabCount]tea.Cmd
	m.dataScr, cmds[tabData] = updateScreen(m.dataScr, msg)
	m.modelScr, cmds[tabModel] = updateScreen(m.modelScr, msg)
	m.trainScr, cmds[tabTrain] = updateScreen(m.trainScr, msg)
	m.evalScr, cmds[tabEvaluate] = updateScreen(m.evalScr, msg)
	m.usersScr, cmds[tabUsers] = updateScreen(m.usersScr, msg)
	m.walkScr, cmds[tabWalk] = updateScreen(m.walkScr, msg)
	m.runsScr, cmds[tabRuns] = updateScreen(m.runsScr, msg)
	m.mapScr, cmds[tabMap] = updateScreen(m.mapScr, msg)
	m.cohScr, cmds[tabCohorts] = updateScreen(m.cohScr, msg)
	m.planScr, cmds[tabPlan] = updateScreen(m.planScr, msg)
	m.tuneScr, cmds[tabTune] = updateScreen(m.tuneScr, msg)
	return tea.Batch(cmds[:]...)
}
