package recscreen

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/pseudonym"
	"github.com/retainlab/retain/recommend"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// itemLog is the hand-made order log with items: 30 customers, 12 items,
// 2024-01-01 to 2024-06-28 (see the file).
const itemLog = "../testdata/recommend/orders_items.csv"

func open(path string) (io.ReadCloser, error) { return os.Open(path) }

// loadItems loads the item log as the root does.
func loadItems(t *testing.T) *experiment.Data {
	t.Helper()
	d, err := experiment.Load(experiment.Source{Kind: "log", Path: itemLog}, open)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// feed hands the screen one message.
func feed(s Model, msg tea.Msg) (Model, tea.Cmd) {
	next, cmd := s.Update(msg)
	return next.(Model), cmd
}

// drain runs cmd and what follows from it until nothing is left, as the
// program would.
func drain(s Model, cmd tea.Cmd) Model {
	screentest.Drain(cmd, func(msg tea.Msg) (tea.Cmd, bool) {
		if _, ok := msg.(Msg); !ok {
			return nil, false
		}
		var next tea.Cmd
		s, next = feed(s, msg)
		return next, true
	})
	return s
}

func press(s Model, keys ...string) Model {
	for _, k := range keys {
		var msg tea.KeyPressMsg
		switch k {
		case "enter":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "esc":
			msg = tea.KeyPressMsg{Code: tea.KeyEscape}
		case "space":
			msg = tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
		case "backspace":
			msg = tea.KeyPressMsg{Code: tea.KeyBackspace}
		case "end":
			msg = tea.KeyPressMsg{Code: tea.KeyEnd}
		case "home":
			msg = tea.KeyPressMsg{Code: tea.KeyHome}
		case "pgdown":
			msg = tea.KeyPressMsg{Code: tea.KeyPgDown}
		default:
			r := []rune(k)[0]
			msg = tea.KeyPressMsg{Code: r, Text: k}
		}
		var cmd tea.Cmd
		s, cmd = feed(s, msg)
		s = drain(s, cmd)
	}
	return s
}

// typeText types text into the open field after clearing it.
func typeText(s Model, text string) Model {
	for range len([]rune(s.input.Value())) {
		s = press(s, "backspace")
	}
	for _, r := range text {
		s = press(s, string(r))
	}
	return s
}

// ready returns the screen with the item log read.
func ready(t *testing.T, c common.Common) Model {
	t.Helper()
	s := New(c, open)
	s.SetSize(c.Width, c.Height)
	cmd := s.SetData(loadItems(t))
	if cmd == nil {
		t.Fatal("SetData with an item log returned no Cmd")
	}
	s = drain(s, cmd)
	if s.log == nil {
		t.Fatalf("item log not read: %q", s.refusal.In(s.Common))
	}
	return s
}

func TestGolden(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := ready(t, c)
		t.Run("idle", func(t *testing.T) { screentest.Golden(t, s, c.Width, c.Height) })
		s = press(s, "space")
		if s.Result() == nil {
			t.Fatalf("no result after training: %q", s.outcome.In(s.Common))
		}
		t.Run("results", func(t *testing.T) { screentest.Golden(t, s, c.Width, c.Height) })
		if !s.bothFit() {
			s = press(s, "v", "j", "j")
			t.Run("customers", func(t *testing.T) { screentest.Golden(t, s, c.Width, c.Height) })
		}
	})
}

// TestResultIsTheRecommenders checks that the screen shows what package
// recommend computes for the same log and settings, run independently
// here (the default cutoff 2024-05-30 is the log's last day 2024-06-28
// minus 29 days: the latest that leaves a whole 30-day horizon).
func TestResultIsTheRecommenders(t *testing.T) {
	s := press(ready(t, screentest.Common("en", 80, 24)), "space")
	if cutoff, h := s.Settings(); cutoff != "2024-05-30" || h != 30 {
		t.Fatalf("settings %s, %d days; want 2024-05-30, 30", cutoff, h)
	}
	l, _, err := experiment.ReadItemLog(experiment.Source{Kind: "log", Path: itemLog}, open, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	run, err := recommend.Prepare(l, recommend.Options{Cutoff: s.Result().Cutoff, Evaluate: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := run.Model.Trainer.Run(t.Context()); err != nil {
		t.Fatal(err)
	}
	want, err := run.Finish(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	got := s.Result()
	for i, m := range want.Metrics {
		if got.Metrics[i].Ranker != m.Ranker || got.Metrics[i].AtK(10) != m.AtK(10) {
			t.Errorf("metrics %d = %+v, want %+v", i, got.Metrics[i], m)
		}
	}
	// The score is a pointer (nil for GP-TopFreq's lists): compared by value.
	g, w := got.Customers[0].Items[0], want.Customers[0].Items[0]
	if (g.Score == nil) != (w.Score == nil) || (g.Score != nil && *g.Score != *w.Score) {
		t.Errorf("first item's score %v, want %v", g.Score, w.Score)
	}
	g.Score, w.Score = nil, nil
	if g != w {
		t.Errorf("first item %+v, want %+v", g, w)
	}
	// The model's recall@10, as `retain recommend --evaluate` prints it.
	if r := fmt.Sprintf("%.3f", want.Metrics[0].AtK(10).Recall); !strings.Contains(s.View(), r) {
		t.Errorf("view lacks the model's recall@10 %s:\n%s", r, s.View())
	}
}

// TestBadSettingsRefusedInPlace types bad cutoffs and horizons: each is
// refused with its reason under the field, which stays open, and the
// settings stay as they were. The log runs 2024-01-01 to 2024-06-28, so
// with 30 days the model can train for cutoffs from 2024-03-01 (two
// horizons after the first day) to 2024-06-29 (the day after the last);
// its 31 + 29 + 31 + 30 + 31 + 28 = 180 days allow horizons up to 90.
func TestBadSettingsRefusedInPlace(t *testing.T) {
	s := ready(t, screentest.Common("en", 80, 24))
	cases := []struct {
		key, value, want string
	}{
		{"c", "2024-13-45", `"2024-13-45" is not a date as YYYY-MM-DD`},
		{"c", "2024-02-15", "cutoff 2024-02-15 is out of range: with a 30-day horizon choose a date from 2024-03-01 to 2024-06-29 (the model needs two horizons of history before it)"},
		{"c", "2024-07-01", "cutoff 2024-07-01 is out of range: with a 30-day horizon choose a date from 2024-03-01 to 2024-06-29 (the model needs two horizons of history before it)"},
		{"h", "0", `"0" is not a horizon: give days as 30, 30d or 4w (1 to 3,650 days)`},
		{"h", "soon", `"soon" is not a horizon: give days as 30, 30d or 4w (1 to 3,650 days)`},
		{"h", "100", "the log (2024-01-01 to 2024-06-28) is too short for a 100-day horizon: the model needs two horizons of history before the cutoff; choose a horizon from 1 to 90 days"},
	}
	for _, c := range cases {
		s = press(s, c.key)
		s = typeText(s, c.value)
		s = press(s, "enter")
		if s.fieldErr.In(s.Common) != c.want {
			t.Errorf("%s %q: refusal %q, want %q", c.key, c.value, s.fieldErr.In(s.Common), c.want)
		}
		if !s.Editing() {
			t.Errorf("%s %q: the field closed on a refused value", c.key, c.value)
		}
		if !strings.Contains(ansiFree(s.View()), "refused: ") {
			t.Errorf("%s %q: the refusal is not shown:\n%s", c.key, c.value, s.View())
		}
		s = press(s, "esc")
		if cutoff, h := s.Settings(); cutoff != "2024-05-30" || h != 30 || s.Editing() || s.fieldErr.In(s.Common) != "" {
			t.Fatalf("after esc: %s, %d days, editing %v, %q; want 2024-05-30, 30 days, closed", cutoff, h, s.Editing(), s.fieldErr.In(s.Common))
		}
	}
	// A good horizon moves the default cutoff to the latest it evaluates
	// at: 2024-06-28 minus 13 days.
	s = press(s, "h")
	s = press(typeText(s, "2w"), "enter")
	if cutoff, h := s.Settings(); cutoff != "2024-06-15" || h != 14 || s.Editing() {
		t.Errorf("after 2w: %s, %d days, editing %v; want 2024-06-15, 14 days, closed", cutoff, h, s.Editing())
	}
	// A chosen cutoff stays when the horizon changes.
	s = press(s, "c")
	s = press(typeText(s, "2024-04-01"), "enter")
	s = press(s, "h")
	s = press(typeText(s, "30d"), "enter")
	if cutoff, h := s.Settings(); cutoff != "2024-04-01" || h != 30 {
		t.Errorf("after 2024-04-01 and 30d: %s, %d days", cutoff, h)
	}
}

// TestNoItems: a log without an item column and a per-user table say why
// there is nothing to recommend and start nothing. The log's sentence
// points to the Data screen's l, which reads the log again with the
// column chosen (it named --log-columns item=…, a flag of the command
// line).
func TestNoItems(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		c := screentest.Common(lang, 80, 24)
		s := New(c, open)
		s.SetSize(c.Width, c.Height)
		if cmd := s.SetData(screentest.LoadLog(t, "")); cmd != nil {
			t.Fatalf("%s: SetData of a log without items returned a Cmd", lang)
		}
		want := map[string]string{
			"en": "orders.csv has no item column (columns: customer, date, amount); recommendation needs one — press l on the Data screen (1) and choose the item column: the log is read again with it",
			"zh": "orders.csv 没有商品列（列：customer, date, amount）；推荐需要商品列——可在“数据”页（按 1）按 l 选择商品列：日志会按所选的列重新读取",
		}[lang]
		if s.refusal.In(s.Common) != want {
			t.Errorf("%s: refusal %q, want %q", lang, s.refusal.In(s.Common), want)
		}
		view := strings.Join(strings.Fields(ansiFree(s.View())), "")
		if !strings.Contains(view, strings.Join(strings.Fields(want), "")) {
			t.Errorf("%s: the view does not say %q:\n%s", lang, want, s.View())
		}
		if s.Available() || press(s, "space").Alive() {
			t.Errorf("%s: a log without items is available or trains", lang)
		}
	}
}

// TestServedNoItemsKeepsTheFlagWhole: served with pseudonymised ids (as
// CDNOW over SSH), the empty state of a log without items broke inside
// the flag ("--log-columns item=" / "COLUMN") and said "it can serve",
// "it" meaning the server. The flag and its value now share a line, and
// the sentence names the server.
func TestServedNoItemsKeepsTheFlagWhole(t *testing.T) {
	key, err := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string][2]string{
		"en": {"the server can serve the log with", "--log-columns item=COLUMN"},
		"zh": {"服务器可以用", "--log-columns item=列名"},
	} {
		c := screentest.Common(lang, 80, 24)
		c.Served, c.Pseudonym = true, key
		s := New(c, open)
		s.SetSize(c.Width, c.Height)
		s.SetData(screentest.LoadLog(t, ""))
		view := ansiFree(s.View())
		flat := strings.Join(strings.Fields(view), " ")
		if lang == "zh" {
			flat = strings.Join(strings.Fields(view), "")
		}
		if !strings.Contains(flat, want[0]) {
			t.Errorf("%s: the view does not say %q:\n%s", lang, want[0], view)
		}
		if !strings.Contains(view, want[1]) {
			t.Errorf("%s: %q is not whole on one line:\n%s", lang, want[1], view)
		}
	}
}

// TestPerUserTableNamesTheKey: on a per-user table the refusal names the
// Data screen's g, the interface's way to open an order log, not the
// command line's --log FILE; a served session, which opens no file, says
// the server serves one.
func TestPerUserTableNamesTheKey(t *testing.T) {
	for _, c := range []struct {
		lang   string
		served bool
		want   string
	}{
		{"en", false, "Recommendation needs an order log with an item column; a per-user table has no items. Press g on the Data screen (1) to open an order log (customer, date, item, …)."},
		{"zh", false, "推荐需要带商品列的订单日志；按用户汇总的表没有商品。请在“数据”页（按 1）按 g 打开订单日志（客户、日期、商品……）。"},
		{"en", true, "Recommendation needs an order log with an item column; a per-user table has no items. The server chooses this session's data: the server can serve an order log (customer, date, item, …) with --log FILE."},
		{"zh", true, "推荐需要带商品列的订单日志；按用户汇总的表没有商品。本会话的数据由服务器决定：服务器可以用 --log 文件 提供订单日志（客户、日期、商品……）。"},
	} {
		com := screentest.Common(c.lang, 80, 24)
		com.Served = c.served
		s := New(com, open)
		s.SetData(&experiment.Data{Source: experiment.Source{Kind: "csv", Path: "users.csv"}})
		if s.refusal.In(s.Common) != c.want {
			t.Errorf("%s, served %v: refusal %q, want %q", c.lang, c.served, s.refusal.In(s.Common), c.want)
		}
	}
}

func ansiFree(s string) string { return ansi.Strip(s) }

// TestCloseBeforeStart: quitting right after space, before the start Cmd
// ran, must not leave Wait blocked on a run that never began.
func TestCloseBeforeStart(t *testing.T) {
	s := ready(t, screentest.Common("en", 80, 24))
	s, cmd := feed(s, tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
	if cmd == nil || !s.Alive() {
		t.Fatal("space started nothing")
	}
	s.Close()
	s.Wait() // returns: the unstarted run was ended by Close
	if _, err := s.cur.outcome(); err == nil {
		t.Error("a run closed before it started has no error")
	}
}

// TestFutureDatedLineMovesNoRange: the item log with one line retyped into
// 2101 keeps the screen's ranges of the log up to today (2024-06-28): the
// default cutoff 2024-05-30, the latest 2024-06-29, the span the
// too-short refusal names, and the end the title names, with recommend's
// warning (en and zh). They used to run to the 2101 line, unwarned.
func TestFutureDatedLineMovesNoRange(t *testing.T) {
	text, err := os.ReadFile(itemLog)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "typo.csv")
	if err := os.WriteFile(path, append(text, "5999,D40,Lunch box,1,2101-06-28 10:29,5.50,c29\n"...), 0o600); err != nil {
		t.Fatal(err)
	}
	d, err := experiment.Load(experiment.Source{Kind: "log", Path: path}, open)
	if err != nil {
		t.Fatal(err)
	}
	c := screentest.Common("en", 80, 24)
	s := New(c, open)
	s.SetSize(c.Width, c.Height)
	s = drain(s, s.SetData(d))
	if s.log == nil {
		t.Fatalf("item log not read: %q", s.refusal.In(s.Common))
	}
	if cutoff, h := s.Settings(); cutoff != "2024-05-30" || h != 30 {
		t.Fatalf("settings %s, %d days; want 2024-05-30, 30", cutoff, h)
	}
	// The title ends the log on 2024-06-28 and a warning says why, as
	// recommend says it (1,096 lines in the file, 1,097 with the typo).
	view := strings.Join(strings.Fields(ansiFree(s.View())), " ")
	for _, want := range []string{"2024-01-01 to 2024-06-28",
		"⚠ " + path + ": 1 of 1,097 lines is dated after today (",
		"); the log's dates run 2024-01-01 .. 2101-06-28; this screen leaves them out: it reads nothing dated after the last date up to today, 2024-06-28"} {
		if !strings.Contains(view, want) {
			t.Errorf("the view lacks %q:\n%s", want, s.View())
		}
	}
	zh := New(screentest.Common("zh", 80, 24), open)
	zh.SetSize(80, 24)
	zh = drain(zh, zh.SetData(d))
	view = strings.Join(strings.Fields(ansiFree(zh.View())), "")
	for _, want := range []string{"2024-01-01至2024-06-28", "⚠" + path + "：1,097行中有1行的日期晚于今天（",
		"）；日志的日期范围为2024-01-01..2101-06-28；本页不计这些行：不读取今天及以前的最后日期2024-06-28之后的任何订单"} {
		if !strings.Contains(view, want) {
			t.Errorf("zh: the view lacks %q:\n%s", want, zh.View())
		}
	}
	for _, tc := range []struct{ key, value, want string }{
		{"c", "2024-07-01", "cutoff 2024-07-01 is out of range: with a 30-day horizon choose a date from 2024-03-01 to 2024-06-29 (the model needs two horizons of history before it)"},
		{"h", "100", "the log (2024-01-01 to 2024-06-28) is too short for a 100-day horizon: the model needs two horizons of history before the cutoff; choose a horizon from 1 to 90 days"},
	} {
		s = press(s, tc.key)
		s = press(typeText(s, tc.value), "enter")
		if s.fieldErr.In(s.Common) != tc.want {
			t.Errorf("%s %q: refusal %q, want %q", tc.key, tc.value, s.fieldErr.In(s.Common), tc.want)
		}
		s = press(s, "esc")
	}
}

// TestStaleResultMarked changes the cutoff and the horizon after a run:
// the results stay, marked as those of the run's settings with space to
// retrain, in both languages; the mark goes when the settings are back
// to the result's or a new run has finished.
func TestStaleResultMarked(t *testing.T) {
	want := map[string]string{
		"en": "⚠ The results below are for history before 2024-05-30 with a 30-day horizon, not the settings above: space retrains.",
		"zh": "⚠ 下面的结果对应 2024-05-30 之前的历史、30 天观察期，不是上面的设置：按空格重新训练。",
	}
	for _, lang := range screentest.Langs {
		t.Run(lang, func(t *testing.T) {
			c := screentest.Common(lang, 80, 24)
			s := press(ready(t, c), "space")
			if s.Result() == nil {
				t.Fatalf("no result after training: %q", s.outcome.In(s.Common))
			}
			marked := func(s Model) bool {
				// Wrapped lines are joined without their spaces.
				view := strings.Join(strings.Fields(ansiFree(s.View())), "")
				return strings.Contains(view, strings.Join(strings.Fields(want[lang]), ""))
			}
			if marked(s) {
				t.Fatalf("a fresh result is marked stale:\n%s", s.View())
			}
			s = press(s, "c")
			s = press(typeText(s, "2024-04-01"), "enter")
			if cutoff, _ := s.Settings(); cutoff != "2024-04-01" {
				t.Fatalf("cutoff %s, want 2024-04-01", cutoff)
			}
			if !marked(s) {
				t.Fatalf("after a new cutoff the result is not marked:\n%s", s.View())
			}
			t.Run("golden", func(t *testing.T) { screentest.Golden(t, s, c.Width, c.Height) })
			s = press(s, "c")
			s = press(typeText(s, "2024-05-30"), "enter")
			if marked(s) {
				t.Errorf("back at the result's cutoff the result is still marked:\n%s", s.View())
			}
			s = press(s, "h")
			s = press(typeText(s, "14"), "enter")
			if !marked(s) {
				t.Errorf("after a new horizon the result is not marked:\n%s", s.View())
			}
			s = press(s, "space")
			if got := s.Result(); got == nil || got.HorizonDays != 14 || marked(s) {
				t.Errorf("after retraining: result %v, marked %v", got != nil, marked(s))
			}
		})
	}
}

// TestLeaveItemsOut: i reads the log again without the items typed, as
// recommend --exclude-items does; the settings line says which, an id the
// log lacks is named, the same list again reads nothing, and a list that
// leaves no item is refused with the log before it kept.
func TestLeaveItemsOut(t *testing.T) {
	s := ready(t, screentest.Common("en", 120, 30))
	lines := func(l *recommend.Log) int { return l.ExcludedLines }
	s = press(s, "i")
	if !s.Editing() {
		t.Fatal("i opened no field")
	}
	s = press(typeText(s, "K11, ZZ9"), "enter")
	if s.log == nil || s.Editing() || !slices.Equal(s.log.Excluded, []string{"K11"}) || !slices.Equal(s.exclude, []string{"K11", "ZZ9"}) || lines(s.log) == 0 {
		t.Fatalf("after K11, ZZ9: log %v, editing %v", s.log != nil, s.Editing())
	}
	// K11 (Cake stand) is in no basket any more; ZZ9 is no item.
	for _, b := range s.log.Baskets {
		for _, it := range b.Items {
			if s.log.Items[it] == "K11" {
				t.Fatal("a basket keeps K11")
			}
		}
	}
	if !slices.Equal(s.log.NotFound, []string{"ZZ9"}) {
		t.Errorf("not found %v, want [ZZ9]", s.log.NotFound)
	}
	if v := ansiFree(s.View()); !strings.Contains(v, "without K11, ZZ9 (i; no item ZZ9)") {
		t.Errorf("the settings line does not say what is left out:\n%s", v)
	}
	before := s.log
	s = press(s, "i")
	s = press(typeText(s, "K11,ZZ9"), "enter")
	if s.log != before {
		t.Error("the same list read the log again")
	}
	all := make([]string, len(s.log.Items))
	copy(all, s.log.Items)
	s = press(s, "i")
	s = press(typeText(s, strings.Join(all, ",")), "enter")
	if s.log != before || !slices.Equal(s.exclude, []string{"K11", "ZZ9"}) || !strings.Contains(s.fieldErr.In(s.Common), "no order has an item left") {
		t.Errorf("leaving every item out: log kept %v, exclude %v, refusal %q", s.log == before, s.exclude, s.fieldErr.In(s.Common))
	}
}

// TestLeaveItemsOutOnlyOnLinesLeftOut: an id that is in the item column
// only on a line left out (DOT, on a line without a customer id, as
// postage lines often are) is not called "no item": the settings line
// tells it from an id on no line at all, in English and Chinese.
func TestLeaveItemsOutOnlyOnLinesLeftOut(t *testing.T) {
	text, err := os.ReadFile(itemLog)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "orders.csv")
	text = append(text, "5999,DOT,Dotcom postage,1,2024-02-01 10:00,1.50,\n"...)
	if err := os.WriteFile(path, text, 0o600); err != nil {
		t.Fatal(err)
	}
	d, err := experiment.Load(experiment.Source{Kind: "log", Path: path}, open)
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{
		"en": "without K11, ZZ9, DOT (i; no item ZZ9; DOT only on lines left out)",
		"zh": "排除 K11, ZZ9, DOT（i；无此商品：ZZ9；DOT 只在未读入的行上）",
	} {
		c := screentest.Common(lang, 160, 30)
		s := New(c, open)
		s.SetSize(c.Width, c.Height)
		s = drain(s, s.SetData(d))
		s = press(s, "i")
		s = press(typeText(s, "K11, ZZ9, DOT"), "enter")
		if s.log == nil || !slices.Equal(s.log.NotFound, []string{"ZZ9"}) || !slices.Equal(s.log.LeftOutOnly, []string{"DOT"}) {
			t.Fatalf("%s: log %v", lang, s.log != nil)
		}
		if v := ansiFree(s.View()); !strings.Contains(v, want) {
			t.Errorf("%s: the settings line lacks %q:\n%s", lang, want, v)
		}
	}
}

// TestTitleCountsTheCustomersLeft: the title kept the customer and item
// counts of the log read before i, where recommend --exclude-items counts
// the log read without the items (4,336 customers of online_retail without
// POST and M, not 4,339). Without A10, F60 and M33 the log offers 9 of its
// 12 items, and customer c08, who bought only those, is none of its 29
// customers.
func TestTitleCountsTheCustomersLeft(t *testing.T) {
	for _, lang := range screentest.Langs {
		c := screentest.Common(lang, 160, 30)
		s := ready(t, c)
		screentest.MustContain(t, ansiFree(s.View()), c.T("12 items, 30 customers with a purchase not returned", "12 件商品，30 位有未退货购买的客户"))
		s = press(s, "i")
		s = press(typeText(s, "A10,F60,M33"), "enter")
		screentest.MustContain(t, ansiFree(s.View()), c.T("9 items, 29 customers with a purchase not returned", "9 件商品，29 位有未退货购买的客户"))
	}
}

// TestLeaveItemsOutAfterARun: i after a run has ended reads the log again
// without the items; the ended run's result, of the log before, is gone
// and the screen is idle (it panicked on the missing result), and space
// trains on the log as now read.
func TestLeaveItemsOutAfterARun(t *testing.T) {
	for _, lang := range screentest.Langs {
		c := screentest.Common(lang, 80, 24)
		s := press(ready(t, c), "space")
		if s.Result() == nil {
			t.Fatalf("%s: no result after training: %q", lang, s.outcome.In(s.Common))
		}
		s = press(s, "i")
		s = press(typeText(s, "K11"), "enter")
		if s.Result() != nil || s.state != runIdle || !slices.Equal(s.log.Excluded, []string{"K11"}) {
			t.Fatalf("%s: after i: result %v, state %v, excluded %v", lang, s.Result() != nil, s.state, s.log.Excluded)
		}
		screentest.MustContain(t, ansiFree(s.View()), c.T("space trains the recommender", "按空格训练推荐模型"))
		if s = press(s, "space"); s.Result() == nil {
			t.Fatalf("%s: no result after training again: %q", lang, s.outcome.In(s.Common))
		}
	}
}

// TestHorizonRefusalNamesTheRange: a horizon too long for the log is
// refused with the horizons it allows, in both languages and without the
// command line's flag names: half the days from its first date to its
// last, both in (recommend --horizon's "at most"); a log of 3 days allows
// only 1 day, one of 1 day none.
func TestHorizonRefusalNamesTheRange(t *testing.T) {
	want := map[string]string{
		"en": "the log (2024-01-01 to 2024-06-28) is too short for a 100-day horizon: the model needs two horizons of history before the cutoff; choose a horizon from 1 to 90 days",
		"zh": "日志（2024-01-01 至 2024-06-28）太短，不够 100 天的观察期：模型需要截止日前有两个观察期的历史；请选 1 到 90 天的观察期",
	}
	for _, lang := range screentest.Langs {
		s := press(ready(t, screentest.Common(lang, 80, 24)), "h")
		s = press(typeText(s, "100"), "enter")
		if s.fieldErr.In(s.Common) != want[lang] {
			t.Errorf("%s: refusal %q\nwant %q", lang, s.fieldErr.In(s.Common), want[lang])
		}
	}
	day := recommend.Day(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	for _, c := range []struct {
		days       int32
		lang, want string
	}{
		{3, "en", "the log (2024-01-01 to 2024-01-03) is too short for a 2-day horizon: the model needs two horizons of history before the cutoff; the only horizon it allows is 1 day"},
		{3, "zh", "日志（2024-01-01 至 2024-01-03）太短，不够 2 天的观察期：模型需要截止日前有两个观察期的历史；它只允许 1 天的观察期"},
		{1, "en", "the log (2024-01-01 to 2024-01-01) is too short for a 2-day horizon: the model needs two horizons of history before the cutoff; it is too short for any horizon"},
		{1, "zh", "日志（2024-01-01 至 2024-01-01）太短，不够 2 天的观察期：模型需要截止日前有两个观察期的历史；它太短，任何观察期都不够"},
	} {
		s := New(screentest.Common(c.lang, 80, 24), open)
		s.log = &recommend.Log{First: day, Last: day + c.days - 1, LastUpToToday: day + c.days - 1}
		if got := s.cutoffProblem(day+c.days, 2); got != c.want {
			t.Errorf("%d days, %s: %q\nwant %q", c.days, c.lang, got, c.want)
		}
	}
}

// TestPairsBoundedByRowLimit: in a served session the recommender trains
// on at most the session's row limit of (customer, item) pairs, as a
// table is bounded; beyond it the run ends at once saying so (en and zh).
// The item log makes more than 100 pairs at its default settings.
func TestPairsBoundedByRowLimit(t *testing.T) {
	want := map[string]string{
		"en": "the recommender would train on more than 100 (customer, item) pairs; this session allows training on at most 100 rows",
		"zh": "推荐模型将用超过 100 个（客户, 商品）对训练；本会话最多只能用 100 行训练",
	}
	for _, lang := range screentest.Langs {
		c := screentest.Common(lang, 80, 24)
		s := New(c, open)
		s.SetLimits(experiment.Limits{MaxRows: 100})
		s.SetSize(c.Width, c.Height)
		s = drain(s, s.SetData(loadItems(t)))
		s = press(s, "space")
		if s.Result() != nil || !s.failed || s.outcome.In(s.Common) != want[lang] {
			t.Errorf("%s: result %v, failed %v, outcome %q; want no result and %q", lang, s.Result() != nil, s.failed, s.outcome.In(s.Common), want[lang])
		}
		// The reason stands whole in the failure box, wrapped between
		// its borders.
		view := strings.Join(strings.Fields(strings.ReplaceAll(ansiFree(s.View()), "│", "")), "")
		if !strings.Contains(view, strings.Join(strings.Fields(want[lang]), "")) {
			t.Errorf("%s: the view does not say %q:\n%s", lang, want[lang], s.View())
		}
	}
}
