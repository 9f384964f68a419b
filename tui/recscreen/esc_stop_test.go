package recscreen

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/tui/screentest"
)

// TestStopKeysStopARun: x stopped a recommender run and esc did nothing
// (review34 #3). Both stop it now: the run ends cancelled, the previous
// result unchanged, as the outcome says.
func TestStopKeysStopARun(t *testing.T) {
	for _, stop := range []string{"x", "esc"} {
		s := ready(t, screentest.Common("en", 80, 24))
		s, cmd := feed(s, tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
		if cmd == nil || !s.Alive() {
			t.Fatal("space started nothing")
		}
		s = press(s, stop)
		s = drain(s, cmd)
		if s.Alive() {
			t.Fatalf("%s: the run is still alive", stop)
		}
		screentest.MustContain(t, screentest.Render(s, 80, 24), "Stopped; the previous result, if any, is unchanged.")
	}
}
