package walktab

import (
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/tui/common"
)

// printedAfter reads the update page's "before → after:  a → b" line and
// returns b.
func printedAfter(t *testing.T, view string) (float64, string) {
	t.Helper()
	for _, line := range strings.Split(ansi.Strip(view), "\n") {
		line = strings.TrimSpace(line)
		rest, ok := strings.CutPrefix(line, "before → after:")
		if !ok {
			continue
		}
		_, after, _ := strings.Cut(rest, "→")
		text := strings.Fields(after)[0]
		v, err := strconv.ParseFloat(strings.ReplaceAll(text, "−", "-"), 64)
		if err != nil {
			t.Fatalf("the after value %q: %v", text, err)
		}
		return v, text
	}
	t.Fatalf("no “before → after” line on the update page:\n%s", ansi.Strip(view))
	return 0, ""
}

// TestPausedWalkthroughShowsTheBatchNTrains: paused, the walkthrough's
// loss page lists the batch the run trains next (read from the run's own
// snapshot), and the update page's “after” value is, to its printed
// digits, the weight the run has once n has trained that batch. The
// Walkthrough used to show its own demonstration batch of 8 users, whose
// update n never made.
func TestPausedWalkthroughShowsTheBatchNTrains(t *testing.T) {
	exp, step := heldRun(t)
	c := common.New("en")
	c.Width, c.Height = 120, 80
	w := New(c)
	w.SetSize(c.Width, c.Height)
	row := exp.TrainRows[0]
	for batches := 1; batches <= 4; batches++ {
		msg := w.WantPaused(exp, 2, batches, row, "U000001", false)().(ReadyMsg)
		if msg.Err != nil || msg.notHeld {
			t.Fatalf("building gave %#v", msg)
		}
		w, _ = w.step(msg)
		s, ok := exp.Trainer.Snapshot()
		if !ok {
			t.Fatal("the run is not held")
		}
		next, _ := s.NextBatch()
		ids := exp.Data.Table.IDs()
		w = toStep(t, w, 8) // the loss of the batch
		view := ansi.Strip(w.View())
		// 90 training users: batches of 32, 32 and 26, then a new epoch.
		if want := "Training: the loss of the run's next batch, " + strconv.Itoa(len(next)) + " users"; !strings.Contains(view, want) {
			t.Fatalf("after %d batches the loss page is not titled %q:\n%s", batches, want, view)
		}
		for n, r := range next {
			want := strconv.Itoa(n+1) + "  " + ids[exp.TrainRows[r]]
			if !strings.Contains(view, want) {
				t.Fatalf("after %d batches the loss page lacks row %q of the run's next batch:\n%s", batches, want, view)
			}
		}
		w = toStep(t, w, 13) // the update of one weight
		shown, text := printedAfter(t, w.View())
		wm := w.Walkthrough()
		k := wm.Layer()
		j, i := wm.Neuron(k), wm.Weight(k)
		step() // n: the run trains one batch and holds again
		l := exp.Net.Layers[k]
		got := l.W[j*l.In+i]
		// fine prints six decimals: the trained weight rounds to them.
		if strconv.FormatFloat(got, 'f', 6, 64) != strings.ReplaceAll(text, "−", "-") {
			t.Fatalf("after %d batches: the update page showed W%d[%d,%d] after = %s (%g), the run has %.9f after n",
				batches, k+1, j+1, i+1, text, shown, got)
		}
		w, _ = w.step(tea.KeyPressMsg{Code: 'g', Text: "g"}) // back to the first step
	}
}
