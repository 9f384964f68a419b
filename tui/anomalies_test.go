package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/anomaly"
	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/anomalyscreen"
	"github.com/retainlab/retain/tui/screentest"
)

// TestAnomaliesTabScoresInTheBackground: A opens the Anomalies screen on
// the loaded data, s scores it off the UI, and the screen's messages reach
// it even when another tab is shown.
func TestAnomaliesTabScoresInTheBackground(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 80, 24)
	m, _ = update(t, m, screentest.Press("A"))
	if m.active != tabAnomalies || !strings.Contains(screen(m), "Press s to score every user") {
		t.Fatalf("A did not open the Anomalies screen:\n%s", screen(m))
	}
	m, cmd := update(t, m, screentest.Press("s"))
	m, _ = update(t, m, screentest.Press("1")) // the result arrives while the Data screen shows
	screentest.Drain(cmd, func(msg tea.Msg) (tea.Cmd, bool) {
		if _, ok := msg.(anomalyscreen.Msg); !ok {
			return nil, false
		}
		var next tea.Cmd
		m, next = update(t, m, msg)
		return next, true
	})
	m, _ = update(t, m, screentest.Press("A"))
	if res := m.anomScr.Result(); res == nil || len(res.Score) != m.data.Table.Rows {
		t.Fatalf("no result for the %d users:\n%s", m.data.Table.Rows, screen(m))
	}
	screentest.MustContain(t, screen(m), "users above", "Baseline (max robust z, own fence)")
}

// TestBuiltinAbusersPlantedFromTheStart: with Options.Abusers the built-in
// shop loads with its planted abusers (truth columns excluded from the
// churn model), and the Anomalies screen scores that very data against the
// planted truth without reloading it.
func TestBuiltinAbusersPlantedFromTheStart(t *testing.T) {
	opts := Options{Source: experiment.Source{Kind: "builtin", Users: 300, DataSeed: 2}, Config: experiment.DefaultConfig(),
		Open: screentest.Open, Abusers: 0.05}
	m := loadedModel(t, opts, 80, 24)
	abuser := m.data.Table.Column(data.AbuserColumnName)
	if m.data.Planted != 0.05 || abuser == nil || abuser.IsFeature() {
		t.Fatalf("planted %v, truth column %v", m.data.Planted, abuser)
	}
	planted := 0
	for _, v := range abuser.Values {
		if v == 1 {
			planted++
		}
	}
	m, _ = update(t, m, screentest.Press("A"))
	screentest.MustContain(t, screen(m), "Press s to score every user")
	m.anomScr.SetOptions(anomaly.Options{Members: 1, Seed: 3, Train: engine.TrainConfig{Epochs: 3, BatchSize: 32,
		Optimizer: engine.OptimizerConfig{Kind: "adam", LR: 3e-3}}})
	m, cmd := update(t, m, screentest.Press("s"))
	screentest.Drain(cmd, func(msg tea.Msg) (tea.Cmd, bool) {
		if _, ok := msg.(anomalyscreen.Msg); !ok {
			return nil, false
		}
		var next tea.Cmd
		m, next = update(t, m, msg)
		return next, true
	})
	res := m.anomScr.Result()
	if res == nil || res.Evaluation == nil || len(res.Score) != 300 {
		t.Fatalf("not scored against the truth:\n%s", screen(m))
	}
	got := 0
	for _, v := range res.Truth {
		if v == 1 {
			got++
		}
	}
	if got != planted {
		t.Errorf("%d abusers in the scored truth, %d planted in the loaded shop", got, planted)
	}
	screentest.MustContain(t, screen(m), "5.0 % planted abusers")
}
