package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

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
