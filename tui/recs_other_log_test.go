package tui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/cohortscreen"
	"github.com/retainlab/retain/tui/datascreen"
	"github.com/retainlab/retain/tui/recscreen"
	"github.com/retainlab/retain/tui/screentest"
)

// drive presses keys one by one and runs what each leads to, as the
// program would: loads, the Recommend screen's reading and training, the
// cohorts and the analysis screens' work.
func drive(t *testing.T, m Model, keys ...string) Model {
	t.Helper()
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = update(t, m, screentest.Press(k))
		m = driveCmd(t, m, cmd)
	}
	return m
}

// driveCmd runs cmd and the Cmds its messages lead to (see drive).
func driveCmd(t *testing.T, m Model, cmd tea.Cmd) Model {
	t.Helper()
	screentest.Drain(cmd, func(msg tea.Msg) (tea.Cmd, bool) {
		switch msg.(type) {
		case loadedMsg, datascreen.OpenMsg, recscreen.Msg, cohortscreen.ReadyMsg:
		default:
			if msg == nil || !analysisMsg(msg) {
				return nil, false
			}
		}
		var next tea.Cmd
		m, next = update(t, m, msg)
		return next, true
	})
	return m
}

// TestUsersShowNoRecommendationsOfAnotherLog: a run trained on one order
// log, chosen again on the Runs screen after another log was loaded and
// the recommender trained on it, had the Users screen offer the other
// log's items to its customers (customer c07 of one shop was shown the
// top items of customer c07 of the other). The Users screen now offers
// items only to the customers of the log the recommender was trained on.
func TestUsersShowNoRecommendationsOfAnotherLog(t *testing.T) {
	first := writeFile(t, t.TempDir(), "orders.csv", screentest.OrderLog())
	items, err := filepath.Abs("testdata/recommend/orders_items.csv")
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Source: experiment.Source{Kind: "log", Path: first, HorizonDays: 10},
		Config: experiment.DefaultConfig(), Open: screentest.Open}
	m := loadedModel(t, opts, 160, 48)
	run := screentest.LogRun(t, m.data, experiment.OutOfTime, 2)
	if run.Err != nil {
		t.Fatal(run.Err)
	}
	m.trainScr.AddFinished(run)
	m = runCmds(t, m, m.analyse(run))

	m = drive(t, m, "1", "g")
	m.dataScr.SetPromptValue(items)
	m = drive(t, m, "enter")
	if m.err != nil || m.data.Source.Path != items {
		t.Fatalf("opening the item log: %v", m.err)
	}
	m = drive(t, m, "7", "enter")
	if m.analysed.Number != 1 || m.usersScr.Exp() == nil {
		t.Fatalf("run 1 is not analysed again (analysed %d)", m.analysed.Number)
	}
	if view := screen(drive(t, m, "5")); strings.Contains(strings.ToLower(view), "items to offer") {
		t.Errorf("before the recommender is trained, Users points to it for another log's customers:\n%s", view)
	}
	m = drive(t, m, "R", "space")
	if m.recScr.Result() == nil {
		t.Fatal("the recommender gave no result on the item log")
	}
	m = drive(t, m, "5", "/", "c", "0", "7", "enter")
	if id := m.usersScr.ID(m.usersScr.SelectedRow()); id != "c07" {
		t.Fatalf("find c07 selected %q", id)
	}
	if view := screen(m); strings.Contains(strings.ToLower(view), "items to offer") {
		t.Errorf("Users offers the item log's items to the first log's customer c07:\n%s", view)
	}

	// A run on the item log itself is offered its recommender's items.
	second := screentest.LogRun(t, m.data, experiment.OutOfTime, 2)
	if second.Err != nil {
		t.Fatal(second.Err)
	}
	second.Number = 2
	m.trainScr.AddFinished(second)
	m = runCmds(t, m, m.analyse(second))
	m = drive(t, m, "5")
	if view := screen(m); !strings.Contains(view, "Top 5 items to offer") {
		t.Errorf("Users does not offer items to the item log's customers:\n%s", view)
	}
}
