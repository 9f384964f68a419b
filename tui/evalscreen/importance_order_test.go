package evalscreen

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestImportanceKeepsTheSignedOrder: the experiment ranks columns by
// their signed drop in AUC, but the bars re-sorted them by |value|, so a
// column whose shuffling helps (−0.05) ranked above one that matters
// (+0.01). The page keeps the experiment's order and writes the minus
// sign.
func TestImportanceKeepsTheSignedOrder(t *testing.T) {
	c := screentest.Common("en", 80, 24)
	p := newImportance(c)
	p.reset(1)
	cols := []experiment.ColumnImportance{{Column: "helps", Mean: 0.2}, {Column: "barely", Mean: 0.01}, {Column: "hurts", Mean: -0.05}}
	p.set(ImportanceMsg{Run: 1, BaseAUC: 0.8, Columns: cols})
	var got []string
	for _, b := range p.bars.Bars() {
		got = append(got, b.Label)
	}
	if want := []string{"helps", "barely", "hurts"}; !slices.Equal(got, want) {
		t.Errorf("bars in order %q, want %q", got, want)
	}
	if view := ansi.Strip(strings.Join(p.lines(c, 80, 24), "\n")); !strings.Contains(view, "−0.050") {
		t.Errorf("no −0.050 in\n%s", view)
	}
}
