package datascreen

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// usersCSV has 40 users (many of them exact duplicates): a three-level plan, a yes/no flag, a spend with
// a large fractional value, and churn "yes" for every fourth user (10 of
// 40). plan "basic" has 14 users, 4 of whom churn.
func usersCSV() string {
	var b strings.Builder
	b.WriteString("plan,active,spend,churn\n")
	for i := range 40 {
		spend := fmt.Sprint(10 + i%4)
		if i == 7 {
			spend = "63973.52"
		}
		fmt.Fprintf(&b, "%s,%s,%s,%s\n", []string{"basic", "plus", "pro"}[i%3], []string{"yes", "no"}[i%2],
			spend, []string{"no", "no", "no", "yes"}[i%4])
	}
	return b.String()
}

// stringOpener opens every path as text that can be read twice, as a file
// can (a log whose dates are written with the year last is read again in
// the order they show).
func stringOpener(text string) experiment.Opener {
	return func(string) (io.ReadCloser, error) {
		return struct {
			*strings.Reader
			io.Closer
		}{strings.NewReader(text), io.NopCloser(nil)}, nil
	}
}

// loaded returns the Data screen in c's language and size showing src
// read from text, prepared with the default configuration.
func loaded(t *testing.T, c common.Common, src experiment.Source, text string) Model {
	t.Helper()
	d, err := experiment.LoadAt(src, stringOpener(text), time.Date(1998, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	exp, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	s := New(c)
	s.SetData(d, NewInfo(d, exp, cfg.Seed))
	return s
}

func csvScreen(t *testing.T, lang string, w, h int) Model {
	return loaded(t, screentest.Common(lang, w, h), experiment.Source{Kind: "csv", Path: "users.csv"}, usersCSV())
}

func keys(s Model, ks ...string) Model {
	for _, k := range ks {
		s, _ = s.step(screentest.Press(k))
	}
	return s
}

func mustContain(t *testing.T, view string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(view, w) {
			t.Errorf("view lacks %q:\n%s", w, view)
		}
	}
}

// TestCategoricalDistributionsCountLevelsByLabel: a categorical or boolean
// feature's distribution is its levels' counts in each class, not the
// label's counts repeated.
func TestCategoricalDistributionsCountLevelsByLabel(t *testing.T) {
	s := keys(csvScreen(t, "en", 80, 40), "right", "right")
	view := screentest.Render(s, 80, 40)
	mustContain(t, view, "basic", "no 10 · yes 4 (28.6 % yes)", "plus", "pro")
	if strings.Contains(view, "n=30") {
		t.Errorf("a feature's row repeats the label counts:\n%s", view)
	}
}

// TestLabelBalanceNamesClassCountAndShare: the class name, its count and
// its share read as three things.
func TestLabelBalanceNamesClassCountAndShare(t *testing.T) {
	mustContain(t, screentest.Render(csvScreen(t, "en", 80, 24), 80, 24), "churn = yes: 10 users (25.0 %) · no: 30 (75.0 %)")
	mustContain(t, screentest.Render(csvScreen(t, "zh", 80, 24), 80, 24), "churn = yes：10 位用户（25.0 %）· no：30（75.0 %）")
}

// TestTextFitsAt80Columns: the header wraps rather than cutting, and large
// numbers have grouped digits instead of e-notation.
func TestTextFitsAt80Columns(t *testing.T) {
	view := screentest.Render(csvScreen(t, "en", 80, 24), 80, 24)
	mustContain(t, view, "23 duplicate", "training rows dropped", "10 – 63,973.52")
	for _, l := range strings.Split(view, "\n")[:4] {
		if strings.Contains(l, "…") {
			t.Errorf("header line cut: %q", l)
		}
	}
}

// TestWideWindowShowsSchemaAndDetailsSideBySide: at 160 columns the
// selected column's details and distribution stand beside the schema.
func TestWideWindowShowsSchemaAndDetailsSideBySide(t *testing.T) {
	view := screentest.Render(csvScreen(t, "en", 160, 48), 160, 48)
	found := false
	for _, l := range strings.Split(view, "\n") {
		if strings.Contains(l, "one-hot encoded") && strings.Contains(l, "│ categorical · feature · 0 missing") {
			found = true
		}
	}
	if !found {
		t.Errorf("no schema row with the selected column's panel beside it:\n%s", view)
	}
	mustContain(t, view, "By label", "no 10 · yes 4 (28.6 % yes)")
}

// orderLog has 30 customers over 1998 and one line dated in 2099.
func orderLog() string {
	var b strings.Builder
	b.WriteString("customer_id,date,amount\n")
	start := time.Date(1998, 1, 1, 0, 0, 0, 0, time.UTC)
	for c := range 30 {
		for k := range 1 + c%4 {
			fmt.Fprintf(&b, "c%02d,%s,%d.50\n", c, start.AddDate(0, 0, c*5+k*40).Format(time.DateOnly), 10+c+k)
		}
	}
	return b.String() + "c01,2099-12-31,5.50\n"
}

// TestLoadWarningsSpeakTheLanguage: the warnings stay on screen, worded
// in the interface's language from experiment's structured warnings.
func TestLoadWarningsSpeakTheLanguage(t *testing.T) {
	src := experiment.Source{Kind: "log", Path: "orders.csv"}
	en := screentest.Render(loaded(t, screentest.Common("en", 160, 48), src, orderLog()), 160, 48)
	// The log ends where the app reads it to, its last date up to today
	// (c27's last order, day 135 + 3 × 40 = 255 of 1998: 09-13), not on
	// the 2099 line.
	mustContain(t, en, "Warning", "dated after today", "the default cutoff ignores them", "Cohort", "cutoff 1998-08-14",
		"log 1998-01-01 → 1998-09-13")
	zh := screentest.Render(loaded(t, screentest.Common("zh", 160, 48), src, orderLog()), 160, 48)
	mustContain(t, zh, "警告", "orders.csv：74 行中有 1 行的日期晚于今天（1998-12-31）", "默认截止日", "客户群", "截止日 1998-08-14",
		"日志 1998-01-01 → 1998-09-13")
	for _, en := range []string{"dated after today", "the log's dates", "default cutoff", "minus the horizon"} {
		if strings.Contains(zh, en) {
			t.Errorf("Chinese view has %q:\n%s", en, zh)
		}
	}
	// A label window past the log's end, with a cutoff given.
	src.Cutoff = time.Date(1998, 8, 1, 0, 0, 0, 0, time.UTC)
	src.HorizonDays = 60
	past := strings.TrimSuffix(orderLog(), "c01,2099-12-31,5.50\n")
	zh = screentest.Render(loaded(t, screentest.Common("zh", 160, 48), src, past), 160, 48)
	mustContain(t, zh, "标签窗口 1998-08-01 .. 1998-09-30 超出了日志的最后日期 1998-09-13")
	if strings.Contains(zh, "label window") {
		t.Errorf("Chinese view has the English window warning:\n%s", zh)
	}
}

// TestPromptsSpeakTheLanguage: the prompts and their refusals are in
// Chinese when the interface is.
func TestPromptsSpeakTheLanguage(t *testing.T) {
	s := keys(csvScreen(t, "zh", 80, 24), "s")
	s.SetPromptValue("x")
	s, _ = s.step(tea.KeyPressMsg{Code: tea.KeyEnter})
	if s.PromptErr() != "种子须为 ≥ 0 的整数" {
		t.Errorf("seed refusal %q", s.PromptErr())
	}
	mustContain(t, screentest.Render(s, 80, 24), "划分种子：", "✗ 种子须为 ≥ 0 的整数")
	s = keys(s, "o") // typed into the seed prompt, then esc and o
	s, _ = s.step(tea.KeyPressMsg{Code: tea.KeyEscape})
	s = keys(s, "o")
	// A served session never opens this prompt (o reloads the served file);
	// were it open, it would still list no folder of the server.
	s.Served = true
	s.SetPromptValue("")
	s, _ = s.step(tea.KeyPressMsg{Code: tea.KeyTab})
	if s.PromptErr() != "在服务会话中不能补全路径" {
		t.Errorf("served completion refusal %q", s.PromptErr())
	}
	s, _ = s.step(tea.KeyPressMsg{Code: tea.KeyEnter})
	if s.PromptErr() != "请输入文件名" {
		t.Errorf("served empty path refusal %q", s.PromptErr())
	}
}

// TestBTYDKeyReloadsTheLogWithTheBGNBDInputs: n on an order log asks the
// root to reload it with the BG/NBD inputs on, and again with them off; on
// a per-user table it does nothing.
func TestBTYDKeyReloadsTheLogWithTheBGNBDInputs(t *testing.T) {
	s := loaded(t, screentest.Common("en", 80, 24), experiment.Source{Kind: "log", Path: "orders.csv"}, orderLog())
	_, cmd := s.step(screentest.Press("n"))
	if cmd == nil {
		t.Fatal("n gives no command on an order log")
	}
	msg, ok := cmd().(OpenMsg)
	if !ok || !msg.Src.Features.BTYD || msg.Src.Path != "orders.csv" || msg.Src.Cutoff != s.data.Source.Cutoff {
		t.Fatalf("n sends %#v", msg)
	}
	mustContain(t, screentest.Render(s, 160, 48), "BG/NBD inputs off (n)")
	if _, cmd := keys(csvScreen(t, "en", 80, 24)).step(screentest.Press("n")); cmd != nil {
		t.Errorf("n on a per-user table gives %v", cmd())
	}
}

// TestMixedTextWarningCountsInBothLanguages: the warning on a column of
// mostly numbers read as text names how many cells are not numbers, in the
// singular for one, in English and in Chinese.
func TestMixedTextWarningCountsInBothLanguages(t *testing.T) {
	one := &data.MixedText{Numbers: 9, Present: 10, NotNumbers: 1, Examples: []string{`"abc"`}}
	two := &data.MixedText{Numbers: 8, Present: 10, NotNumbers: 2, Examples: []string{`"a"`, `"b"`}, More: true}
	en, zh := New(screentest.Common("en", 80, 24)), New(screentest.Common("zh", 80, 24))
	for _, c := range []struct{ got, want string }{
		{en.mixed(one), `read as text although 9 of its 10 values in the first rows are numbers: 1 is not ("abc")`},
		{en.mixed(two), `read as text although 8 of its 10 values in the first rows are numbers: 2 are not ("a", "b", …)`},
		{zh.mixed(one), `按文本读取，尽管前几行的 10 个值中有 9 个是数字：1 个不是（"abc"）`},
		{zh.mixed(two), `按文本读取，尽管前几行的 10 个值中有 8 个是数字：2 个不是（"a"，"b"，…）`},
	} {
		if c.got != c.want {
			t.Errorf("got  %q\nwant %q", c.got, c.want)
		}
	}
}

// TestStatisticsShowWithoutRoundingNoise: the detail line of
// online_shoppers' Administrative_Duration read "数值先截断到 [0,
// 1669.7289428000001]"; bounds and fills print as data.FormatStatistic
// does, in both languages.
func TestStatisticsShowWithoutRoundingNoise(t *testing.T) {
	tr := data.Treatment{Action: data.ActionFeature, Kind: data.Numeric, Encoding: data.EncodeZScore, Log: true, Center: 2.33, Spread: 2.366,
		Clip: true, Min: 0, Max: 1669.7289428000001, Missing: 7, Impute: data.ImputeMean, Fill: 2267.151298701299}
	for lang, want := range map[string][]string{
		"en": {"filled with the mean 2267.15;", "values clipped to [0, 1669.73] first"},
		"zh": {"用均值 2267.15 填充", "数值先截断到 [0, 1669.73]"},
	} {
		got := New(screentest.Common(lang, 80, 24)).treatment(tr)
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lacks %q", lang, got, w)
			}
		}
	}
}

// TestOpenPromptTakesAnAbsolutePathTypedAfterItsDirectory: the prompt
// starts with the loaded file's directory; an absolute path pasted after
// it opens that path, where it used to open /data//tmp/…; a relative one
// is read in the directory, as before.
func TestOpenPromptTakesAnAbsolutePathTypedAfterItsDirectory(t *testing.T) {
	s := loaded(t, screentest.Common("en", 80, 24), experiment.Source{Kind: "log", Path: "/data/orders.csv"}, orderLog())
	for _, c := range []struct{ typed, want string }{
		{"/data//tmp/h1/other.csv", "/tmp/h1/other.csv"},
		{"/data/more/other.csv", "/data/more/other.csv"},
	} {
		s, _ := s.step(screentest.Press("g"))
		if got := s.PromptValue(); got != "/data/" {
			t.Fatalf("the prompt starts with %q, want /data/", got)
		}
		s.SetPromptValue(c.typed)
		_, cmd := s.step(tea.KeyPressMsg{Code: tea.KeyEnter})
		if cmd == nil {
			t.Fatalf("%s: enter gives no command", c.typed)
		}
		if msg, ok := cmd().(OpenMsg); !ok || msg.Src.Path != c.want || msg.Src.Kind != "log" {
			t.Errorf("%s opens %#v, want %s", c.typed, cmd(), c.want)
		}
	}
}
