package trainscreen

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// stoppedMidEpoch trains cfg on the built-in shop in lang, held after
// each step: epochs whole epochs, then one batch into the next, and stops
// it there with x, as the user does.
func stoppedMidEpoch(t *testing.T, lang string, cfg experiment.Config, epochs int) Model {
	t.Helper()
	s := trainFixtureIn(t, lang, experiment.Source{Kind: "builtin", Users: 2000}, cfg)
	s, _ = s.step(screentest.Press("e"))
	s = started(t, s)
	for i := 1; i <= epochs; i++ {
		if i > 1 {
			s, _ = s.step(screentest.Press("e"))
		}
		waitProgress(t, s.cur, func(p engine.Progress) bool { return p.State == engine.Paused && p.Last.Epoch == i })
	}
	s, _ = s.step(screentest.Press("n"))
	waitProgress(t, s.cur, func(p engine.Progress) bool { return p.State == engine.Paused && p.Batch == 1 })
	s, _ = s.step(screentest.Press("x"))
	return ended(t, s)
}

// firstLowest is early stopping's best epoch with MinDelta 0, found here
// from the history by its definition: the first epoch with the lowest
// validation loss.
func firstLowest(h []engine.EpochStats) int {
	best, loss := 0, math.Inf(1)
	for _, e := range h {
		if e.ValLoss < loss {
			best, loss = e.Epoch, e.ValLoss
		}
	}
	return best
}

// TestStoppedRunSaysWhichWeightsItKept: a run stopped by the user (x) one
// batch into epoch 9 keeps, with early stopping on, its best epoch's
// weights, as early stopping would, and the outcome says which (review22
// #3: it kept the weights at the stop, and the message said nothing while
// the panel showed another best epoch).
func TestStoppedRunSaysWhichWeightsItKept(t *testing.T) {
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs, cfg.Train.EarlyStop = 100, engine.EarlyStopConfig{Patience: 100}
	cfg.Train.Optimizer.LR = 0.05 // fast enough that the validation loss turns within 8 epochs
	for _, lang := range []string{"en", "zh"} {
		s := stoppedMidEpoch(t, lang, cfg, 8)
		best := firstLowest(s.exp.Trainer.History())
		if got := s.exp.Trainer.KeptEpoch(); got != best {
			t.Fatalf("%s: kept epoch %d, want the best, %d", lang, got, best)
		}
		want := map[string]string{
			"en": fmt.Sprintf("■ Stopped by you at epoch 9, batch 1. Kept epoch %d's weights, the best by validation loss (last finished: 8). space starts a new run.", best),
			"zh": fmt.Sprintf("■ 已由你停止于第 9 轮第 1 批。保留第 %d 轮的权重（验证损失最佳；最后完成的是第 8 轮）。按空格开始新的训练。", best),
		}[lang]
		if best == 8 {
			want = map[string]string{
				"en": "■ Stopped by you at epoch 9, batch 1. Kept epoch 8's weights, the last finished and the best by validation loss. space starts a new run.",
				"zh": "■ 已由你停止于第 9 轮第 1 批。保留第 8 轮的权重（最后完成，也是验证损失最佳）。按空格开始新的训练。",
			}[lang]
		}
		if s.outcome.In(s.Common) != want {
			t.Errorf("%s: outcome\n%q\nwant\n%q", lang, s.outcome.In(s.Common), want)
		}
		// Whole on the two status lines, at 100×27 and at the smallest size.
		for _, size := range [][2]int{{100, 27}, {80, 24}} {
			s.SetSize(size[0], size[1])
			if v := stripped(s.View()); !strings.Contains(strings.Join(strings.Fields(v), ""), strings.Join(strings.Fields(want), "")) {
				t.Errorf("%s %dx%d: the view does not show the outcome whole:\n%s", lang, size[0], size[1], v)
			}
		}
	}
}

// TestStoppedRunWithoutEarlyStoppingKeepsTheLastEpoch: with early
// stopping off, a run keeps its last finished epoch's weights, not those
// one batch into the next, and says so.
func TestStoppedRunWithoutEarlyStoppingKeepsTheLastEpoch(t *testing.T) {
	cfg := longConfig()
	s := stoppedMidEpoch(t, "en", cfg, 3)
	if got := s.exp.Trainer.KeptEpoch(); got != 3 {
		t.Fatalf("kept epoch %d, want 3", got)
	}
	want := "■ Stopped by you at epoch 4, batch 1. Kept epoch 3's weights, the last finished (early stopping is off). space starts a new run."
	if s.outcome.In(s.Common) != want {
		t.Errorf("outcome\n%q\nwant\n%q", s.outcome.In(s.Common), want)
	}
	s = stoppedMidEpoch(t, "zh", cfg, 3)
	want = "■ 已由你停止于第 4 轮第 1 批。保留最后完成的第 3 轮的权重（提前停止已关闭）。按空格开始新的训练。"
	if s.outcome.In(s.Common) != want {
		t.Errorf("zh outcome\n%q\nwant\n%q", s.outcome.In(s.Common), want)
	}
}

// TestStoppedRunKeepsAnEarlierBestEpoch makes sure the case the review
// saw, a best epoch before the last, is the one tested: it fails if the
// fixture's best epoch is its last (the test above would then only check
// the other sentence).
func TestStoppedRunKeepsAnEarlierBestEpoch(t *testing.T) {
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs, cfg.Train.EarlyStop = 100, engine.EarlyStopConfig{Patience: 100}
	cfg.Train.Optimizer.LR = 0.05
	s := stoppedMidEpoch(t, "en", cfg, 8)
	if best := firstLowest(s.exp.Trainer.History()); best == 8 || s.exp.Trainer.RestoredEpoch() != best {
		t.Fatalf("best epoch %d, restored %d: want an earlier epoch restored", best, s.exp.Trainer.RestoredEpoch())
	}
}
