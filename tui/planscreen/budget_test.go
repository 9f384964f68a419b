package planscreen

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// TestGoldenBudgetBinds: a budget of 30 % of the textbook run's 10
// customers allows 3 contacts, while without it the best plan contacts 9
// (net 31.40, the ★ row of TestGolden). The screen says so under the
// headline, as `retain plan` does, and marks the shares above 3 contacts
// "(over budget)", whose net values are above the ★ row's (16.16); it
// showed neither.
func TestGoldenBudgetBinds(t *testing.T) {
	run := screentest.TextbookRun(t)
	want := map[string][]string{
		"en": {"The budget binds: without it the best is to contact 9 (90 %), net value 31.40.",
			"40 % (over budget)           4       0.2  24.53   4.00  20.53  513.3 %",
			"20 %                         2       0.1  13.58   2.00  11.58  579.1 %"},
		"zh": {"预算限制了计划：不设预算时，最佳做法是联系 9 位客户（90 %），净值 31.40。",
			"40 %（超出预算）          4       0.2  24.53   4.00  20.53  513.3 %",
			"20 %                      2       0.1  13.58   2.00  11.58  579.1 %"},
	}
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := planned(t, c, run)
		s = typeIn(t, s, "b", "30%")
		rep := s.Report()
		if rep.Best.Contacted != 3 || rep.BestWithoutBudget.Contacted != 9 || !rep.BudgetBinds() {
			t.Fatalf("best %d, without the budget %d", rep.Best.Contacted, rep.BestWithoutBudget.Contacted)
		}
		if c.Width == 80 {
			var lines []string
			for _, l := range s.pageLines() {
				lines = append(lines, strings.TrimRight(ansi.Strip(l), " "))
			}
			for _, w := range want[c.Lang] {
				if !containsLine(lines, w) {
					t.Errorf("no line %q in\n%s", w, strings.Join(lines, "\n"))
				}
			}
		}
		screentest.Golden(t, s, c.Width, c.Height)
	})
	// Without a budget, or with one that does not bind, there is no note.
	for _, budget := range []string{"", "100%"} {
		s := planned(t, screentest.Common("en", 80, 24), run)
		if budget != "" {
			s = typeIn(t, s, "b", budget)
		}
		if view := ansi.Strip(s.View()); strings.Contains(view, "budget binds") || strings.Contains(view, "over budget") {
			t.Errorf("budget %q: the note or a mark shows:\n%s", budget, view)
		}
	}
}

// containsLine reports whether lines holds want as a whole line.
func containsLine(lines []string, want string) bool {
	for _, l := range lines {
		if l == want {
			return true
		}
	}
	return false
}
