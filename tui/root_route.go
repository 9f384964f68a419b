package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/modelscreen"
)

// handleKey applies global keys unless a text field has the keyboard, then
// hands the key to the active screen.
func (m *Model) handleKey(k tea.KeyPressMsg) tea.Cmd {
	if k.String() == "ctrl+c" {
		// An interrupt, which the program reports (exit 130); a served
		// session's ctrl+c ends that session as q does.
		m.interrupted = !m.opts.Served
		return m.quit()
	}
	if key.Matches(k, m.keys.Lang) {
		// Before the rest: it works in the quit question, the help and a
		// text field too (a field types no control key).
		m.switchLang()
		return nil
	}
	if m.confirmQuit {
		return m.confirmKey(k)
	}
	if !m.editing() && key.Matches(k, m.keys.Quit) {
		return m.quitKey()
	}
	if m.editing() && k.String() == "ctrl+v" {
		return m.pasteClipboard()
	}
	if m.active == tabWalk && m.walkScr.WantsTab(k) {
		return m.routeToActive(k) // tab moves to the walkthrough's next layer
	}
	if m.active == tabWalk && !m.editing() && key.Matches(k, m.walkScr.StepKey()) {
		m.trainScr.StepBatch() // the paused run trains one batch; follow shows it
		return nil
	}
	if m.help.ShowAll && !m.editing() {
		return m.helpKey(k)
	}
	if !m.editing() {
		switch {
		case key.Matches(k, m.keys.Help):
			m.help.ShowAll, m.helpTop = true, 0
			return nil
		case m.loading != "" && k.String() == "esc":
			// A load or re-split in progress: esc cancels it, before it
			// dismisses an error or reaches the screen.
			m.cancelLoad()
			return nil
		case m.err != nil && key.Matches(k, m.keys.Dismiss):
			m.err = nil
			m.layout()
			return nil
		case key.Matches(k, m.keys.NextTab):
			m.switchTo((m.active + 1) % tabCount)
			return nil
		case key.Matches(k, m.keys.PrevTab):
			m.switchTo((m.active + tabCount - 1) % tabCount)
			return nil
		}
		for t, b := range m.keys.TabKeys() {
			if key.Matches(k, b) {
				m.switchTo(tab(t))
				return nil
			}
		}
	}
	return m.routeToActive(k)
}

func (m *Model) routeToActive(msg tea.Msg) tea.Cmd {
	if m.blocked(m.active) {
		return m.blockedKey(msg)
	}
	var cmd tea.Cmd
	switch m.active {
	case tabData:
		m.dataScr, cmd = updateScreen(m.dataScr, msg)
	case tabModel:
		version, before := m.modelScr.ConfigVersion(), m.modelScr.Config()
		m.modelScr, cmd = updateScreen(m.modelScr, msg)
		if m.data != nil && m.modelScr.ConfigVersion() != version && modelscreen.SplitChanged(before, m.modelScr.Config()) {
			return tea.Batch(cmd, m.reprepare())
		}
	case tabTrain:
		m.trainScr, cmd = updateScreen(m.trainScr, msg)
	case tabEvaluate:
		m.evalScr, cmd = updateScreen(m.evalScr, msg)
	case tabUsers:
		m.usersScr, cmd = updateScreen(m.usersScr, msg)
	case tabWalk:
		m.walkScr, cmd = updateScreen(m.walkScr, msg)
	case tabRuns:
		m.runsScr, cmd = updateScreen(m.runsScr, msg)
	case tabMap:
		m.mapScr, cmd = updateScreen(m.mapScr, msg)
	case tabCohorts:
		m.cohScr, cmd = updateScreen(m.cohScr, msg)
	case tabPlan:
		m.planScr, cmd = updateScreen(m.planScr, msg)
	case tabRecommend:
		m.recScr, cmd = updateScreen(m.recScr, msg)
		m.shareRecommendations()
	case tabTune:
		m.tuneScr, cmd = updateScreen(m.tuneScr, msg)
	case tabAnomalies:
		m.anomScr, cmd = updateScreen(m.anomScr, msg)
	}
	return cmd
}

func (m *Model) switchTo(t tab) {
	// Messages about what was done on a screen expire when the user
	// leaves it (an export's outcome, a refused value).
	if t != m.active {
		switch m.active {
		case tabUsers:
			m.usersScr.Leave()
		case tabPlan:
			m.planScr.Leave()
		}
	}
	m.active = t
	m.trainScr.SetHidden(t != tabTrain)
	m.layout()
}

// editing reports whether the active screen has a text field focused.
func (m *Model) editing() bool {
	if m.blocked(m.active) {
		return false
	}
	switch m.active {
	case tabData:
		return m.dataScr.Editing()
	case tabModel:
		return m.modelScr.Editing()
	case tabUsers:
		return m.usersScr.Editing()
	case tabPlan:
		return m.planScr.Editing()
	case tabRecommend:
		return m.recScr.Editing()
	case tabTune:
		return m.tuneScr.Editing()
	}
	return false
}

// updateScreen hands msg to a screen through the common.Screen interface
// and returns the screen's next value with its concrete type.
func updateScreen[S common.Screen](s S, msg tea.Msg) (S, tea.Cmd) {
	next, cmd := s.Update(msg)
	return next.(S), cmd
}
