package trainscreen

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// twoRuns trains 3 epochs of the textbook data with the positive weight
// first, then 3 more with second, as a user does after changing it on the
// Model screen.
func twoRuns(t *testing.T, first, second float64) Model {
	t.Helper()
	return twoRunsIn(t, "en", first, second)
}

// twoRunsIn is twoRuns in language lang.
func twoRunsIn(t *testing.T, lang string, first, second float64) Model {
	t.Helper()
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 3
	cfg.L2PriorAlt = 0
	cfg.Train.PosWeight = first
	s := trainFixtureIn(t, lang, experiment.Source{Kind: "textbook"}, cfg, 160, 48)
	s, _ = s.step(screentest.Press("space"))
	s = ended(t, started(t, s))
	cfg.Train.PosWeight = second
	s.SetInputs(s.data, cfg, experiment.Limits{})
	s, _ = s.step(screentest.Press("space"))
	return ended(t, started(t, s))
}

// TestPreviousRunComparesLikeWithLike: the loss chart drew the previous
// run's weighted training and validation losses under the current run's,
// though a run with another positive weight weighs its rows otherwise.
// It now draws one figure that compares with the current validation
// curve, named in the legend: with the same weight its validation loss;
// from a weight of 3 to 1 its validation log loss with every row weighing
// 1 (as the Runs screen compares); from 1 to 3 nothing, and the previous
// run's box says why.
func TestPreviousRunComparesLikeWithLike(t *testing.T) {
	cases := []struct {
		first, second float64
		want          previousFigure
		legend, note  string
	}{
		{1, 1, prevValLoss, "previous run: val log loss", ""},
		{3, 3, prevValLoss, "previous run: val loss (weight 3)", ""},
		{3, 1, prevValLogLoss, "previous run: val log loss", ""},
		{1, 3, prevNone, "", "loss not drawn: positive weight 1, now 3 (Runs compares the val log loss)"},
	}
	for _, c := range cases {
		s := twoRuns(t, c.first, c.second)
		if got := s.previousLoss(); got != c.want {
			t.Errorf("weights %g then %g: figure %d, want %d", c.first, c.second, got, c.want)
		}
		view := stripped(s.View())
		for _, name := range []string{"previous run: val log loss", "previous run: val loss (weight 3)"} {
			if strings.Contains(view, name) != (name == c.legend) {
				t.Errorf("weights %g then %g: legend %q shown %v, want %v:\n%s", c.first, c.second, name, !(name == c.legend), name == c.legend, view)
			}
		}
		if got := s.previousNote(); got != c.note {
			t.Errorf("weights %g then %g: note %q, want %q", c.first, c.second, got, c.note)
		}
		if c.note != "" {
			screentest.MustContain(t, view, "loss not drawn: positive")
		}
	}
}

// TestPreviousRunLegendsAgreeInEachLanguage: the zh loss chart named the
// dimmed curve "上一次：验证对数损失" while the metric chart beside it said
// "上一次训练", where the en legends both begin "previous run". In each
// language both charts now name the previous run alike, the loss chart
// adding its figure.
func TestPreviousRunLegendsAgreeInEachLanguage(t *testing.T) {
	for lang, want := range map[string][]string{
		"en": {"previous run: val log loss", "previous run"},
		"zh": {"上一次训练：验证对数损失", "上一次训练"},
	} {
		s := twoRunsIn(t, lang, 1, 1)
		loss, metric := stripped(s.loss.View()), stripped(s.metric.View())
		if !strings.Contains(loss, want[0]) {
			t.Errorf("%s: the loss chart's legend lacks %q:\n%s", lang, want[0], loss)
		}
		if !strings.Contains(metric, want[1]) {
			t.Errorf("%s: the metric chart's legend lacks %q:\n%s", lang, want[1], metric)
		}
	}
}

// TestPreviousBestEpochFitsInChinese: the previous run's best epoch was
// cut off in Chinese ("最佳第 13 …", review 12, finding 12); "最佳轮 138"
// fits the name column whole, beside its loss.
func TestPreviousBestEpochFitsInChinese(t *testing.T) {
	s := goldenScreen(t, screentest.Common("zh", 100, 30))
	s.prev = []engine.EpochStats{{Epoch: 138, TrainLoss: 0.5, ValLoss: 0.4326, HasVal: true}}
	s.prevCfg = s.cfg
	row := func(name, a, b string) string {
		return common.Pad(name, 11) + common.PadLeft(a, 9) + common.PadLeft(b, 9)
	}
	lines := s.previousLines(row, 29)
	if len(lines) < 3 || stripped(lines[2]) != "最佳轮 138  验证损失   0.4326" {
		t.Fatalf("previous run's lines %q", lines)
	}
}
