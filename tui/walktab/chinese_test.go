package walktab

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/tui/screentest"
)

// In Chinese the tab's own lines and its footer keys are Chinese: the
// empty state, the header naming the user, and every key's help.
func TestChineseTab(t *testing.T) {
	c := screentest.Common("zh", 80, 24)
	english := []string{"No trained model", "Walkthrough of run", "the row selected on Users", "paused after"}
	views := []string{screentest.Render(New(c), 80, 24), ansi.Strip(shown(t, c, 3).View())}
	for _, v := range views {
		for _, e := range english {
			if strings.Contains(v, e) {
				t.Errorf("zh view shows %q:\n%s", e, v)
			}
		}
	}
	w := toStep(t, shown(t, c, 3), 2)
	for _, g := range w.HelpGroups() {
		for _, b := range g {
			h := b.Help().Desc
			if h == "" || strings.ContainsAny(h, "abcdefghijklmnopqrstuvwxyz") {
				t.Errorf("key %v has help %q, want Chinese", b.Keys(), h)
			}
		}
	}
}
