package tui

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestMapFollowsTheTrainingRun: while a run trained, the Map screen kept
// the last ended run's map (or none) and its title named no run. Through
// the root, the map of a run that trains is drawn from the weights of its
// latest ended epoch, and its title follows the epochs. The run is
// stepped an epoch at a time (e on the Train screen); the test waits for
// each epoch's end on the trainer itself, then sends the keys.
func TestMapFollowsTheTrainingRun(t *testing.T) {
	opts := textbookOptions()
	opts.Config.Train.Epochs = 50
	opts.Config.Train.EarlyStop.Patience = 0
	m := loadedModel(t, opts, 100, 30)
	defer m.Close()
	clock := time.Unix(0, 0)
	m.mapScr.SetClock(func() time.Time { return clock })
	m, _ = update(t, m, screentest.Press("3"))
	m, cmd := update(t, m, screentest.Press("e"))
	m, _ = update(t, m, startedMsg(t, cmd))
	exp, run, ok := m.trainScr.Training()
	if !ok || run != 1 {
		t.Fatalf("no run 1 training: ok %v, run %d", ok, run)
	}
	for epoch := 1; epoch <= 2; epoch++ {
		waitEpoch(exp, epoch)
		clock = clock.Add(time.Second)
		m = pressAll(t, m, "8")
		title := strings.Split(screen(m), "\n")[2]
		if want := "Decision map · run 1 · epoch " + itoa(epoch) + " · training"; !strings.HasPrefix(title, want) {
			t.Fatalf("after epoch %d the map's title is %q, want %q", epoch, title, want)
		}
		m = pressAll(t, m, "3", "e")
	}
}

// waitEpoch returns once exp's trainer has ended epoch: the trainer goes
// on on its own goroutine, and this is what the map reads.
func waitEpoch(exp *experiment.Experiment, epoch int) {
	for {
		if _, e := exp.Trainer.EpochNetwork(); e >= epoch {
			return
		}
		runtime.Gosched()
	}
}
