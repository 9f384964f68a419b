package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/tui/anomalyscreen"
	"github.com/retainlab/retain/tui/cohortscreen"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/datascreen"
	"github.com/retainlab/retain/tui/evalscreen"
	"github.com/retainlab/retain/tui/exporter"
	"github.com/retainlab/retain/tui/mapscreen"
	"github.com/retainlab/retain/tui/modelscreen"
	"github.com/retainlab/retain/tui/planscreen"
	"github.com/retainlab/retain/tui/recscreen"
	"github.com/retainlab/retain/tui/trainscreen"
	"github.com/retainlab/retain/tui/tunescreen"
	"github.com/retainlab/retain/tui/usersscreen"
	"github.com/retainlab/retain/tui/walktab"
)

// Update implements tea.Model. After any message the screens are resized
// if the space left by the footer and error panel changed.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.step(msg)
	return m, cmd
}

// step is Update in place: Update on a copy, Live's Update on the model
// the program runs.
func (m *Model) step(msg tea.Msg) tea.Cmd {
	cmd := m.update(msg)
	m.shareTraining()
	m.pushInputs()
	if follow := m.follow(); follow != nil {
		cmd = tea.Batch(cmd, follow)
	}
	if w, h := m.contentSize(); m.width > 0 && (w != m.laidW || h != m.laidH) {
		m.layout()
	}
	return cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
		return nil
	case tea.KeyPressMsg:
		m.notice = ""
		return m.handleKey(msg)
	case noticer:
		m.notice = msg.Notice()
		if l, ok := msg.(langNoticer); ok {
			m.notice = l.NoticeIn(m.com.Lang)
		}
		return nil
	case loadProgressMsg:
		if msg.gen == m.gen && m.loading != "" {
			m.loadShown = &msg
		}
		return nil
	case loadedMsg:
		bare := m.loaded(msg)
		cmd := tea.Batch(m.cohScr.SetData(m.shown()), m.recScr.SetData(m.shown()))
		m.shareRecommendations()
		if bare {
			// Loaded for the Anomalies screen alone: it scores at once.
			m.pushInputs()
			cmd = tea.Batch(cmd, m.anomScr.Score())
		}
		return cmd
	case datascreen.OpenMsg:
		m.asked = msg.Src.Path
		if msg.NoLabel {
			return m.openBare(msg.Src, msg.Columns)
		}
		return m.open(msg.Src, msg.Columns)
	case modelscreen.PresetDataMsg:
		return m.presetData(msg)
	case modelscreen.RestoreDataMsg:
		return m.restoreAside()
	case datascreen.LabelCancelMsg:
		m.err = m.resplitFailed(msg.Err)
		if m.data == nil && m.bare == nil {
			m.setNoData(msg.Err)
		}
		m.layout()
		return nil
	case datascreen.ResplitMsg:
		m.modelScr.SetSeed(msg.Seed)
		return m.reprepare()
	case datascreen.SchemeMsg:
		m.modelScr.SetValidation(msg.Scheme)
		return m.reprepare()
	case trainscreen.DoneMsg:
		var cmd tea.Cmd
		ended := len(m.trainScr.Finished())
		m.trainScr, cmd = updateScreen(m.trainScr, msg)
		if m.quitting && !m.trainScr.Alive() {
			return m.end()
		}
		if m.confirmQuit {
			m.layout() // the question now names an ended run, not a training
		}
		if runs := m.trainScr.Finished(); len(runs) > ended && !m.pinned && m.onLoadedData(runs[len(runs)-1]) {
			cmd = tea.Batch(cmd, m.analyse(runs[len(runs)-1]))
		}
		return cmd
	case evalscreen.ReadyMsg, evalscreen.ImportanceMsg, evalscreen.CompareTickMsg, evalscreen.CompareDoneMsg:
		var cmd tea.Cmd
		m.evalScr, cmd = updateScreen(m.evalScr, msg)
		return cmd
	case usersscreen.ReadyMsg, usersscreen.ExplainMsg, usersscreen.SweepMsg, usersscreen.WhatIfExplainMsg, usersscreen.FilterMsg, usersscreen.FindMsg:
		var cmd tea.Cmd
		m.usersScr, cmd = updateScreen(m.usersScr, msg)
		return cmd
	case walktab.ReadyMsg:
		m.walkScr, _ = updateScreen(m.walkScr, msg)
		return nil
	case mapscreen.ReadyMsg:
		m.mapScr, _ = updateScreen(m.mapScr, msg)
		return nil
	case cohortscreen.ReadyMsg:
		m.cohScr, _ = updateScreen(m.cohScr, msg)
		return nil
	case planscreen.ReadyMsg:
		m.planScr, _ = updateScreen(m.planScr, msg)
		return nil
	case recscreen.Msg:
		var cmd tea.Cmd
		m.recScr, cmd = updateScreen(m.recScr, msg)
		m.shareRecommendations()
		return cmd
	case exporter.ErrorMsg:
		m.err = msg.Err
		m.layout()
		return nil
	case exporter.Msg:
		// Each screen's exports come back to it, wherever the user is.
		var cmd tea.Cmd
		switch msg.For() {
		case usersscreen.ExportOwner:
			m.usersScr, cmd = updateScreen(m.usersScr, msg)
		case planscreen.ExportOwner:
			m.planScr, cmd = updateScreen(m.planScr, msg)
		}
		return cmd
	case common.AnalyseRunMsg:
		return m.analyseNumber(msg.Number)
	case common.ThresholdMsg, common.TargetMsg, common.BandsMsg:
		// One threshold, target and band scheme everywhere: every screen
		// hears the one chosen.
		return m.broadcast(msg)
	case trainscreen.StartedMsg, trainscreen.TickMsg:
		var cmd tea.Cmd
		m.trainScr, cmd = updateScreen(m.trainScr, msg)
		return cmd
	case tunescreen.TickMsg, tunescreen.DoneMsg:
		var cmd tea.Cmd
		m.tuneScr, cmd = updateScreen(m.tuneScr, msg)
		return cmd
	case anomalyscreen.Msg:
		var cmd tea.Cmd
		m.anomScr, cmd = updateScreen(m.anomScr, msg)
		return cmd
	case tunescreen.ApplyMsg:
		return m.applyTuned(msg)
	case datascreen.DirListMsg:
		var cmd tea.Cmd
		m.dataScr, cmd = updateScreen(m.dataScr, msg)
		return cmd
	}
	return m.routeToActive(msg)
}
