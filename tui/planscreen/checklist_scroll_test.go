package planscreen

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/tui/screentest"
)

// TestGoldenChecklistScrolls: a checklist taller than the screen gave no
// sign of the columns out of view, nor that a marked one had scrolled off
// (review29 #12: telco's 19 columns at 80×24 hid TotalCharges). A line
// above and one below count them and the marked among them. Here 8 lines
// leave 3 for the textbook run's columns; the first is marked, then the
// cursor goes down past it.
func TestGoldenChecklistScrolls(t *testing.T) {
	run := screentest.TextbookRun(t)
	for _, lang := range screentest.Langs {
		t.Run(lang, func(t *testing.T) {
			c := screentest.Common(lang, 80, 8)
			s := press(t, planned(t, c, run), "l", "space", "down", "down", "down")
			n := len(s.base.columns)
			if n <= 5 {
				t.Fatalf("the textbook run has %d columns: too few to scroll", n)
			}
			view := screentest.Render(s, 80, 8)
			above := s.Tf("↑ %d more above", "↑ 上面还有 %d 列", 2) + s.Tf(" (%d marked)", "（其中 %d 列已勾选）", 1)
			below := s.Tf("↓ %d more below", "↓ 下面还有 %d 列", n-5)
			for _, want := range []string{above, below} {
				if !strings.Contains(view, want) {
					t.Errorf("the checklist does not say %q:\n%s", want, view)
				}
			}
			screentest.Golden(t, s, 80, 8)
		})
	}
}
