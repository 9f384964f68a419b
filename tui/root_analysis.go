package tui

import (
	tea "charm.land/bubbletea/v2"
)

// analyse makes run the analysed run and starts the analysis screens'
// work on it.
func (m *Model) analyse(run finishedRun) tea.Cmd {
	if run.exp == nil {
		return nil
	}
	m.analysed = run
	return tea.Batch(m.evalScr.setRun(run), m.usersScr.setRun(run))
}
