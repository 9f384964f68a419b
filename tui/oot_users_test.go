package tui

import (
	"regexp"
	"strconv"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// shownCount reads "N of 80 customers at 2024-02-20" off the Users title.
func shownCount(t *testing.T, m Model) int {
	t.Helper()
	g := regexp.MustCompile(`(\d+) of 80 customers at 2024-02-20, labels from the 10 days after`).FindStringSubmatch(screen(m))
	if g == nil {
		t.Fatalf("no count of the customers at 2024-02-20 on the Users screen:\n%s", screen(m))
	}
	n, _ := strconv.Atoi(g[1])
	return n
}

// For a run validated out of time, the Users screen judges the customers
// the Evaluate screen measured: its right and wrong at the shared threshold
// are the Evaluate screen's confusion matrix, and the walkthrough and the
// map follow the customer selected there.
func TestOutOfTimeUsersAgreeWithEvaluate(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 160, 48)
	run := screentest.LogRun(t, screentest.LoadLog(t, ""), experiment.OutOfTime, 30)
	m.trainScr.AddFinished(run)
	m = runCmds(t, m, m.analyse(run))
	for _, th := range []float64{0.5, 0.31} {
		next, cmd := update(t, m, common.ThresholdMsg{Run: 1, Threshold: th})
		m = runCmds(t, next, cmd)
		if got := m.usersScr.Threshold(); got != th {
			t.Fatalf("the Users screen judges at %g, want %g", got, th)
		}
		c := m.evalScr.ConfusionAt(th)
		if c.TP+c.TN+c.FP+c.FN != 80 {
			t.Fatalf("the Evaluate screen's matrix %+v does not count the 80 customers at 02-20", c)
		}
		m = pressAll(t, m, "5", "c")
		right := shownCount(t, m)
		m = pressAll(t, m, "c")
		wrong := shownCount(t, m)
		m = pressAll(t, m, "c")
		if float64(right) != c.TP+c.TN || float64(wrong) != c.FP+c.FN {
			t.Fatalf("at %.2f the Users screen has %d right and %d wrong; Evaluate's matrix %+v", th, right, wrong, c)
		}
	}
	// e02 first orders after 02-10: only a customer at 02-20.
	m = pressAll(t, m, "/", "e", "0", "2", "enter", "6")
	row := m.usersScr.SelectedRow()
	if m.usersScr.ID(row) != "e02" {
		t.Fatalf("finding e02 selected %q", m.usersScr.ID(row))
	}
	if got, ok := m.walkScr.Shown(); !ok || got != row {
		t.Fatalf("the walkthrough shows row %d (%v), want e02's row %d", got, ok, row)
	}
	screentest.MustContain(t, screen(m), "e02")
	m = pressAll(t, m, "8")
	if !m.mapScr.Shown() {
		t.Fatal("no decision map of e02")
	}
}
