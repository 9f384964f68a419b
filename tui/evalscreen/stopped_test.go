package evalscreen

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestStoppedRunSaysWhichWeightsAreMeasured: Evaluate's head says that the
// run was stopped by the user and which epoch's weights its figures are
// of: the trainer's kept epoch, with early stopping on the best one
// (review22 #3).
func TestStoppedRunSaysWhichWeightsAreMeasured(t *testing.T) {
	run := screentest.Stopped(t, "builtin", 8, func(c *experiment.Config) {
		c.Train.EarlyStop = engine.EarlyStopConfig{Patience: 100}
		c.Train.Optimizer.LR = 0.05
	})
	// Early stopping's best epoch by its definition: the first lowest
	// validation loss (MinDelta 0).
	best := screentest.FirstLowestValLoss(run.History)
	if best == 0 || best == len(run.History) {
		t.Fatalf("best epoch %d of %d: the test needs an earlier one", best, len(run.History))
	}
	for lang, want := range map[string]string{
		"en": fmt.Sprintf("Run 1 (stopped by you; weights of epoch %d)", best),
		"zh": fmt.Sprintf("第 1 次训练（已由你停止；权重取自第 %d 轮）", best),
	} {
		s := evaluated(t, screentest.Common(lang, 80, 24), run)
		head := strings.Split(ansi.Strip(s.View()), "\n")[0]
		if !strings.HasPrefix(head, want) {
			t.Errorf("%s: head %q, want it to start %q", lang, head, want)
		}
	}
}
