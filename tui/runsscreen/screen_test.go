package runsscreen

import (
	"regexp"
	"strings"
	"testing"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// TestEmptyScreenSpeaksTheLanguage shows the i18n plumbing: the same screen
// says its empty-state title in English or Chinese after the context's
// language.
func TestEmptyScreenSpeaksTheLanguage(t *testing.T) {
	cases := map[string]string{"en": "No ended run yet.", "zh": "还没有结束的训练。"}
	for lang, want := range cases {
		view := screentest.Render(New(screentest.Common(lang, 80, 24)), 80, 24)
		if !strings.Contains(view, want) {
			t.Errorf("%s: view lacks %q:\n%s", lang, want, view)
		}
	}
}

// TestGoldenEmpty is the empty Runs screen in both languages at both sizes.
func TestGoldenEmpty(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, New(c), c.Width, c.Height)
	})
}

// TestColumnsNeverTouch is the `100/100finished` defect: every column is
// at least two cells from the next, however long its cells.
func TestColumnsNeverTouch(t *testing.T) {
	s := filled(screentest.Common("en", 80, 21), fakeRun(1, 100, losses(100)...), fakeRun(2, 100, losses(40)...))
	view := screentest.Render(s, 80, 21)
	if !regexp.MustCompile(`100/100\s{2,}finished`).MatchString(view) || !regexp.MustCompile(`40/100\s{2,}early stop`).MatchString(view) {
		t.Errorf("the epochs and ended columns touch:\n%s", view)
	}
}

// TestCompareHintMatchesTheState is the "Train another run to compare two"
// shown with three runs, one of them marked: with two runs or more the
// screen always compares two, and says which two and why.
func TestCompareHintMatchesTheState(t *testing.T) {
	c := screentest.Common("en", 80, 21)
	three := []common.Run{fakeRun(1, 3, losses(3)...), fakeRun(2, 3, losses(3)...), fakeRun(3, 3, losses(3)...)}
	cases := []struct {
		name  string
		keys  []string
		title string
		why   string
	}{
		{"nothing marked", nil, "Run 2 against run 3", "the selected run against the one before"},
		{"first selected", []string{"up", "up"}, "Run 1 against run 2", "the selected run against the next one"},
		{"one marked, first selected", []string{"up", "space", "up"}, "Run 2 against run 1", "the marked run against the selected one"},
		{"one marked and selected", []string{"up", "up", "space"}, "Run 2 against run 1", "the marked run against its neighbour"},
		{"two marked", []string{"space", "up", "up", "space"}, "Run 3 against run 1", "the two runs marked ●"},
	}
	for _, cs := range cases {
		view := screentest.Render(keys(filled(c, three...), cs.keys...), 80, 21)
		if strings.Contains(view, "Train another run") || !strings.Contains(view, cs.title) || !strings.Contains(view, cs.why) {
			t.Errorf("%s: want %q and %q:\n%s", cs.name, cs.title, cs.why, view)
		}
	}
	one := screentest.Render(filled(c, fakeRun(1, 3, losses(3)...)), 80, 21)
	if !strings.Contains(one, "Train another run to compare two.") {
		t.Errorf("one run: no hint to train another:\n%s", one)
	}
}

// TestStarOnlyWhereTheDigitsDiffer is the star on one of two equal-looking
// values: 0.41781 and 0.41779 both read 0.4178, so neither is starred.
func TestStarOnlyWhereTheDigitsDiffer(t *testing.T) {
	a, b := fakeRun(1, 2, 0.5, 0.41781), fakeRun(2, 2, 0.5, 0.41779)
	view := screentest.Render(filled(screentest.Common("en", 80, 21), a, b), 80, 21)
	row := lineWith(view, `val log loss\s+0`)
	if strings.Count(row, "0.4178") != 2 || strings.Contains(row, "★") {
		t.Errorf("val loss row %q: want 0.4178 twice and no star", row)
	}
	if acc := lineWith(view, `val accuracy\s+0`); strings.Contains(acc, "★") {
		t.Errorf("val accuracy row %q: 0.7911 and 0.7911 starred", acc)
	}
	b = fakeRun(2, 2, 0.5, 0.4170)
	view = screentest.Render(filled(screentest.Common("en", 80, 21), a, b), 80, 21)
	if row := lineWith(view, `val log loss\s+0`); !strings.Contains(row, "0.4170 ★") {
		t.Errorf("val loss row %q: the lower loss is not starred", row)
	}
}

// TestFiguresAreLabelled is `run 1 0.4294` in the legend against 0.4178 in
// the table: the legend shows no value, and the figures say they are the
// kept epoch's.
func TestFiguresAreLabelled(t *testing.T) {
	// Early stopped at epoch 5 of 30, keeping epoch 3's weights.
	a := fakeRun(1, 30, 0.5, 0.45, 0.4178, 0.42, 0.4294)
	b := fakeRun(2, 30, 0.5, 0.46, 0.43, 0.44, 0.45)
	view := screentest.Render(filled(screentest.Common("en", 160, 45), a, b), 160, 45)
	if strings.Contains(view, "0.4294") {
		t.Errorf("the last epoch's loss 0.4294 is shown beside the kept epoch's 0.4178:\n%s", view)
	}
	for _, want := range []string{"validation at the kept epoch, before calibration", "kept epoch", "0.4178"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
	if row := lineWith(view, `kept epoch\s+\d`); !strings.Contains(row, "3 ") {
		t.Errorf("kept epoch row %q: want epoch 3", row)
	}
}

// TestFiguresSayBeforeCalibration is `val acc 0.8120` here against the
// Evaluate screen's validation accuracy 0.814 for the same run: the
// trainer's figures are on the network's own outputs, Evaluate's on the
// calibrated ones. With a calibrated run listed the title says the
// figures are before calibration, whole at 80 columns, in both languages;
// with none it does not mention calibration.
func TestFiguresSayBeforeCalibration(t *testing.T) {
	want := map[string]string{
		"en": "Runs · validation at the kept epoch, before calibration · ▸ analysed · ● marked",
		"zh": "训练记录 · 保留轮次的验证指标（校准前）· ▸ 正在分析 · ● 已标记",
	}
	plain := map[string]string{
		"en": "Runs · validation figures of the kept epoch · ▸ analysed · ● marked",
		"zh": "训练记录 · 验证指标取自保留的轮次 · ▸ 正在分析 · ● 已标记",
	}
	for _, lang := range screentest.Langs {
		c := screentest.Common(lang, 80, 24)
		raw := uncalibratedRun(1, 3, losses(3)...)
		cases := []struct {
			runs  []common.Run
			title string
		}{
			{[]common.Run{raw, fakeRun(2, 3, losses(3)...)}, want[lang]},
			{[]common.Run{raw}, plain[lang]},
		}
		for _, cs := range cases {
			first := strings.Split(screentest.Render(filled(c, cs.runs...), 80, 24), "\n")[0]
			if got := strings.TrimRight(first, " "); got != cs.title {
				t.Errorf("%s, %d runs: title %q, want %q", lang, len(cs.runs), got, cs.title)
			}
		}
	}
}

// lineWith returns the rest of the first line of view from a match of
// the regular expression re ("" if none).
func lineWith(view, re string) string {
	r := regexp.MustCompile(re)
	for _, l := range strings.Split(view, "\n") {
		if loc := r.FindStringIndex(l); loc != nil {
			return l[loc[0]:]
		}
	}
	return ""
}

// TestGoldenRuns is the Runs screen with three runs, one marked, in both
// languages at both sizes.
func TestGoldenRuns(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		shop := dataOf(experiment.Source{Kind: "builtin"}, "churned", 5000)
		runs := []common.Run{onData(fakeRun(1, 100, losses(100)...), shop), onData(fakeRun(2, 30, 0.5, 0.45, 0.4178, 0.42, 0.4294), shop),
			onData(fakeRun(3, 30, losses(30)...), dataOf(experiment.Source{Kind: "csv", Path: "/data/telco_churn.csv"}, "Churn", 7043))}
		c.Height -= 3 // the root's tab bar, rule and footer
		s := keys(filled(c, runs...), "up", "space")
		screentest.Golden(t, s, c.Width, c.Height)
	})
}

// TestGoldenRunsOnOtherData: two runs on different data were compared as
// if on the same, the "better" figures starred, and nothing said which
// data each used. The table names each run's data; their comparison shows
// it, stars nothing, and says the figures are not comparable.
func TestGoldenRunsOnOtherData(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		runs := []common.Run{onData(fakeRun(1, 30, 0.5, 0.45, 0.4326), dataOf(experiment.Source{Kind: "builtin"}, "churned", 5000)),
			onData(fakeRun(2, 30, 0.4, 0.3, 0.2221), dataOf(experiment.Source{Kind: "csv", Path: "/tmp/bad_mixed.csv"}, "churn", 1000)),
			onData(fakeRun(3, 30, 0.5, 0.4), dataOf(experiment.Source{Kind: "textbook"}, "buys", 100))}
		c.Height -= 3 // the root's tab bar, rule and footer
		s := keys(filled(c, runs...), "up", "up")
		view := screentest.Render(s, c.Width, c.Height)
		screentest.MustContain(t, view, c.T("different data: not comparable", "数据不同：不可比较"), "bad_mixed.csv", c.T("built-in shop", "内置商店"))
		if strings.Contains(view, "★") {
			t.Errorf("a figure is starred across runs on different data:\n%s", view)
		}
		screentest.Golden(t, s, c.Width, c.Height)
	})
}

// TestSameDataIsComparable: runs on the same data set, loaded once or read
// again from the same source (a new split of it), are compared and
// starred; another file, label or size is other data.
func TestSameDataIsComparable(t *testing.T) {
	src := experiment.Source{Kind: "csv", Path: "/data/users.csv"}
	d := dataOf(src, "churn", 500)
	run := func(n int, d *experiment.Data) common.Run { return onData(fakeRun(n, 3, 0.5, 0.4-float64(n)/100), d) }
	for _, c := range []struct {
		name string
		b    *experiment.Data
		same bool
	}{
		{"the same loaded data", d, true},
		{"the same file read again", dataOf(src, "churn", 500), true},
		{"another label", dataOf(src, "plan", 500), false},
		{"another file", dataOf(experiment.Source{Kind: "csv", Path: "/data/other.csv"}, "churn", 500), false},
		{"the built-in shop", dataOf(experiment.Source{Kind: "builtin"}, "churn", 500), false},
	} {
		a, b := run(1, d), run(2, c.b)
		if got := sameData(a, b); got != c.same {
			t.Errorf("%s: same data %v, want %v", c.name, got, c.same)
		}
		view := screentest.Render(filled(screentest.Common("en", 120, 40), a, b), 120, 40)
		if strings.Contains(view, "★") != c.same || strings.Contains(view, "not comparable") == c.same {
			t.Errorf("%s: stars or the note do not follow the data:\n%s", c.name, view)
		}
	}
}

// An early-stopped run's kept epoch is the one the trainer keeps, by early
// stopping's min-delta rule (engine.BestEpoch): epoch 3 improves on epoch 2
// by less than the default 1e-4, so the trainer kept epoch 2's weights.
func TestKeptEpochFollowsMinDelta(t *testing.T) {
	r := fakeRun(1, 30, 0.5, 0.45, 0.44995, 0.46, 0.47, 0.48, 0.49, 0.5)
	if e, ok := kept(r); !ok || e.Epoch != 2 {
		t.Fatalf("kept epoch %d (%v), want 2", e.Epoch, ok)
	}
}

// TestGoldenOneRun: with one run, "Train another run to compare two." was
// said twice, above the chart and beside it. It is said once, above the
// chart, which takes the width the comparison would.
func TestGoldenOneRun(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		c.Height -= 3 // the root's tab bar, rule and footer
		s := filled(c, onData(fakeRun(1, 100, losses(100)...), dataOf(experiment.Source{Kind: "builtin"}, "churned", 5000)))
		view := screentest.Render(s, c.Width, c.Height)
		if n := strings.Count(view, c.T("Train another run to compare two.", "再训练一次，就能比较两次训练。")); n != 1 {
			t.Errorf("the hint is said %d times:\n%s", n, view)
		}
		screentest.Golden(t, s, c.Width, c.Height)
	})
}

// TestChartHoldsEveryEpoch: the validation-loss chart's y range left the
// first epochs (0.7 falling to 0.4) off its top, as RobustRange leaves a
// spike; every epoch's figure is in range now.
func TestChartHoldsEveryEpoch(t *testing.T) {
	c := screentest.Common("en", 80, 21)
	shop := dataOf(experiment.Source{Kind: "builtin"}, "churned", 5000)
	s := filled(c, onData(fakeRun(1, 100, losses(100)...), shop), onData(fakeRun(2, 30, 0.9, 0.45, 0.4178, 0.42, 0.4294), shop))
	lo, hi := s.chart.YRange()
	if lo > 0.4 || hi < 0.9 {
		t.Errorf("y range %.3f–%.3f leaves out losses from 0.403 to 0.9", lo, hi)
	}
}

// tunedRun is a run as Tune's trial 5 on telco_churn trains it: tanh
// layers of 64, SGD with Nesterov momentum 0.9 at 0.01, batch 128, z-scored
// without log(1+v), a fixed L2 of 0.001 (so no decay check), the balanced
// positive weight 2.768 and patience 20. Its weighted validation loss is
// 0.7715 and its log loss 0.4460.
func tunedRun(n int) common.Run {
	r := fakeRun(n, 200, 0.9, 0.7715)
	r.History[1].ValLogLoss = 0.4460
	c := &r.Exp.Config
	c.Hidden = []engine.LayerSpec{{Units: 64, Activation: engine.Tanh}}
	c.Train.Optimizer = engine.OptimizerConfig{Kind: "sgd", LR: 0.01, Momentum: 0.9, Nesterov: true}
	c.Train.BatchSize, c.Train.PosWeight, c.Train.EarlyStop.Patience = 128, 2.768, 20
	c.Train.L2, c.L2Prior, c.L2PriorAlt = 0.001, 0, 0
	c.Pipeline.Log1p = false
	return r
}

// TestComparisonIsLikeWithLike is Runs starring "val loss 0.4476 ★ |
// 0.7715" although the second run's 0.7715 weighed its positives 2.768
// times (both have a log loss near 0.446), and listing neither the
// activation nor the weight, patience, momentum or log(1+v) it was
// trained with. The loss compared is the log loss every row weighs 1 in,
// and every setting that differs is listed; those alike are not.
func TestComparisonIsLikeWithLike(t *testing.T) {
	shop := dataOf(experiment.Source{Kind: "builtin"}, "churned", 5000)
	a := onData(fakeRun(1, 200, 0.5, 0.4476), shop)
	b := onData(tunedRun(2), shop)
	view := screentest.Render(filled(screentest.Common("en", 200, 47), a, b), 200, 47)
	for _, want := range []string{
		`val log loss\s+0\.4476\s+0\.4460 ★`,
		`hidden\s+64→32\s+64\s`,
		`activation\s+relu\s+tanh`,
		`momentum\s+0\s+0\.9`,
		`Nesterov\s+off\s+on`,
		`positive weight\s+1\s+2\.768`,
		`patience\s+25\s+20`,
		`log\(1\+v\)\s+on\s+off`,
		`L2\s+0\s+0\.001`,
		`decay check\s+2/rows\s+off`,
	} {
		if lineWith(view, want) == "" {
			t.Errorf("the comparison lacks %s:\n%s", want, view)
		}
	}
	for _, alike := range []string{"scaling", "max epochs", "validation share", "gradient clip"} {
		if lineWith(view, alike+`\s`) != "" {
			t.Errorf("%s is listed although both runs have the same", alike)
		}
	}
	if strings.Contains(view, "0.7715") {
		t.Errorf("the weighted loss 0.7715 is shown beside an unweighted one:\n%s", view)
	}
}

// TestComparisonFitsAt80x24: with every difference of the tuned run, the
// comparison at 80×24 (21 lines under the root's bars) drops the settings
// both runs share and how the runs ended before any setting that differs,
// always shows the figures, and names under them the one setting that
// differs but found no room (log(1+v), the last).
func TestComparisonFitsAt80x24(t *testing.T) {
	for _, lang := range screentest.Langs {
		c := screentest.Common(lang, 80, 21)
		shop := dataOf(experiment.Source{Kind: "builtin"}, "churned", 5000)
		view := screentest.Render(filled(c, onData(fakeRun(1, 200, 0.5, 0.4476), shop), onData(tunedRun(2), shop)), 80, 21)
		for _, want := range []string{c.T("activation", "激活函数"), c.T("positive weight", "正类权重"), c.T("decay check", "衰减检验"),
			c.T("val log loss", "验证对数损失"), c.T("val AUC", "验证 AUC"), c.T("also differ: log(1+v)", "另有不同：log(1+v)")} {
			if !strings.Contains(view, want) {
				t.Errorf("%s: the comparison lacks %q:\n%s", lang, want, view)
			}
		}
		for _, gone := range []string{c.T("seed", "随机种子"), c.T("kept epoch", "保留的轮次")} {
			if lineWith(view, gone+`\s+\d+\s+\d`) != "" {
				t.Errorf("%s: %s is kept while a setting that differs has no room:\n%s", lang, gone, view)
			}
		}
	}
}

// TestHiddenRunsAreSaid: at 80×24 with five runs the table showed three,
// and nothing said runs 1 and 2 were above. A line under the table says
// which runs are in view; with every run in view there is none.
func TestHiddenRunsAreSaid(t *testing.T) {
	var five []common.Run
	for n := 1; n <= 5; n++ {
		five = append(five, fakeRun(n, 3, losses(3)...))
	}
	for _, lang := range screentest.Langs {
		c := screentest.Common(lang, 80, 21)
		want := c.T("runs 3–5 of 5 in view · ↑/↓ moves to the others", "显示第 3–5 次，共 5 次 · ↑/↓ 查看其他")
		view := screentest.Render(filled(c, five...), 80, 21)
		if !strings.Contains(view, want) {
			t.Errorf("%s: no %q:\n%s", lang, want, view)
		}
		up := screentest.Render(keys(filled(c, five...), "up", "up", "up", "up"), 80, 21)
		if want := c.T("runs 1–3 of 5 in view", "显示第 1–3 次，共 5 次"); !strings.Contains(up, want) {
			t.Errorf("%s: at the first run, no %q:\n%s", lang, want, up)
		}
		if two := screentest.Render(filled(c, five[:2]...), 80, 21); strings.Contains(two, c.T("in view", "显示第")) {
			t.Errorf("%s: with every run in view, a line says which:\n%s", lang, two)
		}
	}
}

// TestGoldenTunedComparison is the default run against a Tune trial that
// changes most settings, in both languages at both sizes.
func TestGoldenTunedComparison(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		shop := dataOf(experiment.Source{Kind: "builtin"}, "churned", 5000)
		c.Height -= 3 // the root's tab bar, rule and footer
		s := filled(c, onData(fakeRun(1, 200, 0.5, 0.4476), shop), onData(tunedRun(2), shop))
		screentest.Golden(t, s, c.Width, c.Height)
	})
}
