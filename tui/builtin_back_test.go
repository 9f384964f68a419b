package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/datascreen"
	"github.com/retainlab/retain/tui/screentest"
)

// TestBackToTheBuiltInShopKeepsItsStartSize: a session started on a
// 700-user shop of seed 9 (--builtin-users 700 --builtin-seed 9) loads
// that shop again on b, not the default 5,000 users of seed 0.
func TestBackToTheBuiltInShopKeepsItsStartSize(t *testing.T) {
	opts := builtinOptions()
	opts.Source.Users, opts.Source.DataSeed = 700, 9
	m := loadedModel(t, opts, 100, 30)
	first := m.data
	m = pressAll(t, m, "1")
	m, cmd := update(t, m, screentest.Press("b"))
	screentest.Drain(cmd, func(msg tea.Msg) (tea.Cmd, bool) {
		switch msg.(type) {
		case datascreen.OpenMsg, loadedMsg:
			var next tea.Cmd
			m, next = update(t, m, msg)
			return next, true
		}
		return nil, false
	})
	if m.data == first {
		t.Fatal("b loaded nothing")
	}
	if got, want := m.data.Source.Describe(), (experiment.Source{Kind: "builtin", Users: 700, DataSeed: 9}).Describe(); got != want {
		t.Errorf("b loaded %q, want %q", got, want)
	}
	if n := len(m.data.Table.Label.Values); n != 700 {
		t.Errorf("b loaded %d rows, want the 700 users the session started with", n)
	}
}
