package recscreen

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// stale is the screen after a run with the cutoff changed since: the
// warning over the results takes two lines, and at 80×24 the metrics'
// last rows (GP-TopFreq at 10 and 20) were cut with no way to see them.
func stale(t *testing.T, c common.Common) Model {
	t.Helper()
	s := press(ready(t, c), "space")
	if s.Result() == nil {
		t.Fatalf("no result after training: %q", s.outcome.In(s.Common))
	}
	s = press(s, "c")
	return press(typeText(s, "2024-04-01"), "enter")
}

// TestMetricsScrollToTheLastRow: at 80×24 the metrics say which of their
// lines are in view, and end brings the table's last row (GP-TopFreq at
// 20, as in the results golden) into view; home goes back. The metrics
// are 19 lines (the results golden at 80×24): 4 over the table, its
// header and 4 rankers × 3 ks. The window leaves 16 of them (24 rows,
// 7 over the metrics, one for the position). In Chinese the settings
// take one line less and the metrics fit: TestGoldenMetricsScrolled.
func TestMetricsScrollToTheLastRow(t *testing.T) {
	where := map[string][2]string{
		"en": {"lines 1–16 of 19 · ↑/↓ pgup/pgdn scroll", "lines 4–19 of 19 · ↑/↓ pgup/pgdn scroll"},
	}
	last := "             20  1.000   1.000  0.977    1.000"
	for _, lang := range []string{"en"} {
		s := stale(t, screentest.Common(lang, 80, 24))
		lines := strings.Split(ansi.Strip(s.View()), "\n")
		if got := strings.TrimRight(lines[len(lines)-1], " "); got != where[lang][0] {
			t.Errorf("%s: last line %q, want %q", lang, got, where[lang][0])
		}
		if strings.Contains(ansi.Strip(s.View()), last) {
			t.Errorf("%s: the last row is in view before scrolling:\n%s", lang, ansi.Strip(s.View()))
		}
		s = press(s, "end")
		lines = strings.Split(ansi.Strip(s.View()), "\n")
		if got := strings.TrimRight(lines[len(lines)-1], " "); got != where[lang][1] {
			t.Errorf("%s: after end, last line %q, want %q", lang, got, where[lang][1])
		}
		if got := strings.TrimRight(lines[len(lines)-2], " "); got != last {
			t.Errorf("%s: after end, the line over the position is %q, want %q", lang, got, last)
		}
		s = press(s, "home")
		lines = strings.Split(ansi.Strip(s.View()), "\n")
		if got := strings.TrimRight(lines[len(lines)-1], " "); got != where[lang][0] {
			t.Errorf("%s: after home, last line %q, want %q", lang, got, where[lang][0])
		}
	}
}

// TestMetricsScrollKeysInTheHelp: while the metrics do not fit, the help
// names the scrolling keys, not "↑/↓ customer" (the customers are not in
// view); the ↓ is named once.
func TestMetricsScrollKeysInTheHelp(t *testing.T) {
	s := stale(t, screentest.Common("en", 80, 24))
	var keys []string
	for _, group := range s.HelpGroups() {
		for _, b := range group {
			if b.Enabled() {
				keys = append(keys, b.Help().Key+" "+b.Help().Desc)
			}
		}
	}
	got := strings.Join(keys, ", ")
	for _, want := range []string{"↑/↓ scroll", "pgup/pgdn page", "home/end top/bottom"} {
		if !strings.Contains(got, want) {
			t.Errorf("help %q lacks %q", got, want)
		}
	}
	if strings.Contains(got, "↑/↓ customer") {
		t.Errorf("help %q names the customer keys with the metrics alone in view", got)
	}
}

// TestGoldenMetricsScrolled: the stale result scrolled to its end, at
// every size and in both languages (at 160×48 everything fits and end
// changes nothing).
func TestGoldenMetricsScrolled(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, press(stale(t, c), "end"), c.Width, c.Height)
	})
}
