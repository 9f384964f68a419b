package trainscreen

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// syntheticRun feeds the screen a made-up, fully deterministic run of n
// epochs (no worker), so golden files do not depend on timing.
func syntheticRun(s Model, epochs int) Model {
	s.runs = 1
	s.state = trainPaused
	s.loss.SetXRange(0, 30)
	s.metric.SetXRange(0, 30)
	var u engine.Update
	for e := 1; e <= epochs; e++ {
		f := float64(e)
		u.Points = append(u.Points, engine.LossPoint{Position: f - 0.5, Loss: 0.45 + 0.3/f})
		u.Epochs = append(u.Epochs, engine.EpochStats{Epoch: e, TrainLoss: 0.4 + 0.3/f, TrainAcc: 0.8 - 0.1/f,
			ValLoss: 0.42 + 0.28/f, ValAcc: 0.79 - 0.1/f, ValAUC: 0.84 - 0.12/f, LR: 1e-3,
			HasVal: true, HasAccuracy: true, HasAUC: true})
	}
	u.Latest = engine.Progress{State: engine.Paused, Epoch: epochs, Epochs: 30, Batch: 125, Batches: 125,
		Step: 125 * epochs, BatchLoss: 0.4 + 0.3/float64(epochs), BatchCount: 4, SamplesPerSec: 123456,
		Elapsed: 9 * time.Second, Training: 3 * time.Second, RowsPerSec: 9333, RecentRowsPerSec: 320, ETA: 20 * time.Second}
	s.apply(u)
	s.redrawCharts()
	s.render()
	return s
}

// TestEverySizeRendersWithoutPanic lays a paused run out at many sizes:
// always exactly the asked lines, none wider than the screen.
func TestEverySizeRendersWithoutPanic(t *testing.T) {
	for _, lang := range screentest.Langs {
		base := syntheticRun(trainFixture(t, experiment.Source{Kind: "textbook"}, experiment.DefaultConfig(), 100, 30), 7)
		base.Lang = lang
		for w := 20; w <= 300; w += 23 {
			for h := 6; h <= 100; h += 13 {
				view := screentest.Render(base, w, h)
				lines := strings.Split(view, "\n")
				if len(lines) != h {
					t.Fatalf("%s %dx%d: %d lines", lang, w, h, len(lines))
				}
				for i, l := range lines {
					if ansi.StringWidth(l) > w {
						t.Fatalf("%s %dx%d: line %d is %d wide: %q", lang, w, h, i+1, ansi.StringWidth(l), l)
					}
				}
			}
		}
	}
}

// goldenScreen is the screen in c's language and size with the textbook
// data loaded and the default settings.
func goldenScreen(t *testing.T, c common.Common) Model {
	t.Helper()
	d, err := experiment.Load(experiment.Source{Kind: "textbook"}, screentest.Open)
	if err != nil {
		t.Fatal(err)
	}
	s := New(c)
	s.SetHidden(false)
	s.SetInputs(d, experiment.DefaultConfig(), experiment.Limits{})
	s.SetSize(c.Width, c.Height)
	prep, err := experiment.Prepare(d, experiment.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	s.SetShape(experiment.Shape{Inputs: prep.Train.Cols, TrainRows: prep.Train.Rows}) // as the root does
	return s
}

// TestIdleCountsTheNextRunsBatches: before the first run the progress line
// read "batch 0/0" (review 12, finding 11). The textbook data's default
// split trains on 90 rows: 90 ÷ 32 a batch is 3 batches, the last of 26.
func TestIdleCountsTheNextRunsBatches(t *testing.T) {
	s := goldenScreen(t, screentest.Common("en", 80, 24))
	if s.shape.TrainRows != 90 {
		t.Fatalf("%d training rows, want 90", s.shape.TrainRows)
	}
	screentest.MustContain(t, stripped(s.View()), "epoch 0/200 · batch 0/3")
	zh := goldenScreen(t, screentest.Common("zh", 80, 24))
	screentest.MustContain(t, stripped(zh.View()), "第 0/200 轮 · 第 0/3 批")
	s.SetShape(experiment.Shape{})
	s.render()
	if v := stripped(s.View()); !strings.Contains(v, "epoch 0/200") || strings.Contains(v, "batch 0/0") {
		t.Fatalf("without data the line should count epochs only:\n%s", v)
	}
}

// TestGoldenIdle is the screen before the first run.
func TestGoldenIdle(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, goldenScreen(t, c), c.Width, c.Height)
	})
}

// TestGoldenPaused is a run paused after 12 epochs, at the slow pace.
func TestGoldenPaused(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := goldenScreen(t, c)
		s.pace = experiment.Paces()[1]
		s.runCfg = s.cfg
		screentest.Golden(t, syntheticRun(s, 12), c.Width, c.Height)
	})
}

// TestGoldenEnded is a run that finished, with the run before it
// dimmed.
func TestGoldenEnded(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := goldenScreen(t, c)
		s.runCfg = s.cfg
		s = syntheticRun(s, 9)
		s.prev, s.prevCfg = s.history, s.runCfg
		s.loss.NewRun()
		s.metric.NewRun()
		s.history = nil
		s = syntheticRun(s, 14)
		s.runs, s.state = 2, trainEnded
		s.latest.State = engine.Finished
		s.outcome = s.say(func(s Model) string {
			return s.Tf("✓ Finished all %d epochs. Best validation loss %s at epoch %d.",
				"✓ 已完成全部 %d 轮。最佳验证损失 %s，出现在第 %d 轮。", 14, common.FmtMetric(s.history[13].ValLoss), 14)
		})
		s.render()
		screentest.Golden(t, s, c.Width, c.Height)
	})
}

// The legends and boxes say what their numbers are: the charts' last
// values, the last epoch, the best epoch and its loss (issue 11: the legend
// read "train 0.389" beside a table's best-epoch "0.4064"; then "train
// last 0.4035", a batch's loss, beside the epoch mean "loss train 0.4033").
func TestNumbersSayWhatTheyAre(t *testing.T) {
	s := goldenScreen(t, screentest.Common("en", 160, 48))
	s.runCfg = s.cfg
	v := stripped(syntheticRun(s, 12).View())
	screentest.MustContain(t, v, "train batches last 0.4", "validation last 0.4", "val accuracy last 0.7", "Epoch 12 (last)", "Best epoch", "val loss")
}

func TestChartsSurviveNaNInfAndManyUpdates(t *testing.T) {
	s := trainFixture(t, experiment.Source{Kind: "textbook"}, experiment.DefaultConfig(), 120, 40)
	s.runs, s.state = 1, trainRunning
	bad := []float64{math.NaN(), math.Inf(1), math.Inf(-1)}
	finitePoints, skippedPoints := 0, 0
	for i := range 10000 {
		pos := float64(i) / 100
		loss := 0.3 + 1/(1+pos)
		if i%97 == 0 {
			loss = bad[i%3]
			skippedPoints++
		} else {
			finitePoints++
		}
		u := engine.Update{Points: []engine.LossPoint{{Position: pos, Loss: loss}},
			Latest: engine.Progress{State: engine.Running, Epoch: i/100 + 1, Epochs: 100, Batch: i % 100, Batches: 100,
				Step: i, BatchLoss: loss, BatchCount: 1, RowsPerSec: bad[i%3], RecentRowsPerSec: bad[i%3], Training: time.Duration(i) * time.Millisecond}}
		if i%100 == 99 {
			e := engine.EpochStats{Epoch: i/100 + 1, TrainLoss: loss, ValLoss: loss, ValAcc: 0.8, ValAUC: bad[i%3],
				TrainAcc: 0.81, HasVal: true, HasAccuracy: true, HasAUC: true}
			u.Epochs = []engine.EpochStats{e}
		}
		s.apply(u)
		if i%50 == 0 { // a frame every 50 updates, as the tick would draw
			s.redrawCharts()
			s.render()
		}
	}
	s.redrawCharts()
	s.render()
	if s.loss.Len(0) != finitePoints || s.loss.Skipped() != skippedPoints+countNonFinite(s.history, true) {
		t.Fatalf("loss chart kept %d points (want %d) and skipped %d", s.loss.Len(0), finitePoints, s.loss.Skipped())
	}
	if s.metric.Len(1) != 0 || s.metric.Len(0) != 100 {
		t.Fatalf("AUC points %d (all were non-finite), accuracy points %d", s.metric.Len(1), s.metric.Len(0))
	}
	view := stripped(s.View())
	lo, hi := s.loss.YRange()
	if math.IsNaN(lo) || math.IsInf(hi, 0) || !(lo < hi) {
		t.Fatalf("loss y range [%g, %g]", lo, hi)
	}
	// The last epoch's AUC was ±Inf or NaN: the text says so in words.
	last := s.history[len(s.history)-1]
	screentest.MustContain(t, view, common.FmtMetric(last.ValAUC))
}

// countNonFinite counts epochs whose validation loss is not finite (they
// are pushed to the loss chart and dropped there).
func countNonFinite(h []engine.EpochStats, val bool) int {
	n := 0
	for _, e := range h {
		if val && (math.IsNaN(e.ValLoss) || math.IsInf(e.ValLoss, 0)) {
			n++
		}
	}
	return n
}

func TestTrainLayout(t *testing.T) {
	cases := []struct {
		w, h    int
		stacked bool
	}{
		// The chart area is w−31 wide and h−3 high; each arrangement's
		// per-chart shape is compared with 3.5 cells wide per cell high.
		{80, 21, true},   // 49×18: side 23×18 ≈ 1.3, stacked 49×9 ≈ 5.4
		{120, 37, true},  // 89 wide: too narrow to split
		{197, 57, true},  // 166×54: side 82×54 ≈ 1.5, stacked 166×27 ≈ 6.1
		{300, 40, false}, // 269×37: side 133×37 ≈ 3.6, stacked 269×18 ≈ 14.9
		{200, 30, false}, // 169×27: side 83×27 ≈ 3.1, stacked 169×13 ≈ 13
		{300, 97, true},  // 269×94: side 133×94 ≈ 1.4, stacked 269×47 ≈ 5.7
	}
	for _, c := range cases {
		l := trainLayout(c.w, c.h)
		if l.stacked != c.stacked {
			t.Errorf("%d×%d: stacked %v, want %v", c.w, c.h, l.stacked, c.stacked)
		}
		chartsW, chartsH := c.w-numbersWidth-2, c.h-headerLines
		if l.stacked && (l.chartW != chartsW || l.metricW != chartsW || l.chartH+l.metricH != chartsH) {
			t.Errorf("%d×%d stacked: %+v does not fill %d×%d", c.w, c.h, l, chartsW, chartsH)
		}
		if !l.stacked && (l.chartW+l.metricW+2 != chartsW || l.chartH != chartsH || l.metricH != chartsH) {
			t.Errorf("%d×%d side by side: %+v does not fill %d×%d", c.w, c.h, l, chartsW, chartsH)
		}
	}
	for _, sz := range [][2]int{{0, 0}, {1, 1}, {-5, 3}} {
		l := trainLayout(sz[0], sz[1])
		if l.chartW < 0 || l.chartH < 0 || l.metricW < 0 || l.metricH < 0 {
			t.Errorf("%v: negative sizes %+v", sz, l)
		}
	}
}

// TestPreviousRunComesWhole: the previous run's box was appended whatever
// the height and cut, at 80×24 in the program (21 rows under the tab bar),
// to its title and a figure; it shows whole or not at all, as the decay
// box does.
func TestPreviousRunComesWhole(t *testing.T) {
	for _, lang := range screentest.Langs {
		for h := 16; h <= 26; h++ {
			c := screentest.Common(lang, 80, h)
			s := goldenScreen(t, c)
			s.runCfg = s.cfg
			s = syntheticRun(s, 9)
			s.prev, s.prevCfg = s.history, s.runCfg
			s.history = nil
			s = syntheticRun(s, 14)
			view := screentest.Render(s, 80, h)
			title := strings.Contains(view, c.T("Previous run (dimmed)", "上一次训练（暗色）"))
			auc := strings.Contains(view, c.T("val AUC   0.8267", "验证 AUC   0.8267"))
			if title != auc || (h >= 24 && !title) {
				t.Errorf("%s 80×%d: title %v, last figure %v:\n%s", lang, h, title, auc, view)
			}
		}
	}
}
