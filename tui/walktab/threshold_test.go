package walktab

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// toOutput presses → until the walkthrough is on its output page, the
// last step of the forward pass.
func toOutput(t *testing.T, w Model) Model {
	t.Helper()
	layers := len(screentest.TextbookRun(t).Exp.Net.Layers)
	return toStep(t, w, 1+2*layers)
}

// TestOutputJudgesAtTheSharedThreshold: after the Evaluate screen moved
// the threshold to 0.60 the walkthrough still said "At the threshold 0.5"
// while the Users screen judged at 0.60. The tab now follows the shared
// threshold of its run, as Users does: on the page shown, and for a user
// chosen later.
func TestOutputJudgesAtTheSharedThreshold(t *testing.T) {
	c := screentest.Common("en", 120, 40)
	w := toOutput(t, shown(t, c, 3))
	flat := func(w Model) string { return strings.Join(strings.Fields(ansi.Strip(w.View())), " ") }
	if v := flat(w); !strings.Contains(v, "At the threshold 0.50,") {
		t.Fatalf("before any shared threshold, the page does not judge at the run's 0.50:\n%s", v)
	}
	w, _ = w.step(common.ThresholdMsg{Run: 2, Threshold: 0.7}) // another run's
	if v := flat(w); !strings.Contains(v, "At the threshold 0.50,") {
		t.Fatalf("another run's threshold moved this one's:\n%s", v)
	}
	w, _ = w.step(common.ThresholdMsg{Run: 1, Threshold: 0.6})
	if v := flat(w); !strings.Contains(v, "At the threshold 0.60,") {
		t.Fatalf("after the Evaluate screen's 0.60, the page lacks it:\n%s", v)
	}
	// Another user of the same run is built at the shared threshold.
	cmd := w.Want(screentest.TextbookRun(t), 5, "U000006")
	w, _ = w.step(cmd())
	if v := flat(w); !strings.Contains(v, "At the threshold 0.60,") || !strings.Contains(v, "U000006") {
		t.Fatalf("the next user's page does not judge at 0.60:\n%s", v)
	}
}
