package serve

import (
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui"
)

// TestServedLanguageSwitchIsPerSession: two sessions of one server run
// the real TUI; ctrl+l in one switches that one to Chinese at once, while
// the other, drawn again after the switch, still speaks English. Each
// session has its own root model, so no switch may reach another's.
func TestServedLanguageSwitchIsPerSession(t *testing.T) {
	served := servedTelco(t, t.TempDir())
	opts := tui.Options{
		Source: experiment.Source{Kind: "csv", Path: served}, Config: experiment.DefaultConfig(), Served: true,
		Open: func(p string) (io.ReadCloser, error) {
			if p == served {
				return os.Open(p)
			}
			return nil, fmt.Errorf("%s: opening files is disabled over SSH", p)
		},
	}
	f := start(t, Config{App: func(SessionInfo) tea.Model { return tui.NewModel(opts) }})
	alice := f.openTerm(t, "alice", "xterm-256color", nil)
	bob := f.openTerm(t, "bob", "xterm-256color", nil)
	alice.waitScreen(t, "served.csv", 1)
	bob.waitScreen(t, "served.csv", 1)

	alice.send(t, "\x0c") // ctrl+l
	alice.waitScreen(t, "数据", 1)
	alice.waitScreen(t, "按键", 1) // the footer too

	bob.send(t, "2")
	bob.waitScreen(t, "Network summary", 1)
	if out := ansi.Strip(bob.out.String()); strings.Contains(out, "数据") || strings.Contains(out, "按键") {
		t.Errorf("the other session switched language too: %q", out)
	}
	// And back: a second ctrl+l in the first session speaks English again.
	alice.send(t, "2")
	alice.waitScreen(t, "网络概要", 1)
	alice.send(t, "\x0c")
	alice.waitScreen(t, "Network summary", 1)
}
