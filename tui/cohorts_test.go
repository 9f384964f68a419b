package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestCohortsScreenOnAnOrderLog loads an order log, runs the Cmd the load
// returns (the triangle's computation) and opens the Cohorts screen with 9.
func TestCohortsScreenOnAnOrderLog(t *testing.T) {
	path := filepath.Join(t.TempDir(), "orders.csv")
	var b strings.Builder
	b.WriteString("customer,date,amount\n")
	for i := range 40 {
		b.WriteString("c" + itoa(i) + ",2024-0" + itoa(1+i%3) + "-0" + itoa(1+i%9) + ",10\n")
		if i%2 == 0 {
			b.WriteString("c" + itoa(i) + ",2024-0" + itoa(2+i%3) + "-15,12\n")
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	opts := Options{Source: experiment.Source{Kind: "log", Path: path}, Config: experiment.DefaultConfig(), Open: screentest.Open}
	m := NewModel(opts)
	m, _ = update(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	m, cmd := update(t, m, m.Init()())
	if m.data == nil || m.data.Log == nil {
		t.Fatalf("the log did not load: %v", m.err)
	}
	if cmd == nil {
		t.Fatal("loading an order log did not start the cohort computation")
	}
	m, _ = update(t, m, cmd())
	m, _ = update(t, m, screentest.Press("9"))
	if m.active != tabCohorts {
		t.Fatalf("9 opened tab %d", m.active)
	}
	view := screen(m)
	for _, want := range []string{"9 Cohorts", "Cohort retention", "2024-01", "average"} {
		if !strings.Contains(view, want) {
			t.Errorf("the Cohorts screen lacks %q:\n%s", want, view)
		}
	}
}

// TestCohortsScreenOnAPerUserTable shows the empty state.
func TestCohortsScreenOnAPerUserTable(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 100, 30)
	m, _ = update(t, m, screentest.Press("9"))
	if view := screen(m); !strings.Contains(view, "Cohorts need an order log.") {
		t.Errorf("no empty state on a per-user table:\n%s", view)
	}
}
