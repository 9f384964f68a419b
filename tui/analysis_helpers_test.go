package tui

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/evalscreen"
	"github.com/retainlab/retain/tui/exporter"
	"github.com/retainlab/retain/tui/mapscreen"
	"github.com/retainlab/retain/tui/planscreen"
	"github.com/retainlab/retain/tui/screentest"
	"github.com/retainlab/retain/tui/usersscreen"
	"github.com/retainlab/retain/tui/walktab"
)

// trainRun trains a fresh experiment on m's data synchronously for the
// given epochs (fixed seed), as the Train screen's worker would.
func trainRun(t testing.TB, m Model, epochs int) common.Run {
	t.Helper()
	cfg := m.modelScr.Config()
	cfg.Train.Epochs = epochs
	exp, err := experiment.New(m.data, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := exp.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return common.Run{Number: len(m.trainScr.Finished()) + 1, Exp: exp, History: exp.Trainer.History()}
}

// runCmds runs cmd and every Cmd its messages lead to, feeding each message
// to m, as the program would (synchronously, in order).
func runCmds(t testing.TB, m Model, cmd tea.Cmd) Model {
	t.Helper()
	screentest.Drain(cmd, func(msg tea.Msg) (tea.Cmd, bool) {
		if msg == nil || !analysisMsg(msg) {
			return nil, false // cursor blinks, ticks: not this test's business
		}
		var next tea.Cmd
		m, next = update(t, m, msg)
		return next, true
	})
	return m
}

// analysisMsg reports whether msg answers an analysis screen.
func analysisMsg(msg tea.Msg) bool {
	switch msg.(type) {
	case evalscreen.ReadyMsg, evalscreen.ImportanceMsg, usersscreen.ReadyMsg, usersscreen.ExplainMsg, usersscreen.SweepMsg, usersscreen.WhatIfExplainMsg, usersscreen.FilterMsg, usersscreen.FindMsg,
		exporter.ProgressMsg, exporter.DoneMsg, exporter.ErrorMsg, walktab.ReadyMsg, mapscreen.ReadyMsg,
		planscreen.ReadyMsg, common.AnalyseRunMsg, common.ThresholdMsg, common.TargetMsg, common.BandsMsg:
		return true
	}
	return false
}

// analysedModel returns a root model at w×h with the textbook data (or
// opts' data) trained for a couple of epochs and every analysis computed.
func analysedModel(t testing.TB, opts Options, w, h, epochs int) Model {
	t.Helper()
	m := loadedModel(t, opts, w, h)
	run := trainRun(t, m, epochs)
	m.trainScr.AddFinished(run)
	cmd := m.analyse(run)
	return runCmds(t, m, cmd)
}

// pressAll presses keys one by one, running the analysis Cmds each leads to.
func pressAll(t testing.TB, m Model, keys ...string) Model {
	t.Helper()
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = update(t, m, screentest.Press(k))
		m = runCmds(t, m, cmd)
	}
	return m
}
