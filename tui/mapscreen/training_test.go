package mapscreen

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// untrained returns a textbook experiment of epochs epochs whose trainer
// has not started: the tests train it epoch by epoch on their goroutine.
func untrained(t *testing.T, epochs int) *experiment.Experiment {
	t.Helper()
	d, err := experiment.Load(experiment.Source{Kind: "textbook"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = epochs
	e, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// clock is a fake clock the screen reads.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// answer runs a map Cmd as the program would and feeds the screen its
// message.
func answer(t *testing.T, s Model, cmd tea.Cmd) Model {
	t.Helper()
	if cmd == nil {
		t.Fatal("no map asked for")
	}
	msg := cmd().(ReadyMsg)
	if msg.Err != nil {
		t.Fatal(msg.Err)
	}
	s, _ = s.step(msg)
	return s
}

// titleOf is the first line of the screen.
func titleOf(s Model) string {
	return strings.TrimRight(strings.Split(screentest.Render(s, s.Width, s.Height), "\n")[0], " ")
}

// TestTitleFollowsTheTrainingRun: the map stayed the last ended run's
// while run 2 trained, and its title named no run. Now each epoch's end
// (the root calls WantTraining on every message while the Map is shown)
// redraws it from that epoch's weights, at most once per epoch, not while
// a map is being computed and not sooner than minRedraw after the last;
// the title names the run and the epoch, then the run's end.
func TestTitleFollowsTheTrainingRun(t *testing.T) {
	e := untrained(t, 3)
	clk := &clock{t: time.Unix(0, 0)}
	s := New(screentest.Common("en", 100, 30))
	s.now = clk.now
	s.SetSize(100, 30)
	s = want(t, s, 3) // the ended run 1 of the package's tests
	if got := titleOf(s); got != "Decision map · run 1 · finished after epoch 2 · 100 users" {
		t.Fatalf("run 1's map is titled %q", got)
	}
	ctx := context.Background()
	if cmd, ok := s.WantTraining(e, 2, false, 0, 3, true); cmd != nil || ok {
		t.Fatal("a map asked for before run 2's first epoch ended")
	}
	if err := e.Trainer.TrainEpoch(ctx); err != nil {
		t.Fatal(err)
	}
	cmd, _ := s.WantTraining(e, 2, false, 0, 3, true)
	s = answer(t, s, cmd)
	if got := titleOf(s); got != "Decision map · run 2 · epoch 1 · training · 100 users" {
		t.Fatalf("after run 2's first epoch the title is %q", got)
	}
	if cmd, _ := s.WantTraining(e, 2, false, 0, 3, true); cmd != nil {
		t.Fatal("the same epoch asked for twice")
	}
	if err := e.Trainer.TrainEpoch(ctx); err != nil {
		t.Fatal(err)
	}
	if cmd, _ := s.WantTraining(e, 2, false, 0, 3, true); cmd != nil {
		t.Fatal("epoch 2 asked for sooner than minRedraw after epoch 1")
	}
	clk.t = clk.t.Add(minRedraw)
	pending, _ := s.WantTraining(e, 2, false, 0, 3, true)
	if pending == nil {
		t.Fatal("epoch 2 not asked for")
	}
	if err := e.Trainer.TrainEpoch(ctx); err != nil {
		t.Fatal(err)
	}
	clk.t = clk.t.Add(minRedraw)
	if cmd, _ := s.WantTraining(e, 2, false, 0, 3, true); cmd != nil {
		t.Fatal("epoch 3 asked for while epoch 2's map was being computed")
	}
	s = answer(t, s, pending)
	if got := titleOf(s); !strings.HasPrefix(got, "Decision map · run 2 · epoch 2 · training") {
		t.Fatalf("after epoch 2 the title is %q", got)
	}
	cmd, _ = s.WantTraining(e, 2, false, 0, 3, true)
	s = answer(t, s, cmd)
	if got := titleOf(s); !strings.HasPrefix(got, "Decision map · run 2 · epoch 3 · training") {
		t.Fatalf("after epoch 3 the title is %q", got)
	}
	// The run ends (here: its epochs are done) and the root asks for its
	// map as an ended run.
	if err := e.Trainer.Run(ctx); err != nil {
		t.Fatal(err)
	}
	s = answer(t, s, s.Want(common.Run{Number: 2, Exp: e, History: e.Trainer.History()}, 3))
	if got := titleOf(s); got != "Decision map · run 2 · finished after epoch 3 · 100 users" {
		t.Fatalf("after run 2 ended the title is %q", got)
	}
}

// TestGoldenTraining is the map of the fourth textbook user after the
// first epoch of run 2, which trains on, at 80×24 and 200×60.
func TestGoldenTraining(t *testing.T) {
	e := untrained(t, 3)
	if err := e.Trainer.TrainEpoch(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, lang := range screentest.Langs {
		for _, sz := range [][2]int{{80, 24}, {200, 60}} {
			t.Run(lang+"_"+itoa(sz[0])+"x"+itoa(sz[1]), func(t *testing.T) {
				s := New(screentest.Common(lang, sz[0], sz[1]))
				s.SetSize(sz[0], sz[1])
				cmd, _ := s.WantTraining(e, 2, false, 0, 3, true)
				screentest.Golden(t, answer(t, s, cmd), sz[0], sz[1])
			})
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestUserBeyondAnAxisIsDrawnAtItsEdge: a user whose value lies beyond an
// axis (which spans the 1st to 99th percentile of the training rows) was
// only "off the map"; now ◇ marks them on the edge cell nearest to them,
// and the legend says so. The first user outside the training rows has
// their x value set beyond the axis in this test's own copy of the data.
func TestUserBeyondAnAxisIsDrawnAtItsEdge(t *testing.T) {
	e := untrained(t, 1)
	s := New(screentest.Common("en", 100, 30))
	s.SetSize(100, 30)
	s.setExp(e)
	x := e.Pipeline.Columns[s.features[s.xi]].Name
	_, hi, err := e.AxisRange(x)
	if err != nil {
		t.Fatal(err)
	}
	row := 0
	for slices.Contains(e.TrainRows, row) {
		row++ // a user the axes' percentiles leave out
	}
	e.Data.Table.Column(x).Values[row] = hi + 10
	s = answer(t, s, s.Want(common.Run{Number: 1, Exp: e}, row))
	if !s.grid.outside || s.grid.self.col != s.grid.Cols-1 {
		t.Fatalf("a user beyond the x axis: outside %v, drawn at column %d of %d", s.grid.outside, s.grid.self.col, s.grid.Cols)
	}
	view := screentest.Render(s, 100, 30)
	screentest.MustContain(t, view, "◇ selected user, beyond an axis: drawn at its edge")
	if strings.Count(view, "◇") != 2 {
		t.Errorf("◇ is not drawn once on the map and once in the legend:\n%s", view)
	}
}
