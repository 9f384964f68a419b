package runsscreen

import (
	"fmt"
	"testing"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// TestStoppedRunListsTheEpochItKept: a run the user stopped one batch into
// epoch 9, with early stopping on, is listed with the epoch whose weights
// it kept, its best (review22 #3: Runs said 8, the last, while the
// trainer's best was earlier). The best epoch is found here from the
// history by early stopping's definition (the first lowest validation
// loss, MinDelta 0), and its figures are that epoch's.
func TestStoppedRunListsTheEpochItKept(t *testing.T) {
	run := screentest.Stopped(t, "builtin", 8, func(c *experiment.Config) {
		c.Train.EarlyStop = engine.EarlyStopConfig{Patience: 100}
		c.Train.Optimizer.LR = 0.05
	})
	best := screentest.FirstLowestValLoss(run.History)
	if len(run.History) != 8 || best == 8 {
		t.Fatalf("%d epochs, best %d: the test needs 8 epochs and an earlier best", len(run.History), best)
	}
	for _, lang := range []string{"en", "zh"} {
		s := filled(screentest.Common(lang, 100, 27), run)
		cells := s.cells(run)
		e := run.History[best-1]
		want := []string{fmt.Sprint(best), "", "8/100"}
		if cells[4] != want[0] || cells[2] != want[2] {
			t.Errorf("%s: epochs %q, kept %q; want %q and %q", lang, cells[2], cells[4], want[2], want[0])
		}
		if auc := cells[7]; auc != common.FmtMetric(e.ValAUC) {
			t.Errorf("%s: val AUC %q, want epoch %d's %q", lang, auc, best, common.FmtMetric(e.ValAUC))
		}
	}
}
