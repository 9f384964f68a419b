package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/retainlab/retain/tui/common"
)

// analyse makes run the analysed run and starts the analysis screens'
// work on it.
func (m *Model) analyse(run common.Run) tea.Cmd {
	if run.Exp == nil {
		return nil
	}
	m.analysed = run
	m.runsScr.SetRuns(m.trainScr.Finished(), run.Number)
	return tea.Batch(m.evalScr.SetRun(run), m.usersScr.SetRun(run), m.planScr.SetRun(run))
}

// analyseNumber makes the run with that number the analysed one, chosen
// on the Runs screen: newer runs no longer replace it.
func (m *Model) analyseNumber(number int) tea.Cmd {
	for _, r := range m.trainScr.Finished() {
		if r.Number == number {
			// Choosing the latest run means following new runs again.
			m.pinned = number != m.trainScr.Finished()[len(m.trainScr.Finished())-1].Number
			return m.analyse(r)
		}
	}
	return nil
}

// follow keeps the screens that depend on the selected user up to date:
// the walkthrough and the decision map are computed only while shown.
func (m *Model) follow() tea.Cmd {
	if len(m.runsScr.Runs()) != len(m.trainScr.Finished()) {
		m.runsScr.SetRuns(m.trainScr.Finished(), m.analysed.Number)
	}
	row := m.usersScr.SelectedRow()
	if m.analysed.Exp == nil || row < 0 {
		return nil
	}
	// The Users screen lists the customers the run is measured on (for out
	// of time, the cohort at the cutoff); the walkthrough and the map step
	// and plot the same ones, not the current customers it may show instead.
	shown := m.analysed
	shown.Exp = m.analysed.Exp.Evaluated()
	if m.usersScr.Exp() != shown.Exp {
		return nil
	}
	switch m.active {
	case tabWalk:
		return m.walkScr.Want(shown, row, m.usersScr.ID(row))
	case tabMap:
		return m.mapScr.Want(shown, row)
	}
	return nil
}

// shareRecommendations gives the Users screen the Recommend screen's
// result, or a hint when the loaded log has items but no result yet.
func (m *Model) shareRecommendations() {
	m.usersScr.SetRecommendations(m.recScr.Result(), m.recScr.Available())
}
