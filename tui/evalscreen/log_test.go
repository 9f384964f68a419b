package evalscreen

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/btyd"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// flat joins a view's words, so a check does not depend on wrapping.
func flat(view string) string { return strings.Join(strings.Fields(view), " ") }

// rowOf returns the words of the view's line that starts with prefix.
func rowOf(view, prefix string) string {
	for _, l := range strings.Split(view, "\n") {
		if strings.HasPrefix(l, prefix) {
			return strings.Join(strings.Fields(l), " ")
		}
	}
	return ""
}

// TestOrderLogOutOfTimeBesideBGNBD: a run on an order log, validated out
// of time, is judged on the customers at the cutoff, beside BG/NBD on the
// same customers, with the fit's parameters; the figures are experiment's.
func TestOrderLogOutOfTimeBesideBGNBD(t *testing.T) {
	run := screentest.LogRun(t, screentest.LoadLog(t, ""), experiment.OutOfTime, 30)
	s := evaluated(t, screentest.Common("en", 160, 48), run)
	view := screentest.Render(s, 160, 48)
	e := run.Exp
	tr, err := e.Evaluate(experiment.TrainPart, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	va, err := e.Evaluate(experiment.ValPart, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	later, err := e.Evaluate(experiment.LaterPart, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	bg, err := e.BGNBD(0.5)
	if err != nil {
		t.Fatal(err)
	}
	f := bg.Fit
	screentest.MustContain(t, view,
		"out of time: the 80 customers at 2024-02-20, trained on those at 2024-02-10",
		fmt.Sprintf("BG/NBD fitted on 2024-01-01 … 2024-02-20 (80 customers): r %.3f · α %.3f · a %.3f · b %.3f · log-likelihood %s", f.R, f.Alpha, f.A, f.B, common.Decimal(f.LogLikelihood, 1)),
		"── BG/NBD", "Confusion matrix · out of time")
	rows := map[string]string{
		"Metric":         "Metric train early stop out of time BG/NBD",
		"ROC AUC":        fmt.Sprintf("ROC AUC %.3f %.3f %.3f %.3f", tr.Report.ROCAUC, va.Report.ROCAUC, later.Report.ROCAUC, bg.Report.ROCAUC),
		"log loss":       fmt.Sprintf("log loss %.3f %.3f %.3f %.3f", tr.Report.LogLoss, va.Report.LogLoss, later.Report.LogLoss, bg.Report.LogLoss),
		"lift, top 10 %": fmt.Sprintf("lift, top 10 %% %.3f× %.3f× %.3f× %.3f×", tr.Report.Gains[0].Lift, va.Report.Gains[0].Lift, later.Report.Gains[0].Lift, bg.Lift),
	}
	for prefix, want := range rows {
		if got := rowOf(view, prefix); !strings.HasPrefix(got, want) {
			t.Errorf("row %q\nwant %q", got, want)
		}
	}
	if later.Report.Rows != 80 || bg.Report.Rows != 80 {
		t.Errorf("network on %d rows, BG/NBD on %d: want the 80 customers at the cutoff", later.Report.Rows, bg.Report.Rows)
	}
}

// TestBGNBDFailureIsSaid: when BG/NBD cannot be fitted the screen says
// why and shows the network alone. (btyd.Fit retries with Nelder–Mead and
// no small log is known to defeat both, so the evaluation's error is set
// here as experiment words it.)
func TestBGNBDFailureIsSaid(t *testing.T) {
	run := screentest.LogRun(t, screentest.LoadLog(t, ""), experiment.OutOfTime, 3)
	for _, lang := range screentest.Langs {
		d, err := evaluateRun(run)
		if err != nil {
			t.Fatal(err)
		}
		d.bgnbd, d.bgErr = nil, &experiment.BaselineError{Detail: "orders.csv up to 2024-02-20",
			Err: fmt.Errorf("%w: BFGS: stuck; Nelder–Mead: stuck", btyd.ErrFit)}
		s := New(screentest.Common(lang, 160, 48))
		s.SetSize(160, 48)
		s.waiting = run.Number
		s, _ = s.step(ReadyMsg{Run: run.Number, data: d})
		view := flat(screentest.Render(s, 160, 48))
		// The whole text, each step named once (it used to read "BG/NBD
		// not fitted: BG/NBD baseline: …: the BG/NBD fit did not converge").
		want := map[string]string{"en": "No BG/NBD baseline: orders.csv up to 2024-02-20: the fit did not converge: BFGS: stuck; Nelder–Mead: stuck",
			"zh": "没有 BG/NBD 基线：orders.csv up to 2024-02-20: the fit did not converge: BFGS: stuck; Nelder–Mead: stuck"}[lang]
		screentest.MustContain(t, view, want)
		if strings.Contains(view, "BG/NBD fitted") || strings.Contains(view, "── BG/NBD") || strings.Contains(rowOf(screentest.Render(s, 160, 48), "ROC AUC"), "BG/NBD") {
			t.Errorf("%s: a failed fit shows figures or a curve:\n%s", lang, view)
		}
	}
}

// TestFallbackToRandomSplitIsSaid: a cutoff too early for out of time is
// split at random, and the screen says why, in both languages.
func TestFallbackToRandomSplitIsSaid(t *testing.T) {
	run := screentest.LogRun(t, screentest.LoadLog(t, "2024-01-05"), experiment.OutOfTime, 3)
	want := map[string]string{
		"en": "out of time is impossible here: it would train on the customers at 2023-12-26 (10 days before the cutoff 2024-01-05), before the log starts on 2024-01-01; split at random instead",
		"zh": "此处无法跨时间验证：它要用 2023-12-26（截止日 2024-01-05 之前 10 天）的客户训练，而日志从 2024-01-01 才开始；已改用随机划分",
	}
	for _, lang := range screentest.Langs {
		s := evaluated(t, screentest.Common(lang, 160, 48), run)
		view := screentest.Render(s, 160, 48)
		if got := strings.ReplaceAll(flat(view), " ", ""); !strings.Contains(got, strings.ReplaceAll(want[lang], " ", "")) {
			t.Errorf("%s view lacks %q:\n%s", lang, want[lang], view)
		}
		if s.cmp != nil {
			t.Errorf("%s: a fallback started a comparison of a random split with itself", lang)
		}
	}
}

// startedComparison evaluates run and returns the screen with the
// comparison started but not run, and the Cmd that runs it.
func startedComparison(t *testing.T, c common.Common, run common.Run) (Model, tea.Cmd) {
	t.Helper()
	s := New(c)
	s.SetSize(c.Width, c.Height)
	var compare tea.Cmd
	screentest.Drain(s.SetRun(run), func(msg tea.Msg) (tea.Cmd, bool) {
		switch msg.(type) {
		case ReadyMsg, ImportanceMsg:
			var next tea.Cmd
			s, next = s.step(msg)
			if _, ok := msg.(ReadyMsg); ok {
				compare, next = next, nil
			}
			return next, true
		}
		return nil, false
	})
	if s.cmp == nil {
		t.Fatal("no comparison started")
	}
	return s, compare
}

// TestComparisonShownOnce: after the first run on a loaded log the screen
// trains the other scheme in the background, shows its progress, then
// both figures from experiment.CompareSchemes; a second run on the same
// log starts none.
func TestComparisonShownOnce(t *testing.T) {
	d := screentest.LoadLog(t, "")
	run := screentest.LogRun(t, d, experiment.OutOfTime, 30)
	s, compare := startedComparison(t, screentest.Common("en", 160, 48), run)
	screentest.MustContain(t, flat(screentest.Render(s, 160, 48)),
		"Training once more, random split, to compare (run 1's settings and seed): epoch 0 of 30 · x or esc stops it")
	s, _ = drain(t, s, compare)
	want, err := experiment.CompareSchemes(t.Context(), run.Exp, nil)
	if err != nil {
		t.Fatal(err)
	}
	verdict := fmt.Sprintf("a random split flatters this model by %.3f", want.Flattery)
	switch {
	case math.Abs(want.Flattery) < 0.0005:
		verdict = "the two agree"
	case want.Flattery < 0:
		verdict = fmt.Sprintf("a random split understates this model by %.3f", -want.Flattery)
	}
	screentest.MustContain(t, flat(screentest.Render(s, 160, 48)), fmt.Sprintf("Run 1's settings: out of time ROC AUC %.3f vs random split %.3f: %s.",
		want.OutOfTime.ROCAUC, want.RandomSplit.ROCAUC, verdict))
	again := run
	again.Number = 2
	if cmd := s.startComparison(again); cmd != nil {
		t.Error("a second run on the same log started another comparison")
	}
}

// TestComparisonStops: x (or esc, review34 #3) cancels the background
// training, and the screen says it stopped.
func TestComparisonStops(t *testing.T) {
	run := screentest.LogRun(t, screentest.LoadLog(t, ""), experiment.RandomSplit, 5)
	for i, lang := range screentest.Langs {
		s, compare := startedComparison(t, screentest.Common(lang, 80, 24), run)
		s, _ = s.step(screentest.Press([]string{"x", "esc"}[i]))
		s, _ = drain(t, s, compare)
		want := map[string]string{"en": "The comparison with out of time was stopped.", "zh": "与跨时间验证的对比已停止。"}[lang]
		header := map[string]string{"en": "Run 1 · random split: validation part, 8 rows", "zh": "第 1 次训练 · 随机划分：验证集，8 行"}[lang]
		screentest.MustContain(t, flat(screentest.Render(s, 80, 24)), want, header)
	}
}

func TestGoldenOrderLog(t *testing.T) {
	run := screentest.LogRun(t, screentest.LoadLog(t, ""), experiment.OutOfTime, 30)
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, evaluated(t, c, run), c.Width, c.Height)
	})
}

// TestCloseBeforeTheComparisonRuns: closing the screen (the program ended)
// before the comparison's Cmd ran leaves nothing to wait for, and the Cmd
// then trains nothing.
func TestCloseBeforeTheComparisonRuns(t *testing.T) {
	run := screentest.LogRun(t, screentest.LoadLog(t, ""), experiment.OutOfTime, 3)
	s, compare := startedComparison(t, screentest.Common("en", 80, 24), run)
	s.Close()
	s.Wait() // returns: the Cmd never ran
	for _, msg := range screentest.Drain(compare, func(msg tea.Msg) (tea.Cmd, bool) {
		if _, ok := msg.(CompareTickMsg); ok {
			return nil, true
		}
		return nil, false
	}) {
		if done, ok := msg.(CompareDoneMsg); ok && !errors.Is(done.err, context.Canceled) {
			t.Errorf("the closed comparison ran: %+v", done)
		}
	}
}

// TestBGNBDAheadIsSaid: when BG/NBD's ROC AUC on the customers at the
// cutoff is above the network's, a line says so with both figures and
// what the Data screen's n offers (or, with the BG/NBD inputs already on,
// that the network trails with them); level or behind, nothing is said.
// The figures are set here, as on a real log either can lead.
func TestBGNBDAheadIsSaid(t *testing.T) {
	run := screentest.LogRun(t, screentest.LoadLog(t, ""), experiment.OutOfTime, 3)
	for _, c := range []struct {
		lang     string
		btyd     bool
		net, bg  float64
		want     string
		silenced bool
	}{
		{"en", false, 0.80, 0.85, "BG/NBD ranks these customers better than the network (ROC AUC 0.850 vs 0.800): n on the Data screen gives the network BG/NBD's outputs as inputs.", false},
		{"zh", false, 0.80, 0.85, "BG/NBD 对这些客户的排序好于神经网络（ROC AUC 0.850 对 0.800）：在数据页按 n 可把 BG/NBD 的输出加为网络的输入。", false},
		{"en", true, 0.80, 0.85, "BG/NBD ranks these customers better than the network (ROC AUC 0.850 vs 0.800), though the network has BG/NBD's outputs as inputs.", false},
		{"en", false, 0.85, 0.85, "BG/NBD ranks these customers better", true},
	} {
		d, err := evaluateRun(run)
		if err != nil {
			t.Fatal(err)
		}
		if d.later == nil || d.bgnbd == nil {
			t.Fatal("the run has no out-of-time part or no BG/NBD")
		}
		d.later.Report.ROCAUC, d.bgnbd.Report.ROCAUC, d.btyd = c.net, c.bg, c.btyd
		s := New(screentest.Common(c.lang, 200, 60))
		s.SetSize(200, 60)
		s.waiting = run.Number
		s, _ = s.step(ReadyMsg{Run: run.Number, data: d})
		view := flat(screentest.Render(s, 200, 60))
		if got := strings.Contains(view, c.want); got == c.silenced {
			t.Errorf("%s btyd %v, network %.2f, BG/NBD %.2f: said %v, want %v:\n%s", c.lang, c.btyd, c.net, c.bg, got, !c.silenced, view)
		}
	}
}

// TestLiftRowHasItsUnit: review19's finding 13. The Evaluate row of an
// order log's top-decile lift read "前 10% 提升 5.155" in Chinese, a
// plain number beside the gains table's "2.33×"; in either language it
// now reads as the multiple it is.
func TestLiftRowHasItsUnit(t *testing.T) {
	run := screentest.LogRun(t, screentest.LoadLog(t, ""), experiment.OutOfTime, 30)
	for _, lang := range screentest.Langs {
		s := evaluated(t, screentest.Common(lang, 160, 48), run)
		row := rowOf(screentest.Render(s, 160, 48), map[string]string{"en": "lift, top 10 %", "zh": "前 10 % 提升"}[lang])
		if row == "" || strings.Count(row, "×") != 4 {
			t.Errorf("%s: the lift row reads %q, want each of its 4 figures with ×", lang, row)
		}
	}
}
