package tui

import (
	"strings"
	"testing"
)

// TestHelpListsEveryKeyThatWorks: the trial of 4 December found keys that
// work but that ? did not list: home/end on Evaluate's scrolling page and
// n (the next match of /) on Users before a first search.
func TestHelpListsEveryKeyThatWorks(t *testing.T) {
	for _, c := range []struct {
		lang, home, n, nHint string
	}{
		{"en", "top/bottom", "next match of /", "press / to find an id first"},
		{"zh", "到开头/结尾", "/ 的下一个匹配", "请先按 / 查找 id"},
	} {
		o := textbookOptions()
		o.Lang = c.lang
		m := analysedModel(t, o, 80, 24, 2)
		eval := pressAll(t, m, "4")
		if !strings.Contains(screen(eval), "pgup/pgdn") { // the note under a page taller than the window
			t.Fatalf("%s: Evaluate's page fits at 80x24; the test needs one that scrolls", c.lang)
		}
		if view := screen(pressAll(t, eval, "?")); !strings.Contains(view, "home/end") || !strings.Contains(view, c.home) {
			t.Errorf("%s: Evaluate's help lacks home/end:\n%s", c.lang, view)
		}
		users := pressAll(t, m, "5")
		if view := screen(pressAll(t, users, "?")); !strings.Contains(view, c.n) {
			t.Errorf("%s: Users' help lacks n before a search:\n%s", c.lang, view)
		}
		if view := screen(pressAll(t, users, "n")); !strings.Contains(view, c.nHint) {
			t.Errorf("%s: n before a search says nothing:\n%s", c.lang, view)
		}
	}
}
