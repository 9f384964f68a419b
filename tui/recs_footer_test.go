package tui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestRecommendFooterShowsTheViewKey: at 80x24, after a run, the
// Recommend screen's footer has room for v, which switches between the
// metrics and the customers ("v metrics/customers" was cut off as "…" in
// English, review26), and names what it shows next, in both languages.
func TestRecommendFooterShowsTheViewKey(t *testing.T) {
	items, err := filepath.Abs("testdata/recommend/orders_items.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ lang, customers, metrics string }{
		{"en", "v customers", "v metrics"},
		{"zh", "v 客户", "v 指标"},
	} {
		opts := Options{Source: experiment.Source{Kind: "log", Path: items}, Config: experiment.DefaultConfig(),
			Open: screentest.Open, Lang: c.lang}
		m := NewModel(opts)
		m, _ = update(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
		m, cmd := update(t, m, m.Init()())
		m = drive(t, driveCmd(t, m, cmd), "R", "space")
		if m.recScr.Result() == nil {
			t.Fatalf("%s: no result:\n%s", c.lang, screen(m))
		}
		footer := func() string {
			lines := strings.Split(screen(m), "\n")
			return lines[len(lines)-1]
		}
		if !strings.Contains(footer(), c.customers) {
			t.Errorf("%s: footer %q lacks %q", c.lang, footer(), c.customers)
		}
		m = drive(t, m, "v")
		if !strings.Contains(footer(), c.metrics) {
			t.Errorf("%s: after v, footer %q lacks %q", c.lang, footer(), c.metrics)
		}
	}
}
