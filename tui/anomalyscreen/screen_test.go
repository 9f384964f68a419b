package anomalyscreen

import (
	"context"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/anomaly"
	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// shop is a small built-in shop (400 users, data seed 7); the screen plants
// 5 % abusers in it before scoring.
func shop(t *testing.T) *experiment.Data {
	t.Helper()
	d, err := experiment.Load(experiment.Source{Kind: "builtin", Users: 400, DataSeed: 7}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// fastOptions train one small autoencoder briefly, so the tests are quick
// and deterministic.
func fastOptions() anomaly.Options {
	return anomaly.Options{Members: 1, Seed: 3, Train: engine.TrainConfig{Epochs: 15, BatchSize: 32,
		Optimizer: engine.OptimizerConfig{Kind: "adam", LR: 3e-3}}}
}

// fastConfig is the churn model's configuration with few epochs.
func fastConfig() experiment.Config {
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 5
	return cfg
}

// feed hands every message of the screen to it, as the root does.
func feed(s *Model) func(tea.Msg) (tea.Cmd, bool) {
	return func(msg tea.Msg) (tea.Cmd, bool) {
		if _, ok := msg.(Msg); !ok {
			return nil, false
		}
		var next tea.Cmd
		*s, next = s.step(msg)
		return next, true
	}
}

// press sends keys and runs what they start to its end.
func press(s *Model, keys ...string) {
	for _, k := range keys {
		var cmd tea.Cmd
		*s, cmd = s.step(screentest.Press(k))
		screentest.Drain(cmd, feed(s))
	}
}

// scored is the screen after scoring the shop with 5 % planted abusers.
func scored(t *testing.T, c common.Common) Model {
	t.Helper()
	s := New(c)
	s.SetInputs(shop(t), fastConfig())
	s.SetOptions(fastOptions())
	s.SetPlant(0.05)
	press(&s, "s")
	if s.Result() == nil || s.Busy() {
		t.Fatalf("not scored (busy %v):\n%s", s.Busy(), s.View())
	}
	return s
}

func TestGoldenEmpty(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, New(c), c.Width, c.Height)
	})
}

// TestGoldenScored: the scored shop with one user marked abusive, one
// marked not abusive and the churn model retrained without the flagged
// users.
func TestGoldenScored(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := scored(t, c)
		press(&s, "down", "a", "down", "n", "t")
		if s.Retrained() == nil {
			t.Fatalf("not retrained:\n%s", s.View())
		}
		screentest.Golden(t, s, c.Width, c.Height)
	})
}

// aboveRe reads the count above the cut-off from the view.
var aboveRe = regexp.MustCompile(`Cut-off ([0-9.]+): ([0-9,]+) users above`)

// TestCutoffCountMatchesResult moves the cut-off with the keys and checks
// the count the view shows against a count made here over the Result's
// scores, and that the planted truth was evaluated.
func TestCutoffCountMatchesResult(t *testing.T) {
	s := scored(t, screentest.Common("en", 160, 48))
	res := s.Result()
	if res.Evaluation == nil || res.Evaluation.Truth != data.AbuserColumnName {
		t.Fatalf("no evaluation against the planted truth: %+v", res.Evaluation)
	}
	for _, keys := range [][]string{nil, {"right"}, {"right", "right", "+"}, {"left"}, {"-", "-", "-", "-"}, {"r"}} {
		press(&s, keys...)
		want := 0
		for _, v := range res.Score {
			if v > s.Cutoff() {
				want++
			}
		}
		m := aboveRe.FindStringSubmatch(ansi.Strip(s.View()))
		if m == nil {
			t.Fatalf("%v: no count in view:\n%s", keys, ansi.Strip(s.View()))
		}
		if got := strings.ReplaceAll(m[2], ",", ""); got != fmt.Sprint(want) || m[1] != fmt.Sprintf("%.4f", s.Cutoff()) {
			t.Errorf("%v: view says %s above %s, counted %d above %.4f", keys, m[2], m[1], want, s.Cutoff())
		}
	}
	if s.Cutoff() != res.Cutoff {
		t.Errorf("r left the cut-off at %v, default %v", s.Cutoff(), res.Cutoff)
	}
	// → raises the cut-off: fewer users above, never more.
	before := res.Above(s.Cutoff())
	press(&s, "right")
	if after := res.Above(s.Cutoff()); after >= before {
		t.Errorf("→ moved the count from %d to %d", before, after)
	}
}

// TestMarksChangeTheExcludedSet: a mark overrides the cut-off for its user
// only; pressing the same mark again clears it.
func TestMarksChangeTheExcludedSet(t *testing.T) {
	s := scored(t, screentest.Common("en", 80, 24))
	res := s.Result()
	base := s.Flagged()
	first := res.Order[0] // above the cut-off
	last := res.Order[len(res.Order)-1]
	if !base[first] || base[last] {
		t.Fatalf("flags of the first and last users %v %v", base[first], base[last])
	}
	press(&s, "n", "end", "a")
	got := s.Flagged()
	for row := range got {
		want := base[row]
		switch row {
		case first:
			want = false
		case last:
			want = true
		}
		if got[row] != want {
			t.Errorf("row %d flagged %v, want %v", row, got[row], want)
		}
	}
	press(&s, "a", "home", "n")
	for row, f := range s.Flagged() {
		if f != base[row] {
			t.Fatalf("after clearing the marks row %d flagged %v, want %v", row, f, base[row])
		}
	}
}

// TestRetrainFlow: t trains the churn model with every user and without
// the flagged ones, in the background, and shows both.
func TestRetrainFlow(t *testing.T) {
	s := scored(t, screentest.Common("en", 160, 48))
	press(&s, "a") // the first user is flagged already: a marks it, no change
	flagged := 0
	for _, f := range s.Flagged() {
		if f {
			flagged++
		}
	}
	var cmd tea.Cmd
	s, cmd = s.step(screentest.Press("t"))
	if !s.Busy() || !strings.Contains(s.View(), "Churn model with every user: preparing") {
		t.Fatalf("not training:\n%s", s.View())
	}
	screentest.Drain(cmd, feed(&s))
	c := s.Retrained()
	if s.Busy() || c == nil {
		t.Fatalf("busy %v, comparison %v:\n%s", s.Busy(), c, s.View())
	}
	if c.Flagged != flagged || c.Dropped == 0 || c.Dropped >= flagged || c.TrainBefore-c.TrainAfter != c.Dropped {
		t.Errorf("%d flagged, %d dropped from training (%d → %d rows)", c.Flagged, c.Dropped, c.TrainBefore, c.TrainAfter)
	}
	// Both models are measured on the same validation users (the 10 %
	// of 400 the split holds out: the shop at seed 7 has 101 positives and
	// 299 negatives, whose --val 0.5 split is 51 + 150, and 10.1 → 10 plus
	// 29.9 → 30 is 40); some of them are flagged.
	if c.Part != experiment.ValPart || c.All.Rows != 40 || c.Clean.Rows >= c.All.Rows || !c.Clean.OK || c.Clean.Paired == nil {
		t.Errorf("part %v, %d measured, %d not flagged", c.Part, c.All.Rows, c.Clean.Rows)
	}
	// The view formats the comparison's figures, nothing of its own.
	p := c.Clean
	screentest.MustContain(t, ansi.Strip(s.View()),
		fmt.Sprintf("Churn model trained without %d flagged users (%d → %d training rows, random split), measured on the same validation users:",
			c.Dropped, c.TrainBefore, c.TrainAfter),
		fmt.Sprintf("not flagged %d: ROC AUC %.3f [%.3f–%.3f] → %.3f", p.Rows, p.Before.AUC, p.Before.AUCInterval.Low, p.Before.AUCInterval.High, p.After.AUC),
		fmt.Sprintf("Δ %s (paired p %s)", common.Signed(p.Paired.Diff, 3), pValue(p.Paired.P)),
		fmt.Sprintf("all %d: ROC AUC %.3f", c.All.Rows, c.All.Before.AUC))
}

// TestStopKeepsThePreviousResult: x stops a second scoring; the first
// result stays and the screen says it was stopped.
func TestStopKeepsThePreviousResult(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := scored(t, screentest.Common("zh", 80, 24))
	s.SetParent(ctx)
	first := s.Result()
	var cmd tea.Cmd
	s, cmd = s.step(screentest.Press("s"))
	s, _ = s.step(screentest.Press("x")) // stop before the work even began
	screentest.Drain(cmd, feed(&s))
	if s.Busy() || s.Result() != first || !strings.Contains(s.View(), "评分已停止，之前的结果保留不变") {
		t.Fatalf("busy %v, result kept %v:\n%s", s.Busy(), s.Result() == first, s.View())
	}
}

// TestTooFewRows: a table smaller than anomaly.MinRows is refused in place.
func TestTooFewRows(t *testing.T) {
	vals := make([]float64, 5)
	labels := []float64{0, 1, 0, 1, 0}
	tab, err := data.NewTable("tiny.csv", []*data.Column{data.NewNumericColumn("x", vals)}, data.Label{Name: "churn", Values: labels})
	if err != nil {
		t.Fatal(err)
	}
	s := New(screentest.Common("en", 80, 24))
	s.SetInputs(&experiment.Data{Source: experiment.Source{Kind: "csv", Path: "tiny.csv"}, Table: tab}, fastConfig())
	press(&s, "s")
	if s.Result() != nil || !strings.Contains(s.View(), "tiny.csv has 5 rows; scoring needs at least 20") {
		t.Fatalf("view:\n%s", s.View())
	}
}

// TestCloseBeforeTheJobRan: Close ends a job whose Cmd never ran, so Wait
// returns (as when the program quits at once).
func TestCloseBeforeTheJobRan(t *testing.T) {
	s := New(screentest.Common("en", 80, 24))
	s.SetInputs(shop(t), fastConfig())
	s, cmd := s.step(screentest.Press("s"))
	if !s.Busy() || cmd == nil {
		t.Fatal("s started nothing")
	}
	s.Close()
	s.Wait() // returns: the unstarted job was ended by Close
}

// TestCutoffPassesTies: with tied scores every ← lets more users above the
// cut-off and every → fewer, down to none and up to all.
func TestCutoffPassesTies(t *testing.T) {
	s := New(screentest.Common("en", 80, 24))
	// Scores 9, 8, then five users tied at 5, then 1, 1, 0 (Order by hand).
	score := []float64{5, 9, 5, 1, 5, 8, 5, 0, 5, 1}
	s.res = &anomaly.Result{Score: score, Order: []int{1, 5, 0, 2, 4, 6, 8, 3, 9, 7}, Cutoff: 8.5}
	s.cut = s.res.Cutoff
	// Counted by hand: 1 above 8.5; then above 8 (2), above 5 (7), above 1
	// (9), below 0 (all 10), where it stays.
	var got []int
	for range 6 {
		s.cut = s.moveCut(+1)
		got = append(got, s.res.Above(s.cut))
	}
	if want := []int{2, 7, 9, 10, 10, 10}; !reflect.DeepEqual(got, want) {
		t.Errorf("← counts %v, want %v", got, want)
	}
	got = got[:0]
	for range 5 {
		s.cut = s.moveCut(-1)
		got = append(got, s.res.Above(s.cut))
	}
	// Back up: above 0 (9), above 1 (the two ones pass together: 7),
	// above 5 (the five tied pass together: 2), above 8, above 9.
	if want := []int{9, 7, 2, 1, 0}; !reflect.DeepEqual(got, want) {
		t.Errorf("→ counts %v, want %v", got, want)
	}
}

// TestStopRetrainKeepsTheFigures: x stops a retraining; the figures of the
// one before stay and the screen says it was stopped.
func TestStopRetrainKeepsTheFigures(t *testing.T) {
	s := scored(t, screentest.Common("en", 80, 24))
	press(&s, "t")
	first := s.Retrained()
	var cmd tea.Cmd
	s, cmd = s.step(screentest.Press("t"))
	s, _ = s.step(screentest.Press("x"))
	screentest.Drain(cmd, feed(&s))
	if s.Busy() || first == nil || s.Retrained() != first || !strings.Contains(s.View(), "Training stopped; the previous figures are kept.") {
		t.Fatalf("busy %v, figures kept %v:\n%s", s.Busy(), s.Retrained() == first, s.View())
	}
}

// TestScoredTitleNamesTheShopInTheInterfacesLanguage: once scored, the
// Chinese title named the built-in shop in English ("built-in shop · 400
// 个用户") while before scoring it read "内置商店".
func TestScoredTitleNamesTheShopInTheInterfacesLanguage(t *testing.T) {
	for lang, want := range map[string]string{"en": "Abnormal users  built-in shop · 400 users", "zh": "异常用户  内置商店 · 400 个用户"} {
		s := scored(t, screentest.Common(lang, 160, 48))
		if title := strings.SplitN(ansi.Strip(s.View()), "\n", 2)[0]; !strings.HasPrefix(title, want) {
			t.Errorf("%s: title %q, want it to start %q", lang, title, want)
		}
	}
}

// TestReasonTextTellsValueFromExpected: the screen words a reason from
// anomaly.Reason.Texts, so a value that differs from the expected one
// reads differently in both languages (CDNOW_sample's first user's
// spend_trend, whose three numbers all read 0 with two decimals).
// TestReasonTextOfAnUnsureLevel: a categorical reason whose level is the
// expected one says the networks were unsure, not "UPI exp UPI".
func TestReasonTextOfAnUnsureLevel(t *testing.T) {
	r := anomaly.Reason{Column: "PreferredPaymentMode", Level: "UPI", ExpectedLevel: "UPI", TypicalLevel: "Debit Card"}
	for lang, want := range map[string]string{"en": "PreferredPaymentMode UPI as expected but unsure (typ Debit Card)", "zh": "PreferredPaymentMode UPI 预期如此但不确定（通常 Debit Card）"} {
		if got := New(screentest.Common(lang, 80, 24)).reasonText(r); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}

func TestReasonTextTellsValueFromExpected(t *testing.T) {
	r := anomaly.Reason{Column: "spend_trend", Value: -0.0007626472332853437, Expected: -0.00017004035949952367, Typical: 0}
	for lang, want := range map[string]string{"en": "spend_trend −0.00076 exp −0.00017 (typ 0)", "zh": "spend_trend −0.00076 预期 −0.00017（通常 0）"} {
		if got := New(screentest.Common(lang, 80, 24)).reasonText(r); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}

// TestTitleNamesTheLogByItsBaseName: an order log's title gave its full
// path ("Abnormal users  /work/shared/datasets/cdnow/CDNOW_master.txt ·
// 23,570 users at …"), which pushed the cutoff off an 80-column screen.
// It names the file as the Recommend screen does, before and after
// scoring, and fits 80 columns.
func TestTitleNamesTheLogByItsBaseName(t *testing.T) {
	d := screentest.LoadLog(t, "")
	d.Source.Path = "/a/rather/long/directory/of/shared/datasets/orders.csv"
	for _, lang := range []string{"en", "zh"} {
		s := New(screentest.Common(lang, 80, 24))
		s.SetInputs(d, fastConfig())
		s.SetOptions(fastOptions())
		title := func() string { return strings.TrimRight(strings.SplitN(ansi.Strip(s.View()), "\n", 2)[0], " ") }
		if got := title(); strings.Contains(got, "/a/rather") || !strings.Contains(got, "orders.csv") || strings.HasSuffix(got, "…") {
			t.Errorf("%s before scoring: title %q", lang, got)
		}
		press(&s, "s")
		if s.Result() == nil {
			t.Fatalf("%s: not scored:\n%s", lang, s.View())
		}
		if got := title(); strings.Contains(got, "/a/rather") || !strings.Contains(got, "orders.csv") || !strings.Contains(got, "2024-02-20") {
			t.Errorf("%s after scoring: title %q", lang, got)
		}
	}
}

// TestDetailShowsEveryReasonOfTheSelectedUser: at 80×24 a row showed one
// or two of its three reasons, the last cut to a bare "exp …", and
// nothing showed the rest. Rows end at a whole reason, and the lines
// under the list give the selected user's reasons in full, following the
// selection.
func TestDetailShowsEveryReasonOfTheSelectedUser(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		s := scored(t, screentest.Common(lang, 80, 24))
		for range 2 {
			row := s.res.Order[s.sel]
			detail := ansi.Strip(strings.Join(s.detailLines(), "\n"))
			if !strings.Contains(detail, s.res.IDs[row]) {
				t.Errorf("%s: detail %q does not name user %s", lang, detail, s.res.IDs[row])
			}
			for _, r := range s.reasonTexts(row) {
				if !strings.Contains(detail, r) {
					t.Errorf("%s: detail %q lacks the whole reason %q", lang, detail, r)
				}
			}
			view := ansi.Strip(s.View())
			if !strings.Contains(view, strings.SplitN(detail, "\n", 2)[0]) {
				t.Errorf("%s: the view lacks the detail:\n%s", lang, view)
			}
			for _, line := range strings.Split(view, "\n") {
				if trimmed := strings.TrimRight(line, " "); strings.HasSuffix(trimmed, "exp …") || strings.HasSuffix(trimmed, "预期 …") || strings.HasSuffix(trimmed, "（通常 …") {
					t.Errorf("%s: a row cut inside a reason: %q", lang, trimmed)
				}
			}
			press(&s, "down")
		}
	}
}

// TestScoredTitleNamesTheCohortCutoff: an order log's loaded cohort is
// scored at its cutoff (the default 2024-02-20 of screentest.LoadLog),
// which the title says, as the CLI's --log scores the log's last date.
func TestScoredTitleNamesTheCohortCutoff(t *testing.T) {
	d := screentest.LoadLog(t, "")
	for lang, want := range map[string]string{"en": " users at the cutoff 2024-02-20", "zh": " 个用户（截止日 2024-02-20）"} {
		s := New(screentest.Common(lang, 160, 48))
		s.SetInputs(d, fastConfig())
		s.SetOptions(fastOptions())
		press(&s, "s")
		if s.Result() == nil {
			t.Fatalf("%s: not scored:\n%s", lang, s.View())
		}
		if title := strings.SplitN(ansi.Strip(s.View()), "\n", 2)[0]; !strings.Contains(title, want) {
			t.Errorf("%s: title %q, want %q in it", lang, title, want)
		}
	}
}

// TestRetrainFallbackInChinese: the comparison's reason for a random
// split of an order log is worded in Chinese from its fields (it read
// "未能跨时间验证：" and the English error), English keeps the error.
func TestRetrainFallbackInChinese(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	oot := &experiment.OutOfTimeError{Log: "o.csv", Cutoff: day("1997-03-31"), TrainCutoff: day("1997-01-30"), HorizonDays: 60, First: day("1997-01-01")}
	for lang, want := range map[string]string{
		"en": "Not out of time: validating out of time at cutoff 1997-03-31 trains on the customers at 1997-01-30 (60 days earlier), before o.csv starts on 1997-01-01",
		"zh": "此处无法跨时间验证：它要用 1997-01-30（截止日 1997-03-31 之前 60 天）的客户训练，而日志从 1997-01-01 才开始；已改用随机划分（请选更晚的截止日或更短的观察期）",
	} {
		s := New(screentest.Common(lang, 400, 48))
		s.retrain = &experiment.RetrainComparison{Scheme: experiment.RandomSplit, Fallback: oot}
		lines := s.retrainLines()
		if got := ansi.Strip(lines[len(lines)-1]); got != want {
			t.Errorf("%s:\n got %q\nwant %q", lang, got, want)
		}
	}
}

// TestScoredTitleKeepsTheTextbookShopsName: the textbook shop's title read
// "textbook shop (100 users)" before scoring and "built-in shop · 100
// users" after, as if other data had been scored.
func TestScoredTitleKeepsTheTextbookShopsName(t *testing.T) {
	d, err := experiment.Load(experiment.Source{Kind: "textbook"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string][2]string{
		"en": {"Abnormal users  textbook shop · 100 users", "Abnormal users  textbook shop · 100 users"},
		"zh": {"异常用户  教科书商店 · 100 个用户", "异常用户  教科书商店 · 100 个用户"}} {
		s := New(screentest.Common(lang, 160, 48))
		s.SetInputs(d, fastConfig())
		s.SetOptions(fastOptions())
		title := func() string { return strings.SplitN(ansi.Strip(s.View()), "\n", 2)[0] }
		if got := title(); !strings.HasPrefix(got, want[0]) {
			t.Errorf("%s before scoring: title %q, want it to start %q", lang, got, want[0])
		}
		press(&s, "s")
		if s.Result() == nil {
			t.Fatalf("%s: not scored:\n%s", lang, s.View())
		}
		if got := title(); !strings.HasPrefix(got, want[1]) {
			t.Errorf("%s after scoring: title %q, want it to start %q", lang, got, want[1])
		}
	}
}

// TestOneUserAboveIsSingular: a cut-off with one user above read "1 users
// above (1.0 %)".
func TestOneUserAboveIsSingular(t *testing.T) {
	s := scored(t, screentest.Common("en", 160, 48))
	scores := append([]float64(nil), s.res.Score...)
	slices.Sort(scores)
	// Halfway between the two highest scores: only the highest is above.
	s.cut = (scores[len(scores)-1] + scores[len(scores)-2]) / 2
	s.recount()
	if got := ansi.Strip(s.cutLine()); !strings.Contains(got, ": 1 user above (") {
		t.Errorf("cut line %q, want \": 1 user above (\"", got)
	}
}

// TestReasonTextOfAValueOutOfRange: a value far outside its column's usual
// range (review 28's finding 1) reads with that range, not the networks'
// expectation, in both languages; a negative one in a column otherwise 0
// or more says so.
func TestReasonTextOfAValueOutOfRange(t *testing.T) {
	far := anomaly.Reason{Column: "PageValues", Value: 1e9, Outside: 3.1, Usual: &anomaly.Range{Low: 0, High: 170.5}}
	neg := anomaly.Reason{Column: "spend", Value: -1e9, Outside: 2, Negative: true, Usual: &anomaly.Range{Low: 28.97, High: 309.03}}
	for lang, want := range map[string][2]string{
		"en": {"PageValues 1,000,000,000 far out of range (usual 0 to 170.5)", "spend −1,000,000,000 negative, others ≥ 0 (usual 28.97 to 309.03)"},
		"zh": {"PageValues 1,000,000,000 远超常见范围（常见 0 至 170.5）", "spend −1,000,000,000 为负，其余不小于 0（常见 28.97 至 309.03）"},
	} {
		s := New(screentest.Common(lang, 80, 24))
		for i, r := range []anomaly.Reason{far, neg} {
			if got := s.reasonText(r); got != want[i] {
				t.Errorf("%s: %q, want %q", lang, got, want[i])
			}
		}
	}
}
