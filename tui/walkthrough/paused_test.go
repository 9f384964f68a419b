package walkthrough

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// pausedRun trains the textbook data with cfg edited by edit, held paused
// before its first batch, and returns the experiment and a function that
// trains one batch and returns once the run holds again.
func pausedRun(t *testing.T, edit func(*experiment.Config)) (*experiment.Experiment, func()) {
	t.Helper()
	d, err := experiment.Load(experiment.Source{Kind: "textbook"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 2
	cfg.Seed = 11
	edit(&cfg)
	exp, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	paused := make(chan struct{}, 8)
	exp.Trainer.SetSink(engine.SinkFunc(func(p engine.Progress) {
		if p.State == engine.Paused {
			paused <- struct{}{}
		}
	}))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	exp.Trainer.Pause()
	go func() { done <- exp.Trainer.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	<-paused
	return exp, func() { exp.Trainer.StepBatch(); <-paused }
}

// pausedModel is the walkthrough of table row row of the held run exp.
func pausedModel(t *testing.T, exp *experiment.Experiment, row int, lang string, w, h int) Model {
	t.Helper()
	p, ok := exp.Paused()
	if !ok {
		t.Fatal("the run is not held")
	}
	in, err := NewInput(p, row)
	if err != nil {
		t.Fatal(err)
	}
	in.Paused = true
	m := New(in, lang, DefaultStyles())
	if m.Err() != nil {
		t.Fatal(m.Err())
	}
	m.SetSize(w, h)
	return m
}

// TestPausedStepIsTheRunsNextStep: the paused walkthrough's step is the
// batch the run trains next, row for row, and after n the run's weights are
// the step's After, every one of them to the bit.
func TestPausedStepIsTheRunsNextStep(t *testing.T) {
	exp, step := pausedRun(t, func(*experiment.Config) {})
	for b := range 4 { // 90 training users: batches of 32, 32, 26, then a new epoch
		s, _ := exp.Trainer.Snapshot()
		rows, ok := s.NextBatch()
		if !ok {
			t.Fatalf("batch %d: the held run does not know its next batch", b+1)
		}
		m := pausedModel(t, exp, exp.TrainRows[rows[1]], "en", 100, 30)
		ids := exp.Data.Table.IDs()
		var want []string
		for _, r := range rows {
			want = append(want, ids[exp.TrainRows[r]])
		}
		if !slices.Equal(m.walk.batchIDs, want) {
			t.Fatalf("batch %d: the walkthrough's batch %v, want the run's next %v", b+1, m.walk.batchIDs, want)
		}
		if m.walk.focus != 1 {
			t.Fatalf("batch %d: the user is row %d of the batch, want 2", b+1, m.walk.focus+1)
		}
		after := m.walk.step.After.Params()
		step()
		if !slices.Equal(exp.Net.Params(), after) {
			t.Fatalf("batch %d: after n the run's weights differ from the step shown", b+1)
		}
	}
}

// TestLargeBatchListsItsHeadAndTheUser: a next batch of more than 32 rows
// is listed by its first 8 rows and the user's, with a line saying how
// many rows the list leaves out; the mean under it is still over all.
func TestLargeBatchListsItsHeadAndTheUser(t *testing.T) {
	exp, _ := pausedRun(t, func(c *experiment.Config) { c.Train.BatchSize = 64 })
	s, _ := exp.Trainer.Snapshot()
	rows, _ := s.NextBatch()
	m := pausedModel(t, exp, exp.TrainRows[rows[20]], "en", 100, 200)
	m = goTo(t, m, stepLoss, 0)
	var listed []string
	var left string
	for _, line := range strings.Split(ansi.Strip(m.View()), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) >= 5 && strings.HasPrefix(f[1], "U") && f[0] != "#":
			listed = append(listed, f[0])
		case strings.HasPrefix(strings.TrimSpace(line), "…"):
			left = strings.TrimSpace(line)
		}
	}
	if want := []string{"1", "2", "3", "4", "5", "6", "7", "8", "21"}; !slices.Equal(listed, want) {
		t.Errorf("the loss page lists rows %v, want %v", listed, want)
	}
	if want := "… 55 more rows, not listed: every sum and mean below is over all 64"; left != want {
		t.Errorf("the line under the list is %q, want %q", left, want)
	}
	if v := strings.Join(strings.Fields(ansi.Strip(m.View())), " "); !strings.Contains(v, "(ℓ₁ + … + ℓ₆₄) / 64 = ") {
		t.Errorf("the batch's mean loss is not over its 64 rows:\n%s", ansi.Strip(m.View()))
	}
}

// TestPausedClosingText: the last page of a paused run speaks of the
// step n will take and of a model that is not finished yet; the closing
// words used to describe the finished model's evaluation in the present.
func TestPausedClosingText(t *testing.T) {
	cases := []struct {
		name, lang string
		edit       func(*experiment.Config)
		want       string
	}{
		{"early stopping, no test part", "en", func(*experiment.Config) {},
			"The run is paused in epoch 1; left to go on, it repeats the forward pass, backpropagation and update for every mini-batch, epoch after epoch, until the validation loss has not improved for 25 epochs (early stopping), at most 2 epochs. " +
				"This run has no test part: when training ends, the Evaluate screen will measure the model on the 10 validation users. Gradient descent never trains on them, but early stopping chooses the epoch to keep on them, so those figures will lean optimistic; a test part would give an untouched measure."},
		{"fixed epochs, a test part", "en", func(c *experiment.Config) {
			c.TestFrac = 0.2
			c.Train.EarlyStop.Patience = 0
		}, "The run is paused in epoch 1 of 2; left to go on, it repeats the forward pass, backpropagation and update for every mini-batch until all 2 epochs are trained: it does not stop early. " +
			"When training ends, the model will be measured on the 20 test users, whom training never uses, and, last, deployed to score new users."},
		{"fixed epochs, a test part", "zh", func(c *experiment.Config) {
			c.TestFrac = 0.2
			c.Train.EarlyStop.Patience = 0
		}, "这次训练暂停在第 1 轮（共 2 轮）；继续下去，它会对每个小批量重复前向传播、反向传播和更新，直到跑满 2 轮：不会提前停止。" +
			"训练结束后，将在 20 个测试用户上评估模型（训练从不使用他们），最后把它部署出去，为新用户打分。"},
	}
	for _, c := range cases {
		exp, _ := pausedRun(t, c.edit)
		m := pausedModel(t, exp, exp.TrainRows[0], c.lang, 120, 80)
		m = goTo(t, m, stepAfter, 0)
		sep := " "
		if c.lang == "zh" {
			sep = ""
		}
		view := strings.Join(strings.Fields(ansi.Strip(m.View())), sep)
		if !strings.Contains(view, strings.ReplaceAll(c.want, " ", sep)) {
			t.Errorf("%s (%s): the last page lacks\n%q\n%s", c.name, c.lang, c.want, ansi.Strip(m.View()))
		}
		if c.lang == "en" && !strings.Contains(view, "This is the update n makes to the run.") {
			t.Errorf("%s: the last page does not say the step is the one n takes:\n%s", c.name, ansi.Strip(m.View()))
		}
	}
}
