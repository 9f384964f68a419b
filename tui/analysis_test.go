package tui

import (
	"fmt"
	"math"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

func builtinOptions() Options {
	return Options{Source: experiment.Source{Kind: "builtin"}, Config: experiment.DefaultConfig(), Open: osOpen}
}

func TestConfusionAtTheLiveThresholdMatchesADirectCount(t *testing.T) {
	m := analysedModel(t, builtinOptions(), 80, 24, 2)
	m = pressAll(t, m, "4")
	d := m.evalScr.data
	probs, labels, _, err := m.analysed.Exp.Scores(experiment.ValPart)
	if err != nil {
		t.Fatal(err)
	}
	direct := func(th float64) (c metrics.Confusion) {
		for i, p := range probs {
			switch {
			case p >= th && labels[i] == 1:
				c.TP++
			case p >= th:
				c.FP++
			case labels[i] == 1:
				c.FN++
			default:
				c.TN++
			}
		}
		return c
	}
	for _, th := range []float64{0, 0.13, 0.5, 0.77, 1, d.bestF1.Threshold, probs[0], probs[len(probs)/2]} {
		if got, want := d.confusionAt(th), direct(th); got != want {
			t.Fatalf("threshold %g: %+v, direct count %+v", th, got, want)
		}
	}
	// The keys move the threshold and the counts on screen follow.
	m = pressAll(t, m, "right", "right", "right", "L")
	if m.evalScr.threshold != 0.63 {
		t.Fatalf("threshold %g after +0.01×3 and +0.1, want 0.63", m.evalScr.threshold)
	}
	c := direct(0.63)
	view := screen(m)
	mustContain(t, view, "threshold 0.63", common.Thousands(int(c.TN)), common.Thousands(int(c.FP)), common.Thousands(int(c.FN)), common.Thousands(int(c.TP)))
	m = pressAll(t, m, "f")
	if m.evalScr.threshold != d.bestF1.Threshold {
		t.Fatalf("f set %g, best F1 threshold is %g", m.evalScr.threshold, d.bestF1.Threshold)
	}
	best, err := metrics.BestF1Threshold(probs, labels, nil)
	if err != nil || best.Threshold != d.bestF1.Threshold {
		t.Fatalf("best F1 %+v, direct %+v (%v)", d.bestF1, best, err)
	}
	mustContain(t, screen(m), fmt.Sprintf("F1 %.3f", direct(best.Threshold).F1()))
	m = pressAll(t, m, "r")
	if m.evalScr.threshold != 0.5 {
		t.Fatalf("r set %g, want the configured 0.5", m.evalScr.threshold)
	}
	for range 8 {
		m = pressAll(t, m, "H")
	}
	if m.evalScr.threshold != 0 {
		t.Fatalf("threshold went to %g, want it clamped at 0", m.evalScr.threshold)
	}
	m = pressAll(t, m, "v")
	if m.evalScr.page != evalCurves {
		t.Fatal("v did not turn to the curves page")
	}
	mustContain(t, screen(m), "ROC curve", "Calibration", "false positive rate")
}

func TestEvaluateShowsTheBayesLimitForBuiltInDataOnly(t *testing.T) {
	m := analysedModel(t, builtinOptions(), 120, 40, 2)
	m = pressAll(t, m, "4")
	va := m.evalScr.data.val
	if va.Bayes == nil {
		t.Fatal("no Bayes limit for the built-in data")
	}
	// Independently: the AUC of the true probabilities on the same rows.
	_, labels, rows, _ := m.analysed.Exp.Scores(experiment.ValPart)
	truth := make([]float64, len(rows))
	for i, r := range rows {
		truth[i] = m.data.TrueProb[r]
	}
	auc, err := metrics.AUC(truth, labels, nil)
	if err != nil || math.Abs(auc-va.Bayes.AUC) > 1e-12 {
		t.Fatalf("Bayes AUC %g, direct %g (%v)", va.Bayes.AUC, auc, err)
	}
	view := screen(m)
	mustContain(t, view, "best possible", fmt.Sprintf("%.3f", auc), fmt.Sprintf("%.3f", va.Report.ROCAUC),
		"Contacting the 20 % riskiest users (lowest P(purchases_next_30d = yes)) reaches")
	dir := "../../shared/datasets/telco_churn"
	opts := Options{Source: experiment.Source{Kind: "csv", Path: dir + "/WA_Fn-UseC_-Telco-Customer-Churn.csv", Label: "Churn"},
		Config: experiment.DefaultConfig(), Open: osOpen}
	if _, err := osOpen(opts.Source.Path); err != nil {
		t.Skipf("telco data not found at %s: %v", dir, err)
	}
	m = analysedModel(t, opts, 120, 40, 1)
	m = pressAll(t, m, "4")
	if m.evalScr.data.val.Bayes != nil || strings.Contains(screen(m), "best possible") {
		t.Fatal("a CSV file shows a Bayes limit")
	}
	mustContain(t, screen(m), "riskiest users (highest P(Churn = Yes)) reaches", "of those with Churn = Yes")
}

func TestRiskWordingFollowsTheLabel(t *testing.T) {
	cases := []struct {
		label, pos, neg string
		onPositive      bool
	}{
		{"Churn", "Yes", "No", true},
		{"purchases_next_30d", "yes", "no", false},
		{"Revenue", "TRUE", "FALSE", false},
		{"cancelled", "1", "0", true},
		{"target", "1", "0", true}, // unknown: the positive class is what to find
	}
	for _, c := range cases {
		r := common.NewRiskWording(data.LabelSpec{Name: c.label, Positive: c.pos, Negative: c.neg})
		if r.OnPositive != c.onPositive {
			t.Errorf("%s: risk on the positive class %v, want %v", c.label, r.OnPositive, c.onPositive)
		}
	}
	r := common.NewRiskWording(data.LabelSpec{Name: "Churn", Positive: "Yes", Negative: "No"})
	got := r.GainsSentence(metrics.GainsRow{Group: 2, ShareTargeted: 0.2, ShareCaptured: 0.61, Lift: 3.05})
	want := "Contacting the 20 % riskiest users (highest P(Churn = Yes)) reaches 61 % of those with Churn = Yes — 3.0× better than at random."
	if got != want {
		t.Fatalf("sentence\n%q, want\n%q", got, want)
	}
}

func TestRiskGainsRankTheNegativeClassForGoodLabels(t *testing.T) {
	// Ten users, P(buys) 0.05…0.95; the non-buyers (label 0) are the users
	// with P 0.05, 0.15, 0.35 and 0.75. The riskiest 20 % are the two
	// lowest-P users, both non-buyers: 2 of the 4 reached (50 %), lift 2.5.
	probs := []float64{0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95}
	labels := []float64{0, 0, 1, 0, 1, 1, 1, 0, 1, 1}
	r := common.RiskWording{Label: "buys", Positive: "yes", Negative: "no", OnPositive: false}
	g, err := riskGains(r, probs, labels)
	if err != nil {
		t.Fatal(err)
	}
	if g[1].ShareCaptured != 0.5 || g[1].Lift != 2.5 || g[1].ShareTargeted != 0.2 {
		t.Fatalf("second decile %+v", g[1])
	}
}

func TestRunsScreenComparesAndChoosesTheAnalysedRun(t *testing.T) {
	m := analysedModel(t, textbookOptions(), 120, 40, 2)
	second := trainRun(t, m, 4)
	m.trainScr.AddFinished(second)
	m = runCmds(t, m, m.analyse(second))
	m = pressAll(t, m, "7")
	if m.runsScr.Cursor() != 1 || m.analysed.Number != 2 {
		t.Fatalf("cursor %d, analysed run %d", m.runsScr.Cursor(), m.analysed.Number)
	}
	view := screen(m)
	last := second.History[len(second.History)-1]
	mustContain(t, view, "Run 1 against run 2", "epochs run", "4/4", common.FmtMetric(last.ValLoss), common.FmtMetric(last.ValAUC))
	m = pressAll(t, m, "up", "enter")
	if m.analysed.Number != 1 || !m.pinned {
		t.Fatalf("enter on run 1: analysed %d, pinned %v", m.analysed.Number, m.pinned)
	}
	if m.evalScr.data.run != 1 || m.usersScr.list.users.run != 1 {
		t.Fatal("the analysis screens did not switch to run 1")
	}
	m = pressAll(t, m, "space")
	if len(m.runsScr.Marked()) != 1 {
		t.Fatalf("marked %v", m.runsScr.Marked())
	}
	m = pressAll(t, m, "space")
	if len(m.runsScr.Marked()) != 0 {
		t.Fatal("space did not unmark")
	}
	m = pressAll(t, m, "down", "enter")
	if m.analysed.Number != 2 || m.pinned {
		t.Fatal("choosing the latest run did not follow new runs again")
	}
}

func TestDecisionMapMatchesTheNetwork(t *testing.T) {
	m := analysedModel(t, textbookOptions(), 100, 30, 2)
	m = pressAll(t, m, "5", "down", "8")
	g := m.mapScr.grid
	if g == nil {
		t.Fatal("no map")
	}
	e := m.analysed.Exp
	x, _ := e.Row(m.usersScr.selectedRow())
	pcs := e.Pipeline.Columns
	// One cell recomputed by hand: its centre values set on the user's row.
	r, c := 3, 7
	xv := g.xlo + (float64(c)+0.5)/float64(g.req.cols)*(g.xhi-g.xlo)
	yv := g.yhi - (float64(r)+0.5)/float64(g.req.rows)*(g.yhi-g.ylo)
	in := append([]float64(nil), x...)
	xc, yc := pcs[g.req.xcol], pcs[g.req.ycol]
	in[xc.First] = xc.Transformed(xv)
	in[yc.First] = yc.Transformed(yv)
	if want := e.Net.Predict(in)[0]; math.Abs(g.prob[r][c]-want) > 1e-9 {
		t.Fatalf("cell (%d,%d) %g, direct %g", r, c, g.prob[r][c], want)
	}
	cols, rows := mapPlotSize(m.mapScr.width, m.mapScr.height)
	if g.req.cols != cols || g.req.rows != rows {
		t.Fatalf("grid %dx%d for a %dx%d plot", g.req.cols, g.req.rows, cols, rows)
	}
	before := g.req
	m = pressAll(t, m, "x")
	if m.mapScr.grid.req.xcol == before.xcol || m.mapScr.grid.req.xcol == m.mapScr.grid.req.ycol {
		t.Fatalf("x chose column %d (y %d)", m.mapScr.grid.req.xcol, m.mapScr.grid.req.ycol)
	}
	m = pressAll(t, m, "s")
	if m.mapScr.grid.req.ycol != m.mapScr.features[m.mapScr.yi] {
		t.Fatal("swapping did not compute the swapped map")
	}
	mustContain(t, screen(m), "Decision map", pcs[m.mapScr.grid.req.xcol].Name+" (→)")
}

func TestWalkthroughTabFollowsTheSelectedUserAndSharesTab(t *testing.T) {
	m := analysedModel(t, textbookOptions(), 120, 40, 2)
	m = pressAll(t, m, "5", "down", "down", "6")
	row := m.usersScr.selectedRow()
	if wr, has := m.walkScr.Shown(); !has || wr != row {
		t.Fatalf("walkthrough of row %d, selected %d", wr, row)
	}
	id := m.usersScr.list.users.id(row)
	mustContain(t, screen(m), "Walkthrough of run 1", "user "+id)
	// On the first step tab has no layer to move to: it switches screens.
	m = pressAll(t, m, "tab")
	if m.active != tabRuns {
		t.Fatalf("tab on step 1 went to tab %d", m.active)
	}
	m = pressAll(t, m, "6", "right", "right")
	if !m.walkScr.Walkthrough().KeyMap().Layer.Enabled() {
		t.Fatal("the forward step does not offer the next layer")
	}
	layer := m.walkScr.Walkthrough().Layer()
	m = pressAll(t, m, "tab")
	if m.active != tabWalk || m.walkScr.Walkthrough().Layer() == layer {
		t.Fatalf("tab on a layer step: tab %d, layer %d → %d", m.active, layer, m.walkScr.Walkthrough().Layer())
	}
	// Another user: the walkthrough is rebuilt for them.
	m = pressAll(t, m, "5", "down", "6")
	if wr, _ := m.walkScr.Shown(); wr != m.usersScr.selectedRow() || wr == row {
		t.Fatal("the walkthrough did not follow the selection")
	}
}

func TestAnalysisScreensBeforeAnyRun(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 100, 30)
	for _, k := range []string{"4", "5", "6", "7", "8"} {
		m = pressAll(t, m, k, "down", "enter", "x", "w")
		view := screen(m)
		if !strings.Contains(view, "No trained model yet") && !strings.Contains(view, "No ended run yet") {
			t.Fatalf("tab %s before training:\n%s", k, view)
		}
	}
}

func TestLimitsRefuseRowsAndEpochsWithTheReason(t *testing.T) {
	m := NewModel(Options{Source: experiment.Source{Kind: "builtin"}, Open: osOpen, Limits: Limits{MaxRows: 1000, MaxEpochs: 5}})
	tm, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	tm, _ = tm.Update(tm.(Model).Init()())
	m = tm.(Model)
	if m.data != nil || m.err == nil || m.err.Error() != "built-in shop (5000 users, seed 0) has 5,000 rows; this session allows at most 1,000 (refused before training)" {
		t.Fatalf("loading beyond MaxRows: data %v, error %v", m.data != nil, m.err)
	}
	if m.modelScr.Config().Train.Epochs != 5 {
		t.Fatalf("epochs %d, want the limit 5", m.modelScr.Config().Train.Epochs)
	}
	mustContain(t, screen(pressAll(t, m, "esc", "2")), "≤ 5: session limit")
	d, err := experiment.Load(experiment.Source{Kind: "builtin"}, osOpen)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	want := "built-in shop (5000 users, seed 0) has 5,000 rows; this session allows training on at most 1,000"
	if err := (Limits{MaxRows: 1000}).Check(d, cfg); err == nil || err.Error() != want {
		t.Fatalf("check: %v", err)
	}
}

func TestImportancePageShowsThePermutationImportance(t *testing.T) {
	m := analysedModel(t, builtinOptions(), 80, 24, 2)
	m = pressAll(t, m, "4", "v", "v", "v")
	if m.evalScr.page != evalImportance {
		t.Fatalf("page %d after three v", m.evalScr.page)
	}
	base, imp, err := m.analysed.Exp.Importance(importanceRepeats)
	if err != nil {
		t.Fatal(err)
	}
	// The same seed shuffles the same way: the figures equal a direct call.
	got := m.evalScr.importance
	if got.baseAUC != base || len(got.columns) != len(imp) || got.columns[0] != imp[0] {
		t.Fatalf("screen %g %+v, direct %g %+v", got.baseAUC, got.columns[:1], base, imp[:1])
	}
	mustContain(t, screen(m), "Permutation importance", "The model leans most on "+imp[0].Column,
		fmt.Sprintf("%.3f ± %.3f", imp[0].Mean, imp[0].Std))
	m = pressAll(t, m, "v")
	if m.evalScr.page != evalSummary {
		t.Fatal("v after the last page did not return to the summary")
	}
	// When everything else fits on one page, v toggles the importance.
	m = analysedModel(t, builtinOptions(), 120, 40, 2)
	m = pressAll(t, m, "4", "v")
	mustContain(t, screen(m), "Permutation importance", "v: back to the overview")
	m = pressAll(t, m, "v")
	mustContain(t, screen(m), "Confusion matrix", "ROC curve")
}

func TestROCMarksTheThresholdsOperatingPoint(t *testing.T) {
	m := analysedModel(t, builtinOptions(), 120, 40, 2)
	m = pressAll(t, m, "4", "right", "right")
	c := m.evalScr.data.confusionAt(0.52)
	x, y, ok := m.evalScr.roc.Latest(2)
	if !ok || x != c.FP/(c.FP+c.TN) || y != c.TP/(c.TP+c.FN) {
		t.Fatalf("operating point (%g, %g), want (%g, %g) from the confusion counts", x, y, c.FP/(c.FP+c.TN), c.TP/(c.TP+c.FN))
	}
}

func TestWalkthroughSpeaksTheChosenLanguage(t *testing.T) {
	opts := textbookOptions()
	opts.Lang = "zh"
	m := analysedModel(t, opts, 120, 40, 1)
	m = pressAll(t, m, "6")
	if _, has := m.walkScr.Shown(); !has || m.walkScr.Walkthrough().Lang() != "zh" {
		t.Fatalf("walkthrough language %q, want zh", m.walkScr.Walkthrough().Lang())
	}
}
