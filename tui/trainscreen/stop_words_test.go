package trainscreen

import (
	"context"
	"io"
	"strings"
	"testing"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// fourRows is a table too small for a validation part.
const fourRows = "id,a,b,churn\n1,1,5,0\n2,2,6,1\n3,3,7,0\n4,4,8,1\n"

// TestEarlyStopNamesTheTrainingLossWithoutValidation: a run with no
// validation rows stops on its training loss (engine.EpochStats.Monitored),
// but the outcome said "the validation loss had not improved".
func TestEarlyStopNamesTheTrainingLossWithoutValidation(t *testing.T) {
	open := func(string) (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(fourRows)), nil }
	d, err := experiment.Load(experiment.Source{Kind: "csv", Path: "four.csv"}, open)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Train.EarlyStop.Patience = 3
	exp, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := exp.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	h := exp.Trainer.History()
	if exp.Trainer.State() != engine.StoppedEarly || h[len(h)-1].HasVal {
		t.Fatalf("want an early stop without validation, got state %v, HasVal %v", exp.Trainer.State(), h[len(h)-1].HasVal)
	}
	for lang, want := range map[string][2]string{
		"en": {"the training loss had not improved for 3 epochs", "validation"},
		"zh": {"训练损失已连续 3 轮没有改善", "验证"},
	} {
		got, _ := describeOutcome(common.New(lang), exp, engine.Progress{State: engine.StoppedEarly}, nil)
		if !strings.Contains(got, want[0]) || strings.Contains(got, want[1]) {
			t.Errorf("%s: %q, want %q and no %q", lang, got, want[0], want[1])
		}
	}
}

// TestFinishedNamesTheMonitoredLoss: a run that used every epoch names the
// loss its best epoch was chosen on.
func TestFinishedNamesTheMonitoredLoss(t *testing.T) {
	c := common.New("en")
	if got := monitoredLoss(c, []engine.EpochStats{{HasVal: true}}); got != "validation loss" {
		t.Errorf("with validation: %q", got)
	}
	if got := monitoredLoss(common.New("zh"), []engine.EpochStats{{}}); got != "训练损失" {
		t.Errorf("without validation: %q", got)
	}
}

// TestStopAgreesWithTheProgressLine: stopped between epochs 18 and 19 the
// message read "after 18 epochs and 0 batches" while the bar read "epoch
// 19/200 · batch 0/199". Both now count the same epoch, and no zero
// batches are mentioned.
func TestStopAgreesWithTheProgressLine(t *testing.T) {
	cases := []struct {
		epochs, batches int
		shown           [2]int
		en, zh          string
	}{
		{18, 0, [2]int{18, 199}, "■ Stopped by you after 18 epochs.", "■ 已由你停止，共训练 18 轮。"},
		{1, 0, [2]int{1, 199}, "■ Stopped by you after 1 epoch.", "■ 已由你停止，共训练 1 轮。"},
		{18, 57, [2]int{19, 57}, "■ Stopped by you at epoch 19, batch 57.", "■ 已由你停止于第 19 轮第 57 批。"},
		{0, 0, [2]int{1, 0}, "■ Stopped by you before the first batch.", "■ 已由你在第一批之前停止。"},
	}
	for _, c := range cases {
		// The trainer's report as it stops (engine.Trainer.progress).
		p := engine.Progress{Epoch: c.epochs + 1, Epochs: 200, Batch: c.batches, Batches: 199}
		if c.epochs > 0 {
			p.Last = engine.EpochStats{Epoch: c.epochs}
		}
		if e, b := shownPosition(p); e != c.shown[0] || b != c.shown[1] {
			t.Errorf("%d epochs %d batches: the bar shows epoch %d batch %d, want %v", c.epochs, c.batches, e, b, c.shown)
		}
		if got := describeUserStop(common.New("en"), c.epochs, c.batches); got != c.en {
			t.Errorf("en: %q, want %q", got, c.en)
		}
		if got := describeUserStop(common.New("zh"), c.epochs, c.batches); got != c.zh {
			t.Errorf("zh: %q, want %q", got, c.zh)
		}
	}
	// Mid-run the report after an epoch's end already counts it whole.
	if e, b := shownPosition(engine.Progress{Epoch: 5, Batch: 199, Batches: 199, EpochEnd: true, Last: engine.EpochStats{Epoch: 5}}); e != 5 || b != 199 {
		t.Errorf("epoch end shows epoch %d batch %d", e, b)
	}
}

// TestPausedTitleCountsTheProgressLinesEpoch: paused between epochs 7
// and 8, the tab bar's status said "epoch 8/200 · paused" while the
// progress line said "epoch 7/200 · batch 344/344". Both now count the
// epoch just ended; a run stopped by the user is "stopped" in the status,
// as in its outcome ("Stopped by you …") and on the Runs screen, not
// "cancelled".
func TestPausedTitleCountsTheProgressLinesEpoch(t *testing.T) {
	for _, c := range []struct {
		lang                  string
		status, line, stopped string
	}{
		{"en", "run 5 · epoch 7/200 · paused", "epoch 7/200 · batch 344/344", "run 5 · stopped"},
		{"zh", "第 5 次训练 · 第 7/200 轮 · 已暂停", "第 7/200 轮 · 第 344/344 批", "第 5 次训练 · 已停止"},
	} {
		com := screentest.Common(c.lang, 80, 24)
		s := goldenScreen(t, com)
		s.runs, s.state = 5, trainPaused
		// The trainer's report when it holds before epoch 8's first batch
		// (engine.Trainer.gate): epoch 8 in progress, epoch 7 last ended.
		s.latest = engine.Progress{State: engine.Paused, Epoch: 8, Epochs: 200, Batch: 0, Batches: 344, Step: 7 * 344,
			Last: engine.EpochStats{Epoch: 7}}
		s.render()
		if got := s.Status(); got != c.status {
			t.Errorf("%s: status %q, want %q", c.lang, got, c.status)
		}
		screentest.MustContain(t, screentest.Render(s, 80, 24), c.line)
		s.state, s.latest.State = trainEnded, engine.Cancelled
		if got := s.Status(); got != c.stopped {
			t.Errorf("%s: status %q, want %q", c.lang, got, c.stopped)
		}
	}
}
