package evalscreen

import (
	"strings"
	"sync"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// The runs are trained once for every test of the package.
var (
	runsOnce        sync.Once
	goodRun, badRun common.Run
)

func runs(t *testing.T) (good, bad common.Run) {
	t.Helper()
	runsOnce.Do(func() {
		goodRun = screentest.Train(t, "builtin", 2, nil)
		badRun = divergedRun(t)
	})
	if goodRun.Exp == nil || badRun.Exp == nil {
		t.Fatal("the fixture runs failed to train")
	}
	return goodRun, badRun
}

// TestDivergedRunIsSaidToBeBroken: after a diverged run the screen says so
// in both languages, on every page, instead of analysing the broken model
// as if it were trained (issue 11).
func TestDivergedRunIsSaidToBeBroken(t *testing.T) {
	_, bad := runs(t)
	want := map[string][]string{
		"en": {"⚠ Run 1 diverged at epoch", "last finite weights", "not of a trained model"},
		"zh": {"⚠ 第 1 次训练在第", "发散", "最后一组有限的权重"},
	}
	for _, lang := range screentest.Langs {
		for _, sz := range screentest.Sizes {
			s := evaluated(t, screentest.Common(lang, sz[0], sz[1]), bad)
			for page := range evalPages {
				view := strings.Join(strings.Fields(screentest.Render(s, sz[0], sz[1])), "")
				for _, w := range want[lang] {
					if !strings.Contains(view, strings.Join(strings.Fields(w), "")) {
						t.Fatalf("%s %dx%d page %d lacks %q:\n%s", lang, sz[0], sz[1], page, w, screentest.Render(s, sz[0], sz[1]))
					}
				}
				s, _ = s.step(screentest.Press("v"))
			}
		}
	}
	good, _ := runs(t)
	if view := screentest.Render(evaluated(t, screentest.Common("en", 80, 24), good), 80, 24); strings.Contains(view, "diverged") {
		t.Fatalf("a healthy run is called diverged:\n%s", view)
	}
}

// TestThresholdIsAnnounced: moving the threshold (← →, f, r) and a new
// evaluation tell every screen through common.ThresholdMsg, and the
// screen follows a ThresholdMsg about its run (issue 11).
func TestThresholdIsAnnounced(t *testing.T) {
	good, _ := runs(t)
	s := New(screentest.Common("en", 80, 24))
	s.SetSize(80, 24)
	s, out := drain(t, s, s.SetRun(good))
	if len(out) != 1 || out[0] != (common.ThresholdMsg{Run: 1, Threshold: 0.5}) {
		t.Fatalf("after the evaluation: %v, want the configured threshold announced", out)
	}
	for _, c := range []struct {
		key  string
		want float64
	}{{"right", 0.51}, {"left", 0.5}, {"L", 0.6}, {"f", s.BestF1().Threshold}, {"r", 0.5}} {
		next, cmdT := s.step(screentest.Press(c.key))
		s = next
		if cmdT == nil {
			t.Fatalf("%s: no Cmd", c.key)
		}
		if got := cmdT(); got != (common.ThresholdMsg{Run: 1, Threshold: c.want}) {
			t.Fatalf("%s: %v, want threshold %g", c.key, got, c.want)
		}
	}
	if _, cmd := s.step(screentest.Press("v")); cmd != nil {
		t.Fatal("turning the page announced a threshold")
	}
	s, _ = s.step(common.ThresholdMsg{Run: 1, Threshold: 0.3})
	if s.Threshold() != 0.3 || !strings.Contains(screentest.Render(s, 80, 24), "threshold 0.30") {
		t.Fatalf("threshold %g after a ThresholdMsg of 0.3", s.Threshold())
	}
	s, _ = s.step(common.ThresholdMsg{Run: 7, Threshold: 0.9})
	if s.Threshold() != 0.3 {
		t.Fatal("a ThresholdMsg about another run moved the threshold")
	}
}

// TestCurvesAxesAreReadable: the ROC and calibration charts show every
// tick from 0 to 1 on x, name both axes, and draw no box-drawing joints
// inside the plot (issue 11).
func TestCurvesAxesAreReadable(t *testing.T) {
	good, _ := runs(t)
	want := map[string][]string{
		"en": {"↑ true positive rate", "false positive rate →", "↑ observed rate", "predicted probability →"},
		"zh": {"↑ 真阳性率", "假阳性率 →", "↑ 实际比例", "预测概率 →"},
	}
	for _, lang := range screentest.Langs {
		s := evaluated(t, screentest.Common(lang, 80, 24), good)
		s, _ = s.step(screentest.Press("v"))
		view := screentest.Render(s, 80, 24)
		for _, w := range want[lang] {
			if !strings.Contains(view, w) {
				t.Errorf("%s: curves lack %q:\n%s", lang, w, view)
			}
		}
		lines := strings.Split(view, "\n")
		var ticks string
		for _, l := range lines {
			if strings.Contains(l, "0.00") && !strings.ContainsAny(l, "┤│") {
				ticks = l
			}
		}
		if strings.Count(ticks, "0.50") != 2 || strings.Count(ticks, "1.00") != 2 {
			t.Errorf("%s: tick line %q lacks 0.50 or 1.00 under both charts", lang, ticks)
		}
		for i, l := range lines {
			if strings.ContainsAny(l, "├┬┴╵╷╴╶┼") && !strings.Contains(l, "└") {
				t.Errorf("%s: line %d has a box-drawing joint inside a plot: %q", lang, i+1, l)
			}
		}
	}
}

// TestGolden is the Evaluate screen in both languages at both sizes:
// empty, a healthy run's first page and curves, and a diverged run.
func TestGolden(t *testing.T) {
	good, bad := runs(t)
	cases := map[string]func(c common.Common) Model{
		"empty":    func(c common.Common) Model { return New(c) },
		"summary":  func(c common.Common) Model { return evaluated(t, c, good) },
		"curves":   func(c common.Common) Model { s, _ := evaluated(t, c, good).step(screentest.Press("v")); return s },
		"gains":    func(c common.Common) Model { s := evaluated(t, c, good); s.page = PageGains; return s },
		"diverged": func(c common.Common) Model { return evaluated(t, c, bad) },
	}
	for _, name := range []string{"empty", "summary", "curves", "gains", "diverged"} {
		t.Run(name, func(t *testing.T) {
			screentest.ForEach(t, func(t *testing.T, c common.Common) {
				screentest.Golden(t, cases[name](c), c.Width, c.Height)
			})
		})
	}
}

var (
	calibOnce sync.Once
	calibRun  common.Run
)

// TestGoldenCalibrated: a run calibrated by Platt scaling draws the
// reliability curve before calibration beside the calibrated one, with the
// expected calibration error before → after in the chart's title and under
// the confusion matrix.
func TestGoldenCalibrated(t *testing.T) {
	calibOnce.Do(func() {
		calibRun = screentest.Train(t, "builtin", 2, func(c *experiment.Config) {
			c.CalibFrac, c.Calibration = experiment.DefaultCalibFrac, experiment.CalibPlatt
		})
	})
	for _, page := range []string{"summary", "curves"} {
		t.Run(page, func(t *testing.T) {
			screentest.ForEach(t, func(t *testing.T, c common.Common) {
				s := evaluated(t, c, calibRun)
				if page == "curves" {
					s, _ = s.step(screentest.Press("v"))
				}
				view := screentest.Render(s, c.Width, c.Height)
				switch {
				case c.Width >= 160 && page == "summary":
					screentest.MustContain(t, view, c.T("Calibration · ECE", "校准 · ECE"), c.T("before", "校准前"))
				case c.Width < 160 && page == "curves":
					screentest.MustContain(t, view, c.T("Calibration · ECE", "校准 · ECE"))
				}
				screentest.Golden(t, s, c.Width, c.Height)
			})
		})
	}
}
