package tui

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// syntheticRun feeds the Train screen a made-up, fully deterministic run of
// n epochs (no worker), so golden files do not depend on timing.
func syntheticRun(m Model, epochs int) Model {
	s := &m.trainScr
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
		Elapsed: 3 * time.Second, ETA: 20 * time.Second}
	s.apply(u)
	s.redrawCharts()
	s.render()
	return m
}

func TestGoldenScreens(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		w, h := size[0], size[1]
		// A fresh model per view: the charts' histories are shared by
		// copies of a model, as there is only ever one live copy.
		fresh := func() Model {
			return loadedModel(t, Options{Source: experiment.Source{Kind: "builtin"}, Config: experiment.DefaultConfig(), Open: osOpen}, w, h)
		}
		base := fresh()
		views := []struct {
			name string
			m    func() Model
		}{
			{"data_schema", func() Model { return base }},
			{"data_preview", func() Model { return sendKeys(t, base, "right") }},
			{"data_distributions", func() Model { return sendKeys(t, base, "right", "right") }},
			{"model", func() Model { return sendKeys(t, base, "2") }},
			{"model_refused", func() Model {
				m := sendKeys(t, base, "2", "down", "down", "down", "down", "down", "enter", "backspace", "backspace", "backspace", "backspace", "backspace", "-", "1", "enter")
				return m
			}},
			{"train_idle", func() Model { return sendKeys(t, fresh(), "3") }},
			{"train_paused", func() Model { return syntheticRun(sendKeys(t, fresh(), "3"), 12) }},
			{"full_help", func() Model { return sendKeys(t, fresh(), "3", "?") }},
		}
		for _, v := range views {
			t.Run(fmt.Sprintf("%s_%dx%d", v.name, w, h), func(t *testing.T) {
				view := screen(v.m())
				lines := strings.Split(view, "\n")
				if len(lines) != h {
					t.Fatalf("view has %d lines, want %d", len(lines), h)
				}
				for i, l := range lines {
					if ansi.StringWidth(l) > w {
						t.Fatalf("line %d is %d cells wide, more than %d: %q", i+1, ansi.StringWidth(l), w, l)
					}
				}
				golden.RequireEqual(t, []byte(view))
			})
		}
	}
}

func TestEverySizeRendersWithoutPanic(t *testing.T) {
	base := syntheticRun(loadedModel(t, textbookOptions(), 100, 30), 7)
	var sizes [][2]int
	for w := 20; w <= 300; w += 23 {
		for h := 6; h <= 100; h += 13 {
			sizes = append(sizes, [2]int{w, h})
		}
	}
	sizes = append(sizes, [][2]int{{1, 1}, {0, 0}, {79, 24}, {80, 23}, {80, 24}, {300, 100}, {81, 25}, {2, 50}, {300, 6}}...)
	withError := base
	withError.err = errors.New(strings.Repeat("a long error message that wraps ", 8))
	states := map[string]Model{
		"data": sendKeys(t, base, "1"), "model": sendKeys(t, base, "2"), "train": sendKeys(t, base, "3"),
		"prompt": sendKeys(t, base, "1", "o"), "typing": sendKeys(t, base, "2", "enter"),
		"error": withError, "full help": sendKeys(t, base, "1", "?"),
	}
	for tb, m := range states {
		for _, sz := range sizes {
			tm, _ := m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			view := screen(tm.(Model))
			w, h := sz[0], sz[1]
			if w == 0 || h == 0 {
				continue
			}
			lines := strings.Split(view, "\n")
			if w < 80 || h < 24 {
				if len(lines) != 1 || ansi.StringWidth(view) > w {
					t.Fatalf("tab %s at %dx%d: want a one-line notice, got %q", tb, w, h, view)
				}
				continue
			}
			if len(lines) != h {
				t.Fatalf("tab %s at %dx%d: %d lines", tb, w, h, len(lines))
			}
			for i, l := range lines {
				if ansi.StringWidth(l) > w {
					t.Fatalf("tab %s at %dx%d: line %d is %d wide", tb, w, h, i+1, ansi.StringWidth(l))
				}
			}
		}
	}
}

func TestChartsSurviveNaNInfAndManyUpdates(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 120, 40)
	m = sendKeys(t, m, "3")
	s := &m.trainScr
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
				Step: i, BatchLoss: loss, BatchCount: 1, SamplesPerSec: bad[i%3], Elapsed: time.Duration(i) * time.Millisecond}}
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
	view := screen(m)
	lo, hi := s.loss.YRange()
	if math.IsNaN(lo) || math.IsInf(hi, 0) || !(lo < hi) {
		t.Fatalf("loss y range [%g, %g]", lo, hi)
	}
	// The last epoch's AUC was ±Inf or NaN: the text says so in words.
	last := s.history[len(s.history)-1]
	mustContain(t, view, common.FmtMetric(last.ValAUC))
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
