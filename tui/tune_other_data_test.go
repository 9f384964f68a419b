package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
	"github.com/retainlab/retain/tui/tunescreen"
)

// tunedResult is a search's result whose best trial sets a learning rate
// of 0.0042 and a balanced positive weight, which stood for 1.5.
func tunedResult() experiment.TuneResult {
	cfg := experiment.DefaultConfig()
	cfg.Train.Optimizer.LR, cfg.Train.PosWeight = 0.0042, experiment.BalancedPosWeight
	best := experiment.Trial{Number: 2, Config: cfg, PosWeight: 1.5, Settings: []experiment.Setting{{Name: "lr", Value: "0.0042"}},
		Folds: make([]experiment.FoldResult, 5), AUC: 0.8, AUCStd: 0.01, Complete: true}
	return experiment.TuneResult{Folds: 5, Tried: 1, Ended: "done", Best: &best, Board: []experiment.Trial{best}}
}

// pressApplying presses k and feeds the root the ApplyMsg it leads to.
func pressApplying(t *testing.T, m Model, k string) Model {
	t.Helper()
	m, cmd := update(t, m, screentest.Press(k))
	screentest.Drain(cmd, func(msg tea.Msg) (tea.Cmd, bool) {
		if _, ok := msg.(tunescreen.ApplyMsg); !ok {
			return nil, false
		}
		var next tea.Cmd
		m, next = update(t, m, msg)
		return next, true
	})
	return m
}

// TestTuneResultOfEarlierDataIsNotApplied: a search ended on the textbook
// shop, a table was opened, and a on the Tune screen copied the earlier
// data's best configuration to the Model screen with the textbook shop's
// balanced weight, nothing saying the result was not the loaded data's.
// The Tune screen now says so and refuses; a result on the loaded data is
// applied, its balanced weight the loaded data's.
func TestTuneResultOfEarlierDataIsNotApplied(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 80, 24)
	m = sendKeys(t, m, "T")
	m, _ = update(t, m, m.tuneScr.NewDoneMsg(tunedResult(), nil))
	before := m.modelScr.Config()

	path := writeFile(t, t.TempDir(), "users.csv", smallCSV())
	m = sendKeys(t, m, "1", "o")
	m.dataScr.SetPromptValue(path)
	m = sendKeys(t, m, "enter")
	if m.err != nil || m.data.Source.Path != path {
		t.Fatalf("opening %s: %v", path, m.err)
	}
	m = sendKeys(t, m, "T")
	m = pressApplying(t, m, "a")
	view := strings.Join(strings.Fields(screen(m)), " ")
	screentest.MustContain(t, view, "Data searched: textbook shop · 100 rows; other data is loaded now (users.csv",
		"of the earlier data", "✗ not applied: trial 2 was tuned on other data (textbook shop)")
	if after := m.modelScr.Config(); after.Train.Optimizer.LR != before.Train.Optimizer.LR || after.Train.PosWeight != before.Train.PosWeight {
		t.Errorf("the earlier data's result was applied: lr %v, pos-weight %v", after.Train.Optimizer.LR, after.Train.PosWeight)
	}

	m, _ = update(t, m, m.tuneScr.NewDoneMsg(tunedResult(), nil))
	m = pressApplying(t, m, "a")
	cfg := m.modelScr.Config()
	if cfg.Train.Optimizer.LR != 0.0042 || cfg.Train.PosWeight != 1.5 {
		t.Errorf("the loaded data's result: lr %v, pos-weight %v; want 0.0042, 1.5", cfg.Train.Optimizer.LR, cfg.Train.PosWeight)
	}
	screentest.MustContain(t, screen(m), "trial 2 applied to the Model screen (positive weight 1.5, balanced)", "Data searched: users.csv")
}
