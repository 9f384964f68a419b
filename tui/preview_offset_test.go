package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestPreviewOffsetClampedWhenWidened: ] at 80 columns, then a window of
// 200×60 still showed "features 2–10 of 10", hiding the first feature
// with room to spare. The offset goes back to where the last feature
// shows (0 when all fit), so [ then works at once.
func TestPreviewOffsetClampedWhenWidened(t *testing.T) {
	for _, lang := range screentest.Langs {
		m := loadedModel(t, Options{Source: experiment.Source{Kind: "builtin"}, Config: experiment.DefaultConfig(),
			Open: screentest.Open, Lang: lang}, 80, 24)
		m = sendKeys(t, m, "right", "]")
		if m.dataScr.ColumnOffset() != 1 {
			t.Fatalf("%s: offset %d after ]", lang, m.dataScr.ColumnOffset())
		}
		for range 30 {
			m = sendKeys(t, m, "]")
		}
		most := m.dataScr.ColumnOffset()
		m = sendKeys(t, m, "[")
		if got := m.dataScr.ColumnOffset(); got != most-1 {
			t.Errorf("%s: [ after ] past the end went from %d to %d", lang, most, got)
		}
		m, _ = update(t, m, tea.WindowSizeMsg{Width: 200, Height: 60})
		view := screen(m)
		if m.dataScr.ColumnOffset() != 0 || strings.Contains(view, m.com.T(" · features ", " · 特征 ")) {
			t.Errorf("%s: at 200×60 offset %d:\n%s", lang, m.dataScr.ColumnOffset(), view)
		}
		screentest.MustContain(t, view, m.data.Table.Columns[1].Name)
	}
}
