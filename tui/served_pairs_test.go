package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestServedRecommendKeepsTheRowLimit: a served session's --max-rows bounds
// the (customer, item) pairs the Recommend screen trains on, as it bounds
// the loaded table: the item log's 30 customers load under a limit of 100
// rows, and its recommender, which builds more than 100 pairs, is refused.
func TestServedRecommendKeepsTheRowLimit(t *testing.T) {
	opts := Options{Source: experiment.Source{Kind: "log", Path: itemLog, HorizonDays: 10},
		Config: experiment.DefaultConfig(), Open: screentest.Open, Served: true, Limits: experiment.Limits{MaxRows: 100}}
	m := NewModel(opts)
	m, _ = update(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	m, cmd := update(t, m, m.Init()())
	m = driveCmd(t, m, cmd)
	if m.data == nil {
		t.Fatalf("loading %s: %v", itemLog, m.err)
	}
	m = drive(t, m, "R", "space")
	want := "the recommender would train on more than 100 (customer, item) pairs; this session allows training on at most 100 rows"
	// The reason stands in the failure box, wrapped between its borders.
	if view := strings.Join(strings.Fields(strings.ReplaceAll(screen(m), "│", "")), " "); m.recScr.Result() != nil || !strings.Contains(view, want) {
		t.Errorf("result %v; the view does not say %q:\n%s", m.recScr.Result() != nil, want, screen(m))
	}
}
