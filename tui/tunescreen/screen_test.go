package tunescreen

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// textbook is the 100-user textbook shop.
func textbook(t *testing.T) *experiment.Data {
	t.Helper()
	d, err := experiment.Load(experiment.Source{Kind: "textbook"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// fixedResult is a hand-made result with fixed times, so the goldens do
// not depend on the machine.
func fixedResult() experiment.TuneResult {
	base := experiment.DefaultConfig()
	best := base
	best.Train.Optimizer.LR = 0.003
	set := func(v ...string) []experiment.Setting {
		names := []string{"layers", "activation", "optimizer", "lr", "l2", "batch", "scale", "log1p", "pos-weight", "patience"}
		out := make([]experiment.Setting, len(v))
		for i := range v {
			out[i] = experiment.Setting{Name: names[i], Value: v[i]}
		}
		return out
	}
	trials := []experiment.Trial{
		{Number: 3, Settings: set("32,16", "tanh", "adam", "0.003", "0.0001", "256", "minmax", "true", "1", "20"), Config: best,
			PosWeight: 1, Rung: 2, Folds: make([]experiment.FoldResult, 5), AUC: 0.9303, AUCStd: 0.0071, Complete: true, Time: 15200 * time.Millisecond},
		{Number: 1, Base: true, Config: base, PosWeight: 0, Rung: 2, Folds: make([]experiment.FoldResult, 5), AUC: 0.9259, AUCStd: 0.0066, Complete: true, Time: 2 * time.Second},
		{Number: 2, Settings: set("64", "relu", "sgd", "0.01", "0", "32", "zscore", "false", "balanced", "10"), Config: base,
			Rung: 1, Folds: make([]experiment.FoldResult, 2), AUC: 0.9101, AUCStd: 0.0042, Stopped: true, Time: 3100 * time.Millisecond},
		{Number: 4, Settings: set("16", "leaky_relu", "adam", "0.0003", "0.01", "128", "zscore", "true", "1", "10"), Config: base,
			Rung: 0, Err: "training diverged", Stopped: true, Time: 400 * time.Millisecond},
		{Number: 5, Parent: 1, OnBase: true, Settings: []experiment.Setting{{Name: "layers", Value: "128,64"}, {Name: "l2", Value: "0.001"}},
			Config: base, PosWeight: 1, Rung: 1, Folds: make([]experiment.FoldResult, 2), AUC: 0.9188, AUCStd: 0.0051, Stopped: true, Time: 5 * time.Second},
	}
	// Ranked as experiment.Tune ranks: folds measured, then AUC, failed last.
	trials[2], trials[3], trials[4] = trials[4], trials[2], trials[3]
	b := trials[0]
	// Trial 3 against the default: a difference within its noise (the
	// figures are set, not computed: experiment.TestTuneGain checks the
	// rule).
	gain := &experiment.TuneGain{Difference: 0.0044, Noise: 0.0052, Paired: true, Folds: 5}
	return experiment.TuneResult{Folds: 5, Eta: 3, RungFolds: []int{1, 2, 5}, Tried: 5, Trials: 5, Elapsed: 21300 * time.Millisecond,
		Workers: 2, Ended: "done", Best: &b, BestVsDefault: gain, Board: trials}
}

// finished is the screen after a search ended with fixedResult.
func finished(t *testing.T, c common.Common) Model {
	s := New(c)
	s.SetInputs(textbook(t), experiment.DefaultConfig())
	s, _ = s.step(s.NewDoneMsg(fixedResult(), nil))
	return s
}

func TestGoldenEmpty(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, New(c), c.Width, c.Height)
	})
}

func TestGoldenFinished(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, finished(t, c), c.Width, c.Height)
	})
}

// stoppedResult is fixedResult stopped inside its last rung: trial 6 was
// measured on 4 of the 5 folds, its mean above trial 1's, and is ranked
// below every trial measured on all five, as experiment.Tune ranks.
func stoppedResult() experiment.TuneResult {
	res := fixedResult()
	res.Ended, res.Tried, res.Trials = "cancelled", 6, 0
	cut := experiment.Trial{Number: 6, Settings: []experiment.Setting{{Name: "activation", Value: "leaky_relu"}},
		OnBase: true, Config: experiment.DefaultConfig(), PosWeight: 1, Rung: 2, Folds: make([]experiment.FoldResult, 4),
		AUC: 0.9290, AUCStd: 0.0080, Interrupted: true, Time: 6400 * time.Millisecond}
	res.Board = append(res.Board[:2], append([]experiment.Trial{cut}, res.Board[2:]...)...)
	return res
}

// TestGoldenStopped: a trial cut short by the stop reads as such ("4/5
// stopped"), under the ranking rule that puts it below the complete ones.
func TestGoldenStopped(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := New(c)
		s.SetInputs(textbook(t), experiment.DefaultConfig())
		s, _ = s.step(s.NewDoneMsg(stoppedResult(), nil))
		view := s.View()
		if !strings.Contains(view, c.T("4/5 stopped", "4/5 中止")) || !strings.Contains(view, c.T("Ranked by folds measured", "先按已测折数")) {
			t.Errorf("no partial mark or ranking rule:\n%s", view)
		}
		screentest.Golden(t, s, c.Width, c.Height)
	})
}

// TestBudgetRefusedInPlace: a bad budget is refused with its reason (not
// a duration, or out of range) and the field stays open; esc keeps the old
// budget; a good one is set.
func TestBudgetRefusedInPlace(t *testing.T) {
	s := New(screentest.Common("en", 80, 24))
	s.SetInputs(textbook(t), experiment.DefaultConfig())
	type_ := func(keys ...string) {
		for _, k := range keys {
			s, _ = s.step(screentest.Press(k))
		}
	}
	type_("b")
	for range 2 {
		type_("backspace")
	}
	type_("2", "enter")
	if !s.Editing() || s.Budget() != DefaultBudget || !strings.Contains(s.View(), `"2" is not a duration: give one from 5s to 24h`) {
		t.Fatalf("editing %v, budget %v:\n%s", s.Editing(), s.Budget(), s.View())
	}
	type_("ctrl+u", "3", "0", "h", "enter")
	if !s.Editing() || s.Budget() != DefaultBudget || !strings.Contains(s.View(), "30h is out of range: a budget is from 5s to 24h") {
		t.Fatalf("30h: editing %v, budget %v:\n%s", s.Editing(), s.Budget(), s.View())
	}
	type_("esc")
	if s.Editing() || s.Budget() != DefaultBudget || strings.Contains(s.View(), "out of range") {
		t.Fatalf("esc: editing %v, budget %v", s.Editing(), s.Budget())
	}
	type_("b", "backspace", "backspace", "9", "0", "s", "enter")
	if s.Editing() || s.Budget() != 90*time.Second {
		t.Fatalf("budget %v, editing %v", s.Budget(), s.Editing())
	}
	for _, bad := range []string{"0s", "1s", "25h", "-3m", "abc"} {
		if _, err := ParseBudget(bad); err == nil {
			t.Errorf("ParseBudget(%q) accepted", bad)
		}
	}
	if _, err := ParseBudget("2s"); !errors.Is(err, ErrBudgetRange) || err.Error() != "budget 2s: out of range (5s to 24h)" {
		t.Errorf("ParseBudget(2s): %v", err)
	}
}

// TestBudgetFieldEdits opens the budget's field: it holds the budget as a
// person writes it ("1m", not "1m0s"), ctrl+u clears it as it clears every
// other field, and a long value is not cut at 12 characters.
func TestBudgetFieldEdits(t *testing.T) {
	s := New(screentest.Common("en", 80, 24))
	s.SetInputs(textbook(t), experiment.DefaultConfig())
	press := func(keys ...string) {
		for _, k := range keys {
			s, _ = s.step(screentest.Press(k))
		}
	}
	press("b")
	if got := s.input.Value(); got != "1m" {
		t.Fatalf("the field opens with %q, want 1m", got)
	}
	screentest.MustContain(t, screentest.Render(s, 80, 24), "Budget: 1m")
	press("ctrl+u")
	if got := s.input.Value(); got != "" {
		t.Fatalf("ctrl+u left %q", got)
	}
	long := "1h2m3s4ms5us6ns"
	for _, r := range long {
		press(string(r))
	}
	press("enter")
	if want := time.Hour + 2*time.Minute + 3*time.Second + 4*time.Millisecond + 5*time.Microsecond + 6; s.Editing() || s.Budget() != want {
		t.Fatalf("%s: budget %v, editing %v:\n%s", long, s.Budget(), s.Editing(), s.View())
	}
	for d, want := range map[time.Duration]string{time.Minute: "1m", 90 * time.Second: "1m30s", 2 * time.Hour: "2h",
		90 * time.Minute: "1h30m", 5 * time.Second: "5s", time.Hour + 5*time.Second: "1h0m5s"} {
		if got := FormatBudget(d); got != want {
			t.Errorf("FormatBudget(%v) = %q, want %q", d, got, want)
		}
	}
}

// TestBudgetRefusalWrapped refuses a budget at 80 columns in both
// languages: the whole reason is shown, over two lines if it needs them.
func TestBudgetRefusalWrapped(t *testing.T) {
	for _, lang := range screentest.Langs {
		s := New(screentest.Common(lang, 80, 24))
		s.SetInputs(textbook(t), experiment.DefaultConfig())
		s, _ = s.step(screentest.Press("b"))
		for _, r := range "ninety seconds or so" {
			s, _ = s.step(screentest.Press(string(r)))
		}
		s, _ = s.step(screentest.Press("enter"))
		flat := strings.Join(strings.Fields(screentest.Render(s, 80, 24)), "")
		screentest.MustContain(t, flat, s.T("suchas90sor2m", "例如90秒或2分钟"))
	}
}

// TestSearchRunsOffTheUIAndApplies runs a real three-trial search through
// the screen's commands (as the program would), then a copies the best
// configuration out in an ApplyMsg.
func TestSearchRunsOffTheUIAndApplies(t *testing.T) {
	s := New(screentest.Common("en", 80, 24))
	base := experiment.DefaultConfig()
	base.Train.Epochs = 3
	s.SetInputs(textbook(t), base)
	s.SetTrials(3, 3)
	s, cmd := s.step(screentest.Press("s"))
	if !s.Running() || !strings.Contains(s.View(), "Searching") {
		t.Fatalf("not running:\n%s", s.View())
	}
	var applied []tea.Msg
	s = drainSearch(s, cmd)
	res := s.Result()
	if s.Running() || res == nil || res.Best == nil || res.Tried != 3 || res.Ended != "done" {
		t.Fatalf("running %v, result %+v", s.Running(), res)
	}
	s, cmd = s.step(screentest.Press("a"))
	applied = screentest.Drain(cmd, func(tea.Msg) (tea.Cmd, bool) { return nil, false })
	if len(applied) != 1 {
		t.Fatalf("apply sent %v", applied)
	}
	msg := applied[0].(ApplyMsg)
	if msg.Trial != res.Best.Number || msg.Config.Train.Optimizer.LR != res.Best.Config.Train.Optimizer.LR ||
		!strings.Contains(s.View(), "applied to the Model screen") {
		t.Errorf("applied %+v, best %+v", msg, res.Best)
	}
	s.Close()
	s.Wait()
}

// TestStopEndsWithTheBestSoFar: s (or esc, review34 #3) while searching
// cancels the search, which ends with a DoneMsg.
func TestStopEndsWithTheBestSoFar(t *testing.T) {
	for _, stop := range []string{"s", "esc"} {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		s := New(screentest.Common("zh", 80, 24))
		s.SetParent(ctx)
		s.SetInputs(textbook(t), experiment.DefaultConfig())
		s, cmd := s.step(screentest.Press("s"))
		s, _ = s.step(screentest.Press(stop)) // stop before the work even began
		screentest.Drain(cmd, func(msg tea.Msg) (tea.Cmd, bool) {
			var next tea.Cmd
			s, next = s.step(msg)
			return next, true
		})
		if s.Running() || s.Result() == nil || s.Result().Ended != "cancelled" || !strings.Contains(s.View(), "已停止") {
			t.Fatalf("%s: running %v:\n%s", stop, s.Running(), s.View())
		}
	}
}

// TestOneFoldHasNoSpread shows a trial measured on one fold without a
// standard deviation (a single fold's "± 0.0000" would claim no spread),
// and a trial on two folds with its mean ± std.
func TestOneFoldHasNoSpread(t *testing.T) {
	board := []experiment.Trial{
		{Number: 1, AUC: 0.91, AUCStd: 0.01, Folds: make([]experiment.FoldResult, 2)},
		{Number: 2, AUC: 0.8, Folds: make([]experiment.FoldResult, 1)},
	}
	for lang, want := range map[string]string{"en": "0.8000 (1 fold)", "zh": "0.8000（1 折）"} {
		out, _, _ := boardLines(screentest.Common(lang, 160, 48), board, 3, boardView{}, 160, 10)
		lines := strings.Join(out, "\n")
		screentest.MustContain(t, lines, "0.9100 ± 0.0100", want)
		if strings.Contains(lines, "0.8000 ±") {
			t.Errorf("%s: one fold shown with a spread:\n%s", lang, lines)
		}
	}
}

// TestCountsOfOneAreSingular: the state line read "1 folds trained" while
// the first fold of a search was done, and "Done: 1 trials" after one.
func TestCountsOfOneAreSingular(t *testing.T) {
	s := New(screentest.Common("en", 100, 30))
	s.run = &search{}
	for folds, want := range map[int]string{1: "· 1 fold trained ·", 2: "· 2 folds trained ·"} {
		s.progress = &experiment.TuneProgress{Round: 1, FoldsDone: folds}
		if got := s.stateLine(); !strings.Contains(got, want) {
			t.Errorf("%d folds: %q, want %q", folds, got, want)
		}
	}
	s.run, s.progress = nil, nil
	for tried, want := range map[int]string{1: "Done: 1 trial in", 5: "Done: 5 trials in"} {
		s.result = &experiment.TuneResult{Tried: tried, Ended: "done"}
		if got := s.stateLine(); !strings.HasPrefix(got, want) {
			t.Errorf("%d trials: %q, want the prefix %q", tried, got, want)
		}
	}
	s.trials = 1
	if got := s.budgetLine(); !strings.HasSuffix(got, " · 1 trial") {
		t.Errorf("budget line %q, want it to end in \" · 1 trial\"", got)
	}
	zh := New(screentest.Common("zh", 100, 30))
	zh.run, zh.progress = &search{}, &experiment.TuneProgress{Round: 1, FoldsDone: 1}
	// 第 1 阶段: a search's round; 轮 is an epoch everywhere else.
	if got := zh.stateLine(); !strings.Contains(got, "已训练 1 折") || !strings.Contains(got, "搜索中：第 1 阶段，") {
		t.Errorf("zh: %q", got)
	}
}

// TestLargeCountsHaveThousandsSeparators: the state line read "1150 folds
// trained" and "Done: 1962 trials" where every other screen writes 1,150.
func TestLargeCountsHaveThousandsSeparators(t *testing.T) {
	for lang, want := range map[string][2]string{
		"en": {"round 77, rung 1 of 3 · 1,150 folds trained", "Done: 1,962 trials in"},
		"zh": {"第 77 阶段，第 1/3 级 · 已训练 1,150 折", "完成：1,962 次试验"}} {
		s := New(screentest.Common(lang, 100, 30))
		s.run, s.progress = &search{}, &experiment.TuneProgress{Round: 77, FoldsDone: 1150}
		if got := s.stateLine(); !strings.Contains(got, want[0]) {
			t.Errorf("%s: %q, want %q in it", lang, got, want[0])
		}
		s.run, s.progress = nil, nil
		s.result = &experiment.TuneResult{Tried: 1962, Ended: "done"}
		if got := s.stateLine(); !strings.HasPrefix(got, want[1]) {
			t.Errorf("%s: %q, want the prefix %q", lang, got, want[1])
		}
	}
}

// limitedSearch is the screen on the textbook shop under a parameter limit
// of exactly the default network's, and that network's parameters.
func limitedSearch(t *testing.T, lang string, slack int) (Model, int) {
	t.Helper()
	d := textbook(t)
	base := experiment.DefaultConfig()
	base.Train.Epochs = 2
	exp, err := experiment.Prepare(d, base)
	if err != nil {
		t.Fatal(err)
	}
	shape := experiment.Shape{Inputs: exp.Pipeline.Width(), TrainRows: exp.Train.Rows}
	params, _ := experiment.NetworkNeed(shape, base)
	s := New(screentest.Common(lang, 160, 30))
	s.SetLimits(experiment.Limits{MaxParams: params + slack, MaxTrainMemory: 64 << 20})
	s.SetShape(shape)
	s.SetInputs(d, base)
	s.SetTrials(8, 3)
	return s, params
}

// TestSearchStaysWithinTheSessionLimit: trials with more parameters than
// the limit (128,64 or 256,128 layers, say) are never drawn.
func TestSearchStaysWithinTheSessionLimit(t *testing.T) {
	s, params := limitedSearch(t, "en", 0)
	if want := "Trials stay within this session's limit: " + common.Thousands(params) + " params · 64 MiB to train"; !strings.Contains(s.View(), want) {
		t.Fatalf("the screen does not say %q:\n%s", want, s.View())
	}
	s, cmd := s.step(screentest.Press("s"))
	if !s.Running() {
		t.Fatalf("the search did not start:\n%s", s.View())
	}
	s = drainSearch(s, cmd)
	res := s.Result()
	if res == nil || res.Tried != 8 {
		t.Fatalf("result %+v, want 8 trials", res)
	}
	for _, tr := range res.Board {
		if got, _ := experiment.NetworkNeed(s.shape, tr.Config); got > params {
			t.Errorf("trial %d (%v) has %d parameters, beyond the limit %d", tr.Number, tr.Settings, got, params)
		}
	}
}

func TestSearchFromANetworkBeyondTheLimitIsRefused(t *testing.T) {
	for _, c := range []struct{ lang, want string }{
		{"en", "✗ the network would have %s parameters; this session allows at most %s (the Model screen's configuration)"},
		{"zh", "✗ 网络将有 %s 个参数；本会话最多允许 %s 个（模型页的配置）"},
	} {
		s, params := limitedSearch(t, c.lang, -1)
		s, cmd := s.step(screentest.Press("s"))
		want := fmt.Sprintf(c.want, common.Thousands(params), common.Thousands(params-1))
		if cmd != nil || s.Running() || s.refusal.In(s.Common) != want {
			t.Errorf("%s: running %v, refusal %q; want %q", c.lang, s.Running(), s.refusal.In(s.Common), want)
		}
		if !strings.Contains(s.View(), want) {
			t.Errorf("%s: the screen does not show the refusal:\n%s", c.lang, s.View())
		}
	}
}

// drainSearch runs the search cmd started to its end, feeding s the
// screen's own ticks and its end, and returns the screen after them.
func drainSearch(s Model, cmd tea.Cmd) Model {
	screentest.Drain(cmd, func(msg tea.Msg) (tea.Cmd, bool) {
		switch msg.(type) {
		case TickMsg, DoneMsg:
			var next tea.Cmd
			s, next = s.step(msg)
			return next, true
		}
		return nil, false
	})
	return s
}

// TestBudgetTypedReplacesIt: b opened the budget's field on "1m" with the
// cursor after it, so 90s typed read 1m90s, a budget of 2m30s taken
// without a word (review 22's finding on every screen's fields). The
// field opens on the budget selected: 90s typed is 90 seconds. The
// footer says so while the budget is selected.
func TestBudgetTypedReplacesIt(t *testing.T) {
	for _, lang := range screentest.Langs {
		s := New(screentest.Common(lang, 80, 24))
		s.SetInputs(textbook(t), experiment.DefaultConfig())
		s, _ = s.step(screentest.Press("b"))
		var footer []string
		for _, b := range s.HelpGroups()[0] {
			footer = append(footer, b.Help().Key+" "+b.Help().Desc)
		}
		if f, want := strings.Join(footer, " • "), s.T("type to replace • ←/→ to edit", "输入 即替换 • ←/→ 在原值上修改"); !strings.Contains(f, want) {
			t.Errorf("%s: footer %q, want it to hold %q", lang, f, want)
		}
		for _, r := range "90s" {
			s, _ = s.step(screentest.Press(string(r)))
		}
		s, _ = s.step(screentest.Press("enter"))
		if s.Editing() || s.Budget() != 90*time.Second {
			t.Errorf("%s: 90s typed on the budget: %v (editing %v, %q), want 1m30s", lang, s.Budget(), s.Editing(), s.refusal.In(s.Common))
		}
	}
}

// TestBestAgainstTheDefault: the screen says under Best whether it beats
// the default, as retain tune does (review31 #17), in either language.
func TestBestAgainstTheDefault(t *testing.T) {
	for _, lang := range screentest.Langs {
		c := screentest.Common(lang, 200, 60)
		s := finished(t, c)
		screentest.MustContain(t, screentest.Render(s, 200, 60), c.T("Not clearly better than the default: difference +0.0044, noise ±0.0052 (twice the standard error of the 5 paired fold differences)",
			"并不明显优于默认配置：差值 +0.0044，噪声 ±0.0052（5 个配对折差值标准误的 2 倍）"))
		res := fixedResult()
		res.BestVsDefault = &experiment.TuneGain{Difference: 0.0150, Noise: 0.0052, Paired: true, Folds: 5, ClearlyBetter: true}
		s = New(c)
		s.SetInputs(textbook(t), experiment.DefaultConfig())
		s, _ = s.step(s.NewDoneMsg(res, nil))
		screentest.MustContain(t, screentest.Render(s, 200, 60), c.T("Better than the default: difference +0.0150, beyond the noise ±0.0052",
			"优于默认配置：差值 +0.0150，超出噪声 ±0.0052"))
	}
}
