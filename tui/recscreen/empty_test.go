package recscreen

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestEmptyHorizonRecommendsWithoutMeasuring: the hand-made item log
// without its lines of May 2024 has no order in the 30-day horizon from
// 2024-05-01 (the next is on 2024-06-01, the first June line of the
// file). Where the command line's --evaluate refuses such a horizon, the
// screen, which evaluates whenever it can, says before the run that there
// is nothing to measure and then recommends without measuring (a log
// where every customer orders once has no such horizon at any cutoff,
// and still gets its lists: TestOneOrderEachGetsGPTopFreq), saying why,
// in English and Chinese. At the default cutoff (2024-05-30, whose horizon
// has June's orders) the run measures.
func TestEmptyHorizonRecommendsWithoutMeasuring(t *testing.T) {
	text, err := os.ReadFile(itemLog)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "gap.csv")
	gap := regexp.MustCompile(`(?m)^.*,2024-05-\d\d .*\n`).ReplaceAllString(string(text), "")
	if err := os.WriteFile(path, []byte(gap), 0o600); err != nil {
		t.Fatal(err)
	}
	why := map[string]string{
		"en": "no customer with history buys in 2024-05-01 .. 2024-05-30 (the log has no order in it; its next is on 2024-06-01)",
		"zh": "截止日前有历史的客户在 2024-05-01 至 2024-05-30 内都没有购买（日志在这段时间里没有订单；下一笔订单在 2024-06-01）",
	}
	for _, c := range []struct{ lang, before, after string }{
		{"en", why["en"] + ": recommends without measuring", "Recommendations at 2024-05-01 for the next 30 days; not measured: " + why["en"] + "."},
		{"zh", why["zh"] + "：只推荐，不评估", "2024-05-01 起 30 天的推荐；未评估：" + why["zh"] + "。"},
	} {
		com := screentest.Common(c.lang, 200, 50)
		d, err := experiment.Load(experiment.Source{Kind: "log", Path: path}, open)
		if err != nil {
			t.Fatal(err)
		}
		s := New(com, open)
		s.SetSize(com.Width, com.Height)
		s = drain(s, s.SetData(d))
		s = press(s, "space")
		if res := s.Result(); res == nil || !res.Evaluated {
			t.Fatalf("%s: no evaluated result at the default cutoff: %s", c.lang, s.outcome.In(s.Common))
		}
		s.editing = fieldCutoff
		if !s.apply("2024-05-01") {
			t.Fatalf("cutoff refused: %s", s.fieldErr.In(s.Common))
		}
		s.editing = fieldNone
		s = press(s, "c", "esc") // a key redraws the screen, as in use
		if view := flat(s.View()); !strings.Contains(view, c.before) {
			t.Errorf("%s: before the run the view lacks %q:\n%s", c.lang, c.before, view)
		}
		s = press(s, "space")
		res := s.Result()
		if s.failed || res == nil || res.Evaluated || len(res.Customers) == 0 || !res.Cutoff.Equal(mustDate(t, "2024-05-01")) {
			t.Fatalf("%s: failed %v (%s), result %+v", c.lang, s.failed, s.outcome.In(s.Common), res)
		}
		if view := flat(s.View()); !strings.Contains(view, c.after) {
			t.Errorf("%s: after the run the view lacks %q:\n%s", c.lang, c.after, view)
		}
	}
}

// flat is a view without styles, its runs of spaces and line ends one
// space (wrapped text reads as one line).
func flat(view string) string { return strings.Join(strings.Fields(ansi.Strip(view)), " ") }

// mustDate reads a YYYY-MM-DD date.
func mustDate(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
